// Keras 3's LearningRateSchedules (keras/src/optimizers/schedules/learning_rate_schedule.py).
// rx-policy evaluates their documented formulas in float64; Keras evaluates them in the dtype of
// `initial_learning_rate`, float32 by default, so its own values agree with these to about 7 digits.
import { count, finite, flag, knownKeys, plainObject, positive, show } from '../internal/validate.js';
import { Phase } from '../phase.js';
import type { Space } from '../space.js';
import { constant } from '../spaces/constant.js';
import { cosinespace } from '../spaces/cosinespace.js';
import { cycle } from '../spaces/cycle.js';
import { expspace } from '../spaces/expspace.js';
import { invtimespace } from '../spaces/invtimespace.js';
import { polycyclespace } from '../spaces/polycyclespace.js';
import { heldPhases } from './interpolate.js';
import { warmupThenCosine } from './optax.js';

function read<T extends object>(fn: string, given: T, accepted: readonly string[]): T {
  plainObject(fn, 'options', given);
  knownKeys(fn, 'option', given as Record<string, unknown>, accepted);
  return given;
}

function decaySteps(fn: string, arg: string, value: unknown): number {
  if (typeof value !== 'number' || !(value > 0) || !Number.isSafeInteger(value)) {
    throw new RangeError(`${fn}: Argument \`${arg}\` must be > 0. Received: ${String(value)}`);
  }
  return value;
}

/**
 * Keras `CosineDecay`: `init·((1 − alpha)·½(1 + cos(π·min(s, T)/T)) + alpha)`; with `warmupTarget`, a
 * linear warmup `init → warmupTarget` over `warmupSteps` first, and `decaySteps` *excludes* the
 * warmup (optax's includes it).
 * @example keras.cosineDecay({ initialLearningRate: 0, decaySteps: 8, alpha: 0.1, warmupTarget: 1, warmupSteps: 2, steps: 12 })
 */
function cosineDecay(given: { readonly initialLearningRate: number; readonly decaySteps: number; readonly alpha?: number; readonly warmupTarget?: number; readonly warmupSteps?: number; readonly steps: number }): Phase<'lr'>[] {
  const fn = 'keras.cosineDecay';
  const o = read(fn, given, ['initialLearningRate', 'decaySteps', 'alpha', 'warmupTarget', 'warmupSteps', 'steps']);
  const T = decaySteps(fn, 'decay_steps', o.decaySteps);
  const init = finite(fn, 'initialLearningRate', o.initialLearningRate);
  const alpha = finite(fn, 'alpha', o.alpha ?? 0);
  const steps = count(fn, 'steps', o.steps);
  if (o.warmupTarget === undefined) return warmupThenCosine(fn, init, init, 0, T, alpha * init, steps);
  const target = finite(fn, 'warmupTarget', o.warmupTarget);
  return warmupThenCosine(fn, init, target, count(fn, 'warmupSteps', o.warmupSteps ?? 0), T, alpha * target, steps);
}

/**
 * Keras `CosineDecayRestarts` (SGDR): cycle `i` lasts `firstDecaySteps·tMul^i` (any positive real:
 * cycle starts may fall between steps), peaks decay as `(1 − alpha)·mMul^i + alpha`, and the floor
 * stays `alpha·init`. Note Keras' default `tMul` is 2 (PyTorch's `T_mult` is 1).
 * @example keras.cosineDecayRestarts({ initialLearningRate: 1, firstDecaySteps: 4, alpha: 0.1, steps: 28 })
 */
