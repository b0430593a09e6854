// Reference numbers: Keras 3's own tests (keras/src/optimizers/schedules/learning_rate_schedule_test.py:
// ExponentialDecayTest, PiecewiseConstantDecayTest, LinearDecayTest, SqrtDecayTest,
// InverseTimeDecayTest, CosineDecayTest, CosineDecayRestartsTest) and optax's own tests and docstrings (optax/schedules/_schedule_test.py:
// PolynomialTest, PiecewiseConstantTest, ExponentialTest, CosineDecayTest, WarmupCosineDecayTest; polynomial_schedule's
// and piecewise_constant_schedule's docstring examples). Keras and optax check in float32 with
// tolerances of 1e-6 to 1e-3; the expected values below are their formulas in float64, which
// rx-policy must meet to 12 digits, and their printed figures, to the digits printed.
import { describe, expect, it } from 'vitest';
import { buildPolicy, invtimespace, keras, OptimizerPolicy, optax, type Phase, polycyclespace, spaceFromJSON } from '../../lib/index.js';
import { collect, expectClose } from '../helpers.js';

const lrs = (phases: readonly Phase<'lr'>[]) => [...new OptimizerPolicy(phases).allSteps()].map((v) => v.lr);
const lrAt = (phases: readonly Phase<'lr'>[], step: number) => new OptimizerPolicy(phases).at(step).lr;

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

  it('bad options get Keras\' own messages where it has them', () => {
    expect(() => keras.exponentialDecay({ initialLearningRate: 1, decaySteps: 0, decayRate: 0.5, steps: 3 })).toThrow(/keras.exponentialDecay: Argument `decay_steps` must be > 0. Received: 0/);
    expect(() => keras.piecewiseConstantDecay({ boundaries: [1, 2], values: [1, 2], steps: 3 })).toThrow(
      'keras.piecewiseConstantDecay: The length of boundaries should be 1 less than the length of values. Received: boundaries=[1,2] of length 2, and values=[1,2] of length 2.',
    );
    expect(() => keras.piecewiseConstantDecay({ boundaries: [5, 5], values: [1, 2, 3], steps: 3 })).toThrow(/boundaries must be strictly increasing, got \[5,5\]/);
    expect(() => keras.inverseTimeDecay({ initialLearningRate: 1, decaySteps: 1, decayRate: -1, steps: 3 })).toThrow(/decayRate must be ≥ 0/);
    expect(() => keras.polynomialDecay({ initialLearningRate: 1, decaySteps: 4, cycle: 'yes' as never, steps: 3 })).toThrow(/cycle must be a boolean, got "yes"/);
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
    expect(() => optax.piecewiseConstantSchedule({ initValue: 1, boundariesAndScales: { 3: -1 }, steps: 5 })).toThrow(/expects non-negative scale factors, got -1 at 3/);
    expect(() => optax.piecewiseConstantSchedule({ initValue: 1, boundariesAndScales: { 'x': 1 } as never, steps: 5 })).toThrow(/keys must be non-negative integer steps, got "x"/);
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
    expect(() => optax.cosineDecaySchedule({ initValue: 1, decaySteps: 0, steps: 3 })).toThrow('optax.cosineDecaySchedule: The cosine_decay_schedule requires positive decaySteps, got decaySteps=0.');
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

describe('invtimespace and polycyclespace', () => {
  it('invtimespace: start/(1 + rate·i/every), floored with staircase; O(1) at 10^12', () => {
    expect([...invtimespace(1, 0.5, 4)]).toEqual([1, 1 / 1.5, 0.5, 0.4]);
    expect([...invtimespace(1, 1, 5, { every: 2, staircase: true })]).toEqual([1, 1, 0.5, 0.5, 1 / 3]);
    expect(invtimespace(1, 1, 1e12 + 1).at(1e12)).toBe(1 / (1 + 1e12));
    expect(() => invtimespace(1, -0.5, 3)).toThrow('invtimespace: rate must be a finite number ≥ 0, got -0.5');
  });

  it('polycyclespace: reaches end at every multiple of the period, then restarts on a longer horizon', () => {
    expectClose([...polycyclespace(1, 0, 7, { power: 1, period: 2 })], [1, 0.5, 0, 0.25, 0, 1 / 6, 0], 15);
    expect(polycyclespace(1, 0, 1e12 + 1, { power: 2, period: 1000 }).at(1e12)).toBe(0);
    expect(() => polycyclespace(1, 0, 3, { power: 1, period: 0 })).toThrow(/polycyclespace: period must be a positive integer, got 0/);
  });

  it('both round-trip through JSON, and their presets through configs', () => {
    for (const space of [invtimespace(0.3, 0.7, 9, { every: 2, staircase: true }), polycyclespace(1, 0.1, 11, { power: 2, period: 3 })]) {
      const back = spaceFromJSON(JSON.parse(JSON.stringify(space)));
      expect(collect(back)).toEqual(collect(space));
      expect(String(back)).toBe(String(space));
    }
    const config = { preset: 'keras.polynomialDecay', options: { initialLearningRate: 1, decaySteps: 4, cycle: true, steps: 13 } };
    expect([...buildPolicy(config).allSteps()]).toEqual([...new OptimizerPolicy(keras.polynomialDecay(config.options)).allSteps()]);
  });
});
