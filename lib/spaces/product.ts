import { finite, num, show } from '../internal/validate.js';
import { Space, type SpaceSpec } from '../space.js';
import { constant } from './constant.js';

/**
 * The step-by-step product of spaces and numbers on one parameter: a warmup factor × a cosine ×
 * a constant scale, a schedule × another schedule (PyTorch's `ChainedScheduler` of multiplicative
 * schedulers, optax's `scale_by_schedule` of a schedule). Value `i` is the factors at `i`
 * multiplied left to right; a number is a scale held for every step. `at(i)` is O(factors).
 *
 * The bounded factors must have one length, which is the product's; unbounded constants (and
 * numbers) take it. With only numbers and unbounded constants the product is unbounded too.
 * It has a JSON form when every factor has one (not a `fnspace`).
 *
 * @param factors spaces and finite numbers, at least one space or number.
 * @returns a space: the product of `factors` at each step.
 * @throws TypeError for a factor that is neither a space nor a number, RangeError for unequal
 *   lengths or a non-finite number; on access, RangeError naming the step if the product
 *   overflows to ±Infinity.
 * @example
 * import { product, linspace, cosinespace, constant } from 'rx-policy';
 * const lr = product(linspace(0.5, 1, 3), cosinespace(1, 0, 3), 0.1);
 * [...lr]; // [0.05, 0.0375, 0]
 * String(lr); // 'product(linspace(0.5, 1, 3), cosinespace(1, 0, 3), 0.1)'
 */
export function product(...factors: readonly (Space | number)[]): Space {
  if (factors.length === 0) throw new RangeError('product: give at least one factor (a space or a number), got none');
  const spaces = factors.map((f, k) => {
    if (f instanceof Space) return f;
    if (typeof f === 'number') return constant(finite('product', `factors[${k}]`, f));
    throw new TypeError(`product: factors[${k}] must be a space or a finite number, got ${show(f)}`);
  });
  const bounded = spaces.map((s, k) => [s.length, k] as const).filter(([n]) => n !== Infinity);
  const length = bounded.length === 0 ? Infinity : bounded[0]![0];
  if (bounded.some(([n]) => n !== length)) {
    throw new RangeError(`product: factors must have equal lengths (unbounded constants and numbers take it), got ${bounded.map(([n, k]) => `factors[${k}]: ${n}`).join(', ')}`);
  }
  return new ProductSpace(factors, spaces, length);
}

/** @internal The class behind `product`; the plot layer reads its factors. */
export class ProductSpace extends Space {
  protected override get label(): string {
    return 'product';
  }

  constructor(
    /** The factors as given: spaces and numbers. */
    readonly factors: readonly (Space | number)[],
    /** The factors as spaces (numbers as unbounded constants). */
    readonly spaces: readonly Space[],
    readonly length: number,
  ) {
    super();
  }

  _at(i: number): number {
    const spaces = this.spaces;
    let v = spaces[0]!._at(i);
    for (let k = 1; k < spaces.length; k++) v *= spaces[k]!._at(i);
    if (!Number.isFinite(v)) throw new RangeError(`product: the value at step ${i} is ${v}; the factors overflow there`);
    return v;
  }

  override toString(): string {
    return `product(${this.factors.map((f) => (typeof f === 'number' ? num(f) : f.toString())).join(', ')})`;
  }

  toJSON(): SpaceSpec {
    return { type: 'product', factors: this.factors.map((f) => (typeof f === 'number' ? f : f.toJSON())) };
  }
}
