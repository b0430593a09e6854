import type { Ease } from '../ease.js';
import { finite } from '../internal/validate.js';
import type { Space } from '../space.js';
import { ParametricSpace, type SpaceOptions } from './eased.js';

/**
 * Polynomial decay from `start` to `end`: `end + (start - end)·(1 - t)^power` (PyTorch
 * `PolynomialLR`, HF `get_polynomial_decay_schedule_with_warmup`, optax `polynomial_schedule`,
 * Keras `PolynomialDecay`). `power` 1 is linear.
 *
 * @example
 * import { polyspace } from 'rx-policy';
 * [...polyspace(1, 0, 5, 2)]; // [1, 0.5625, 0.25, 0.0625, 0]
 */
export function polyspace(start: number, end: number, steps: number, power: number, options?: SpaceOptions): Space {
  finite('polyspace', 'power', power);
  if (power <= 0) throw new RangeError(`polyspace: power must be a finite number > 0, got ${power}`);
  return new ParametricSpace('polyspace', start, end, steps, { power }, polyEase(power), options);
}

const polyEase =
  (power: number): Ease =>
  (t) =>
    1 - (1 - t) ** power;
