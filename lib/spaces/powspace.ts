import type { Ease } from '../ease.js';
import { finite } from '../internal/validate.js';
import type { Space } from '../space.js';
import { ParametricSpace, type SpaceOptions } from './eased.js';

/**
 * A power curve: `start + (end − start)·t^power`. `power` ½ from `lr` to a floor is Hugging Face's
 * `1-sqrt` decay (`1 − √p`); compare `polyspace`, which is `1 − (1 − t)^power`.
 *
 * @example
 * import { powspace } from 'rx-policy';
 * [...powspace(1, 0, 5, 0.5)]; // [1, 0.5, 0.29…, 0.13…, 0]
 */
export function powspace(start: number, end: number, steps: number, power: number, options?: SpaceOptions): Space {
  finite('powspace', 'power', power);
  if (power <= 0) throw new RangeError(`powspace: power must be a finite number > 0, got ${power}`);
  return new ParametricSpace('powspace', start, end, steps, { power }, powEase(power), options);
}

const powEase =
  (power: number): Ease =>
  (t) =>
    t ** power;
