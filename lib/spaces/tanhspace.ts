import type { OptionsOf } from '../internal/options.js';
import type { Space } from '../space.js';
import { curve, makeCurve, type SpaceOptions } from './eased.js';

const params = {
  lower: { type: 'number', range: 'finite', default: -7, doc: "The tanh argument at progress 0 (timm's `lb`)." },
  upper: { type: 'number', range: 'finite', default: 3, doc: "The tanh argument at progress 1 (timm's `ub`)." },
} as const;

const definition = curve('tanhspace', params, ({ lower, upper }) => (t) => (1 + Math.tanh(lower * (1 - t) + upper * t)) / 2);

/** Options of `tanhspace`: `lower`, `upper` and the eased options. */
export type TanhOptions = OptionsOf<typeof params> & SpaceOptions;

/**
 * timm's tanh curve: `end + (start − end)·(1 − tanh(lower·(1 − t) + upper·t))/2`, with timm's
 * defaults `lower` −7 and `upper` 3 (`TanhLRScheduler` in `timm/scheduler/tanh_lr.py`). It starts
 * just below `start` and ends just above `end`, as timm's does.
 *
 * @param start the value the curve starts near.
 * @param end the value the curve ends near.
 * @param steps how many values, a non-negative integer.
 * @param options `lower`, `upper` and the eased options.
 * @returns the space.
 * @throws RangeError or TypeError naming `tanhspace`, the argument and the value.
 * @example
 * import { tanhspace } from 'rx-policy';
 * // at t = 0.7, tanh(−7·0.3 + 3·0.7) = tanh(0): the midpoint
 * tanhspace(1, 0, 11).at(7); // → 0.5
 */
export function tanhspace(start: number, end: number, steps: number, options?: TanhOptions): Space {
  return makeCurve(definition, start, end, steps, options);
}
/** `tanhspace`'s declared arguments and options (type, range, default, doc): what its checks, `toJSON`, `spaceFromJSON` and the CLI read. */
tanhspace.definition = definition;
