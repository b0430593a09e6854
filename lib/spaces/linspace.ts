import { linearEase } from '../ease.js';
import type { Space } from '../space.js';
import { curve, makeCurve, type SpaceOptions } from './eased.js';

const definition = curve('linspace', {}, () => linearEase);

/**
 * A linear space from `start` to `end` in `steps` values, both ends included
 * (`start + i/(steps-1) · (end - start)`, Poutyne's `linspace` in `poutyne/framework/callbacks/policies.py`).
 *
 * `steps = 0` is empty and `steps = 1` is `[start]` (Poutyne raises ZeroDivisionError there).
 *
 * @param start the first value.
 * @param end the last value (not reached with `endpoint: false`).
 * @param steps how many values, a non-negative integer.
 * @param options `endpoint`, `offset`, `span`, `wrap` (see `SpaceOptions`).
 * @returns the space.
 * @throws RangeError or TypeError naming `linspace`, the argument and the value.
 * @example
 * import { linspace } from 'rx-policy';
 * linspace(1, 0, 3).subscribe(console.log); // 1, 0.5, 0
 * linspace(0, 1, 4, { endpoint: false }).at(3); // → 0.75
 */
export function linspace(start: number, end: number, steps: number, options?: SpaceOptions): Space {
  return makeCurve(definition, start, end, steps, options);
}
/** `linspace`'s declared arguments and options (type, range, default, doc): what its checks, `toJSON`, `spaceFromJSON` and the CLI read. */
linspace.definition = definition;
