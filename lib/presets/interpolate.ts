import { part, type Part } from '../compose.js';
import { show } from '../internal/validate.js';
import { Phase } from '../phase.js';
import type { Space } from '../space.js';
import { constant } from '../spaces/constant.js';
import { cosinespace } from '../spaces/cosinespace.js';
import { linspace } from '../spaces/linspace.js';

/** `value` held: a part of `length` steps (`Infinity`: as long as the schedule asks). */
export function hold(value: number, length = Infinity): Part<'lr'> {
  return part(length, (n) => new Phase({ lr: constant(value, n) }));
}

/**
 * Step schedules as parts: `values[0]` before `changes[0]`, `values[i]` on
 * `[changes[i-1], changes[i])`, the last value from the last change on, from step `start`.
 * `changes` must not decrease; a change repeated (or before `start`) leaves only its later value.
 * Every multi-step decay and piecewise-constant schedule is this, with its own change steps.
 * A value that overflowed (a running product of factors) is an error in the name of `fn` when
 * the schedule reaches its first step, and only then.
 * @internal
 */
export function heldParts(fn: string, values: readonly number[], changes: readonly number[], start = 0): Part<'lr'>[] {
  const parts: Part<'lr'>[] = [];
  let from = start;
  values.forEach((value, i) => {
    const to = i < changes.length ? changes[i]! : Infinity;
    if (to > from) parts.push(Number.isFinite(value) ? hold(value, to - from) : notFinite(fn, value, from, to - from));
    from = Math.max(from, to);
  });
  return parts;
}

function notFinite(fn: string, value: number, step: number, length: number): Part<'lr'> {
  return part(length, () => {
    throw new RangeError(`${fn}: lr would be ${show(value)} at step ${step} (not a finite number); choose options that keep every step finite, or fewer steps`);
  });
}

/**
 * optax's `piecewise_interpolate_schedule` as parts: `values[i] → values[i+1]` on
 * `[boundaries[i], boundaries[i+1])` with progress `(k − b_i)/max(b_{i+1} − b_i, 1)`, starting at
 * step 0 from `values[0]`, and the last value from the last boundary on.
 * @internal
 */
export function interpolateParts(kind: 'linear' | 'cos', values: readonly number[], boundaries: readonly number[]): Part<'lr'>[] {
  const space = kind === 'linear' ? linspace : cosinespace;
  const parts: Part<'lr'>[] = [];
  let from = 0;
  boundaries.forEach((to, i) => {
    const length = to - from;
    if (length > 0) parts.push(part(length, (n): Phase<'lr'> => new Phase({ lr: space(values[i]!, values[i + 1]!, n, { span: Math.max(length, 1) }) as Space })));
    from = Math.max(from, to);
  });
  parts.push(hold(values.at(-1)!));
  return parts;
}
