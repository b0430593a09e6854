import type { Observable } from 'rxjs';

// Test helpers: Poutyne's formulas written out by hand (policies.py), so reference values are
// computed independently of the library under test.

export const poutyneLinspace = (start: number, end: number, steps: number): number[] =>
  Array.from({ length: steps }, (_, i) => start + (i / (steps - 1)) * (end - start));

export const poutyneCosinespace = (start: number, end: number, steps: number): number[] =>
  Array.from({ length: steps }, (_, i) => end + ((start - end) * (1 + Math.cos((i / (steps - 1)) * Math.PI))) / 2);

/** Expects two arrays of numbers to agree to `digits` decimals, element by element. */
export function expectClose(actual: readonly number[], expected: readonly number[], digits = 12): void {
  if (actual.length !== expected.length) throw new Error(`length ${actual.length} !== ${expected.length}`);
  actual.forEach((a, i) => {
    const e = expected[i]!;
    if (!(Math.abs(a - e) < 0.5 * 10 ** -digits)) throw new Error(`index ${i}: ${a} !== ${e} (to ${digits} digits)`);
  });
}

/** Collects what a synchronous Observable emits. */
export function collect<T>(source: Observable<T>): T[] {
  const out: T[] = [];
  source.subscribe({ next: (v) => out.push(v) });
  return out;
}

/** Expects |actual − expected| ≤ tol element by element (HF's assertListAlmostEqual). */
export function expectWithin(actual: readonly number[], expected: readonly number[], tol: number): void {
  if (actual.length !== expected.length) throw new Error(`length ${actual.length} !== ${expected.length}`);
  actual.forEach((a, i) => {
    if (!(Math.abs(a - expected[i]!) <= tol)) throw new Error(`index ${i}: ${a} !== ${expected[i]} (±${tol})`);
  });
}

/**
 * Expects `fn` to throw exactly `kind` (a RangeError is not accepted for a TypeError) with a
 * message that starts with the function, names the argument and shows the value it got (the
 * project's rule for bad input). Returns the message for further checks.
 */
export function expectNamedError(fn: () => unknown, kind: new (message?: string) => Error, parts: { fn: string; arg: string; got: string }): string {
  let thrown: unknown = undefined;
  let threw = false;
  try {
    fn();
  } catch (e) {
    thrown = e;
    threw = true;
  }
  if (!threw) throw new Error(`expected ${kind.name} from ${parts.fn} about ${parts.arg}; nothing was thrown`);
  if (!(thrown instanceof Error) || thrown.constructor !== kind) throw new Error(`expected ${kind.name}, got ${String(thrown)}`);
  const message = thrown.message;
  if (!message.startsWith(parts.fn)) throw new Error(`message does not start with the function ${parts.fn}: ${message}`);
  if (!message.includes(parts.arg)) throw new Error(`message does not name the argument ${parts.arg}: ${message}`);
  if (!message.includes(`got ${parts.got}`)) throw new Error(`message does not show the value (got ${parts.got}): ${message}`);
  return message;
}
