import { createSpace, type Space } from '../space.js';
import { rated, type RatedOptions } from './rated.js';

/** Options of `expspace`. */
export type ExpOptions = RatedOptions;

const definition = rated('expspace', 'positive', (start, rate, p) => start * rate ** p);

/**
 * Exponential decay: `start · rate^(i / every)`, or `start · rate^floor(i / every)` with
 * `staircase` (PyTorch `ExponentialLR` and `StepLR` in `torch/optim/lr_scheduler.py`, optax
 * `exponential_decay`, Keras `ExponentialDecay`).
 *
 * @param start the value at step 0.
 * @param rate the factor per `every` steps, a finite number > 0.
 * @param steps how many values, a non-negative integer.
 * @param options `every`, `staircase`, `offset`.
 * @returns the space.
 * @throws RangeError or TypeError naming `expspace`, the argument and the value.
 * @example
 * import { expspace } from 'rx-policy';
 * [...expspace(1, 0.5, 4)];                                  // → [1, 0.5, 0.25, 0.125]
 * [...expspace(1, 0.1, 5, { every: 2, staircase: true })];   // → [1, 1, 0.1, 0.1, 0.01]
 */
export function expspace(start: number, rate: number, steps: number, options?: ExpOptions): Space {
  return createSpace(definition, [start, rate, steps], options);
}
/** `expspace`'s declared arguments and options (type, range, default, doc): what its checks, `toJSON`, `spaceFromJSON` and the CLI read. */
expspace.definition = definition;
