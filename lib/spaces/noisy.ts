import { count, finite, knownKeys, plainObject, show } from '../internal/validate.js';
import { Space, type SpaceSpec } from '../space.js';

/** Options of `noisy`, with timm's defaults. */
export interface NoiseOptions {
  /** Steps `[from, to)` that get noise (`to` may be omitted: to the end). Counted from this space's step 0 plus `offset`. */
  readonly range: readonly [number, number?];
  /** Noise limit: `|n| < pct`. Default 0.67. */
  readonly pct?: number;
  /** `'normal'` (default: standard normal, redrawn until `|n| < pct`) or `'uniform'` in `(−pct, pct)`. */
  readonly type?: 'normal' | 'uniform';
  /** Default 42. */
  readonly seed?: number;
  /** The global step of this space's step 0 (when it is a later phase of a policy). Default 0. */
  readonly offset?: number;
}

/**
 * Multiplies a space by `1 + n` on a range of steps, with `n` drawn from a generator seeded by
 * `seed + step`, as timm's noise does, so any step's noise is known in O(1) and a resumed run gets
 * the same noise. The generator is a counter-based mulberry32 with Box–Muller, not torch.randn:
 * the values differ from timm's, the distribution and seeding scheme do not.
 *
 * @example
 * import { noisy, linspace } from 'rx-policy';
 * noisy(linspace(1, 0, 100), { range: [10, 90], seed: 7 }).at(50); // same value on every run
 */
export function noisy(space: Space, options: NoiseOptions): Space {
  const fn = 'noisy';
  if (!(space instanceof Space)) throw new TypeError(`${fn}: space must be a Space, got ${show(space)}`);
  plainObject(fn, 'options', options);
  knownKeys(fn, 'option', options as unknown as Record<string, unknown>, ['range', 'pct', 'type', 'seed', 'offset']);
  if (!Array.isArray(options.range) || options.range.length < 1 || options.range.length > 2) {
    throw new TypeError(`${fn}: range must be [from] or [from, to], got ${show(options.range)}`);
  }
  const from = count(fn, 'range[0]', options.range[0]);
  const to = options.range[1] === undefined ? Infinity : count(fn, 'range[1]', options.range[1]);
  const pct = finite(fn, 'pct', options.pct ?? 0.67);
  if (!(pct > 0)) throw new RangeError(`${fn}: pct must be > 0, got ${pct}`);
  const type = options.type ?? 'normal';
  if (type !== 'normal' && type !== 'uniform') throw new TypeError(`${fn}: type must be 'normal' or 'uniform', got ${show(type)}`);
  const seed = finite(fn, 'seed', options.seed ?? 42);
  return new NoisySpace(space, from, to, pct, type, seed, count(fn, 'offset', options.offset ?? 0));
}

/** One step of mulberry32 (a small counter-based generator): the next state's uniform in [0, 1). */
function mulberry(state: number): number {
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

class NoisySpace extends Space {
  protected override get label(): string {
    return 'noisy';
  }

  readonly length: number;

  constructor(
    readonly space: Space,
    readonly from: number,
    readonly to: number,
    readonly pct: number,
    readonly type: 'normal' | 'uniform',
    readonly seed: number,
    readonly offset: number,
  ) {
    super();
    this.length = space.length;
  }

  /** The noise of global step `t`: timm redraws a normal until it is inside ±pct. */
  noiseAt(t: number): number {
    // The generator's state is a local number: no allocation per step.
    let state = (this.seed + t) >>> 0;
    state = (state + 0x6d2b79f5) >>> 0;
    if (this.type === 'uniform') return this.pct * (2 * mulberry(state) - 1);
    for (;;) {
      const u1 = mulberry(state);
      state = (state + 0x6d2b79f5) >>> 0;
      const u2 = mulberry(state);
      state = (state + 0x6d2b79f5) >>> 0;
      const n = Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
      if (Math.abs(n) < this.pct) return n;
    }
  }

  _at(i: number): number {
    const value = this.space._at(i);
    const t = i + this.offset;
    return t >= this.from && t < this.to ? value * (1 + this.noiseAt(t)) : value;
  }

  override toString(): string {
    return `noisy(${this.space.toString()}, { range: [${this.from}, ${this.to}], pct: ${this.pct}, type: '${this.type}', seed: ${this.seed}, offset: ${this.offset} })`;
  }

  toJSON(): SpaceSpec {
    return { type: 'noisy', space: this.space.toJSON(), range: this.to === Infinity ? [this.from] : [this.from, this.to], pct: this.pct, noise: this.type, seed: this.seed, offset: this.offset };
  }
}
