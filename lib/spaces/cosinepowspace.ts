import type { OptionsOf } from '../internal/options.js';
import type { Space } from '../space.js';
import { curve, makeCurve, type SpaceOptions } from './eased.js';

const params = {
  exponent: { type: 'number', range: 'positive', default: 1, doc: 'The power of the cosine factor; 1 is `cosinespace`.' },
} as const;

const definition = curve('cosinepowspace', params, ({ exponent }) => (t) => 1 - ((1 + Math.cos(Math.PI * t)) / 2) ** exponent);

/** Options of `cosinepowspace`: `exponent` and the eased options. */
export type CosinePowOptions = OptionsOf<typeof params> & SpaceOptions;

/**
 * A cosine raised to a power (optax's `cosine_decay_schedule` `exponent`, `optax/schedules/_schedule.py`):
 * `end + (start − end)·((1 + cos πt)/2)^exponent`. `exponent` 1 is `cosinespace`.
 *
 * @param start the first value.
 * @param end the last value.
 * @param steps how many values, a non-negative integer.
 * @param options `exponent` (default 1) and the eased options.
 * @returns the space.
 * @throws RangeError or TypeError naming `cosinepowspace`, the argument and the value.
 * @example
 * import { cosinepowspace } from 'rx-policy';
 * cosinepowspace(1, 0, 3, { exponent: 2 }).at(1); // → 0.25
 */
export function cosinepowspace(start: number, end: number, steps: number, options?: CosinePowOptions): Space {
  return makeCurve(definition, start, end, steps, options);
}
/** `cosinepowspace`'s declared arguments and options (type, range, default, doc): what its checks, `toJSON`, `spaceFromJSON` and the CLI read. */
cosinepowspace.definition = definition;
