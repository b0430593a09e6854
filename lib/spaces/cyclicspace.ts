import { firstNonFinite } from '../internal/finite.js';
import type { OptionsOf, OptionTable, ResolvedOf } from '../internal/options.js';
import { num } from '../internal/validate.js';
import { createSpace, FormulaSpace, type Space, type SpaceDefinition } from '../space.js';

const options = {
  stepsUp: { type: 'number', range: 'positiveCount', required: true, doc: 'Steps from `low` to `high` in each cycle.' },
  stepsDown: { type: 'number', range: 'positiveCount', doc: 'Steps from `high` back to `low`; default `stepsUp`.' },
  mode: {
    type: 'choice',
    values: ['triangular', 'triangular2', 'expRange'],
    default: 'triangular',
    doc: "`'triangular'`, `'triangular2'` (amplitude halves each cycle) or `'expRange'` (amplitude × gamma^step).",
  },
  gamma: { type: 'number', range: 'positive', default: 1, doc: "The amplitude's factor per step in `'expRange'`." },
} as const satisfies OptionTable;

/** Options of `cyclicspace`. */
export type CyclicOptions = OptionsOf<typeof options>;

const definition: SpaceDefinition = {
  name: 'cyclicspace',
  args: [
    { name: 'low', type: 'number', range: 'finite', doc: 'The bottom of the wave.' },
    { name: 'high', type: 'number', range: 'finite', doc: 'The top of the wave (before the amplitude of the mode).' },
    { name: 'steps', type: 'number', range: 'count', doc: 'How many values.' },
  ],
  options,
  build: ([low, high, steps]: readonly number[], o: ResolvedOf<typeof options>, declaration) => {
    const total = o.stepsUp + (o.stepsDown ?? o.stepsUp);
    const ratio = o.stepsUp / total;
    const { mode, gamma } = o;
    if (mode === 'expRange' && gamma > 1) refuseOverflow(high! - low!, gamma, steps!);
    return new FormulaSpace(declaration, steps!, (k) => {
      const cycle = Math.floor(1 + k / total);
      const x = 1 + k / total - cycle;
      const scale = x <= ratio ? x / ratio : (x - 1) / (ratio - 1);
      const amplitude = mode === 'triangular' ? 1 : mode === 'triangular2' ? 1 / 2 ** (cycle - 1) : gamma ** k;
      return low! + (high! - low!) * scale * amplitude;
    });
  },
};

/**
 * A triangle wave between `low` and `high` (PyTorch `CyclicLR`'s shape in
 * `torch/optim/lr_scheduler.py`, Smith's cyclical rates): with `x` the position in the cycle, the
 * height is `x/ratio` going up and `(x − 1)/(ratio − 1)` going down, times the mode's amplitude.
 * Periodic, so O(1) memory for any length.
 *
 * @param low the bottom of the wave.
 * @param high the top of the wave.
 * @param steps how many values, a non-negative integer.
 * @param options `stepsUp` (required), `stepsDown`, `mode`, `gamma`.
 * @returns the space.
 * @throws RangeError or TypeError naming `cyclicspace`, the option and the value; RangeError when an
 *   `'expRange'` amplitude `(high − low)·gamma^k` overflows within `steps`, naming the first such step.
 * @example
 * import { cyclicspace } from 'rx-policy';
 * [...cyclicspace(0, 1, 9, { stepsUp: 2 })]; // → [0, 0.5, 1, 0.5, 0, 0.5, 1, 0.5, 0]
 */
export function cyclicspace(low: number, high: number, steps: number, options: CyclicOptions): Space {
  return createSpace(definition, [low, high, steps], options);
}
/** `cyclicspace`'s declared arguments and options (type, range, default, doc): what its checks, `toJSON`, `spaceFromJSON` and the CLI read. */
cyclicspace.definition = definition;

/**
 * Refuses an expRange wave whose envelope `(high − low)·gamma^k` overflows within `steps`: the
 * peaks overflow first while the troughs stay finite, so the ends alone do not show it.
 */
function refuseOverflow(delta: number, gamma: number, steps: number): void {
  // The envelope grows with k, so the first step it overflows at is found by bisection.
  const step = firstNonFinite((k) => delta * gamma ** k, steps);
  if (step === undefined) return;
  throw new RangeError(`cyclicspace: gamma ${num(gamma)} makes the amplitude (high − low)·gamma^k overflow at step ${step} of ${steps}; choose gamma ≤ 1, a smaller high − low or fewer steps, got gamma ${num(gamma)}`);
}
