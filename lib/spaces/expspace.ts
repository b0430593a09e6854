import { count, finite, num, positive, show } from '../internal/validate.js';
import { Space, type SpaceSpec } from '../space.js';

/** Options of `expspace`. */
export interface ExpOptions {
  /** Steps per application of `rate` (default 1): PyTorch's `step_size`, optax's `transition_steps`. */
  readonly every?: number;
  /** Whether the exponent is `floor(i / every)` (a staircase, PyTorch `StepLR`) or `i / every` (default, smooth). */
  readonly staircase?: boolean;
}

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
  finite('expspace', 'start', start);
  positive('expspace', 'rate', rate);
  count('expspace', 'steps', steps);
  const every = positive('expspace', 'every', options.every ?? 1);
  const staircase = options.staircase ?? false;
  if (typeof staircase !== 'boolean') throw new TypeError(`expspace: staircase must be a boolean, got ${show(staircase)}`);
  return new ExpSpace(start, rate, steps, every, staircase);
}

class ExpSpace extends Space {
  protected override get label(): string {
    return 'expspace';
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
    const e = i / this.every;
    return this.start * this.rate ** (this.staircase ? Math.floor(e) : e);
  }

  override toString(): string {
    const options = [this.every !== 1 ? `every: ${num(this.every)}` : '', this.staircase ? 'staircase: true' : ''].filter(Boolean);
    return `expspace(${num(this.start)}, ${num(this.rate)}, ${this.length}${options.length ? `, { ${options.join(', ')} }` : ''})`;
  }

  toJSON(): SpaceSpec {
    return { type: 'expspace', start: this.start, rate: this.rate, steps: this.length, ...(this.every !== 1 && { every: this.every }), ...(this.staircase && { staircase: true }) };
  }
}
