import { count, finite, num, positive, positiveCount } from '../internal/validate.js';
import { Space, type SpaceSpec } from '../space.js';

/**
 * Polynomial decay that restarts on a stretching horizon (Keras `PolynomialDecay` with
 * `cycle=True`): at step `i` the horizon is the first multiple of `period` not below `i` (`period`
 * itself at step 0), `h = period · max(1, ceil(i / period))`, and the value is
 * `(start − end)·(1 − i/h)^power + end`. It reaches `end` at every multiple of `period`, then jumps
 * back up, each time less high. O(1) at any step, however many restarts.
 *
 * @example
 * import { polycyclespace } from 'rx-policy';
 * [...polycyclespace(1, 0, 6, 1, 2)]; // [1, 0.5, 0, 0.25, 0, 0.1666…]
 */
export function polycyclespace(start: number, end: number, steps: number, power: number, period: number): Space {
  const fn = 'polycyclespace';
  return new PolyCycleSpace(finite(fn, 'start', start), finite(fn, 'end', end), count(fn, 'steps', steps), positive(fn, 'power', power), positiveCount(fn, 'period', period));
}

class PolyCycleSpace extends Space {
  protected override get label(): string {
    return 'polycyclespace';
  }

  constructor(
    readonly start: number,
    readonly end: number,
    readonly length: number,
    readonly power: number,
    readonly period: number,
  ) {
    super();
  }

  _at(i: number): number {
    const horizon = this.period * (i === 0 ? 1 : Math.ceil(i / this.period));
    return (this.start - this.end) * (1 - i / horizon) ** this.power + this.end;
  }

  override toString(): string {
    return `polycyclespace(${num(this.start)}, ${num(this.end)}, ${this.length}, ${num(this.power)}, ${this.period})`;
  }

  toJSON(): SpaceSpec {
    return { type: 'polycyclespace', start: this.start, end: this.end, steps: this.length, power: this.power, period: this.period };
  }
}
