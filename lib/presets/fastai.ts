// fastai's fit policies (fastai/callback/schedule.py). fastai evaluates each schedule at
// pos = k/N for batch k of N, so the final value is never applied (Poutyne and PyTorch reach it).
import { joinTo, MAX_PHASES } from '../compose.js';
import { declare, derivedFinite, integer, number, numbers, type OptionsOf } from '../internal/options.js';
import { Phase } from '../phase.js';
import type { Space } from '../space.js';
import { cosinespace } from '../spaces/cosinespace.js';
import { preset } from './preset.js';

/** fastai `combined_cos(pct, start, middle, end)` sampled at pos = k/N: two cosine phases split at pos = pct. */
function combinedCos(N: number, pct: number, values: Record<string, readonly number[]>): Phase[] {
  const split = Math.min(N, Math.ceil(pct * N)); // batches with k/N < pct
  const first: Record<string, Space> = {};
  const second: Record<string, Space> = {};
  for (const [name, [s, m, e]] of Object.entries(values)) {
    first[name] = cosinespace(s!, m!, split, { span: Math.max(pct * N, 1e-300) });
    second[name] = cosinespace(m!, e!, N - split, { offset: split - pct * N, span: (1 - pct) * N });
  }
  return [new Phase(first), new Phase(second)];
}

const batches = () => integer({ doc: 'Batches in all (epochs × batches per epoch).', required: true, min: 1 });
const pctStart = (value: number, doc: string) => number({ doc, default: value, min: 0, below: 1, expected: 'a fraction in [0, 1)' });

const fitOneCycleOptions = declare('fastai.fitOneCycle', {
  steps: batches(),
  lrMax: number({ doc: 'Peak learning rate.', required: true }),
  div: number({ doc: 'Start lr = lrMax / div.', default: 25, above: 0 }),
  divFinal: number({ doc: 'Final lr = lrMax / divFinal.', default: 1e5, above: 0 }),
  pctStart: pctStart(0.25, 'Fraction of the batches spent rising.'),
  moms: numbers({ doc: 'Momentum [start, middle, end].', default: [0.95, 0.85, 0.95] as readonly number[], length: 3, expected: 'three numbers [start, middle, end]' }),
});

/** Options of `fastai.fitOneCycle`; `moms` is typed as the three numbers the run checks. */
type FitOneCycleOptions = Omit<OptionsOf<typeof fitOneCycleOptions.shape>, 'moms'> & {
  /** Momentum [start, middle, end]; default [0.95, 0.85, 0.95]. */
  readonly moms?: readonly [number, number, number];
};

function fitOneCycle(given: FitOneCycleOptions): Phase<'lr' | 'momentum'>[] {
  const o = fitOneCycleOptions.read(given);
  const fn = fitOneCycleOptions.fn;
  const lr = [derivedFinite(fn, o.lrMax / o.div, 'lrMax / div', 'div', o.div), o.lrMax, derivedFinite(fn, o.lrMax / o.divFinal, 'lrMax / divFinal', 'divFinal', o.divFinal)];
  const phases = combinedCos(o.steps, o.pctStart, { lr, momentum: o.moms }) as Phase<'lr' | 'momentum'>[];
  return joinTo(fitOneCycleOptions.fn, phases, o.steps);
}

const fitFlatCosOptions = declare('fastai.fitFlatCos', {
  steps: batches(),
  lr: number({ doc: 'The flat learning rate.', required: true }),
  divFinal: number({ doc: 'Final lr = lr / divFinal.', default: 1e5, above: 0 }),
  pctStart: pctStart(0.75, 'Fraction of the batches held flat.'),
});

function fitFlatCos(given: OptionsOf<typeof fitFlatCosOptions.shape>): Phase<'lr'>[] {
  const o = fitFlatCosOptions.read(given);
  const final = derivedFinite(fitFlatCosOptions.fn, o.lr / o.divFinal, 'lr / divFinal', 'divFinal', o.divFinal);
  return joinTo(fitFlatCosOptions.fn, combinedCos(o.steps, o.pctStart, { lr: [o.lr, o.lr, final] }) as Phase<'lr'>[], o.steps);
}

const fitSgdrOptions = declare('fastai.fitSgdr', {
  nCycles: integer({ doc: 'Number of cycles.', required: true, min: 1, max: MAX_PHASES }),
  cycleLen: integer({ doc: 'Epochs of the first cycle.', required: true, min: 1 }),
  lrMax: number({ doc: 'Peak learning rate of every cycle.', required: true }),
  cycleMult: integer({ doc: 'Each cycle is this many times longer (fastai crashes at 1; here 1 gives equal cycles).', default: 2, min: 1 }),
  stepsPerEpoch: integer({ doc: 'Batches an epoch.', required: true, min: 1 }),
});

