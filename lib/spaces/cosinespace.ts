import { cosineEase } from '../ease.js';
import type { Space } from '../space.js';
import { curve, makeCurve, type SpaceOptions } from './eased.js';

const definition = curve('cosinespace', {}, () => cosineEase);

/**
 * A cosine space from `start` to `end` in `steps` values, both ends included and hit exactly
 * (`end + (start - end)(1 + cos(π·i/(steps-1)))/2`, Poutyne's `cosinespace` in
 * `poutyne/framework/callbacks/policies.py`).
 *
 * `steps = 0` is empty and `steps = 1` is `[start]` (Poutyne raises ZeroDivisionError there).
 *
 * @param start the first value.
 * @param end the last value.
 * @param steps how many values, a non-negative integer.
 * @param options `endpoint`, `offset`, `span`, `wrap` (see `SpaceOptions`).
 * @returns the space.
 * @throws RangeError or TypeError naming `cosinespace`, the argument and the value.
 * @example
 * import { cosinespace } from 'rx-policy';
 * [...cosinespace(1, 0, 5)]; // → [1, 0.853553390593, 0.5, 0.146446609407, 0]
 */
export function cosinespace(start: number, end: number, steps: number, options?: SpaceOptions): Space {
  return makeCurve(definition, start, end, steps, options);
}
/** `cosinespace`'s declared arguments and options (type, range, default, doc): what its checks, `toJSON`, `spaceFromJSON` and the CLI read. */
cosinespace.definition = definition;
