// optax's schedules (optax/schedules/_schedule.py), as phases over `steps` counts.
import { count, finite, knownKeys, plainObject, positive, show } from '../internal/validate.js';
import { Phase } from '../phase.js';
import { constant } from '../spaces/constant.js';
import { cosinepowspace } from '../spaces/cosinepowspace.js';
import { cosinespace } from '../spaces/cosinespace.js';
import { linspace } from '../spaces/linspace.js';
import { interpolatePhases } from './interpolate.js';

function read<T extends object>(fn: string, given: T, accepted: readonly string[]): T {
  plainObject(fn, 'options', given);
  knownKeys(fn, 'option', given as Record<string, unknown>, accepted);
  return given;
}

function transition(fn: string, T: unknown, kind: string): number {
  if (typeof T !== 'number' || !Number.isSafeInteger(T) || T <= 0) {
    throw new RangeError(`${fn}: A ${kind} onecycle schedule was set with a non-positive transitionSteps, got ${show(T)}`);
  }
  return T;
}

/** optax `cosine_onecycle_schedule`: peak at `int(pctStart·T)` (PyTorch: `pct·N − 1`), final value from `T` on. @example optax.cosineOnecycle({ transitionSteps: 10, peakValue: 1, steps: 12 }) */
function cosineOnecycle(given: { readonly transitionSteps: number; readonly peakValue: number; readonly pctStart?: number; readonly divFactor?: number; readonly finalDivFactor?: number; readonly steps: number }): Phase<'lr'>[] {
  const fn = 'optax.cosineOnecycle';
  const o = read(fn, given, ['transitionSteps', 'peakValue', 'pctStart', 'divFactor', 'finalDivFactor', 'steps']);
  const T = transition(fn, o.transitionSteps, 'cosine');
  const peak = finite(fn, 'peakValue', o.peakValue);
  const div = positive(fn, 'divFactor', o.divFactor ?? 25);
  const finalDiv = positive(fn, 'finalDivFactor', o.finalDivFactor ?? 1e4);
  const pct = finite(fn, 'pctStart', o.pctStart ?? 0.3);
  const init = peak / div;
  return interpolatePhases('cos', [init, init * div, init * div * (1 / (div * finalDiv))], [Math.trunc(pct * T), T], count(fn, 'steps', o.steps));
}

/** optax `linear_onecycle_schedule`: three linear phases with boundaries `int(pctStart·T)`, `int(pctFinal·T)`, `T`. @example optax.linearOnecycle({ transitionSteps: 10, peakValue: 1, steps: 12 }) */
function linearOnecycle(given: { readonly transitionSteps: number; readonly peakValue: number; readonly pctStart?: number; readonly pctFinal?: number; readonly divFactor?: number; readonly finalDivFactor?: number; readonly steps: number }): Phase<'lr'>[] {
  const fn = 'optax.linearOnecycle';
  const o = read(fn, given, ['transitionSteps', 'peakValue', 'pctStart', 'pctFinal', 'divFactor', 'finalDivFactor', 'steps']);
  const T = transition(fn, o.transitionSteps, 'linear');
  const peak = finite(fn, 'peakValue', o.peakValue);
  const div = positive(fn, 'divFactor', o.divFactor ?? 25);
  const finalDiv = positive(fn, 'finalDivFactor', o.finalDivFactor ?? 1e4);
  const init = peak / div;
  const b = [Math.trunc(finite(fn, 'pctStart', o.pctStart ?? 0.3) * T), Math.trunc(finite(fn, 'pctFinal', o.pctFinal ?? 0.85) * T), T];
  return interpolatePhases('linear', [init, init * div, init * div * (1 / div), init * div * (1 / div) * (1 / finalDiv)], b, count(fn, 'steps', o.steps));
}

/** Options of `optax.warmupCosineDecay`. */
export interface WarmupCosineOptions {
  readonly initValue: number;
  readonly peakValue: number;
  readonly warmupSteps: number;
  /** Includes the warmup (optax's convention; Keras' `decay_steps` excludes it). */
  readonly decaySteps: number;
  readonly endValue?: number;
  /** Power of the cosine (optax's `exponent`). Default 1. */
  readonly exponent?: number;
  readonly steps: number;
}

