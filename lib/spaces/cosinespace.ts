import { cosineEase } from '../ease.js';
import type { Space } from '../space.js';
import { EasedSpace, type SpaceOptions } from './eased.js';

/**
 * A cosine space from `start` to `end` in `steps` values, both ends included and hit exactly
 * (`end + (start - end)(1 + cos(π·i/(steps-1)))/2`, Poutyne's formula).
 *
 * `steps = 0` is empty and `steps = 1` is `[start]` (Poutyne raises ZeroDivisionError there).
 *
 * @example
 * import { cosinespace } from 'rx-policy';
 * [...cosinespace(1, 0, 5)]; // [1, 0.8535…, 0.5, 0.1464…, 0]
 */
export function cosinespace(start: number, end: number, steps: number, options?: SpaceOptions): Space {
  return new EasedSpace('cosinespace', start, end, steps, cosineEase, options);
}
