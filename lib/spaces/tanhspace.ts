import type { Ease } from '../ease.js';
import { finite } from '../internal/validate.js';
import type { Space } from '../space.js';
import { ParametricSpace, type SpaceOptions } from './eased.js';

/**
 * timm's tanh curve: `end + (start − end)·(1 − tanh(lb·(1 − t) + ub·t))/2` with `lb` −7 and `ub` 3
 * (timm `TanhLRScheduler`). It starts just below `start` and ends just above `end`, as timm's does.
 *
 * @example
 * import { tanhspace } from 'rx-policy';
 * tanhspace(1, 0, 11).at(7); // 1 − tanh(−7·0.3 + 3·0.7) … = 0.5
 */
export function tanhspace(start: number, end: number, steps: number, lb = -7, ub = 3, options?: SpaceOptions): Space {
  return new ParametricSpace('tanhspace', start, end, steps, { lb: finite('tanhspace', 'lb', lb), ub: finite('tanhspace', 'ub', ub) }, tanhEase(lb, ub), options);
}

const tanhEase =
  (lb: number, ub: number): Ease =>
  (t) =>
    (1 + Math.tanh(lb * (1 - t) + ub * t)) / 2;
