// Hugging Face transformers' schedules (src/transformers/optimization.py), as phases of absolute
// values: HF multiplies each group's initial lr by a factor; here `lr` is that initial lr.
// HF's warmup is `k / max(1, W)` for k < W, so the rate is 0 at step 0.
import { finite, knownKeys, plainObject, positive, count, show } from '../internal/validate.js';
import { Phase } from '../phase.js';
import type { Space } from '../space.js';
import { constant } from '../spaces/constant.js';
import { cosinespace } from '../spaces/cosinespace.js';
import { linspace } from '../spaces/linspace.js';
import { invsqrtspace } from '../spaces/invsqrtspace.js';
import { polyspace } from '../spaces/polyspace.js';
import { powspace } from '../spaces/powspace.js';

interface Common {
  readonly lr: number;
  readonly numWarmupSteps: number;
  readonly numTrainingSteps: number;
}

function read(fn: string, given: object, extra: readonly string[]) {
  plainObject(fn, 'options', given);
  knownKeys(fn, 'option', given as Record<string, unknown>, ['lr', 'numWarmupSteps', 'numTrainingSteps', ...extra]);
  const o = given as Common;
  const lr = finite(fn, 'lr', o.lr);
  const W = count(fn, 'numWarmupSteps', o.numWarmupSteps);
  const N = count(fn, 'numTrainingSteps', o.numTrainingSteps);
  if (W > N) throw new RangeError(`${fn}: numWarmupSteps (${W}) must not exceed numTrainingSteps (${N})`);
  return { lr, W, N };
}

const warmup = (lr: number, W: number): Phase<'lr'> => new Phase({ lr: linspace(0, lr, W, { span: Math.max(1, W) }) });
const after = (W: number, N: number, lr: Space): Phase<'lr'>[] => (N > W ? [new Phase({ lr })] : []);

/** HF `get_linear_schedule_with_warmup`: warmup from 0, then linear to 0 at `numTrainingSteps`. @example huggingface.linear({ lr: 10, numWarmupSteps: 2, numTrainingSteps: 10 }) */
function linear(given: Common): Phase<'lr'>[] {
  const { lr, W, N } = read('huggingface.linear', given, []);
  return [warmup(lr, W), ...after(W, N, linspace(lr, 0, N - W, { span: Math.max(1, N - W) }))];
}

/** HF `get_cosine_schedule_with_warmup` (`numCycles` 0.5: half a cosine to 0). @example huggingface.cosine({ lr: 10, numWarmupSteps: 2, numTrainingSteps: 10 }) */
function cosine(given: Common & { readonly numCycles?: number }): Phase<'lr'>[] {
  const fn = 'huggingface.cosine';
  const { lr, W, N } = read(fn, given, ['numCycles']);
  const cycles = positive(fn, 'numCycles', given.numCycles ?? 0.5);
  return [warmup(lr, W), ...after(W, N, cosinespace(lr, 0, N - W, { span: Math.max(1, N - W) / (2 * cycles) }))];
}

/** HF `get_cosine_with_hard_restarts_schedule_with_warmup`: `numCycles` (default 1) cosines to 0, restarting at full `lr`. @example huggingface.cosineWithHardRestarts({ lr: 10, numWarmupSteps: 2, numTrainingSteps: 10, numCycles: 2 }) */
function cosineWithHardRestarts(given: Common & { readonly numCycles?: number }): Phase<'lr'>[] {
  const fn = 'huggingface.cosineWithHardRestarts';
  const { lr, W, N } = read(fn, given, ['numCycles']);
  const cycles = positive(fn, 'numCycles', given.numCycles ?? 1);
  return [warmup(lr, W), ...after(W, N, cosinespace(lr, 0, N - W, { span: Math.max(1, N - W) / cycles, wrap: true }))];
}

/** HF `get_polynomial_decay_schedule_with_warmup`: from `lr` to `lrEnd` (default 1e-7) with `power`. @example huggingface.polynomial({ lr: 10, numWarmupSteps: 2, numTrainingSteps: 10, power: 2 }) */
function polynomial(given: Common & { readonly lrEnd?: number; readonly power?: number }): Phase<'lr'>[] {
  const fn = 'huggingface.polynomial';
  const { lr, W, N } = read(fn, given, ['lrEnd', 'power']);
  const lrEnd = finite(fn, 'lrEnd', given.lrEnd ?? 1e-7);
  if (!(lr > lrEnd)) throw new RangeError(`${fn}: lrEnd (${lrEnd}) must be smaller than initial lr (${lr})`);
  return [warmup(lr, W), ...after(W, N, polyspace(lr, lrEnd, N - W, { power: positive(fn, 'power', given.power ?? 1), span: Math.max(1, N - W) }))];
}

/** HF `get_constant_schedule_with_warmup` (`numWarmupSteps` 0: `get_constant_schedule`). @example huggingface.constant({ lr: 1, numWarmupSteps: 4, numTrainingSteps: 10 }) */
function constantSchedule(given: Common): Phase<'lr'>[] {
  const { lr, W, N } = read('huggingface.constant', given, []);
  return [warmup(lr, W), ...after(W, N, constant(lr, N - W))];
}

