import { count, finite, num, positive, show } from '../internal/validate.js';
import { Space, type SpaceSpec } from '../space.js';
import type { ExpOptions } from './expspace.js';

/**
 * Inverse-time decay: `start / (1 + rate · i / every)`, or with `staircase`
 * `start / (1 + rate · floor(i / every))` (Keras `InverseTimeDecay`; TF.js's `adamax` decay is
 * the `every = 1` case).
 *
 * @example
 * import { invtimespace } from 'rx-policy';
 * [...invtimespace(1, 0.5, 4)]; // [1, 0.666…, 0.5, 0.4]
 */
export function invtimespace(start: number, rate: number, steps: number, options: ExpOptions = {}): Space {
  const fn = 'invtimespace';
  finite(fn, 'start', start);
  finite(fn, 'rate', rate);
  // A negative rate would divide by zero (or flip sign) once `1 + rate·p` reaches 0.
  if (rate < 0) throw new RangeError(`${fn}: rate must be a finite number ≥ 0, got ${show(rate)}`);
  count(fn, 'steps', steps);
  const every = positive(fn, 'every', options.every ?? 1);
  const staircase = options.staircase ?? false;
  if (typeof staircase !== 'boolean') throw new TypeError(`${fn}: staircase must be a boolean, got ${show(staircase)}`);
  return new InvTimeSpace(start, rate, steps, every, staircase);
}

class InvTimeSpace extends Space {
  protected override get label(): string {
    return 'invtimespace';
  }

  constructor(
    readonly start: number,
    readonly rate: number,
    readonly length: number,
    readonly every: number,
    readonly staircase: boolean,
  ) {
    super();
  }

  _at(i: number): number {
    const p = i / this.every;
    return this.start / (1 + this.rate * (this.staircase ? Math.floor(p) : p));
  }

  override toString(): string {
    const options = [this.every !== 1 ? `every: ${num(this.every)}` : '', this.staircase ? 'staircase: true' : ''].filter(Boolean);
    return `invtimespace(${num(this.start)}, ${num(this.rate)}, ${this.length}${options.length ? `, { ${options.join(', ')} }` : ''})`;
  }

  toJSON(): SpaceSpec {
    return { type: 'invtimespace', start: this.start, rate: this.rate, steps: this.length, ...(this.every !== 1 && { every: this.every }), ...(this.staircase && { staircase: true }) };
  }
}
