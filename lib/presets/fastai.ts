// fastai's fit policies (fastai/callback/schedule.py). fastai evaluates each schedule at
// pos = k/N for batch k of N, so the final value is never applied (Poutyne and PyTorch reach it).
import { count, finite, fraction, knownKeys, plainObject, positive, positiveCount, show } from '../internal/validate.js';
import { Phase } from '../phase.js';
import { cosinespace } from '../spaces/cosinespace.js';

function read<T extends object>(fn: string, given: T, accepted: readonly string[]): T {
  plainObject(fn, 'options', given);
  knownKeys(fn, 'option', given as Record<string, unknown>, accepted);
  return given;
}

/** fastai `combined_cos(pct, start, middle, end)` sampled at pos = k/N: two cosine phases split at pos = pct. */
function combinedCos(N: number, pct: number, values: Record<string, readonly [number, number, number]>): Phase[] {
  const split = Math.min(N, Math.ceil(pct * N)); // batches with k/N < pct
  const first: Record<string, ReturnType<typeof cosinespace>> = {};
  const second: Record<string, ReturnType<typeof cosinespace>> = {};
  for (const [name, [s, m, e]] of Object.entries(values)) {
    first[name] = cosinespace(s, m, split, { span: Math.max(pct * N, 1e-300) });
    second[name] = cosinespace(m, e, N - split, { offset: split - pct * N, span: (1 - pct) * N });
  }
  return [new Phase(first), new Phase(second)];
}

/**
 * fastai `fit_one_cycle`: lr `combined_cos(pctStart, lrMax/div, lrMax, lrMax/divFinal)` and
 * momentum `combined_cos(pctStart, 0.95, 0.85, 0.95)` over `steps` batches (epochs × batches per epoch).
 * @example fastai.fitOneCycle({ steps: 20, lrMax: 1 })
 */
function fitOneCycle(given: { readonly steps: number; readonly lrMax: number; readonly div?: number; readonly divFinal?: number; readonly pctStart?: number; readonly moms?: readonly [number, number, number] }): Phase<'lr' | 'momentum'>[] {
  const fn = 'fastai.fitOneCycle';
  const o = read(fn, given, ['steps', 'lrMax', 'div', 'divFinal', 'pctStart', 'moms']);
  const N = positiveCount(fn, 'steps', o.steps);
  const lrMax = finite(fn, 'lrMax', o.lrMax);
  const moms = o.moms ?? [0.95, 0.85, 0.95];
  if (!Array.isArray(moms) || moms.length !== 3) throw new TypeError(`${fn}: moms must be three numbers [start, middle, end], got ${show(moms)}`);
  moms.forEach((m, i) => finite(fn, `moms[${i}]`, m));
  const pct = fraction(fn, 'pctStart', o.pctStart ?? 0.25);
  return combinedCos(N, pct, {
    lr: [lrMax / positive(fn, 'div', o.div ?? 25), lrMax, lrMax / positive(fn, 'divFinal', o.divFinal ?? 1e5)],
    momentum: moms,
  }) as Phase<'lr' | 'momentum'>[];
}

/** fastai `fit_flat_cos`: flat at `lr` for `pctStart` of the run, then a cosine to `lr/divFinal`. @example fastai.fitFlatCos({ steps: 20, lr: 1 }) */
function fitFlatCos(given: { readonly steps: number; readonly lr: number; readonly divFinal?: number; readonly pctStart?: number }): Phase<'lr'>[] {
  const fn = 'fastai.fitFlatCos';
  const o = read(fn, given, ['steps', 'lr', 'divFinal', 'pctStart']);
  const lr = finite(fn, 'lr', o.lr);
  return combinedCos(positiveCount(fn, 'steps', o.steps), fraction(fn, 'pctStart', o.pctStart ?? 0.75), {
    lr: [lr, lr, lr / positive(fn, 'divFinal', o.divFinal ?? 1e5)],
  }) as Phase<'lr'>[];
}

/**
 * fastai `fit_sgdr`: `nCycles` cosines from `lrMax` to 0, the i-th `cycleLen·cycleMult^i` epochs
 * long, over `stepsPerEpoch` batches an epoch. (fastai divides by `cycleMult − 1`, so 1 crashes
 * there; here 1 gives equal cycles.)
 * @example fastai.fitSgdr({ nCycles: 3, cycleLen: 1, lrMax: 1, stepsPerEpoch: 4 })
 */
function fitSgdr(given: { readonly nCycles: number; readonly cycleLen: number; readonly lrMax: number; readonly cycleMult?: number; readonly stepsPerEpoch: number }): Phase<'lr'>[] {
  const fn = 'fastai.fitSgdr';
  const o = read(fn, given, ['nCycles', 'cycleLen', 'lrMax', 'cycleMult', 'stepsPerEpoch']);
  const cycles = positiveCount(fn, 'nCycles', o.nCycles);
  const len = positiveCount(fn, 'cycleLen', o.cycleLen);
  const mult = positiveCount(fn, 'cycleMult', o.cycleMult ?? 2);
  const spe = positiveCount(fn, 'stepsPerEpoch', o.stepsPerEpoch);
  const lrMax = finite(fn, 'lrMax', o.lrMax);
  return Array.from({ length: cycles }, (_, i) => new Phase({ lr: cosinespace(lrMax, 0, count(fn, 'cycle length', len * mult ** i * spe), { endpoint: false }) }));
}

/**
 * fastai's fit policies, by their fastai names in camelCase, over batches.
 * @example
 * import { fastai, OptimizerPolicy } from 'rx-policy';
 * new OptimizerPolicy(fastai.fitOneCycle({ steps: 5 * 100, lrMax: 3e-3 }));
 */
export const fastai = { fitOneCycle, fitFlatCos, fitSgdr } as const;
