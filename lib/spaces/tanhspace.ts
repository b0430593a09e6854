import type { Ease } from '../ease.js';
import { finite } from '../internal/validate.js';
import type { Space } from '../space.js';
import { EasedSpace, type SpaceOptions } from './eased.js';

/**
 * timm's tanh curve: `end + (start − end)·(1 − tanh(lb·(1 − t) + ub·t))/2` with `lb` −7 and `ub` 3
 * (timm `TanhLRScheduler`). It starts just below `start` and ends just above `end`, as timm's does.
 *
 * @example
 * import { tanhspace } from 'rx-policy';
 * tanhspace(1, 0, 11).at(7); // 1 − tanh(−7·0.3 + 3·0.7) … = 0.5
 */
export function tanhspace(start: number, end: number, steps: number, lb = -7, ub = 3, options?: SpaceOptions): Space {
  return new TanhSpace(start, end, steps, finite('tanhspace', 'lb', lb), finite('tanhspace', 'ub', ub), options);
}

const tanhEase =
  (lb: number, ub: number): Ease =>
  (t) =>
    (1 + Math.tanh(lb * (1 - t) + ub * t)) / 2;

class TanhSpace extends EasedSpace {
  constructor(start: number, end: number, steps: number, readonly lb: number, readonly ub: number, options?: SpaceOptions) {
    super('tanhspace', start, end, steps, tanhEase(lb, ub), options);
  }

  protected override extraArgs(): number[] {
    return [this.lb, this.ub];
  }

  override toJSON() {
    return { ...super.toJSON(), lb: this.lb, ub: this.ub };
  }
}