function cosineDecayRestarts(given: { readonly initialLearningRate: number; readonly firstDecaySteps: number; readonly tMul?: number; readonly mMul?: number; readonly alpha?: number; readonly steps: number }): Phase<'lr'>[] {
  const fn = 'keras.cosineDecayRestarts';
  const o = read(fn, given, ['initialLearningRate', 'firstDecaySteps', 'tMul', 'mMul', 'alpha', 'steps']);
  const first = decaySteps(fn, 'first_decay_steps', o.firstDecaySteps);
  const tMul = positive(fn, 'tMul', o.tMul ?? 2);
  const mMul = finite(fn, 'mMul', o.mMul ?? 1);
  const init = finite(fn, 'initialLearningRate', o.initialLearningRate);
  const alpha = finite(fn, 'alpha', o.alpha ?? 0);
  const steps = count(fn, 'steps', o.steps);
  const floor = alpha * init;
  if (tMul === 1 && mMul === 1) return [new Phase({ lr: cycle(cosinespace(init, floor, first, { endpoint: false }), steps) })];
  const phases: Phase<'lr'>[] = [];
  let start = 0; // the real step where cycle i starts
  for (let i = 0, length = first, firstStep = 0; firstStep < steps; i++, start += length, length *= tMul) {
    const next = Math.min(Math.ceil(start + length), steps);
    const n = next - firstStep;
    if (n > 0) {
      const peak = floor + (1 - alpha) * init * mMul ** i;
      phases.push(new Phase({ lr: cosinespace(peak, floor, n, { offset: firstStep - start, span: length }) }));
    }
    firstStep = next;
  }
  return phases.length > 0 ? phases : [new Phase({ lr: cosinespace(init, floor, 0) })];
}

/** Options shared by `keras.exponentialDecay` and `keras.inverseTimeDecay`. */
export interface KerasDecayOptions {
  readonly initialLearningRate: number;
  readonly decaySteps: number;
  readonly decayRate: number;
  /** Whether `step / decaySteps` is floored (a staircase). Default `false`. */
  readonly staircase?: boolean;
  readonly steps: number;
}

/**
 * Keras `ExponentialDecay`: `init · decayRate^(step / decaySteps)`, floored exponent with `staircase`.
 * @example keras.exponentialDecay({ initialLearningRate: 0.1, decaySteps: 100000, decayRate: 0.96, staircase: true, steps: 500000 })
 */
function exponentialDecay(given: KerasDecayOptions): Phase<'lr'>[] {
  // 0 or a negative rate has no real power at fractional exponents (Keras gives NaN there).
  return rateDecay('keras.exponentialDecay', given, (fn, rate) => positive(fn, 'decayRate', rate), expspace);
}

/**
 * Keras `InverseTimeDecay`: `init / (1 + decayRate · step / decaySteps)`, floored with `staircase`.
 * @example keras.inverseTimeDecay({ initialLearningRate: 0.1, decaySteps: 1, decayRate: 0.5, steps: 100 })
 */
function inverseTimeDecay(given: KerasDecayOptions): Phase<'lr'>[] {
  return rateDecay(
    'keras.inverseTimeDecay',
    given,
    (fn, rate) => {
      if (finite(fn, 'decayRate', rate) < 0) throw new RangeError(`${fn}: decayRate must be ≥ 0 (a negative rate divides by zero), got ${show(rate)}`);
      return rate as number;
    },
    invtimespace,
  );
}

/** The decays of one rate per `decaySteps`: checks Keras' options, then builds the one space. */
function rateDecay(
  fn: string,
  given: KerasDecayOptions,
  checkRate: (fn: string, rate: unknown) => number,
  space: (start: number, rate: number, steps: number, options: { every: number; staircase: boolean }) => Space,
): Phase<'lr'>[] {
  const o = read(fn, given, ['initialLearningRate', 'decaySteps', 'decayRate', 'staircase', 'steps']);
  const T = decaySteps(fn, 'decay_steps', o.decaySteps);
  const init = finite(fn, 'initialLearningRate', o.initialLearningRate);
  const rate = checkRate(fn, o.decayRate);
  return [new Phase({ lr: space(init, rate, count(fn, 'steps', o.steps), { every: T, staircase: flag(fn, 'staircase', o.staircase, false) }) })];
}

/**
 * Keras `PiecewiseConstantDecay`: `values[0]` while `step ≤ boundaries[0]`, `values[i]` while
 * `boundaries[i-1] < step ≤ boundaries[i]`, the last value after. Note the switch comes one step
 * *after* each boundary (optax's `piecewise_constant_schedule` and PyTorch's `MultiStepLR` switch at it).
 * @example keras.piecewiseConstantDecay({ boundaries: [100000, 110000], values: [1, 0.5, 0.1], steps: 120000 })
 */
