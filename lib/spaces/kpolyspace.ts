import type { Ease } from '../ease.js';
import { finite } from '../internal/validate.js';
import type { Space } from '../space.js';
import { ParametricSpace, type SpaceOptions } from './eased.js';

/**
 * Polynomial decay with timm's k-decay: `end + (start − end)·(1 − t^k)^power` (timm
 * `PolyLRScheduler` with `k_decay`); `k` 1 is `polyspace`. A larger `k` holds the start longer.
 *
 * @example
 * import { kpolyspace } from 'rx-policy';
 * [...kpolyspace(1, 0, 3, 1, 2)]; // [1, 0.75, 0]
 */
export function kpolyspace(start: number, end: number, steps: number, power: number, k: number, options?: SpaceOptions): Space {
  for (const [arg, v] of [['power', power], ['k', k]] as const) {
    finite('kpolyspace', arg, v);
    if (v <= 0) throw new RangeError(`kpolyspace: ${arg} must be a finite number > 0, got ${v}`);
  }
  return new ParametricSpace('kpolyspace', start, end, steps, { power, k }, kPolyEase(power, k), options);
}

const kPolyEase =
  (power: number, k: number): Ease =>
  (t) =>
    1 - (1 - t ** k) ** power;
