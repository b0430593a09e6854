// The checks every plotting function makes of its options: an object of known keys, and sizes
// that are whole numbers in a range a chart can be drawn at (a width of 10^8 columns would read
// and draw 10^8 columns).
import { knownKeys, mustBe, plainObject } from '../internal/validate.js';

/** The largest figure side in pixels, and the largest terminal chart side in characters. */
export const MAX_PIXELS = 10_000;
export const MAX_CHARS = 1_000;

/** Checks `options` is an object (or absent) of keys among `accepted`, in the name of `fn`. */
export function checkOptions(fn: string, options: unknown, accepted: readonly string[]): void {
  if (options === undefined) return;
  knownKeys(fn, 'option', plainObject(fn, 'options', options), accepted);
}

/** A size option: `fallback` when absent, else an integer in [min, max]. */
export function size(fn: string, arg: string, value: unknown, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  return Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max ? (value as number) : mustBe(fn, arg, `an integer in [${min}, ${max}]`, value);
}

/** An optional string option (a title). */
export function text(fn: string, arg: string, value: unknown): string | undefined {
  return value === undefined || typeof value === 'string' ? value : mustBe(fn, arg, 'a string', value, TypeError);
}
