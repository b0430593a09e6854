// Keras 3's LearningRateSchedules (keras/src/optimizers/schedules/learning_rate_schedule.py).
// rx-policy evaluates their documented formulas in float64; Keras evaluates them in the dtype of
// `initial_learning_rate`, float32 by default, so its own values agree with these to about 7 digits.
import { joinTo, part, type Part } from '../compose.js';
import { boolean, declare, derivedFinite, integer, integers, numbers, number, type OptionsOf } from '../internal/options.js';
import { Phase } from '../phase.js';
import { cosinespace } from '../spaces/cosinespace.js';
import { cycle } from '../spaces/cycle.js';
import { expspace } from '../spaces/expspace.js';
import { invtimespace } from '../spaces/invtimespace.js';
import { polycyclespace } from '../spaces/polycyclespace.js';
import { heldParts } from './interpolate.js';
import { warmupThenCosine } from './optax.js';
import { preset, steps } from './preset.js';
import { cycleAt, limitPoint } from './restarts.js';

const initialLearningRate = () => number({ doc: 'The learning rate at step 0.', required: true });
const decaySteps = (doc: string) => integer({ doc, required: true, min: 1 });

const cosineDecayOptions = declare('keras.cosineDecay', {
  initialLearningRate: initialLearningRate(),
  decaySteps: decaySteps('Steps of the cosine, after the warmup (optax counts the warmup in).'),
  alpha: number({ doc: 'Final value as a fraction of the peak.', default: 0 }),
  warmupTarget: number({ doc: 'The lr the warmup reaches; without it there is no warmup.', mode: 'warmup' }),
  warmupSteps: integer({ doc: 'Steps of the linear warmup.', default: 0, mode: 'warmup', requires: 'warmupTarget' }),
  steps: steps(),
});

type CosineDecayShape = OptionsOf<typeof cosineDecayOptions.shape>;
/** Options of `keras.cosineDecay`; `warmupSteps` only with `warmupTarget`, as the run checks. */
type CosineDecayOptions = Omit<CosineDecayShape, 'warmupSteps'> &
  (
    | {
        /** Only with `warmupTarget`. */
        readonly warmupTarget?: undefined;
        /** Only with `warmupTarget`. */
        readonly warmupSteps?: undefined;
      }
    | (Required<Pick<CosineDecayShape, 'warmupTarget'>> & Pick<CosineDecayShape, 'warmupSteps'>)
  );

function cosineDecay(given: CosineDecayOptions): Phase<'lr'>[] {
  const o = cosineDecayOptions.read(given);
  const init = o.initialLearningRate;
  const peak = o.warmupTarget ?? init;
  const floor = derivedFinite(cosineDecayOptions.fn, o.alpha * peak, o.warmupTarget === undefined ? 'the floor alpha · initialLearningRate' : 'the floor alpha · warmupTarget', 'alpha', o.alpha);
  const parts = o.warmupTarget === undefined ? warmupThenCosine(init, init, 0, o.decaySteps, floor) : warmupThenCosine(init, o.warmupTarget, o.warmupSteps, o.decaySteps, floor);
  return joinTo(cosineDecayOptions.fn, parts, o.steps);
}

const restartsOptions = declare('keras.cosineDecayRestarts', {
  initialLearningRate: initialLearningRate(),
  firstDecaySteps: decaySteps('Steps of the first cycle.'),
  tMul: number({ doc: "Cycle length multiplier, any positive real (Keras' default 2; PyTorch's T_mult is 1).", default: 2, above: 0 }),
  mMul: number({ doc: 'Peak multiplier per cycle.', default: 1 }),
  alpha: number({ doc: 'The floor, as a fraction of initialLearningRate.', default: 0 }),
  steps: steps(),
});