function piecewiseConstantDecay(given: { readonly boundaries: readonly number[]; readonly values: readonly number[]; readonly steps: number }): Phase<'lr'>[] {
  const fn = 'keras.piecewiseConstantDecay';
  const o = read(fn, given, ['boundaries', 'values', 'steps']);
  if (!Array.isArray(o.boundaries)) throw new TypeError(`${fn}: boundaries must be an array of step numbers, got ${show(o.boundaries)}`);
  if (!Array.isArray(o.values)) throw new TypeError(`${fn}: values must be an array of numbers, got ${show(o.values)}`);
  if (o.boundaries.length !== o.values.length - 1) {
    throw new RangeError(
      `${fn}: The length of boundaries should be 1 less than the length of values. Received: boundaries=${show(o.boundaries)} of length ${o.boundaries.length}, and values=${show(o.values)} of length ${o.values.length}.`,
    );
  }
  const boundaries = o.boundaries.map((b, i) => count(fn, `boundaries[${i}]`, b));
  boundaries.forEach((b, i) => {
    if (i > 0 && !(b > boundaries[i - 1]!)) throw new RangeError(`${fn}: boundaries must be strictly increasing, got ${show(o.boundaries)}`);
  });
  const values = o.values.map((v, i) => finite(fn, `values[${i}]`, v));
  // Interval i includes step boundaries[i]: the value changes one step after it.
  return heldPhases(values, boundaries.map((b) => b + 1), count(fn, 'steps', o.steps));
}

/**
 * Keras `PolynomialDecay`: `(init − end)·(1 − min(step, T)/T)^power + end`, then `end`; with
 * `cycle`, the horizon `T` grows to the first multiple of `decaySteps` not below the step (see
 * `polycyclespace`). Defaults: `endLearningRate` 0.0001, `power` 1.
 * @example keras.polynomialDecay({ initialLearningRate: 0.1, decaySteps: 10000, endLearningRate: 0.01, power: 0.5, steps: 12000 })
 */
function polynomialDecay(given: {
  readonly initialLearningRate: number;
  readonly decaySteps: number;
  readonly endLearningRate?: number;
  readonly power?: number;
  readonly cycle?: boolean;
  readonly steps: number;
}): Phase<'lr'>[] {
  const fn = 'keras.polynomialDecay';
  const o = read(fn, given, ['initialLearningRate', 'decaySteps', 'endLearningRate', 'power', 'cycle', 'steps']);
  const T = decaySteps(fn, 'decay_steps', o.decaySteps);
  const init = finite(fn, 'initialLearningRate', o.initialLearningRate);
  const end = finite(fn, 'endLearningRate', o.endLearningRate ?? 0.0001);
  const power = positive(fn, 'power', o.power ?? 1);
  const cycles = flag(fn, 'cycle', o.cycle, false);
  const steps = count(fn, 'steps', o.steps);
  if (cycles) return [new Phase({ lr: polycyclespace(init, end, steps, { power, period: T }) })];
  // Without cycle, steps 0…T follow the first horizon exactly (the same formula), then `end`.
  const ramp = Math.min(T + 1, steps);
  const phases = [new Phase({ lr: polycyclespace(init, end, ramp, { power, period: T }) })];
  if (steps > ramp) phases.push(new Phase({ lr: constant(end, steps - ramp) }));
  return phases;
}

/**
 * Keras' learning-rate schedules, by their Keras names in camelCase.
 * @example
 * import { keras, OptimizerPolicy } from 'rx-policy';
 * new OptimizerPolicy(keras.cosineDecay({ initialLearningRate: 1e-3, decaySteps: 1000, steps: 1000 }));
 */
export const keras = { exponentialDecay, inverseTimeDecay, piecewiseConstantDecay, polynomialDecay, cosineDecay, cosineDecayRestarts } as const;
