import { createSpace, type Space } from '../space.js';
import { rated, type RatedOptions } from './rated.js';

// A negative rate would divide by zero (or flip sign) once `1 + rate·p` reaches 0.
const definition = rated('invtimespace', 'nonNegative', (start, rate, p) => start / (1 + rate * p));

/**
 * Inverse-time decay: `start / (1 + rate · i / every)`, or with `staircase`
 * `start / (1 + rate · floor(i / every))` (Keras `InverseTimeDecay` in
 * `keras/src/optimizers/schedules/learning_rate_schedule.py`; TF.js's `adamax` decay is the
 * `every = 1` case).
 *
 * @param start the value at step 0.
 * @param rate a finite number ≥ 0.
 * @param steps how many values, a non-negative integer.
 * @param options `every`, `staircase`, `offset`.
 * @returns the space.
 * @throws RangeError or TypeError naming `invtimespace`, the argument and the value.
 * @example
 * import { invtimespace } from 'rx-policy';
 * [...invtimespace(1, 0.5, 4)]; // → [1, 2 / 3, 0.5, 0.4]
 */
export function invtimespace(start: number, rate: number, steps: number, options?: RatedOptions): Space {
  return createSpace(definition, [start, rate, steps], options);
}
/** `invtimespace`'s declared arguments and options (type, range, default, doc): what its checks, `toJSON`, `spaceFromJSON` and the CLI read. */
invtimespace.definition = definition;
