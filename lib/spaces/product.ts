import { deferFiniteChecks } from '../internal/finite.js';
import { finite, num, show } from '../internal/validate.js';
import { createSpace, DeclaredSpace, Space, type SpaceDeclaration, type SpaceDefinition } from '../space.js';
import { constant } from './constant.js';

const definition: SpaceDefinition = {
  name: 'product',
  args: [
    { name: 'a', type: 'space', doc: 'The left factor.' },
    { name: 'b', type: 'space', doc: 'The right factor.' },
  ],
  options: {},
  build: ([a, b]: readonly [Space, Space], _options: object, declaration) => {
    if (!a.unbounded && !b.unbounded && a.length !== b.length) throw new RangeError(`product: factors must have equal lengths, got ${a.length} and ${b.length}`);
    return new ProductSpace(declaration, a, b);
  },
};

/**
 * The step-by-step product of spaces and numbers on one parameter: a warmup factor × a cosine ×
 * a constant scale, a schedule × another schedule (PyTorch's `ChainedScheduler` of multiplicative
 * schedulers, optax's `scale_by_schedule`). Value `i` is the factors at `i` multiplied left to
 * right; a number is a scale held for every step. `at(i)` is O(factors).
 *
 * The bounded factors must have one length, which is the product's; unbounded constants (and
 * numbers) take it. With only numbers and unbounded constants the product is unbounded too.
 * It has a JSON form when every factor has one (not a `fnspace`): nested pairs
 * `{ type: 'product', a, b }`, numbers as unbounded constants.
 *
 * @param factors spaces and finite numbers, at least one.
 * @returns a space: the product of `factors` at each step (a single space factor is returned as it is).
 * @throws TypeError for a factor that is neither a space nor a number, RangeError for unequal
 *   lengths or a non-finite number; on access, RangeError naming the step if the product
 *   overflows to ±Infinity.
 * @example
 * import { product, linspace, cosinespace } from 'rx-policy';
 * const lr = product(linspace(0.5, 1, 3), cosinespace(1, 0, 3), 0.1);
 * [...lr]; // → [0.05, 0.0375, 0]
 * String(lr); // → 'product(linspace(0.5, 1, 3), cosinespace(1, 0, 3), 0.1)'
 */
export function product(...factors: readonly (Space | number)[]): Space {
  if (factors.length === 0) throw new RangeError('product: give at least one factor (a space or a number), got none');
  const spaces = factors.map((f, k) => {
    if (f instanceof Space) return f;
    if (typeof f === 'number') return constant(finite('product', `factors[${k}]`, f));
    throw new TypeError(`product: factors[${k}] must be a space or a finite number, got ${show(f)}`);
  });
  const bounded = spaces.map((s, k) => [s.length, k] as const).filter(([n]) => n !== Infinity);
  if (bounded.some(([n]) => n !== bounded[0]![0])) {
    throw new RangeError(`product: factors must have equal lengths (unbounded constants and numbers take it), got ${bounded.map(([n, k]) => `factors[${k}]: ${n}`).join(', ')}`);
  }
  // The product checks each value as it is read (an overflow names its step), so the build does
  // not read the ends: a factor such as a running product (cumprod) would replay to its last step.
  return deferFiniteChecks(() => spaces.reduce((a, b) => createSpace(definition, [a, b])));
}
/** `product`'s declared arguments and options (type, range, default, doc): what its checks, `toJSON`, `spaceFromJSON` and the CLI read. */
product.definition = definition;

/** @internal The class behind `product`: two factors (longer products nest on the left). */
export class ProductSpace extends DeclaredSpace {
  readonly length: number;

  constructor(
    readonly declaration: SpaceDeclaration,
    readonly a: Space,
    readonly b: Space,
  ) {
    super();
    this.length = a.unbounded ? b.length : a.length;
  }

  _at(i: number): number {
    const v = this.a._at(i) * this.b._at(i);
    if (!Number.isFinite(v)) throw new RangeError(`product: the value at step ${i} is ${v}; the factors overflow there`);
    return v;
  }

  /** The factors, left to right (nested products flattened). */
  get factors(): Space[] {
    return [...(this.a instanceof ProductSpace ? this.a.factors : [this.a]), this.b];
  }

  /** `product(f1, f2, …)`, an unbounded constant shown as its number (a scale). */
  override toString(): string {
    const isScale = (f: Space) => f.unbounded && f.toJSON().type === 'constant';
    return `product(${this.factors.map((f) => (isScale(f) ? num(f._at(0)) : f.toString())).join(', ')})`;
  }
}
