// Keras 3's LearningRateSchedules (keras/src/optimizers/schedules/learning_rate_schedule.py).
import { count, finite, knownKeys, plainObject, positive } from '../internal/validate.js';
import { Phase } from '../phase.js';
import { cosinespace } from '../spaces/cosinespace.js';
import { cycle } from '../spaces/cycle.js';
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

/**
 * Keras' learning-rate schedules, by their Keras names in camelCase.
 * @example
 * import { keras, OptimizerPolicy } from 'rx-policy';
 * new OptimizerPolicy(keras.cosineDecay({ initialLearningRate: 1e-3, decaySteps: 1000, steps: 1000 }));
 */
export const keras = { cosineDecay, cosineDecayRestarts } as const;
