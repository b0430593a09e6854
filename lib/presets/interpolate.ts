import { Phase } from '../phase.js';
import type { Space } from '../space.js';
import { constant } from '../spaces/constant.js';
import { cosinespace } from '../spaces/cosinespace.js';
import { linspace } from '../spaces/linspace.js';

/**
 * Step schedules as phases: `values[0]` before `changes[0]`, `values[i]` on
 * `[changes[i-1], changes[i])`, the last value from the last change on, over steps `[start, steps)`.
 * `changes` must not decrease; a change repeated (or before `start`) leaves only its later value.
 * Every multi-step decay and piecewise-constant schedule is this, with its own change steps.
 * @internal
 */
export function heldPhases(values: readonly number[], changes: readonly number[], steps: number, start = 0): Phase<'lr'>[] {
  const phases: Phase<'lr'>[] = [];
  let from = start;
  values.forEach((value, i) => {
    const to = i < changes.length ? Math.min(changes[i]!, steps) : steps;
    if (to > from) phases.push(new Phase({ lr: constant(value, to - from) }));
    from = Math.max(from, to);
  });
  return phases.length > 0 || start > 0 ? phases : [new Phase({ lr: constant(values[0]!, 0) })];
}

/**
 * optax's `piecewise_interpolate_schedule` as phases: `values[i] → values[i+1]` on
 * `[boundaries[i], boundaries[i+1])` with progress `(k − b_i)/max(b_{i+1} − b_i, 1)`, starting at
 * step 0 from `values[0]`, and the last value from the last boundary on, up to `steps`.
 * @internal
 */
export function interpolatePhases(kind: 'linear' | 'cos', values: readonly number[], boundaries: readonly number[], steps: number): Phase<'lr'>[] {
  const space = kind === 'linear' ? linspace : cosinespace;
  const phases: Phase<'lr'>[] = [];
  let from = 0;
  boundaries.forEach((to, i) => {
    const n = Math.max(0, Math.min(to, steps) - from);
    const lr: Space = space(values[i]!, values[i + 1]!, n, { span: Math.max(to - from, 1) });
    if (n > 0) phases.push(new Phase({ lr }));
    from = Math.max(from, Math.min(to, steps));
  });
  if (steps > from || phases.length === 0) phases.push(new Phase({ lr: constant(values.at(-1)!, steps - from) }));
  return phases;
}
