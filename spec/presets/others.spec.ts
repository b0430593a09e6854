// Reference numbers from anchors.md: §2.2 fastai (transcription of fastai/callback/schedule.py),
// §2.4 optax (transcription checked against optax's OneCycleTest; the two optax fixtures are
// optax's own), §2.6 Keras (transcription; equal to the optax numbers as noted there).
import { describe, expect, it } from 'vitest';
import { fastai, keras, OptimizerPolicy, optax } from '../../lib/index.js';
import { expectClose } from '../helpers.js';

const lrs = (phases: ConstructorParameters<typeof OptimizerPolicy>[0]) => [...new OptimizerPolicy(phases).allSteps()].map((v) => v.lr!);
const warmupCosine = [0, 0.5, 1, 0.965746, 0.868198, 0.722208, 0.55, 0.377792, 0.231802, 0.134254, 0.1, 0.1];

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

describe('optax', () => {
  it('cosine_onecycle T=10: peak at int(0.3·10) = 3, final from T on', () => {
    expectClose(lrs(optax.cosineOnecycle({ transitionSteps: 10, peakValue: 1, steps: 12 })), [0.04, 0.28, 0.76, 1.0, 0.950485, 0.811746, 0.611262, 0.388742, 0.188258, 0.0495194, 4e-6, 4e-6], 6);
  });

  it('optax\'s own fixtures: cosine (T=5, peak 1000, pct 0.4, div 10, final 100) and linear (T=10, 0.3/0.7)', () => {
    expectClose(lrs(optax.cosineOnecycle({ transitionSteps: 5, peakValue: 1000, pctStart: 0.4, divFactor: 10, finalDivFactor: 100, steps: 7 })), [100, 550, 1000, 750.25, 250.75, 1, 1], 8);
    expectClose(lrs(optax.linearOnecycle({ transitionSteps: 10, peakValue: 1000, pctStart: 0.3, pctFinal: 0.7, divFactor: 10, finalDivFactor: 100, steps: 12 })), [100, 400, 700, 1000, 775, 550, 325, 100, 67, 34, 1, 1], 8);
  });

  it('linear_onecycle T=10 with defaults', () => {
    expectClose(lrs(optax.linearOnecycle({ transitionSteps: 10, peakValue: 1, steps: 12 })), [0.04, 0.36, 0.68, 1.0, 0.808, 0.616, 0.424, 0.232, 0.04, 0.020002, 4e-6, 4e-6], 6);
  });

  it('warmup_cosine_decay (0, 1, W=2, decay_steps=10 incl. warmup, end 0.1)', () => {
    expectClose(lrs(optax.warmupCosineDecay({ initValue: 0, peakValue: 1, warmupSteps: 2, decaySteps: 10, endValue: 0.1, steps: 12 })), warmupCosine, 6);
    expect(() => optax.warmupCosineDecay({ initValue: 0, peakValue: 1, warmupSteps: 10, decaySteps: 10, steps: 12 })).toThrow(/optax.warmupCosineDecay: decaySteps must be greater than warmupSteps \(10\), got 10/);
  });

  it('sgdr with cycles 4/8/16 equals PyTorch\'s warm restarts, then 0.1 at step 28', () => {
    const cycle = (n: number) => ({ initValue: 1, peakValue: 1, warmupSteps: 0, decaySteps: n, endValue: 0.1 });
    const v = lrs(optax.sgdr({ cycles: [cycle(4), cycle(8), cycle(16)], steps: 29 }));
    expectClose(v.slice(0, 6), [1, 0.868198, 0.55, 0.231802, 1, 0.965746], 6);
    expectClose(v.slice(26), [0.134254, 0.108647, 0.1], 6);
  });

  it('non-positive transition steps are optax\'s error', () => {
    expect(() => optax.cosineOnecycle({ transitionSteps: 0, peakValue: 1, steps: 3 })).toThrow(/optax.cosineOnecycle: transitionSteps must be a positive integer, got 0/);
  });
});

describe('keras', () => {
  it('CosineDecay with warmup (0.0, decay_steps=8, alpha 0.1, target 1, W=2) equals the optax numbers', () => {
    expectClose(lrs(keras.cosineDecay({ initialLearningRate: 0, decaySteps: 8, alpha: 0.1, warmupTarget: 1, warmupSteps: 2, steps: 12 })), warmupCosine, 6);
    expectClose(lrs(keras.cosineDecay({ initialLearningRate: 2, decaySteps: 4, steps: 6 })), [2, 1 + Math.cos(Math.PI / 4), 1, 1 - Math.cos(Math.PI / 4), 0, 0], 12);
    expect(() => keras.cosineDecay({ initialLearningRate: 1, decaySteps: 0, steps: 3 })).toThrow(/keras.cosineDecay: decaySteps must be a positive integer, got 0/);
  });

  it('CosineDecayRestarts: m_mul 1 equals PyTorch\'s restarts; m_mul 0.5 restarts at 0.55 then 0.325', () => {
    const base = { initialLearningRate: 1, firstDecaySteps: 4, alpha: 0.1, steps: 28 };
    expectClose(lrs(keras.cosineDecayRestarts(base)).slice(0, 8), [1, 0.868198, 0.55, 0.231802, 1, 0.965746, 0.868198, 0.722208], 6);
    const m = lrs(keras.cosineDecayRestarts({ ...base, mMul: 0.5 }));
    expectClose([m[4]!, m[12]!], [0.55, 0.325], 12);
  });

  it('a non-integer t_mul puts restarts between steps, as Keras\' closed form does', () => {
    const first = 3;
    const tMul = 1.5;
    const ref = Array.from({ length: 20 }, (_, s) => {
      let frac = s / first;
      const i = Math.floor(Math.log(1 - frac * (1 - tMul)) / Math.log(tMul));
      frac = (frac - (1 - tMul ** i) / (1 - tMul)) / tMul ** i;
      return (1 - 0.1) * 0.5 * (1 + Math.cos(Math.PI * frac)) + 0.1;
    });
    expectClose(lrs(keras.cosineDecayRestarts({ initialLearningRate: 1, firstDecaySteps: first, tMul, alpha: 0.1, steps: 20 })), ref, 9);
  });
});
