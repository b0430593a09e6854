import { count, finite, num, positive, positiveCount, show } from '../internal/validate.js';
import { Space, type SpaceSpec } from '../space.js';

/** Options of `cyclicspace`. */
export interface CyclicOptions {
  /** Steps from `low` to `high` in each cycle. */
  readonly stepsUp: number;
  /** Steps from `high` back to `low`; default `stepsUp`. */
  readonly stepsDown?: number;
  /** `'triangular'` (default), `'triangular2'` (amplitude halves each cycle) or `'expRange'` (amplitude × gamma^step). */
  readonly mode?: 'triangular' | 'triangular2' | 'expRange';
  /** For `'expRange'`. Default 1. */
  readonly gamma?: number;
}

/**
 * A triangle wave between `low` and `high` (PyTorch `CyclicLR`'s shape, Smith's cyclical rates):
 * with `x` the position in the cycle, the height is `x/ratio` going up and `(x − 1)/(ratio − 1)`
 * going down, times the mode's amplitude. Periodic, so O(1) memory for any length.
 *
 * @example
 * import { cyclicspace } from 'rx-policy';
 * [...cyclicspace(0, 1, 9, { stepsUp: 2 })]; // [0, 0.5, 1, 0.5, 0, 0.5, 1, 0.5, 0]
 */
export function cyclicspace(low: number, high: number, steps: number, options: CyclicOptions): Space {
  const fn = 'cyclicspace';
  const up = positiveCount(fn, 'stepsUp', options?.stepsUp);
  const down = options.stepsDown === undefined ? up : positiveCount(fn, 'stepsDown', options.stepsDown);
  const mode = options.mode ?? 'triangular';
  if (mode !== 'triangular' && mode !== 'triangular2' && mode !== 'expRange') {
    throw new TypeError(`${fn}: mode must be 'triangular', 'triangular2' or 'expRange', got ${show(mode)}`);
  }
  return new CyclicSpace(finite(fn, 'low', low), finite(fn, 'high', high), count(fn, 'steps', steps), up, down, mode, positive(fn, 'gamma', options.gamma ?? 1));
}

class CyclicSpace extends Space {
  protected override get label(): string {
    return 'cyclicspace';
  }

  readonly #total: number;
  readonly #ratio: number;

  constructor(
    readonly low: number,
    readonly high: number,
    readonly length: number,
    readonly stepsUp: number,
    readonly stepsDown: number,
    readonly mode: 'triangular' | 'triangular2' | 'expRange',
    readonly gamma: number,
  ) {
    super();
    this.#total = stepsUp + stepsDown;
    this.#ratio = stepsUp / this.#total;
  }

  _at(k: number): number {
    const cycle = Math.floor(1 + k / this.#total);
    const x = 1 + k / this.#total - cycle;
    const scale = x <= this.#ratio ? x / this.#ratio : (x - 1) / (this.#ratio - 1);
    const amplitude = this.mode === 'triangular' ? 1 : this.mode === 'triangular2' ? 1 / 2 ** (cycle - 1) : this.gamma ** k;
    return this.low + (this.high - this.low) * scale * amplitude;
  }

  override toString(): string {
    const o = [`stepsUp: ${this.stepsUp}`, this.stepsDown !== this.stepsUp ? `stepsDown: ${this.stepsDown}` : '', this.mode !== 'triangular' ? `mode: '${this.mode}'` : '', this.gamma !== 1 ? `gamma: ${num(this.gamma)}` : ''];
    return `cyclicspace(${num(this.low)}, ${num(this.high)}, ${this.length}, { ${o.filter(Boolean).join(', ')} })`;
  }

  toJSON(): SpaceSpec {
    return { type: 'cyclicspace', low: this.low, high: this.high, steps: this.length, stepsUp: this.stepsUp, stepsDown: this.stepsDown, mode: this.mode, gamma: this.gamma };
  }
}
