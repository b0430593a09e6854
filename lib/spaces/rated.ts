import { count, finite, flag, num, positive } from '../internal/validate.js';
import { Space, type SpaceSpec } from '../space.js';

/** Options of the rated spaces (`expspace`, `invtimespace`). */
export interface RatedOptions {
  /** Steps per application of `rate` (default 1): PyTorch's `step_size`, optax's `transition_steps`, Keras' `decay_steps`. */
  readonly every?: number;
  /** Whether the exponent is `floor(i / every)` (a staircase, PyTorch `StepLR`) or `i / every` (default, smooth). */
  readonly staircase?: boolean;
  /**
   * Progress is `(i + offset) / every` (default 0): a curve whose clock started `offset` steps
   * before this space's first step (timm's step decay after a warmup that is not a prefix).
   */
  readonly offset?: number;
}

/**
 * A space `(start, rate, steps, { every, staircase, offset })` whose value depends on the progress
 * `p = (i + offset) / every`, floored with `staircase`: the decays that advance by a rate per period.
 * A subclass gives the curve as a function of `p`.
 */
export abstract class RatedSpace extends Space {
  readonly every: number;
  readonly staircase: boolean;
  readonly offset: number;

  /** Checks the arguments in the name of the factory `type`. */
  constructor(
    readonly type: string,
    readonly start: number,
    readonly rate: number,
    readonly length: number,
    options: RatedOptions,
  ) {
    super();
    finite(type, 'start', start);
    count(type, 'steps', length);
    this.every = positive(type, 'every', options.every ?? 1);
    this.staircase = flag(type, 'staircase', options.staircase, false);
    this.offset = count(type, 'offset', options.offset ?? 0);
  }

  protected override get label(): string {
    return this.type;
  }

  /** The value at progress `p` (`(i + offset) / every`, floored with `staircase`). */
  protected abstract valueAt(p: number): number;

  _at(i: number): number {
    const p = (i + this.offset) / this.every;
    return this.valueAt(this.staircase ? Math.floor(p) : p);
  }

  override toString(): string {
    const options = [this.every !== 1 ? `every: ${num(this.every)}` : '', this.staircase ? 'staircase: true' : '', this.offset !== 0 ? `offset: ${this.offset}` : ''].filter(Boolean);
    return `${this.type}(${num(this.start)}, ${num(this.rate)}, ${this.length}${options.length ? `, { ${options.join(', ')} }` : ''})`;
  }

  toJSON(): SpaceSpec {
    return { type: this.type, start: this.start, rate: this.rate, steps: this.length, ...(this.every !== 1 && { every: this.every }), ...(this.staircase && { staircase: true }), ...(this.offset !== 0 && { offset: this.offset }) };
  }
}