function cosineDecayRestarts(given: OptionsOf<typeof restartsOptions.shape>): Phase<'lr'>[] {
  const o = restartsOptions.read(given);
  const fn = restartsOptions.fn;
  const { initialLearningRate: init, firstDecaySteps: first, tMul, mMul, alpha, steps: n } = o;
  const floor = derivedFinite(fn, alpha * init, 'the floor alpha · initialLearningRate', 'alpha', alpha);
  if (tMul === 1 && mMul === 1) return joinTo(fn, [new Phase({ lr: cycle(cosinespace(init, floor, first, { endpoint: false }), n) })], n);
  if (tMul < 1 && n > Math.ceil(limitPoint(first, tMul))) {
    const S = limitPoint(first, tMul);
    throw new RangeError(`${fn}: with tMul ${tMul} < 1 the cycles end at step ${S} (Keras gives NaN from step ${Math.ceil(S)} on), so steps must be ≤ ${Math.ceil(S)}, got steps ${n}`);
  }
  // One part per cycle that holds a step; a cycle shorter than a step is jumped over in closed form.
  function* cycles(): Generator<Part<'lr'>> {
    let k = 0; // the first step not yet given
    let c = cycleAt(first, tMul, 0);
    while (c !== undefined) {
      const next = Math.ceil(c.start + c.length);
      const { i, start, length } = c;
      const offset = k - start;
      // Checked when the schedule reaches the cycle (the generator is not pulled past `steps`).
      const peak = derivedFinite(fn, floor + (1 - alpha) * init * mMul ** i, `the peak of cycle ${i} (initialLearningRate · mMul^${i})`, 'mMul', mMul);
      const span = derivedFinite(fn, length, `the length of cycle ${i} (firstDecaySteps · tMul^${i})`, 'tMul', tMul);
      yield part(next - k, (m) => new Phase({ lr: cosinespace(peak, floor, m, { offset, span }) }));
      k = next;
      const following = { i: i + 1, start: start + length, length: length * tMul };
      c = following.start + following.length > k ? following : cycleAt(first, tMul, k);
    }
    throw new RangeError(`${fn}: step ${k} lies past the end of the cycles (tMul ${tMul}); Keras gives NaN there, got steps ${n}`);
  }
  return joinTo(fn, cycles(), n);
}

const rateShape = {
  initialLearningRate: initialLearningRate(),
  decaySteps: decaySteps('Steps per application of decayRate.'),
  staircase: boolean({ doc: 'Whether step / decaySteps is floored (a staircase).', default: false }),
  steps: steps(),
} as const;
const exponentialOptions = declare('keras.exponentialDecay', {
  ...rateShape,
  // 0 or a negative rate has no real power at fractional exponents (Keras gives NaN there).
  decayRate: number({ doc: 'Factor per decaySteps.', required: true, above: 0 }),
});
const inverseTimeOptions = declare('keras.inverseTimeDecay', {
  ...rateShape,
  // A negative rate divides by zero once 1 + rate·p reaches 0.
  decayRate: number({ doc: 'Rate of the 1 / (1 + rate·step/decaySteps) decay.', required: true, min: 0 }),
});

/** Options shared by `keras.exponentialDecay` and `keras.inverseTimeDecay`. */
export type KerasDecayOptions = OptionsOf<typeof exponentialOptions.shape>;

function exponentialDecay(given: KerasDecayOptions): Phase<'lr'>[] {
  const o = exponentialOptions.read(given);
  return joinTo(exponentialOptions.fn, [new Phase({ lr: expspace(o.initialLearningRate, o.decayRate, o.steps, { every: o.decaySteps, staircase: o.staircase }) })], o.steps);
}

function inverseTimeDecay(given: KerasDecayOptions): Phase<'lr'>[] {
  const o = inverseTimeOptions.read(given);
  return joinTo(inverseTimeOptions.fn, [new Phase({ lr: invtimespace(o.initialLearningRate, o.decayRate, o.steps, { every: o.decaySteps, staircase: o.staircase }) })], o.steps);
}

const piecewiseOptions = declare('keras.piecewiseConstantDecay', {
  boundaries: integers({ doc: 'Steps after which the value changes, strictly increasing.', required: true, strict: true, maxLength: 100_000 }),
  values: numbers({ doc: 'The values, one more than the boundaries.', required: true, minLength: 1 }),
  steps: steps(),
});

function piecewiseConstantDecay(given: OptionsOf<typeof piecewiseOptions.shape>): Phase<'lr'>[] {
  const o = piecewiseOptions.read(given);
  const fn = piecewiseOptions.fn;
  if (o.boundaries.length !== o.values.length - 1) {
    throw new RangeError(`${fn}: values must have one more element than boundaries (${o.boundaries.length}), got ${o.values.length} values`);
  }
  // Interval i includes step boundaries[i]: the value changes one step after it.
  return joinTo(fn, heldParts(fn, o.values, o.boundaries.map((b) => b + 1)), o.steps);
}

