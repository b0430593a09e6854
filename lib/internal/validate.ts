// Argument checks shared by every public constructor. Each error names the function, the
// argument and the value it got, so a bad schedule fails where it is written, not mid-training.
import { closest } from './closest.js';

/** The longest rendering of a value in a message: a 50 MB string is shown by its start. */
const SHOWN = 100;

const clip = (text: string): string => (text.length > SHOWN ? `${text.slice(0, SHOWN - 3)}...` : text);

/**
 * Renders a received value for an error message: strings quoted, arrays and objects as JSON,
 * `-0` as `-0`, anything longer than about 100 characters cut with `...`.
 */
export function show(value: unknown): string {
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'function') return `a function ${value.name || '(anonymous)'}`;
  if (typeof value === 'string') return JSON.stringify(value.slice(0, SHOWN)) + (value.length > SHOWN ? '...' : '');
  // booleans, undefined, null and symbols
  if (typeof value !== 'object' || value === null) return clip(String(value));
  if (Array.isArray(value) && value.length <= 1e7 && Object.keys(value).length !== value.length) return `a sparse array of length ${value.length}`;
  try {
    const json = JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
    if (json !== undefined) return clip(json);
  } catch {
    // cyclic or exotic objects fall through to their tag
  }
  return Object.prototype.toString.call(value);
}

/**
 * Throws `fn: arg must be <expected>, got <value>`: a RangeError for a number outside its range,
 * a TypeError for a value of another type (or `kind` when given).
 */
export function mustBe(fn: string, arg: string, expected: string, value: unknown, kind: ErrorConstructor = typeof value === 'number' ? RangeError : TypeError): never {
  throw new kind(`${fn}: ${arg} must be ${expected}, got ${show(value)}`);
}

/**
 * The allowed range of a number:
 * `finite`, `positive` (> 0), `nonNegative` (≥ 0), `integer` (a safe integer), `count` (an integer
 * ≥ 0) or `positiveCount` (an integer ≥ 1).
 */
export type NumberRange = 'finite' | 'positive' | 'nonNegative' | 'integer' | 'count' | 'positiveCount';

/** How errors phrase each range: `must be <phrase>`. */
export const rangeText: Readonly<Record<NumberRange, string>> = {
  finite: 'a finite number',
  positive: 'a finite number > 0',
  nonNegative: 'a finite number ≥ 0',
  integer: 'an integer',
  count: 'a non-negative integer',
  positiveCount: 'a positive integer',
};

/** What each range allows: whole numbers only or any finite one, and its lowest value (if any). */
export const rangeLimits: Readonly<Record<NumberRange, { readonly whole: boolean; readonly min?: number; readonly exclusiveMin?: true }>> = {
  finite: { whole: false },
  positive: { whole: false, min: 0, exclusiveMin: true },
  nonNegative: { whole: false, min: 0 },
  integer: { whole: true },
  count: { whole: true, min: 0 },
  positiveCount: { whole: true, min: 1 },
};

/** Checks a number against its declared range, in the name of `fn` and `arg`. */
export function checkNumber(fn: string, arg: string, range: NumberRange, value: unknown): number {
  const { whole, min, exclusiveMin } = rangeLimits[range];
  const ok =
    typeof value === 'number' &&
    (whole ? Number.isSafeInteger(value) : Number.isFinite(value)) &&
    (min === undefined || (exclusiveMin ? value > min : value >= min));
  return ok ? value : mustBe(fn, arg, rangeText[range], value);
}

export const finite = (fn: string, arg: string, value: unknown): number => checkNumber(fn, arg, 'finite', value);
export const count = (fn: string, arg: string, value: unknown): number => checkNumber(fn, arg, 'count', value);
export const positiveCount = (fn: string, arg: string, value: unknown): number => checkNumber(fn, arg, 'positiveCount', value);
export const positive = (fn: string, arg: string, value: unknown): number => checkNumber(fn, arg, 'positive', value);

/** An optional boolean option: `fallback` when absent. */
export function flag(fn: string, arg: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  return typeof value === 'boolean' ? value : mustBe(fn, arg, 'a boolean', value, TypeError);
}

/** A fraction in [0, 1): the half-open range every "fraction of the steps" option uses. */
export function fraction(fn: string, arg: string, value: unknown): number {
  return finite(fn, arg, value) >= 0 && (value as number) < 1 ? (value as number) : mustBe(fn, arg, 'a fraction in [0, 1)', value);
}

/** A pair `[a, b]` of finite numbers, as Poutyne's `(start, end)` tuples. */
export function pair(fn: string, arg: string, value: unknown): readonly [number, number] {
  if (!Array.isArray(value) || value.length !== 2) mustBe(fn, arg, 'a pair [start, end] of finite numbers', value, TypeError);
  finite(fn, `${arg}[0]`, value[0]);
  finite(fn, `${arg}[1]`, value[1]);
  return value as unknown as readonly [number, number];
}

export function plainObject(fn: string, arg: string, value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : mustBe(fn, arg, 'an object', value, TypeError);
}

/**
 * Rejects option names a function does not know, naming the closest known one (a typo, a
 * snake_case or differently cased spelling) and listing the ones it accepts.
 */
export function knownKeys(fn: string, arg: string, value: Record<string, unknown>, accepted: readonly string[]): void {
  for (const key of Object.keys(value)) if (!accepted.includes(key)) unknownKey(fn, arg, key, accepted);
}

/** Throws `fn: unknown <arg> "key" (did you mean "…"?); accepted: …`. */
export function unknownKey(fn: string, arg: string, key: string, accepted: readonly string[]): never {
  throw new TypeError(`${fn}: unknown ${arg} ${show(key)}${didYouMean(key, accepted)}; accepted: ${accepted.join(', ')}`);
}

/** ` (did you mean "…"?)` when `name` is close to one of `accepted`, else the empty string. */
export function didYouMean(name: unknown, accepted: readonly string[]): string {
  const near = typeof name === 'string' ? closest(name, accepted) : undefined;
  return near === undefined ? '' : ` (did you mean ${show(near)}?)`;
}

/** Formats a number as Poutyne prints them: integers without a dot, others in shortest form. */
export function num(value: number): string {
  return Object.is(value, -0) ? '0' : String(value);
}
