import type { OptionsOf } from '../internal/options.js';
import type { Space } from '../space.js';
import { curve, makeCurve, type SpaceOptions } from './eased.js';

const params = {
  power: { type: 'number', range: 'positive', required: true, doc: 'The exponent of `t`.' },
} as const;

const definition = curve('powspace', params, ({ power }) => (t) => t ** power);

/** Options of `powspace`: `power` (required) and the eased options. */
export type PowOptions = OptionsOf<typeof params> & SpaceOptions;

/**
 * A power curve: `start + (end − start)·t^power`. `power` ½ from `lr` to a floor is Hugging Face's
 * `1-sqrt` decay (`1 − √p`, `_get_wsd_scheduler_lambda` in `src/transformers/optimization.py`);
 * compare `polyspace`, which is `1 − (1 − t)^power`.
 *
 * @param start the first value.
 * @param end the last value.
 * @param steps how many values, a non-negative integer.
 * @param options `power` and the eased options.
 * @returns the space.
 * @throws RangeError or TypeError naming `powspace`, the argument and the value.
 * @example
 * import { powspace } from 'rx-policy';
 * [...powspace(1, 0, 5, { power: 0.5 })]; // → [1, 0.5, 0.292893218813, 0.133974596216, 0]
 */
export function powspace(start: number, end: number, steps: number, options: PowOptions): Space {
  return makeCurve(definition, start, end, steps, options);
}
/** `powspace`'s declared arguments and options (type, range, default, doc): what its checks, `toJSON`, `spaceFromJSON` and the CLI read. */
powspace.definition = definition;
