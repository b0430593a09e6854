import { linearEase } from '../ease.js';
import type { Space } from '../space.js';
import { EasedSpace, type SpaceOptions } from './eased.js';

/**
 * A linear space from `start` to `end` in `steps` values, both ends included
 * (`start + i/(steps-1) · (end - start)`, Poutyne's formula).
 *
 * `steps = 0` is empty and `steps = 1` is `[start]` (Poutyne raises ZeroDivisionError there).
 *
 * @example
 * import { linspace } from 'rx-policy';
 * linspace(1, 0, 3).subscribe(console.log); // 1, 0.5, 0
 * linspace(0, 1, 4, { endpoint: false }).at(3); // 0.75
 */
export function linspace(start: number, end: number, steps: number, options?: SpaceOptions): Space {
  return new EasedSpace('linspace', start, end, steps, linearEase, options);
}