/** HF `get_inverse_sqrt_schedule`: warmup, then `1/sqrt((k + timescale − W)/timescale)`; `timescale` defaults to `W`, or 10000 without warmup. @example huggingface.inverseSqrt({ lr: 1, numWarmupSteps: 4, numTrainingSteps: 10 }) */
function inverseSqrt(given: Common & { readonly timescale?: number }): Phase<'lr'>[] {
  const fn = 'huggingface.inverseSqrt';
  const { lr, W, N } = read(fn, given, ['timescale']);
  const timescale = given.timescale === undefined ? W || 10_000 : positive(fn, 'timescale', given.timescale);
  return [warmup(lr, W), ...after(W, N, invsqrtspace(lr, timescale, N - W))];
}

/** Options of `huggingface.wsd`. */
export interface WsdOptions extends Common {
  readonly numDecaySteps: number;
  /** Stable steps; default `numTrainingSteps − numWarmupSteps − numDecaySteps`. Steps after the decay hold the floor. */
  readonly numStableSteps?: number;
  /** `'linear'` (default), `'cosine'` or `'1-sqrt'`. */
  readonly warmupType?: 'linear' | 'cosine' | '1-sqrt';
  /** `'cosine'` (default), `'linear'` or `'1-sqrt'`. */
  readonly decayType?: 'cosine' | 'linear' | '1-sqrt';
  /** The floor, as a fraction of `lr`. Default 0. */
  readonly minLrRatio?: number;
  readonly numCycles?: number;
}

/**
 * HF `get_wsd_schedule` (warmup–stable–decay): warmup over `numWarmupSteps` from `minLrRatio·lr`,
 * stable at `lr`, decay over `numDecaySteps`, then `minLrRatio·lr` until `numTrainingSteps`.
 * @example huggingface.wsd({ lr: 1, numWarmupSteps: 2, numStableSteps: 5, numDecaySteps: 3, numTrainingSteps: 12 })
 */
function wsd(given: WsdOptions): Phase<'lr'>[] {
  const fn = 'huggingface.wsd';
  const { lr, W, N } = read(fn, given, ['numDecaySteps', 'numStableSteps', 'warmupType', 'decayType', 'minLrRatio', 'numCycles']);
  const D = count(fn, 'numDecaySteps', given.numDecaySteps);
  const S = given.numStableSteps === undefined ? N - W - D : count(fn, 'numStableSteps', given.numStableSteps);
  if (S < 0 || W + S + D > N) {
    throw new RangeError(`${fn}: warmup + stable + decay steps (${W} + ${S} + ${D}) must fit in numTrainingSteps (${N})`);
  }
  const r = finite(fn, 'minLrRatio', given.minLrRatio ?? 0);
  if (r < 0 || r > 1) throw new RangeError(`${fn}: minLrRatio must be in [0, 1], got ${r}`);
  const floor = r * lr;
  const warmupType = given.warmupType ?? 'linear';
  const decayType = given.decayType ?? 'cosine';
  const cycles = positive(fn, 'numCycles', given.numCycles ?? 0.5);
  const span = { span: Math.max(1, W) };
  let up: Space;
  if (warmupType === 'linear') up = linspace(floor, lr, W, span);
  else if (warmupType === 'cosine') up = cosinespace(floor, lr, W, span);
  // 1 − √(1 − p), scaled: lr − (lr − floor)·(1 − p)^½.
  else if (warmupType === '1-sqrt') up = polyspace(floor, lr, W, { power: 0.5, ...span });
  else throw new TypeError(`${fn}: warmupType must be 'linear', 'cosine' or '1-sqrt', got ${show(warmupType)}`);
  let down: Space;
  if (decayType === 'linear') down = linspace(lr, floor, D, { span: Math.max(1, D) });
  else if (decayType === 'cosine') down = cosinespace(lr, floor, D, { span: Math.max(1, D) / (2 * cycles) });
  else if (decayType === '1-sqrt') down = powspace(lr, floor, D, { power: 0.5, span: Math.max(1, D) });
  else throw new TypeError(`${fn}: decayType must be 'cosine', 'linear' or '1-sqrt', got ${show(decayType)}`);
  return [new Phase({ lr: up }), new Phase({ lr: constant(lr, S) }), new Phase({ lr: down }), new Phase({ lr: constant(floor, N - W - S - D) })];
}

/**
 * Hugging Face transformers' `get_*_schedule*` functions, by name.
 * @example
 * import { huggingface, OptimizerPolicy } from 'rx-policy';
 * new OptimizerPolicy(huggingface.cosine({ lr: 3e-4, numWarmupSteps: 500, numTrainingSteps: 10_000 }));
 */
export const huggingface = { linear, cosine, cosineWithHardRestarts, polynomial, constant: constantSchedule, inverseSqrt, wsd } as const;
