// Reference numbers from anchors.md: §2.2 fastai (transcription of fastai/callback/schedule.py),
// §2.4 optax (transcription checked against optax's OneCycleTest; the two optax fixtures are
// optax's own), §2.6 Keras (transcription; equal to the optax numbers as noted there).
import { describe, expect, expectTypeOf, it } from 'vitest';
import { fastai, OptimizerPolicy, type FastaiFitOneCycleOptions } from '../../lib/index.js';
import { expectClose } from '../helpers.js';

const lrs = (phases: ConstructorParameters<typeof OptimizerPolicy>[0]) => [...new OptimizerPolicy(phases).allSteps()].map((v) => v.lr!);

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const cosAnneal = (s: number, e: number, p: number) => s + ((1 - Math.cos(Math.PI * p)) / 2) * (e - s); // fastai SchedCos


describe('fastai (pos = k/N: the final value is never applied)', () => {
  it('fit_one_cycle N=20, lr_max 1', () => {
    const all = [...new OptimizerPolicy(fastai.fitOneCycle({ steps: 20, lrMax: 1 })).allSteps()];
    expectClose(all.map((v) => v.lr), [0.04, 0.131672, 0.371672, 0.668328, 0.908328, 1.0, 0.989074, 0.956773, 0.904509, 0.834567, 0.750003, 0.654512, 0.552269, 0.447741, 0.345498, 0.250007, 0.165443, 0.0955005, 0.0432368, 0.0109361], 5);
    expectClose(all.map((v) => v.momentum).slice(0, 7), [0.95, 0.940451, 0.915451, 0.884549, 0.859549, 0.85, 0.851093], 6);
    expectClose([all.at(-1)!.momentum], [0.948907], 6);
  });

  it('fit_flat_cos N=20: 16 × 1.0 then [0.904509, 0.654512, 0.345498, 0.0955005]', () => {
    expectClose(lrs(fastai.fitFlatCos({ steps: 20, lr: 1 })), [...Array(16).fill(1), 0.904509, 0.654512, 0.345498, 0.0955005], 6);
  });

  it('fit_sgdr(3, 1, mult 2) with 4 batches an epoch (N=28)', () => {
    const v = lrs(fastai.fitSgdr({ nCycles: 3, cycleLen: 1, lrMax: 1, stepsPerEpoch: 4 }));
    expect(v).toHaveLength(28);
    expectClose(v.slice(0, 12), [1, 0.853553, 0.5, 0.146447, 1, 0.96194, 0.853553, 0.691342, 0.5, 0.308658, 0.146447, 0.0380602], 6);
    expectClose([v[12]!, v[13]!, v.at(-2)!, v.at(-1)!], [1, 0.990393, 0.0380602, 0.00960736], 6);
  });
});

describe('types', () => {
  it('fitOneCycle: moms is three numbers, as the run checks; the values are { lr, momentum }', () => {
    expectTypeOf<FastaiFitOneCycleOptions['moms']>().toEqualTypeOf<readonly [number, number, number] | undefined>();
    // @ts-expect-error moms is [start, middle, end]
    expect(() => fastai.fitOneCycle({ steps: 10, lrMax: 1, moms: [0.9] })).toThrow('fastai.fitOneCycle: moms must be three numbers [start, middle, end], got [0.9]');
    const v = new OptimizerPolicy(fastai.fitOneCycle({ steps: 10, lrMax: 1, moms: [0.9, 0.8, 0.9] })).at(0);
    expectTypeOf(v).toEqualTypeOf<{ lr: number; momentum: number }>();
    expect(v.momentum).toBe(0.9);
    // @ts-expect-error `lr_max` is fastai's name; here it is lrMax
    expect(() => fastai.fitOneCycle({ steps: 10, lr_max: 1 })).toThrow(/fastai.fitOneCycle: unknown option "lr_max"/);
  });
});

describe('second lengths', () => {
  it('fastai.fitOneCycle N=33, pct 0.3, and fitFlatCos N=33 (pos = k/N, combined_cos)', () => {
    const combined = (pct: number, s: number, m: number, e: number) => (pos: number) => (pos < pct ? cosAnneal(s, m, pos / pct) : cosAnneal(m, e, (pos - pct) / (1 - pct)));
    const lr = combined(0.3, 0.5 / 25, 0.5, 0.5 / 1e5);
    expectClose(lrs(fastai.fitOneCycle({ steps: 33, lrMax: 0.5, pctStart: 0.3 })), range(33).map((k) => lr(k / 33)), 12);
    const flat = combined(0.75, 2, 2, 2 / 1e5);
    expectClose(lrs(fastai.fitFlatCos({ steps: 33, lr: 2 })), range(33).map((k) => flat(k / 33)), 12);
  });

  it('fastai.fitSgdr(2 cycles, cycle_len 2, mult 3) with 2 batches an epoch: SchedCos(lr_max, 0) per cycle', () => {
    const lengths = [2 * 2, 2 * 3 * 2];
    const ref = lengths.flatMap((n) => range(n).map((i) => cosAnneal(0.7, 0, i / n)));
    expectClose(lrs(fastai.fitSgdr({ nCycles: 2, cycleLen: 2, lrMax: 0.7, cycleMult: 3, stepsPerEpoch: 2 })), ref, 12);
  });
});
