// optax's schedules (optax/schedules/_schedule.py), as phases over `steps` counts.
import { count, finite, flag, knownKeys, plainObject, positive, show } from '../internal/validate.js';
import { Phase } from '../phase.js';
import { constant } from '../spaces/constant.js';
import { cosinepowspace } from '../spaces/cosinepowspace.js';
import { cosinespace } from '../spaces/cosinespace.js';
import { expspace } from '../spaces/expspace.js';
import { linspace } from '../spaces/linspace.js';
import { polycyclespace } from '../spaces/polycyclespace.js';
import { heldPhases, interpolatePhases } from './interpolate.js';

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
  if (c > 0) phases.push(new Phase({ lr: exponent === 1 ? cosinespace(peak, end, c, { span: C }) : cosinepowspace(peak, end, c, { exponent, span: C }) }));
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

/** Checks optax's `transition_begin`, which optax silently raises to 0 when negative; rx-policy refuses. */
function begin(fn: string, value: unknown): number {
  return count(fn, 'transitionBegin', value ?? 0);
}

/** `value` for `n` steps, as the one phase of a schedule (keeps `steps: 0` a valid, empty policy). */
function held(value: number, n: number): Phase<'lr'>[] {
  return [new Phase({ lr: constant(value, n) })];
}

/** optax `constant_schedule`. @example optax.constantSchedule({ value: 0.1, steps: 100 }) */
function constantSchedule(given: { readonly value: number; readonly steps: number }): Phase<'lr'>[] {
  const fn = 'optax.constantSchedule';
  const o = read(fn, given, ['value', 'steps']);
  return held(finite(fn, 'value', o.value), count(fn, 'steps', o.steps));
}

/** Options of `optax.polynomialSchedule`. */
export interface PolynomialScheduleOptions {
  readonly initValue: number;
  readonly endValue: number;
  readonly power: number;
  /** Steps of the transition; 0 holds `initValue` throughout, as optax documents. */
  readonly transitionSteps: number;
  /** Steps held at `initValue` before the transition. Default 0. */
  readonly transitionBegin?: number;
  readonly steps: number;
}

/**
 * optax `polynomial_schedule`: `initValue` until `transitionBegin`, then
 * `(init − end)·(1 − (t − B)/T)^power + end` over `transitionSteps`, then `endValue`.
 * @example optax.polynomialSchedule({ initValue: 1, endValue: 0.01, power: 2, transitionSteps: 100, transitionBegin: 5, steps: 110 })
 */
function polynomialSchedule(given: PolynomialScheduleOptions): Phase<'lr'>[] {
  const fn = 'optax.polynomialSchedule';
  const o = read(fn, given, ['initValue', 'endValue', 'power', 'transitionSteps', 'transitionBegin', 'steps']);
  return polynomial(fn, o, positive(fn, 'power', o.power));
}

/**
 * optax `linear_schedule`: `polynomialSchedule` with power 1.
 * @example optax.linearSchedule({ initValue: 1, endValue: 0.01, transitionSteps: 100, steps: 100 })
 */
function linearSchedule(given: Omit<PolynomialScheduleOptions, 'power'>): Phase<'lr'>[] {
  const fn = 'optax.linearSchedule';
  return polynomial(fn, read(fn, given, ['initValue', 'endValue', 'transitionSteps', 'transitionBegin', 'steps']), 1);
}

/** Both polynomial schedules, once their options are read. */
function polynomial(fn: string, o: Omit<PolynomialScheduleOptions, 'power'>, power: number): Phase<'lr'>[] {
  const init = finite(fn, 'initValue', o.initValue);
  const end = finite(fn, 'endValue', o.endValue);
  const T = count(fn, 'transitionSteps', o.transitionSteps);
  const B = begin(fn, o.transitionBegin);
  const steps = count(fn, 'steps', o.steps);
  if (T === 0) return held(init, steps);
  const phases: Phase<'lr'>[] = [];
  const before = Math.min(B, steps);
  if (before > 0) phases.push(new Phase({ lr: constant(init, before) }));
  // Steps B…B+T: the first horizon of polycyclespace is optax's formula, operation for operation.
  const ramp = Math.min(T + 1, steps - before);
  if (ramp > 0) phases.push(new Phase({ lr: polycyclespace(init, end, ramp, { power, period: T }) }));
  if (steps > before + ramp) phases.push(new Phase({ lr: constant(end, steps - before - ramp) }));
  return phases.length > 0 ? phases : held(init, 0);
}

/** Options of `optax.exponentialDecay`. */
export interface ExponentialDecayOptions {
  readonly initValue: number;
  /** Steps per factor of `decayRate`; 0 holds `initValue` throughout, as optax documents. */
  readonly transitionSteps: number;
  /** 0 holds `initValue` throughout, as optax documents. */
  readonly decayRate: number;
  readonly transitionBegin?: number;
  readonly staircase?: boolean;
  /** A bound the decay stops at: a floor when `decayRate < 1`, a ceiling otherwise. */
  readonly endValue?: number;
  readonly steps: number;
}

/**
 * optax `exponential_decay`: `initValue` until `transitionBegin`, then
 * `init · decayRate^((t − B)/T)` (floored exponent with `staircase`), bounded by `endValue`.
 * @example optax.exponentialDecay({ initValue: 1, transitionSteps: 10, decayRate: 0.5, endValue: 0.1, steps: 50 })
 */
