import type { OptionsOf } from '../internal/options.js';
import type { Space } from '../space.js';
import { curve, makeCurve, type SpaceOptions } from './eased.js';

const params = {
  power: { type: 'number', range: 'positive', default: 1, doc: 'The exponent of `(1 − t)`; 1 is linear.' },
} as const;

const definition = curve('polyspace', params, ({ power }) => (t) => 1 - (1 - t) ** power);

/** Options of `polyspace`: `power` and the eased options. */
export type PolyOptions = OptionsOf<typeof params> & SpaceOptions;

/**
 * Polynomial decay from `start` to `end`: `end + (start - end)·(1 - t)^power` (PyTorch
 * `PolynomialLR` in `torch/optim/lr_scheduler.py`, HF `get_polynomial_decay_schedule_with_warmup`
 * in `src/transformers/optimization.py`, optax `polynomial_schedule` in `optax/schedules/_schedule.py`,
 * Keras `PolynomialDecay`).
 *
 * @param start the first value.
 * @param end the last value.
 * @param steps how many values, a non-negative integer.
 * @param options `power` (default 1) and the eased options.
 * @returns the space.
 * @throws RangeError or TypeError naming `polyspace`, the argument and the value.
 * @example
 * import { polyspace } from 'rx-policy';
 * [...polyspace(1, 0, 5, { power: 2 })]; // → [1, 0.5625, 0.25, 0.0625, 0]
 */
export function polyspace(start: number, end: number, steps: number, options?: PolyOptions): Space {
  return makeCurve(definition, start, end, steps, options);
}
/** `polyspace`'s declared arguments and options (type, range, default, doc): what its checks, `toJSON`, `spaceFromJSON` and the CLI read. */
polyspace.definition = definition;
