// Reference numbers from anchors.md: §2.2 fastai (transcription of fastai/callback/schedule.py),
// §2.4 optax (transcription checked against optax's OneCycleTest; the two optax fixtures are
// optax's own), §2.6 Keras (transcription; equal to the optax numbers as noted there).
import { describe, expect, it } from 'vitest';
import { optax, OptimizerPolicy, type Phase } from '../../lib/index.js';
import { expectClose } from '../helpers.js';

const lrs = (phases: ConstructorParameters<typeof OptimizerPolicy>[0]) => [...new OptimizerPolicy(phases).allSteps()].map((v) => v.lr!);
const warmupCosine = [0, 0.5, 1, 0.965746, 0.868198, 0.722208, 0.55, 0.377792, 0.231802, 0.134254, 0.1, 0.1];


const range = (n: number) => Array.from({ length: n }, (_, i) => i);

const lrAt = (phases: readonly Phase<'lr'>[], step: number) => new OptimizerPolicy(phases).at(step).lr;


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

describe('second lengths', () => {
  it('optax.warmupCosineDecay (0.1 → 2, W 5, decay 30, end 0.2), 40 steps', () => {
    const ref = range(40).map((k) => {
      if (k < 5) return 0.1 + (k / 5) * 1.9;
      const t = Math.min(k - 5, 25);
      const alpha = 0.2 / 2;
      return 2 * ((1 - alpha) * 0.5 * (1 + Math.cos((Math.PI * t) / 25)) + alpha);
    });
    expectClose(lrs(optax.warmupCosineDecay({ initValue: 0.1, peakValue: 2, warmupSteps: 5, decaySteps: 30, endValue: 0.2, steps: 40 })), ref, 12);
  });

  it('optax.warmupCosineDecay with exponent 2: init·((1 − α)·(½(1 + cos(π·t/T)))^2 + α)', () => {
    const ref = range(14).map((k) => (k < 2 ? k / 2 : 0.1 + 0.9 * (0.5 * (1 + Math.cos((Math.PI * Math.min(k - 2, 10)) / 10))) ** 2));
    expectClose(lrs(optax.warmupCosineDecay({ initValue: 0, peakValue: 1, warmupSteps: 2, decaySteps: 12, endValue: 0.1, exponent: 2, steps: 14 })), ref, 12);
  });

  it('optax.sgdr with warmups (join_schedules: each cycle sees step − boundary)', () => {
    const cycleA = { initValue: 0, peakValue: 1, warmupSteps: 2, decaySteps: 8, endValue: 0.1 };
    const cycleB = { initValue: 0.5, peakValue: 0.8, warmupSteps: 3, decaySteps: 10, endValue: 0 };
    const wcd = (c: typeof cycleA, t: number) => (t < c.warmupSteps ? c.initValue + (t / c.warmupSteps) * (c.peakValue - c.initValue) : c.endValue + (c.peakValue - c.endValue) * 0.5 * (1 + Math.cos((Math.PI * Math.min(t - c.warmupSteps, c.decaySteps - c.warmupSteps)) / (c.decaySteps - c.warmupSteps))));
    expectClose(lrs(optax.sgdr({ cycles: [cycleA, cycleB], steps: 22 })), range(22).map((k) => (k < 8 ? wcd(cycleA, k) : wcd(cycleB, k - 8))), 12);
  });
});

