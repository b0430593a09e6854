import { Phase } from '../phase.js';
import type { Space } from '../space.js';
import { constant } from '../spaces/constant.js';
import { cosinespace } from '../spaces/cosinespace.js';
import { linspace } from '../spaces/linspace.js';

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
