import { count, finite, show } from '../internal/validate.js';
import { Space, type SpaceSpec } from '../space.js';

/** Options of `cumprod`. */
export interface CumprodOptions {
  /** How `toString()` and errors name the factor function; default its own name, or `'anonymous'`. */
  readonly name?: string;
}

// Steps between two checkpoints of the running product: a checkpoint costs 8 bytes, and any step
// is at most CHECKPOINT − 1 multiplications from one.
const CHECKPOINT = 1024;

/**
 * A running product: value 0 is `start`, value `i` is value `i − 1` times `factor(i)` (PyTorch's
 * `MultiplicativeLR`, where each `scheduler.step()` multiplies the rate by `lr_lambda(epoch)`).
 * The products are taken in that order, so the values are the same doubles as PyTorch's.
 *
 * `at(i)` does not replay from step 0 on each call: the running product is checkpointed every
 * 1024 steps as it is first computed, and the last value read is kept. So stepping forward costs
 * one call of `factor` a step; any step already passed once costs at most 1023 calls; reaching a
 * step `s` for the first time (a resume at `s`, a plot) costs the `s` calls that PyTorch itself
 * made to get there, once, and 8 bytes per 1024 steps. `factor` must therefore be pure: it may
 * be called more than once for a step.
 *
 * It holds a function, so it has no JSON form (`toJSON()` throws a `TypeError` saying so).
 *
 * @param start the value at step 0.
 * @param factor the factor applied at step `i ≥ 1`; must return a finite number.
 * @param steps a non-negative integer.
 * @param options `name` for `toString()` and errors.
 * @returns a space of `steps` values.
 * @throws TypeError if `factor` is not a function; on access, TypeError or RangeError naming the
 *   step when `factor` returns a non-number or non-finite value, or the product overflows.
 * @example
 * import { cumprod } from 'rx-policy';
 * [...cumprod(1, () => 0.5, 4)]; // → [1, 0.5, 0.25, 0.125]
 */
export function cumprod(start: number, factor: (step: number) => number, steps: number, options: CumprodOptions = {}): Space {
  finite('cumprod', 'start', start);
  if (typeof factor !== 'function') throw new TypeError(`cumprod: factor must be a function (step) => number, got ${show(factor)}`);
  count('cumprod', 'steps', steps);
  if (typeof options !== 'object' || options === null || Array.isArray(options)) throw new TypeError(`cumprod: options must be an object, got ${show(options)}`);
  // `for in` also visits inherited keys: an inherited option is as unknown as a misspelt one.
  for (const key in options) if (key !== 'name' || !Object.hasOwn(options, key)) throw new TypeError(`cumprod: unknown option ${show(key)}; accepted: name`);
  if (options.name !== undefined && (typeof options.name !== 'string' || options.name === '')) throw new TypeError(`cumprod: name must be a non-empty string, got ${show(options.name)}`);
  return new CumprodSpace(start, factor, steps, options.name ?? (factor.name || 'anonymous'), 'cumprod');
}

/** @internal The class behind `cumprod` and `pytorch.multiplicativeLR` (`label` names the caller in errors). */
export class CumprodSpace extends Space {
  // checkpoints[c] is the value at step c·CHECKPOINT, for c < #known.
  #checkpoints = new Float64Array(16);
  #known = 1;
  #lastStep = 0;
  #lastValue: number;

  protected override get label(): string {
    return this.caller;
  }

  constructor(
    readonly start: number,
    readonly factor: (step: number) => number,
    readonly length: number,
    readonly name: string,
    readonly caller: string,
  ) {
    super();
    this.#checkpoints[0] = start;
    this.#lastValue = start;
  }

  /** The value at step `i` from the value at step `i − 1`. */
  #next(value: number, i: number): number {
    const f: unknown = this.factor(i);
    if (typeof f !== 'number') throw new TypeError(`${this.caller}: ${this.name}(${i}) must return a finite number, got ${show(f)}`);
    if (!Number.isFinite(f)) throw new RangeError(`${this.caller}: ${this.name}(${i}) must return a finite number, got ${show(f)}`);
    const v = value * f;
    if (!Number.isFinite(v)) throw new RangeError(`${this.caller}: the running product overflows at step ${i} (${value} × ${f})`);
    return v;
  }

  _at(i: number): number {
    if (i === this.#lastStep) return this.#lastValue;
    let step: number;
    let value: number;
    if (i > this.#lastStep && i - this.#lastStep < CHECKPOINT) {
      step = this.#lastStep;
      value = this.#lastValue;
    } else {
      const c = Math.floor(i / CHECKPOINT);
      this.#extend(c);
      step = c * CHECKPOINT;
      value = this.#checkpoints[c]!;
    }
    while (step < i) {
      step++;
      value = this.#next(value, step);
      if (step % CHECKPOINT === 0) this.#record(step / CHECKPOINT, value);
    }
    this.#lastStep = i;
    this.#lastValue = value;
    return value;
  }

  #record(c: number, value: number): void {
    if (c < this.#known) return;
    if (c >= this.#checkpoints.length) {
      const grown = new Float64Array(Math.max(2 * this.#checkpoints.length, c + 1));
      grown.set(this.#checkpoints);
      this.#checkpoints = grown;
    }
    this.#checkpoints[c] = value;
    this.#known = c + 1;
  }

  /** Computes the checkpoints up to `c`, from the last one known. */
  #extend(c: number): void {
    while (this.#known <= c) {
      const from = this.#known - 1;
      let value = this.#checkpoints[from]!;
      for (let step = from * CHECKPOINT + 1; step <= (from + 1) * CHECKPOINT; step++) value = this.#next(value, step);
      this.#record(from + 1, value);
    }
  }

  override toString(): string {
    return `${this.caller}(${this.start}, ${this.name}, ${this.length})`;
  }

  toJSON(): SpaceSpec {
    throw new TypeError(`${this.toString()} has no JSON form: it holds a function. Rebuild it in code (a resumed policy takes initialStep)`);
  }
}