describe('optax decays', () => {
  it('polynomial_schedule: test_linear, test_nonlinear, test_with_decay_begin, and the docstring example', () => {
    expect(lrs(optax.polynomialSchedule({ initValue: 10, endValue: 20, power: 1, transitionSteps: 10, steps: 15 }))).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 20, 20, 20, 20]);
    expectClose(lrs(optax.polynomialSchedule({ initValue: 25, endValue: 10, power: 2, transitionSteps: 10, steps: 15 })), [...Array.from({ length: 10 }, (_, n) => 10 + 15 * (1 - n / 10) ** 2), 10, 10, 10, 10, 10], 12);
    expectClose(lrs(optax.polynomialSchedule({ initValue: 30, endValue: 10, power: 2, transitionSteps: 10, transitionBegin: 4, steps: 20 })), [30, 30, 30, 30, ...Array.from({ length: 10 }, (_, n) => 10 + 20 * (1 - n / 10) ** 2), 10, 10, 10, 10, 10, 10], 12);
    const doc = optax.polynomialSchedule({ initValue: 1, endValue: 0.01, transitionSteps: 100, transitionBegin: 5, power: 2, steps: 111 });
    expect([0, 5, 6, 104, 105, 110].map((k) => lrAt(doc, k).toFixed(4))).toEqual(['1.0000', '1.0000', '0.9803', '0.0101', '0.0100', '0.0100']);
    // transition_steps 0 holds init (optax documents it); negatives, which optax also accepts, are refused.
    expect(lrs(optax.linearSchedule({ initValue: 10, endValue: 20, transitionSteps: 0, steps: 3 }))).toEqual([10, 10, 10]);
    expect(() => optax.linearSchedule({ initValue: 10, endValue: 20, transitionSteps: -1, steps: 3 })).toThrow(/optax.linearSchedule: transitionSteps must be a non-negative integer, got -1/);
    expect(() => optax.linearSchedule({ initValue: 10, endValue: 20, transitionSteps: 5, transitionBegin: -2, steps: 3 })).toThrow(/transitionBegin must be a non-negative integer, got -2/);
    // linear_schedule has no power: one given is an unknown option, not silently replaced by 1.
    expect(() => optax.linearSchedule({ initValue: 10, endValue: 20, transitionSteps: 5, power: 2, steps: 3 } as never)).toThrow(/optax.linearSchedule: unknown option "power"/);
  });

  it('piecewise_constant_schedule switches at t ≥ boundary: test_positive, test_negative, the docstring', () => {
    expect(lrs(optax.piecewiseConstantSchedule({ initValue: 0.1, boundariesAndScales: { 3: 2, 6: 0.5 }, steps: 10 }))).toEqual([0.1, 0.1, 0.1, 0.2, 0.2, 0.2, 0.1, 0.1, 0.1, 0.1]);
    expect(lrs(optax.piecewiseConstantSchedule({ initValue: -0.1, boundariesAndScales: { 3: 2, 6: 0.5 }, steps: 10 }))).toEqual([-0.1, -0.1, -0.1, -0.2, -0.2, -0.2, -0.1, -0.1, -0.1, -0.1]);
    const doc = optax.piecewiseConstantSchedule({ initValue: 1, boundariesAndScales: { 100: 0.1, 200: 0.01 }, steps: 300 });
    expect([50, 150, 250].map((k) => lrAt(doc, k))).toEqual([1, 0.1, 0.1 * 0.01]);
    expect(() => optax.piecewiseConstantSchedule({ initValue: 1, boundariesAndScales: { 3: -1 }, steps: 5 })).toThrow(/optax.piecewiseConstantSchedule: boundariesAndScales\[3\] must be a finite number ≥ 0, got -1/);
    expect(() => optax.piecewiseConstantSchedule({ initValue: 1, boundariesAndScales: { 'x': 1 } as never, steps: 5 })).toThrow(/keys must be non-negative integer steps, got "x"/);
    // A decay longer than 2^32 steps: its clipped step is found by a bisection that does not wrap (it hung).
    const long = new OptimizerPolicy(optax.exponentialDecay({ initValue: 1, transitionSteps: 2 ** 31, decayRate: 0.7, transitionBegin: 3, endValue: 0.1, steps: 2 ** 53 - 1 }));
    const clipsAt = long.phaseStarts[2]!;
    expect(clipsAt - 3).toBe(Math.ceil((Math.log(0.1) / Math.log(0.7)) * 2 ** 31));
    expect([long.at(clipsAt - 1).lr > 0.1, long.at(clipsAt).lr, long.at(2 ** 53 - 2).lr]).toEqual([true, 0.1, 0.1]);
    // A final value alpha · initValue that overflows is named by alpha.
    expect(() => optax.cosineDecaySchedule({ initValue: 1e300, decaySteps: 10, alpha: 1e300, steps: 5 })).toThrow('optax.cosineDecaySchedule: the final value alpha · initValue would be Infinity (not a finite number), got alpha 1e+300');
    // Scales whose running product overflows: an error naming the step, not constant's own check.
    expect(() => optax.piecewiseConstantSchedule({ initValue: 1, boundariesAndScales: { 2: 1e300, 4: 1e300 }, steps: 6 })).toThrow(/^optax.piecewiseConstantSchedule: lr would be Infinity at step 4 \(not a finite number\)/);
  });

  it('exponential_decay: test_exponential (rate 2, begin 0 and 5, staircase or not) and test_immutable_count', () => {
    for (const staircase of [false, true]) {
      for (const begin of [0, 5]) {
        const got = lrs(optax.exponentialDecay({ initValue: 1, transitionSteps: 2, decayRate: 2, transitionBegin: begin, staircase, steps: 15 + begin }));
        const want = [...Array(begin).fill(1), ...Array.from({ length: 15 }, (_, c) => 2 ** (staircase ? Math.floor(c / 2) : c / 2))];
        expectClose(got, want, 12);
      }
    }
    expect(lrs(optax.exponentialDecay({ initValue: 32, transitionSteps: 1, decayRate: 0.5, steps: 5 }))).toEqual([32, 16, 8, 4, 2]);
  });

  it('exponential_decay with end_value: a floor when decaying, a ceiling when growing, the held values included (test_end_value_with_staircase)', () => {
    for (const [rate, end] of [[0.2, 0.1], [1, 0.1], [2, 3]] as const) {
      for (const staircase of [false, true]) {
        const got = lrs(optax.exponentialDecay({ initValue: 1, transitionSteps: 2, decayRate: rate, transitionBegin: 3, staircase, endValue: end, steps: 14 }));
        const raw = [1, 1, 1, ...Array.from({ length: 11 }, (_, c) => rate ** (staircase ? Math.floor(c / 2) : c / 2))];
        expectClose(got, raw.map((v) => (rate < 1 ? Math.max(v, end) : Math.min(v, end))), 12);
      }
    }
    // decay_rate 0 and transition_steps 0 hold init, as optax documents.
    expect(lrs(optax.exponentialDecay({ initValue: 1, transitionSteps: 2, decayRate: 0, steps: 3 }))).toEqual([1, 1, 1]);
  });

  it('cosine_decay_schedule: test_decay_count_greater_count(_with_alpha), test_with_exponent, and 10^9 of 10^10 steps (test_with_giant_int_steps)', () => {
    const mult = [0, 0.2, 0.4, 0.6, 0.8, 1, 1, 1, 1, 1, 1, 1].map((t) => 0.5 + 0.5 * Math.cos(Math.PI * t));
    expectClose(lrs(optax.cosineDecaySchedule({ initValue: 0.1, decaySteps: 5, steps: 12 })), mult.map((m) => 0.1 * m), 12);
    expectClose(lrs(optax.cosineDecaySchedule({ initValue: 0.1, decaySteps: 5, alpha: 0.1, steps: 12 })), mult.map((m) => 0.1 * (0.9 * m + 0.1)), 12);
    const exp2 = optax.cosineDecaySchedule({ initValue: 0.1, decaySteps: 100, exponent: 2, steps: 101 });
    // optax's figures are float32 results, checked there with rtol 1e-6 (float64 gives 0.0951655382…).
    const printed = [0.1, 0.09516553580760956, 0.025, 0.0021446612663567066, 0];
    [0, 10, 50, 75, 100].forEach((k, j) => expect(Math.abs(lrAt(exp2, k) - printed[j]!)).toBeLessThanOrEqual(1e-6 * printed[j]! + 1e-8));
    expectClose([10, 75].map((k) => lrAt(exp2, k)), [10, 75].map((k) => 0.1 * (0.5 * (1 + Math.cos((Math.PI * k) / 100))) ** 2), 15);
    // O(1) at any step: no table of 10^10 values is built.
    expect(lrAt(optax.cosineDecaySchedule({ initValue: 1000, decaySteps: 1e10, steps: 1e10 }), 1e9)).toBeCloseTo(975.52826, 4);
    expect(() => optax.cosineDecaySchedule({ initValue: 1, decaySteps: 0, steps: 3 })).toThrow('optax.cosineDecaySchedule: decaySteps must be a positive integer, got 0');
  });

  it('warmup_cosine_decay_schedule: test_limits and test_with_exponent (optax\'s float32 figures, rtol 1e-6 as there)', () => {
    for (const [init, peak, end] of [[10, 0.5, 1e-4], [5, 3, 0]] as const) {
      const p = optax.warmupCosineDecay({ initValue: init, peakValue: peak, warmupSteps: 100, decaySteps: 1000, endValue: end, steps: 1001 });
      expect(lrAt(p, 0)).toBe(init);
      expect(lrAt(p, 100)).toBeCloseTo(peak, 12);
      expect(Math.abs(lrAt(p, 1000) - end)).toBeLessThanOrEqual(1e-3 * Math.abs(end) + 1e-12);
    }
    const p = optax.warmupCosineDecay({ initValue: 0.2, peakValue: 1.21, endValue: -3, warmupSteps: 50, decaySteps: 100, exponent: 2, steps: 101 });
    const printed = [0.20000004768371582, 0.4020000100135803, 1.2100000381469727, -1.947500228881836, -3.000000238418579];
    [0, 10, 50, 75, 100].forEach((k, j) => expect(Math.abs(lrAt(p, k) - printed[j]!)).toBeLessThanOrEqual(1e-6 * Math.abs(printed[j]!) + 1e-8));
  });

  it('constant_schedule: test_constant', () => {
    expect(lrs(optax.constantSchedule({ value: 10, steps: 15 }))).toEqual(Array(15).fill(10));
  });
});