const polynomialOptions = declare('keras.polynomialDecay', {
  initialLearningRate: initialLearningRate(),
  decaySteps: decaySteps('Steps of the decay (the first horizon with cycle).'),
  endLearningRate: number({ doc: 'The value at the end of the decay.', default: 0.0001 }),
  power: number({ doc: 'Power of the polynomial.', default: 1, above: 0 }),
  cycle: boolean({ doc: 'Whether the horizon stretches to the next multiple of decaySteps (restarts).', default: false }),
  steps: steps(),
});

function polynomialDecay(given: OptionsOf<typeof polynomialOptions.shape>): Phase<'lr'>[] {
  const o = polynomialOptions.read(given);
  const { initialLearningRate: init, endLearningRate: end, power, decaySteps: T, steps: n } = o;
  if (o.cycle) return joinTo(polynomialOptions.fn, [new Phase({ lr: polycyclespace(init, end, n, { power, period: T }) })], n);
  // Without cycle, steps 0…T follow the first horizon exactly (the same formula), then `end`.
  return joinTo(polynomialOptions.fn, [part(T + 1, (m) => new Phase({ lr: polycyclespace(init, end, m, { power, period: T }) }))], n);
}

/**
 * Keras' learning-rate schedules, by their Keras names in camelCase.
 * @example
 * import { keras, OptimizerPolicy } from 'rx-policy';
 * const policy = new OptimizerPolicy(keras.cosineDecay({ initialLearningRate: 1e-3, decaySteps: 1000, steps: 1000 }));
 * [0, 500].map((s) => policy.at(s).lr); // → [0.001, 0.0005]
 */
