import type { OptionsOf } from '../internal/options.js';
import type { Space } from '../space.js';
import { curve, makeCurve, type SpaceOptions } from './eased.js';

const params = {
  k: { type: 'number', range: 'positive', default: 1, doc: 'The k-decay exponent of progress; 1 is `polyspace`.' },
  power: { type: 'number', range: 'positive', default: 1, doc: 'The exponent of `(1 − t^k)`.' },
} as const;

const definition = curve('kpolyspace', params, ({ k, power }) => (t) => 1 - (1 - t ** k) ** power);

/** Options of `kpolyspace`: `k`, `power` and the eased options. */
export type KPolyOptions = OptionsOf<typeof params> & SpaceOptions;

/**
 * Polynomial decay with timm's k-decay: `end + (start − end)·(1 − t^k)^power` (timm
 * `PolyLRScheduler` with `k_decay`, `timm/scheduler/poly_lr.py`); `k` 1 is `polyspace`. A larger
 * `k` holds the start longer.
 *
 * @param start the first value.
 * @param end the last value.
 * @param steps how many values, a non-negative integer.
 * @param options `k`, `power` (both default 1) and the eased options.
 * @returns the space.
 * @throws RangeError or TypeError naming `kpolyspace`, the argument and the value.
 * @example
 * import { kpolyspace } from 'rx-policy';
 * [...kpolyspace(1, 0, 3, { power: 1, k: 2 })]; // → [1, 0.75, 0]
 */
export function kpolyspace(start: number, end: number, steps: number, options?: KPolyOptions): Space {
  return makeCurve(definition, start, end, steps, options);
}
/** `kpolyspace`'s declared arguments and options (type, range, default, doc): what its checks, `toJSON`, `spaceFromJSON` and the CLI read. */
kpolyspace.definition = definition;
