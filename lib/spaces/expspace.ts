import { positive } from '../internal/validate.js';
import type { Space } from '../space.js';
import { RatedSpace, type RatedOptions } from './rated.js';

/** Options of `expspace`. */
export type ExpOptions = RatedOptions;

/**
 * Exponential decay: `start · rate^(i / every)`, or `start · rate^floor(i / every)` with
 * `staircase` (PyTorch `ExponentialLR` and `StepLR`, optax `exponential_decay`, Keras `ExponentialDecay`).
 *
 * @example
 * import { expspace } from 'rx-policy';
 * [...expspace(1, 0.5, 4)];                                  // [1, 0.5, 0.25, 0.125]
 * [...expspace(1, 0.1, 5, { every: 2, staircase: true })];   // [1, 1, 0.1, 0.1, 0.01…]
 */
export function expspace(start: number, rate: number, steps: number, options: ExpOptions = {}): Space {
  positive('expspace', 'rate', rate);
  return new ExpSpace('expspace', start, rate, steps, options);
}

class ExpSpace extends RatedSpace {
  protected valueAt(p: number): number {
    return this.start * this.rate ** p;
  }
}