function fitSgdr(given: OptionsOf<typeof fitSgdrOptions.shape>): Phase<'lr'>[] {
  const o = fitSgdrOptions.read(given);
  const fn = fitSgdrOptions.fn;
  const phases: Phase<'lr'>[] = [];
  let total = 0;
  for (let i = 0; i < o.nCycles; i++) {
    const length = o.cycleLen * o.cycleMult ** i * o.stepsPerEpoch;
    total += length;
    if (!Number.isSafeInteger(total)) throw new RangeError(`${fn}: cycle ${i} would end at step ${total}, past the largest safe integer; use fewer cycles (nCycles), got nCycles ${o.nCycles}`);
    phases.push(new Phase({ lr: cosinespace(o.lrMax, 0, length, { endpoint: false }) }));
  }
  return joinTo(fn, phases, total);
}

/**
 * fastai's fit policies, by their fastai names in camelCase, over batches.
 * @example
 * import { fastai, OptimizerPolicy } from 'rx-policy';
 * const policy = new OptimizerPolicy(fastai.fitOneCycle({ steps: 5 * 100, lrMax: 3e-3 }));
 * policy.at(0); // → { lr: 0.00012, momentum: 0.95 }
 */
export const fastai = {
  /**
   * fastai `fit_one_cycle`: lr `combined_cos(pctStart, lrMax/div, lrMax, lrMax/divFinal)` and
   * momentum `combined_cos(pctStart, 0.95, 0.85, 0.95)` over `steps` batches (epochs × batches per epoch).
   * @param options the preset's options, as declared (type, default, range, required): `presetOptions('fastai.fitOneCycle')`, listed in docs/presets.md.
   * @returns the schedule's phases, for `new OptimizerPolicy(...)`.
   * @throws TypeError or RangeError naming `fastai.fitOneCycle`, the option and the value.
   * @example
   * import { fastai, OptimizerPolicy } from 'rx-policy';
   * const policy = new OptimizerPolicy(fastai.fitOneCycle({ steps: 20, lrMax: 1 }));
   * policy.at(0); // → { lr: 0.04, momentum: 0.95 }
   * policy.at(5); // → { lr: 1, momentum: 0.85 }
   */
  fitOneCycle: preset(fitOneCycleOptions, 'fastai fit_one_cycle (pos = k/N)', fitOneCycle),
  /**
   * fastai `fit_flat_cos`: flat at `lr` for `pctStart` of the run, then a cosine to `lr/divFinal`.
   * @param options the preset's options, as declared (type, default, range, required): `presetOptions('fastai.fitFlatCos')`, listed in docs/presets.md.
   * @returns the schedule's phases, for `new OptimizerPolicy(...)`.
   * @throws TypeError or RangeError naming `fastai.fitFlatCos`, the option and the value.
   * @example
   * import { fastai, OptimizerPolicy } from 'rx-policy';
   * const policy = new OptimizerPolicy(fastai.fitFlatCos({ steps: 20, lr: 1 }));
   * [0, 15, 19].map((s) => policy.at(s).lr); // → [1, 1, 0.095500547897]
   */
  fitFlatCos: preset(fitFlatCosOptions, 'fastai fit_flat_cos', fitFlatCos),
  /**
   * fastai `fit_sgdr`: `nCycles` cosines from `lrMax` to 0, the i-th `cycleLen·cycleMult^i` epochs
   * long, over `stepsPerEpoch` batches an epoch. (fastai divides by `cycleMult − 1`, so 1 crashes
   * there; here 1 gives equal cycles.)
   * @param options the preset's options, as declared (type, default, range, required): `presetOptions('fastai.fitSgdr')`, listed in docs/presets.md.
   * @returns the schedule's phases, for `new OptimizerPolicy(...)`.
   * @throws TypeError or RangeError naming `fastai.fitSgdr`, the option and the value.
   * @example
   * import { fastai, OptimizerPolicy } from 'rx-policy';
   * const policy = new OptimizerPolicy(fastai.fitSgdr({ nCycles: 3, cycleLen: 1, lrMax: 1, stepsPerEpoch: 4 }));
   * policy.length; // → 28
   * [0, 2, 4, 12].map((s) => policy.at(s).lr); // → [1, 0.5, 1, 1]
   */
  fitSgdr: preset(fitSgdrOptions, 'fastai fit_sgdr', fitSgdr),
} as const;