export const keras = {
  /**
   * Keras `ExponentialDecay`: `init · decayRate^(step / decaySteps)`, floored exponent with `staircase`.
   * @param options the preset's options, as declared (type, default, range, required): `presetOptions('keras.exponentialDecay')`, listed in docs/presets.md.
   * @returns the schedule's phases, for `new OptimizerPolicy(...)`.
   * @throws TypeError or RangeError naming `keras.exponentialDecay`, the option and the value.
   * @example
   * import { keras, OptimizerPolicy } from 'rx-policy';
   * const policy = new OptimizerPolicy(keras.exponentialDecay({ initialLearningRate: 0.1, decaySteps: 100000, decayRate: 0.96, staircase: true, steps: 500000 }));
   * [0, 99999, 100000, 250000].map((s) => policy.at(s).lr); // → [0.1, 0.1, 0.096, 0.09216]
   */
  exponentialDecay: preset(exponentialOptions, 'Keras ExponentialDecay', exponentialDecay),
  /**
   * Keras `InverseTimeDecay`: `init / (1 + decayRate · step / decaySteps)`, floored with `staircase`.
   * @param options the preset's options, as declared (type, default, range, required): `presetOptions('keras.inverseTimeDecay')`, listed in docs/presets.md.
   * @returns the schedule's phases, for `new OptimizerPolicy(...)`.
   * @throws TypeError or RangeError naming `keras.inverseTimeDecay`, the option and the value.
   * @example
   * import { keras, OptimizerPolicy } from 'rx-policy';
   * const policy = new OptimizerPolicy(keras.inverseTimeDecay({ initialLearningRate: 0.1, decaySteps: 1, decayRate: 0.5, steps: 100 }));
   * [0, 2, 98].map((s) => policy.at(s).lr); // → [0.1, 0.05, 0.002]
   */
  inverseTimeDecay: preset(inverseTimeOptions, 'Keras InverseTimeDecay', inverseTimeDecay),
  /**
   * Keras `PiecewiseConstantDecay`: `values[0]` while `step ≤ boundaries[0]`, `values[i]` while
   * `boundaries[i-1] < step ≤ boundaries[i]`, the last value after. Note the switch comes one step
   * *after* each boundary (optax's `piecewise_constant_schedule` and PyTorch's `MultiStepLR` switch at it).
   * @param options the preset's options, as declared (type, default, range, required): `presetOptions('keras.piecewiseConstantDecay')`, listed in docs/presets.md.
   * @returns the schedule's phases, for `new OptimizerPolicy(...)`.
   * @throws TypeError or RangeError naming `keras.piecewiseConstantDecay`, the option and the value.
   * @example
   * import { keras, OptimizerPolicy } from 'rx-policy';
   * const policy = new OptimizerPolicy(keras.piecewiseConstantDecay({ boundaries: [100000, 110000], values: [1, 0.5, 0.1], steps: 120000 }));
   * [100000, 100001, 110000, 110001].map((s) => policy.at(s).lr); // → [1, 0.5, 0.5, 0.1]
   */
  piecewiseConstantDecay: preset(piecewiseOptions, 'Keras PiecewiseConstantDecay (switches after each boundary)', piecewiseConstantDecay),
  /**
   * Keras `PolynomialDecay`: `(init − end)·(1 − min(step, T)/T)^power + end`, then `end`; with
   * `cycle`, the horizon `T` grows to the first multiple of `decaySteps` not below the step (see
   * `polycyclespace`). Defaults: `endLearningRate` 0.0001, `power` 1.
   * @param options the preset's options, as declared (type, default, range, required): `presetOptions('keras.polynomialDecay')`, listed in docs/presets.md.
   * @returns the schedule's phases, for `new OptimizerPolicy(...)`.
   * @throws TypeError or RangeError naming `keras.polynomialDecay`, the option and the value.
   * @example
   * import { keras, OptimizerPolicy } from 'rx-policy';
   * const policy = new OptimizerPolicy(keras.polynomialDecay({ initialLearningRate: 0.1, decaySteps: 10000, endLearningRate: 0.01, power: 0.5, steps: 12000 }));
   * [0, 10000, 11999].map((s) => policy.at(s).lr); // → [0.1, 0.01, 0.01]
   */
  polynomialDecay: preset(polynomialOptions, 'Keras PolynomialDecay (cycle stretches the horizon)', polynomialDecay),
  /**
   * Keras `CosineDecay`: `init·((1 − alpha)·½(1 + cos(π·min(s, T)/T)) + alpha)`; with `warmupTarget`, a
   * linear warmup `init → warmupTarget` over `warmupSteps` first, and `decaySteps` *excludes* the
   * warmup (optax's includes it).
   * @param options the preset's options, as declared (type, default, range, required): `presetOptions('keras.cosineDecay')`, listed in docs/presets.md.
   * @returns the schedule's phases, for `new OptimizerPolicy(...)`.
   * @throws TypeError or RangeError naming `keras.cosineDecay`, the option and the value.
   * @example
   * import { keras, OptimizerPolicy } from 'rx-policy';
   * const policy = new OptimizerPolicy(keras.cosineDecay({ initialLearningRate: 0, decaySteps: 8, alpha: 0.1, warmupTarget: 1, warmupSteps: 2, steps: 12 }));
   * [0, 1, 2, 6, 10, 11].map((s) => policy.at(s).lr); // → [0, 0.5, 1, 0.55, 0.1, 0.1]
   */
  cosineDecay: preset(cosineDecayOptions, 'Keras CosineDecay (decaySteps excludes warmup)', cosineDecay),
  /**
   * Keras `CosineDecayRestarts` (SGDR): cycle `i` lasts `firstDecaySteps·tMul^i` (any positive real:
   * cycle starts may fall between steps), peaks decay as `(1 − alpha)·mMul^i + alpha`, and the floor
   * stays `alpha·init`. Note Keras' default `tMul` is 2 (PyTorch's `T_mult` is 1). With `tMul` < 1
   * the cycles end at step `firstDecaySteps/(1 − tMul)` (Keras gives NaN after it): longer `steps`
   * are refused.
   * @param options the preset's options, as declared (type, default, range, required): `presetOptions('keras.cosineDecayRestarts')`, listed in docs/presets.md.
   * @returns the schedule's phases, for `new OptimizerPolicy(...)`.
   * @throws TypeError or RangeError naming `keras.cosineDecayRestarts`, the option and the value.
   * @example
   * import { keras, OptimizerPolicy } from 'rx-policy';
   * const policy = new OptimizerPolicy(keras.cosineDecayRestarts({ initialLearningRate: 1, firstDecaySteps: 4, alpha: 0.1, steps: 28 }));
   * [0, 2, 4, 12].map((s) => policy.at(s).lr); // → [1, 0.55, 1, 1]
   */
  cosineDecayRestarts: preset(restartsOptions, 'Keras CosineDecayRestarts', cosineDecayRestarts),
} as const;
