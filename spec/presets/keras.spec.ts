// Reference numbers from anchors.md: §2.2 fastai (transcription of fastai/callback/schedule.py),
// §2.4 optax (transcription checked against optax's OneCycleTest; the two optax fixtures are
// optax's own), §2.6 Keras (transcription; equal to the optax numbers as noted there).
import { describe, expect, it } from 'vitest';
import { keras, OptimizerPolicy, type KerasCosineDecayOptions, type Phase } from '../../lib/index.js';
import { expectClose } from '../helpers.js';

const lrs = (phases: ConstructorParameters<typeof OptimizerPolicy>[0]) => [...new OptimizerPolicy(phases).allSteps()].map((v) => v.lr!);
const warmupCosine = [0, 0.5, 1, 0.965746, 0.868198, 0.722208, 0.55, 0.377792, 0.231802, 0.134254, 0.1, 0.1];


const lrAt = (phases: readonly Phase<'lr'>[], step: number) => new OptimizerPolicy(phases).at(step).lr;


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

describe('keras decays', () => {
  it('ExponentialDecay: test_continuous (0.05·0.96^(5/10)) and test_staircase (0.1, 0.1, 0.1·0.96^33)', () => {
    expect(lrAt(keras.exponentialDecay({ initialLearningRate: 0.05, decaySteps: 10, decayRate: 0.96, steps: 6 }), 5)).toBeCloseTo(0.05 * 0.96 ** 0.5, 12);
    const stairs = keras.exponentialDecay({ initialLearningRate: 0.1, decaySteps: 3, decayRate: 0.96, staircase: true, steps: 101 });
    expect([1, 2, 100].map((k) => lrAt(stairs, k))).toEqual([0.1, 0.1, 0.1 * 0.96 ** 33]);
  });

  it('PiecewiseConstantDecay switches one step after each boundary: test_piecewise_values and test_boundary_values', () => {
    const p = keras.piecewiseConstantDecay({ boundaries: [100, 110, 120], values: [1, 0.1, 0.01, 0.001], steps: 1000 });
    expect([0, 100, 101, 105, 110, 111, 120, 121, 999].map((k) => lrAt(p, k))).toEqual([1, 1, 0.1, 0.1, 0.1, 0.01, 0.01, 0.001, 0.001]);
    expect(lrs(keras.piecewiseConstantDecay({ boundaries: [1, 2, 3], values: [0.4, 0.5, 0.6, 0.7], steps: 5 }))).toEqual([0.4, 0.4, 0.5, 0.6, 0.7]);
  });

  it('PolynomialDecay: halfway, end, beyond the end, and with cycle (LinearDecayTest, SqrtDecayTest)', () => {
    const at = (k: number, o: { end: number; power?: number; cycle?: boolean }) =>
      lrAt(keras.polynomialDecay({ initialLearningRate: 0.05, decaySteps: 10, endLearningRate: o.end, ...(o.power && { power: o.power }), ...(o.cycle && { cycle: true }), steps: 20 }), k);
    expect(at(5, { end: 0 })).toBeCloseTo(0.025, 15);
    expect(at(10, { end: 0.001 })).toBe(0.001);
    expect(at(5, { end: 0.001 })).toBeCloseTo((0.05 + 0.001) * 0.5, 15);
    expect(at(15, { end: 0.001 })).toBe(0.001);
    expect(at(15, { end: 0.001, cycle: true })).toBeCloseTo((0.05 - 0.001) * 0.25 + 0.001, 15);
    expect(at(5, { end: 0, power: 0.5 })).toBeCloseTo(0.05 * 0.5 ** 0.5, 15);
    expect(at(5, { end: 0.001, power: 0.5 })).toBeCloseTo((0.05 - 0.001) * 0.5 ** 0.5 + 0.001, 15);
    expect(at(15, { end: 0.001, power: 0.5, cycle: true })).toBeCloseTo((0.05 - 0.001) * 0.25 ** 0.5 + 0.001, 15);
    // test_begin_with_cycle: step 0 is the initial rate (the horizon is decay_steps, not 0).
    expect(lrAt(keras.polynomialDecay({ initialLearningRate: 0.001, decaySteps: 10, cycle: true, steps: 1 }), 0)).toBe(0.001);
  });

  it('InverseTimeDecay: init/(1 + i/k·rate), and floored with staircase, for i = 0…k (test_decay, test_staircase)', () => {
    const k = 10;
    expectClose(lrs(keras.inverseTimeDecay({ initialLearningRate: 0.1, decaySteps: k, decayRate: 0.96, steps: k + 1 })), Array.from({ length: k + 1 }, (_, i) => 0.1 / (1 + (i / k) * 0.96)), 15);
    expect(lrs(keras.inverseTimeDecay({ initialLearningRate: 0.1, decaySteps: k, decayRate: 0.96, staircase: true, steps: k + 1 }))).toEqual(Array.from({ length: k + 1 }, (_, i) => 0.1 / (1 + 0.96 * Math.floor(i / k))));
  });

  it('bad options: named errors in the user\'s spelling (decaySteps, not decay_steps)', () => {
    expect(() => keras.exponentialDecay({ initialLearningRate: 1, decaySteps: 0, decayRate: 0.5, steps: 3 })).toThrow(/^keras.exponentialDecay: decaySteps must be a positive integer, got 0$/);
    expect(() => keras.piecewiseConstantDecay({ boundaries: [1, 2], values: [1, 2], steps: 3 })).toThrow(
      'keras.piecewiseConstantDecay: values must have one more element than boundaries (2), got 2 values',
    );
    expect(() => keras.piecewiseConstantDecay({ boundaries: [5, 5], values: [1, 2, 3], steps: 3 })).toThrow(/boundaries must be an array of non-negative integers, strictly increasing, got \[5,5\]/);
    expect(() => keras.inverseTimeDecay({ initialLearningRate: 1, decaySteps: 1, decayRate: -1, steps: 3 })).toThrow(/keras.inverseTimeDecay: decayRate must be a finite number ≥ 0, got -1/);
    expect(() => keras.polynomialDecay({ initialLearningRate: 1, decaySteps: 4, cycle: 'yes' as never, steps: 3 })).toThrow(/cycle must be a boolean, got "yes"/);
    // Restart cycles whose peak or length overflows: named by the option, only once the schedule reaches them.
    expect(() => keras.cosineDecayRestarts({ initialLearningRate: 1, firstDecaySteps: 4, mMul: 1e300, steps: 20 })).toThrow('keras.cosineDecayRestarts: the peak of cycle 2 (initialLearningRate · mMul^2) would be Infinity (not a finite number), got mMul 1e+300');
    expect(() => keras.cosineDecayRestarts({ initialLearningRate: 1, firstDecaySteps: 4, tMul: Number.MAX_VALUE, steps: 20 })).toThrow(/^keras.cosineDecayRestarts: the length of cycle 1 \(firstDecaySteps · tMul\^1\) would be Infinity/);
    expect(keras.cosineDecayRestarts({ initialLearningRate: 1, firstDecaySteps: 4, tMul: 2 ** 53, steps: 20 }).length).toBe(2);
    expect(() => keras.cosineDecay({ initialLearningRate: 0, decaySteps: 10, alpha: 1e300, warmupTarget: 1e300, warmupSteps: 2, steps: 5 })).toThrow('keras.cosineDecay: the floor alpha · warmupTarget would be Infinity (not a finite number), got alpha 1e+300');
    expect(() => keras.cosineDecayRestarts({ initialLearningRate: 1e300, firstDecaySteps: 4, tMul: 1, alpha: -1e300, steps: 5 })).toThrow('keras.cosineDecayRestarts: the floor alpha · initialLearningRate would be -Infinity (not a finite number), got alpha -1e+300');
    // A cosine horizon of 2^53 − 1 steps is valid (its part is 2^53 long).
    expect(keras.cosineDecay({ initialLearningRate: 1, decaySteps: 2 ** 53 - 1, steps: 3 }).length).toBe(1);
  });
});
describe('keras CosineDecay and CosineDecayRestarts, Keras\' own tests', () => {
  // Keras' helpers, written out as its tests write them (np_cosine_decay, np_cosine_decay_restarts).
  const npCosineDecay = (step: number, decaySteps: number, alpha = 0) => {
    const decay = 0.5 * (1 + Math.cos((Math.PI * Math.min(step, decaySteps)) / decaySteps));
    return (1 - alpha) * decay + alpha;
  };
  const npCosineDecayRestarts = (step: number, decaySteps: number, tMul = 2, mMul = 1, alpha = 0) => {
    let fac = 1;
    while (step >= decaySteps) {
      step -= decaySteps;
      decaySteps *= tMul;
      fac *= mMul;
    }
    return (1 - alpha) * fac * 0.5 * (1 + Math.cos((Math.PI * step) / decaySteps)) + alpha;
  };
  const steps = [0, 250, 500, 750, 1000, 1250];

  it('CosineDecay: test_decay and test_alpha (1000 steps, read every 250 up to 1250)', () => {
    for (const alpha of [0, 0.1]) {
      const p = keras.cosineDecay({ initialLearningRate: 1, decaySteps: 1000, alpha, steps: 1500 });
      expectClose(steps.map((k) => lrAt(p, k)), steps.map((k) => npCosineDecay(k, 1000, alpha)), 12);
    }
  });

  it('CosineDecay: test_warmup (warmup 1500 to 10) and test_warmup_decay (warmup 2000, then 1000 steps of cosine)', () => {
    const warm = keras.cosineDecay({ initialLearningRate: 0, decaySteps: 10, warmupTarget: 10, warmupSteps: 1500, steps: 1500 });
    expectClose(steps.map((k) => lrAt(warm, k)), steps.map((k) => (k / 1500) * 10), 12);
    const both = keras.cosineDecay({ initialLearningRate: 0, decaySteps: 1000, warmupTarget: 10, warmupSteps: 2000, steps: 3000 });
    const at = Array.from({ length: 12 }, (_, j) => j * 250);
    expectClose(at.map((k) => lrAt(both, k)), at.map((k) => (k < 2001 ? (k / 2000) * 10 : 10 * npCosineDecay(k - 2000, 1000))), 12);
  });

  it('CosineDecayRestarts: test_decay, test_alpha, test_mmul, test_tmul (first 1000 steps, read every 250)', () => {
    const cases = [{}, { alpha: 0.1 }, { mMul: 0.9 }, { tMul: 1 }] as const;
    for (const o of cases) {
      const p = keras.cosineDecayRestarts({ initialLearningRate: 1, firstDecaySteps: 1000, ...o, steps: 1500 });
      const want = steps.map((k) => npCosineDecayRestarts(k, 1000, 'tMul' in o ? o.tMul : 2, 'mMul' in o ? o.mMul : 1, 'alpha' in o ? o.alpha : 0));
      expectClose(steps.map((k) => lrAt(p, k)), want, 12);
    }
  });
});

describe('types of keras.cosineDecay', () => {
  it('warmupSteps only with warmupTarget, as the run checks', () => {
    // @ts-expect-error a warmup needs its target
    expect(() => keras.cosineDecay({ initialLearningRate: 1, decaySteps: 10, steps: 10, warmupSteps: 3 })).toThrow('keras.cosineDecay: warmupSteps applies only with warmupTarget; give warmupTarget or leave warmupSteps out, got warmupSteps 3 without warmupTarget');
    const warm: KerasCosineDecayOptions = { initialLearningRate: 0, decaySteps: 2, steps: 4, warmupTarget: 1, warmupSteps: 2 };
    expect(new OptimizerPolicy(keras.cosineDecay(warm)).at(1)).toEqual({ lr: 0.5 });
    const flat: KerasCosineDecayOptions = { initialLearningRate: 1, decaySteps: 2, steps: 2, warmupTarget: 2 };
    expect(new OptimizerPolicy(keras.cosineDecay(flat)).at(0)).toEqual({ lr: 2 });
  });
});
