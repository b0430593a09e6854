import { finite, show } from '../internal/validate.js';
import type { Space } from '../space.js';
import { RatedSpace, type RatedOptions } from './rated.js';

/**
 * Inverse-time decay: `start / (1 + rate · i / every)`, or with `staircase`
 * `start / (1 + rate · floor(i / every))` (Keras `InverseTimeDecay`; TF.js's `adamax` decay is
 * the `every = 1` case).
 *
 * @example
 * import { invtimespace } from 'rx-policy';
 * [...invtimespace(1, 0.5, 4)]; // [1, 0.666…, 0.5, 0.4]
 */
export function invtimespace(start: number, rate: number, steps: number, options: RatedOptions = {}): Space {
  finite('invtimespace', 'rate', rate);
  // A negative rate would divide by zero (or flip sign) once `1 + rate·p` reaches 0.
  if (rate < 0) throw new RangeError(`invtimespace: rate must be a finite number ≥ 0, got ${show(rate)}`);
  return new InvTimeSpace('invtimespace', start, rate, steps, options);
}

class InvTimeSpace extends RatedSpace {
  protected valueAt(p: number): number {
    return this.start / (1 + this.rate * p);
  }
}
