import { cosineEase, type Ease } from '../ease.js';
import { finite } from '../internal/validate.js';
import type { Space } from '../space.js';
import { ParametricSpace, type SpaceOptions } from './eased.js';

/**
 * A cosine with k-decay (timm's `k_decay`, Zhang et al.): `end + (start − end)(1 + cos(π·t^k))/2`.
 * `k` 1 is `cosinespace`; `k` > 1 stays high longer, `k` < 1 falls sooner.
 *
 * @example
 * import { kcosinespace } from 'rx-policy';
 * kcosinespace(1, 0, 5, 2).at(2); // (1 + cos(π/4))/2 = 0.853…
 */
export function kcosinespace(start: number, end: number, steps: number, k: number, options?: SpaceOptions): Space {
  finite('kcosinespace', 'k', k);
  if (k <= 0) throw new RangeError(`kcosinespace: k must be a finite number > 0, got ${k}`);
  return new ParametricSpace('kcosinespace', start, end, steps, { k }, kEase(k), options);
}

const kEase =
  (k: number): Ease =>
  (t) =>
    cosineEase(t ** k);