/** optax `warmup_cosine_decay_schedule` (exponent 1): linear warmup, cosine to `endValue` at `decaySteps`, then `endValue`. @example optax.warmupCosineDecay({ initValue: 0, peakValue: 1, warmupSteps: 2, decaySteps: 10, endValue: 0.1, steps: 12 }) */
function warmupCosineDecay(given: WarmupCosineOptions): Phase<'lr'>[] {
  const fn = 'optax.warmupCosineDecay';
  const o = read(fn, given, ['initValue', 'peakValue', 'warmupSteps', 'decaySteps', 'endValue', 'exponent', 'steps']);
  const W = count(fn, 'warmupSteps', o.warmupSteps);
  const D = count(fn, 'decaySteps', o.decaySteps);
  if (!(D > W)) throw new RangeError(`${fn}: decaySteps (${D}) must be greater than warmupSteps (${W})`);
  return warmupThenCosine(fn, finite(fn, 'initValue', o.initValue), finite(fn, 'peakValue', o.peakValue), W, D - W, finite(fn, 'endValue', o.endValue ?? 0), count(fn, 'steps', o.steps), positive(fn, 'exponent', o.exponent ?? 1));
}

/** Warmup `init → peak` over `W` steps (end excluded), cosine `peak → end` reached at step `W + C`, then `end`. @internal */
export function warmupThenCosine(fn: string, init: number, peak: number, W: number, C: number, end: number, steps: number, exponent = 1): Phase<'lr'>[] {
  if (!(C > 0)) throw new RangeError(`${fn}: the cosine must last at least one step, got ${C}`);
  const phases: Phase<'lr'>[] = [];
  const w = Math.min(W, steps);
  if (w > 0) phases.push(new Phase({ lr: linspace(init, peak, w, { span: Math.max(W, 1) }) }));
  const c = Math.min(C + 1, steps - w);
  if (c > 0) phases.push(new Phase({ lr: exponent === 1 ? cosinespace(peak, end, c, { span: C }) : cosinepowspace(peak, end, c, exponent, { span: C }) }));
  if (steps > w + c) phases.push(new Phase({ lr: constant(end, steps - w - c) }));
  return phases.length > 0 ? phases : [new Phase({ lr: constant(init, 0) })];
}

/** optax `sgdr_schedule`: cycles given explicitly, each a `warmupCosineDecay` of its own `decaySteps`. @example optax.sgdr({ cycles: [{ initValue: 1, peakValue: 1, warmupSteps: 0, decaySteps: 4, endValue: 0.1 }], steps: 4 }) */
function sgdr(given: { readonly cycles: readonly Omit<WarmupCosineOptions, 'steps'>[]; readonly steps: number }): Phase<'lr'>[] {
  const fn = 'optax.sgdr';
  const o = read(fn, given, ['cycles', 'steps']);
  if (!Array.isArray(o.cycles) || o.cycles.length === 0) throw new TypeError(`${fn}: cycles must be a non-empty array of warmupCosineDecay options, got ${show(o.cycles)}`);
  const steps = count(fn, 'steps', o.steps);
  const phases: Phase<'lr'>[] = [];
  let done = 0;
  o.cycles.forEach((cycle, i) => {
    const last = i === o.cycles.length - 1;
    // optax's join hands over at each cycle's decaySteps; the last cycle runs on to the end.
    const length = last ? steps - done : Math.min(count(`${fn}: cycles[${i}]`, 'decaySteps', cycle.decaySteps), steps - done);
    if (length <= 0) return;
    phases.push(...warmupCosineDecay({ ...cycle, steps: length }));
    done += length;
  });
  return phases;
}

/**
 * optax's schedules, by their optax names in camelCase.
 * @example
 * import { optax, OptimizerPolicy } from 'rx-policy';
 * new OptimizerPolicy(optax.warmupCosineDecay({ initValue: 0, peakValue: 1e-3, warmupSteps: 100, decaySteps: 1000, steps: 1000 }));
 */
export const optax = { cosineOnecycle, linearOnecycle, warmupCosineDecay, sgdr } as const;