function exponentialDecay(given: ExponentialDecayOptions): Phase<'lr'>[] {
  const fn = 'optax.exponentialDecay';
  const o = read(fn, given, ['initValue', 'transitionSteps', 'decayRate', 'transitionBegin', 'staircase', 'endValue', 'steps']);
  const init = finite(fn, 'initValue', o.initValue);
  const T = count(fn, 'transitionSteps', o.transitionSteps);
  const rate = finite(fn, 'decayRate', o.decayRate);
  if (rate < 0) throw new RangeError(`${fn}: decayRate must be ≥ 0 (a negative rate has no real power), got ${show(rate)}`);
  const B = begin(fn, o.transitionBegin);
  const staircase = flag(fn, 'staircase', o.staircase, false);
  const end = o.endValue === undefined ? undefined : finite(fn, 'endValue', o.endValue);
  const steps = count(fn, 'steps', o.steps);
  if (T === 0 || rate === 0) return held(init, steps);
  const before = Math.min(B, steps);
  const decay = expspace(init, rate, steps - before, { every: T, staircase });
  // optax clips every value, the held ones included: max with the end when decaying, min when growing.
  const clipped = (v: number) => (end === undefined ? false : rate < 1 ? v < end : v > end);
  // The decay is monotone: the first clipped step, found with the very values it would emit.
  let lo = 0;
  let hi = decay.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (clipped(decay.at(mid))) hi = mid;
    else lo = mid + 1;
  }
  const phases: Phase<'lr'>[] = [];
  const first = clipped(init) ? end! : init;
  if (before > 0) phases.push(new Phase({ lr: constant(first, before) }));
  if (lo > 0) phases.push(new Phase({ lr: expspace(init, rate, lo, { every: T, staircase }) }));
  if (decay.length > lo) phases.push(new Phase({ lr: constant(end!, decay.length - lo) }));
  return phases.length > 0 ? phases : held(init, 0);
}

/**
 * optax `cosine_decay_schedule`: `init·((1 − alpha)·(½(1 + cos(π·min(t, T)/T)))^exponent + alpha)`.
 * @example optax.cosineDecaySchedule({ initValue: 1, decaySteps: 100, alpha: 0.1, steps: 120 })
 */
function cosineDecaySchedule(given: { readonly initValue: number; readonly decaySteps: number; readonly alpha?: number; readonly exponent?: number; readonly steps: number }): Phase<'lr'>[] {
  const fn = 'optax.cosineDecaySchedule';
  const o = read(fn, given, ['initValue', 'decaySteps', 'alpha', 'exponent', 'steps']);
  const D = o.decaySteps;
  if (typeof D !== 'number' || !Number.isSafeInteger(D) || !(D > 0)) {
    throw new RangeError(`${fn}: The cosine_decay_schedule requires positive decaySteps, got decaySteps=${show(D)}.`);
  }
  const init = finite(fn, 'initValue', o.initValue);
  const alpha = finite(fn, 'alpha', o.alpha ?? 0);
  return warmupThenCosine(fn, init, init, 0, D, alpha * init, count(fn, 'steps', o.steps), positive(fn, 'exponent', o.exponent ?? 1));
}

/**
 * optax `piecewise_constant_schedule`: `initValue` times every scale whose boundary the step has
 * reached (`t ≥ boundary`; Keras' `PiecewiseConstantDecay` switches one step later). Boundaries are
 * the keys of `boundariesAndScales`, as in optax's dict, e.g. `{ 100: 0.1, 200: 0.1 }`.
 * @example optax.piecewiseConstantSchedule({ initValue: 1, boundariesAndScales: { 100: 0.1, 200: 0.01 }, steps: 300 })
 */
function piecewiseConstantSchedule(given: { readonly initValue: number; readonly boundariesAndScales?: Readonly<Record<number, number>>; readonly steps: number }): Phase<'lr'>[] {
  const fn = 'optax.piecewiseConstantSchedule';
  const o = read(fn, given, ['initValue', 'boundariesAndScales', 'steps']);
  const init = finite(fn, 'initValue', o.initValue);
  const steps = count(fn, 'steps', o.steps);
  const entries = Object.entries(plainObject(fn, 'boundariesAndScales', o.boundariesAndScales ?? {})).map(([key, scale]) => {
    const boundary = Number(key);
    if (key.trim() === '' || !Number.isSafeInteger(boundary) || boundary < 0) {
      throw new RangeError(`${fn}: boundariesAndScales keys must be non-negative integer steps, got ${show(key)}`);
    }
    const s = finite(fn, `boundariesAndScales[${key}]`, scale);
    if (s < 0) throw new RangeError(`${fn}: piecewise_constant_schedule expects non-negative scale factors, got ${show(s)} at ${key}`);
    return [boundary, s] as const;
  });
  entries.sort((a, b) => a[0] - b[0]);
  // optax multiplies the scales in, boundary by boundary: the values are the running products.
  const values = [init];
  for (const [, scale] of entries) values.push(values.at(-1)! * scale);
  return heldPhases(values, entries.map(([boundary]) => boundary), steps);
}

/**
 * optax's schedules, by their optax names in camelCase.
 * @example
 * import { optax, OptimizerPolicy } from 'rx-policy';
 * new OptimizerPolicy(optax.warmupCosineDecay({ initValue: 0, peakValue: 1e-3, warmupSteps: 100, decaySteps: 1000, steps: 1000 }));
 */
export const optax = {
  constantSchedule,
  linearSchedule,
  polynomialSchedule,
  exponentialDecay,
  cosineDecaySchedule,
  piecewiseConstantSchedule,
  cosineOnecycle,
  linearOnecycle,
  warmupCosineDecay,
  sgdr,
} as const;
