import { joinTo, MAX_PHASES } from '../compose.js';
import { count, show } from '../internal/validate.js';
import type { Phase } from '../phase.js';
import { heldParts, interpolateParts } from './interpolate.js';

/**
 * Interpolates between given points `[step, value]`, linearly or by half cosines (optax's
 * `piecewise_interpolate_schedule`, given as points rather than scales), or holds each value from
 * its step on (`'constant'`: multi-step decay, optax's `piecewise_constant_schedule`, which switches
 * at `count ≥ boundary`); the first value until the first point, the last from the last point on.
 *
 * @param kind `'linear'`, `'cos'` or `'constant'`.
 * @param points `[step, value]` pairs, steps increasing.
 * @param steps The length of the schedule.
 * @returns The phases of an `lr` schedule of `steps` steps.
 * @throws TypeError/RangeError naming `piecewise` and the argument, for a bad kind, points or steps.
 * @example
 * import { piecewise, OptimizerPolicy } from 'rx-policy';
 * new OptimizerPolicy(piecewise('linear', [[0, 0], [100, 1], [1000, 0.01]], 1200)).at(50); // → { lr: 0.5 }
 */
export function piecewise(kind: 'linear' | 'cos' | 'constant', points: readonly (readonly [number, number])[], steps: number): Phase<'lr'>[] {
  const fn = 'piecewise';
  if (kind !== 'linear' && kind !== 'cos' && kind !== 'constant') throw new TypeError(`${fn}: kind must be 'linear', 'cos' or 'constant', got ${show(kind)}`);
  if (!Array.isArray(points) || points.length === 0 || points.length > MAX_PHASES) throw new TypeError(`${fn}: points must be a non-empty array of at most ${MAX_PHASES} [step, value], got ${show(points)}`);
  for (let i = 0; i < points.length; i++) {
    const point: unknown = i in points ? points[i] : undefined;
    if (!Array.isArray(point) || point.length !== 2 || typeof point[1] !== 'number') throw new TypeError(`${fn}: points[${i}] must be [step, finite value], got ${show(point)}`);
    if (!Number.isFinite(point[1])) throw new RangeError(`${fn}: points[${i}][1] must be a finite number, got ${show(point[1])}`);
    count(fn, `points[${i}][0]`, point[0]);
    if (i > 0 && !(point[0] > points[i - 1]![0])) throw new RangeError(`${fn}: point steps must increase, got ${points[i - 1]![0]} then ${point[0]}`);
  }
  const total = count(fn, 'steps', steps);
  const values = [points[0]![1], ...points.map((p) => p[1])];
  const boundaries = points.map((p) => p[0]);
  return joinTo(fn, kind === 'constant' ? heldParts(fn, values, boundaries) : interpolateParts(kind, values, boundaries), total);
}
