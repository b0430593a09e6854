import { finite } from '../internal/validate.js';
import type { Space } from '../space.js';
import { ParametricSpace, type SpaceOptions } from './eased.js';

/**
 * A cosine raised to a power (optax's `cosine_decay_schedule` `exponent`):
 * `end + (start − end)·((1 + cos πt)/2)^exponent`. `exponent` 1 is `cosinespace`.
 *
 * @example
 * import { cosinepowspace } from 'rx-policy';
 * cosinepowspace(1, 0, 3, 2).at(1); // 0.25
 */
export function cosinepowspace(start: number, end: number, steps: number, exponent: number, options?: SpaceOptions): Space {
  finite('cosinepowspace', 'exponent', exponent);
  if (exponent <= 0) throw new RangeError(`cosinepowspace: exponent must be a finite number > 0, got ${exponent}`);
  return new ParametricSpace('cosinepowspace', start, end, steps, { exponent }, (t) => 1 - ((1 + Math.cos(Math.PI * t)) / 2) ** exponent, options);
}
