import type { OptionsOf, OptionTable, ResolvedOf } from '../internal/options.js';
import { TorchGenerator } from '../internal/torchGenerator.js';
import { createSpace, FormulaSpace, type Space, type SpaceDefinition } from '../space.js';

const options = {
  range: { type: 'stepRange', required: true, doc: "Steps `[from, to)` that get noise (`to` left out: to the end), counted from this space's step 0 plus `offset`." },
  pct: { type: 'number', range: 'positive', default: 0.67, doc: 'Noise limit: `|n| < pct`.' },
  type: {
    type: 'choice',
    values: ['normal', 'uniform'],
    default: 'normal',
    json: 'noise',
    doc: "`'normal'` (`torch.randn`, redrawn until `|n| < pct`) or `'uniform'` (`2·(torch.rand − 0.5)·pct`).",
  },
  seed: { type: 'number', range: 'integer', default: 42, doc: 'Step `t` draws from `manual_seed(seed + t)`.' },
  offset: { type: 'number', range: 'count', default: 0, doc: "The global step of this space's step 0 (when it is a later phase of a policy)." },
} as const satisfies OptionTable;

/** Options of `noisy`, with timm's defaults. */
export type NoiseOptions = OptionsOf<typeof options>;

const definition: SpaceDefinition = {
  name: 'noisy',
  args: [{ name: 'space', type: 'space', doc: 'The space the noise is added to.' }],
  options,
  build: ([space]: readonly [Space], o: ResolvedOf<typeof options>, declaration) => {
    const [from, to = Infinity] = o.range;
    const { pct, type, seed, offset } = o;
    if (!(pct >= MIN_NOISE_PCT)) throw new RangeError(`noisy: pct must be a finite number ≥ ${MIN_NOISE_PCT} (normal noise is redrawn until |n| < pct, about 1/(0.8·pct) draws a step), got ${pct}`);
    return new FormulaSpace(declaration, space.length, (i) => {
      const value = space._at(i);
      const t = i + offset;
      // A bad inner value (inside a preset, whose join checks the whole schedule) is not the
      // noise's doing: it is passed on for that check to name.
      if (!(t >= from && t < to) || !Number.isFinite(value)) return value;
      // timm writes `v + v * noise`, which can differ from `v * (1 + noise)` in the last bit.
      const out = value + value * noiseAt(type, pct, seed + t, t);
      // A huge pct can overflow a large value: refused where it happens, never emitted.
      if (!Number.isFinite(out)) throw new RangeError(`noisy: the value at step ${t} overflows (${value} + ${value}·noise), got ${out}; use a smaller pct`);
      return out;
    });
  },
};

/**
 * timm's learning-rate noise (`_add_noise` and `_calculate_noise` in `timm/scheduler/scheduler.py`):
 * on a range of steps, a value `v` becomes `v + v·n`, with `n` drawn as timm draws it, from a
 * PyTorch CPU generator seeded with `seed + step`. rx-policy reproduces that generator (MT19937
 * and ATen's Box–Muller, see `TorchGenerator`), so the noise is PyTorch's own, bit for bit, and
 * any step's noise is known in O(1): a resumed run gets the same noise.
 *
 * @param space the space the noise is added to.
 * @param options `range` (required), `pct`, `type`, `seed`, `offset`.
 * @returns the noisy space, of the same length.
 * @throws RangeError or TypeError naming `noisy`, the option and the value.
 * @example
 * import { noisy, constant } from 'rx-policy';
 * // timm: torch.Generator().manual_seed(42 + 0); torch.randn(1) is 0.33669036626815796
 * noisy(constant(1, 10), { range: [0], seed: 42 }).at(0); // → 1.336690366268158
 */
export function noisy(space: Space, options: NoiseOptions): Space {
  return createSpace(definition, [space], options);
}
/** `noisy`'s declared arguments and options (type, range, default, doc): what its checks, `toJSON`, `spaceFromJSON` and the CLI read. */
noisy.definition = definition;

/**
 * The smallest noise limit: timm redraws a normal noise until `|n| < pct`, about `1/(0.8·pct)`
 * draws a step, so below this a step could take millions of draws (timm's loop never ends at 1e-30).
 * @example
 * import { MIN_NOISE_PCT } from 'rx-policy';
 * MIN_NOISE_PCT; // → 0.001
 */
export const MIN_NOISE_PCT = 1e-3;

/** Draws after which a step gives up: never reached at pct ≥ MIN_NOISE_PCT (the chance is below e^-79). */
const MAX_DRAWS = 100_000;

// One generator serves every noisy space: each step reseeds it, so nothing is allocated per step.
const generator = new TorchGenerator();

/** The noise of global step `t` (seeded with `seed + t` by the caller): timm's `_calculate_noise(t)`. */
function noiseAt(type: 'normal' | 'uniform', pct: number, seed: number, t: number): number {
  const g = generator.manualSeed(seed);
  if (type === 'uniform') return 2 * (g.randFloat32() - 0.5) * pct;
  // timm redraws until the noise is inside ±pct (about two draws at the default 0.67).
  for (let draw = 0; draw < MAX_DRAWS; draw++) {
    const n = g.randnFloat32();
    if (Math.abs(n) < pct) return n;
  }
  throw new RangeError(`noisy: no normal draw fell inside ±pct in ${MAX_DRAWS} draws at step ${t}, got pct ${pct}`);
}
