import { count, finite, knownKeys, plainObject, show } from '../internal/validate.js';
import { TorchGenerator } from '../internal/torchGenerator.js';
import { Space, type SpaceSpec } from '../space.js';

/** Options of `noisy`, with timm's defaults. */
export interface NoiseOptions {
  /** Steps `[from, to)` that get noise (`to` may be omitted: to the end). Counted from this space's step 0 plus `offset`. */
  readonly range: readonly [number, number?];
  /** Noise limit: `|n| < pct`. Default 0.67. */
  readonly pct?: number;
  /** `'normal'` (default: `torch.randn`, redrawn until `|n| < pct`) or `'uniform'` (`2·(torch.rand − 0.5)·pct`). */
  readonly type?: 'normal' | 'uniform';
  /** An integer; step `t` draws from `manual_seed(seed + t)`. Default 42. */
  readonly seed?: number;
  /** The global step of this space's step 0 (when it is a later phase of a policy). Default 0. */
  readonly offset?: number;
}

/**
 * timm's learning-rate noise: on a range of steps, a value `v` becomes `v + v·n`, with `n` drawn
 * as timm draws it, from a PyTorch CPU generator seeded with `seed + step`. rx-policy reproduces
 * that generator (MT19937 and ATen's Box–Muller, see `TorchGenerator`), so the noise is PyTorch's
 * own, bit for bit, and any step's noise is known in O(1): a resumed run gets the same noise.
 *
 * @example
 * import { noisy, constant } from 'rx-policy';
 * // timm: torch.Generator().manual_seed(42 + 0); torch.randn(1) is 0.33669036626815796
 * noisy(constant(1, 10), { range: [0], seed: 42 }).at(0); // 1.336690366268158
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
  if (!(pct >= MIN_NOISE_PCT)) throw new RangeError(`${fn}: pct must be a finite number ≥ ${MIN_NOISE_PCT} (normal noise is redrawn until |n| < pct, about 1/(0.8·pct) draws a step), got ${show(pct)}`);
  const type = options.type ?? 'normal';
  if (type !== 'normal' && type !== 'uniform') throw new TypeError(`${fn}: type must be 'normal' or 'uniform', got ${show(type)}`);
  const seed = options.seed ?? 42;
  if (!Number.isSafeInteger(seed)) throw new RangeError(`${fn}: seed must be an integer, got ${show(seed)}`);
  return new NoisySpace(space, from, to, pct, type, seed, count(fn, 'offset', options.offset ?? 0));
}

/**
 * The smallest noise limit: timm redraws a normal noise until `|n| < pct`, about `1/(0.8·pct)`
 * draws a step, so below this a step could take millions of draws (timm's loop never ends at 1e-30).
 */
export const MIN_NOISE_PCT = 1e-3;

/** Draws after which a step gives up (never reached at pct ≥ MIN_NOISE_PCT: the chance is below e^-79). */
const MAX_DRAWS = 100_000;

// One generator serves every noisy space: each step reseeds it, so nothing is allocated per step.
const generator = new TorchGenerator();

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

  /** The noise of global step `t`: timm's `_calculate_noise(t)`. */
  noiseAt(t: number): number {
    const g = generator.manualSeed(this.seed + t);
    if (this.type === 'uniform') return 2 * (g.randFloat32() - 0.5) * this.pct;
    // timm redraws until the noise is inside ±pct (about two draws at the default 0.67).
    for (let draw = 0; draw < MAX_DRAWS; draw++) {
      const n = g.randnFloat32();
      if (Math.abs(n) < this.pct) return n;
    }
    throw new RangeError(`noisy: no normal draw fell inside ±pct in ${MAX_DRAWS} draws at step ${t}, got pct ${this.pct}`);
  }

  _at(i: number): number {
    const value = this.space._at(i);
    const t = i + this.offset;
    if (!(t >= this.from && t < this.to)) return value;
    // timm writes `v + v * noise`, which can differ from `v * (1 + noise)` in the last bit.
    const out = value + value * this.noiseAt(t);
    // A huge pct can overflow a large value; refused where it happens, not emitted.
    if (!Number.isFinite(out)) throw new RangeError(`noisy: the value at step ${t} overflows (${value} + ${value}·noise), got ${out}; use a smaller pct`);
    return out;
  }

  override toString(): string {
    return `noisy(${this.space.toString()}, { range: [${this.from}, ${this.to}], pct: ${this.pct}, type: '${this.type}', seed: ${this.seed}, offset: ${this.offset} })`;
  }

  toJSON(): SpaceSpec {
    return { type: 'noisy', space: this.space.toJSON(), range: this.to === Infinity ? [this.from] : [this.from, this.to], pct: this.pct, noise: this.type, seed: this.seed, offset: this.offset };
  }
}
