import { cosineEase } from '../ease.js';
import type { OptionsOf } from '../internal/options.js';
import type { Space } from '../space.js';
import { curve, makeCurve, type SpaceOptions } from './eased.js';

const params = {
  k: { type: 'number', range: 'positive', default: 1, doc: 'The k-decay exponent of progress; 1 is `cosinespace`.' },
} as const;

const definition = curve('kcosinespace', params, ({ k }) => (t) => cosineEase(t ** k));

/** Options of `kcosinespace`: `k` and the eased options. */
export type KCosineOptions = OptionsOf<typeof params> & SpaceOptions;

/**
 * A cosine with k-decay (timm's `k_decay` in `timm/scheduler/cosine_lr.py`, Zhang et al.):
 * `end + (start − end)(1 + cos(π·t^k))/2`. `k` 1 is `cosinespace`; `k` > 1 stays high longer,
 * `k` < 1 falls sooner.
 *
 * @param start the first value.
 * @param end the last value.
 * @param steps how many values, a non-negative integer.
 * @param options `k` (default 1) and the eased options.
 * @returns the space.
 * @throws RangeError or TypeError naming `kcosinespace`, the argument and the value.
 * @example
 * import { kcosinespace } from 'rx-policy';
 * // (1 + cos(π/4))/2:
 * kcosinespace(1, 0, 5, { k: 2 }).at(2); // → 0.853553390593
 */
export function kcosinespace(start: number, end: number, steps: number, options?: KCosineOptions): Space {
  return makeCurve(definition, start, end, steps, options);
}
/** `kcosinespace`'s declared arguments and options (type, range, default, doc): what its checks, `toJSON`, `spaceFromJSON` and the CLI read. */
kcosinespace.definition = definition;
