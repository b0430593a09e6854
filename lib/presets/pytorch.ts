// PyTorch's torch.optim.lr_scheduler schedules, as phases, with PyTorch's defaults, step
// convention (the value after j calls to scheduler.step() is the value at step j) and checks.
// Each takes `steps`: how many steps to produce (PyTorch's schedulers run on forever).
import { count, finite, knownKeys, plainObject, positive, positiveCount, show } from '../internal/validate.js';
import { Phase } from '../phase.js';
import { constant } from '../spaces/constant.js';
import { cosinespace } from '../spaces/cosinespace.js';
import { cycle } from '../spaces/cycle.js';
import { cyclicspace } from '../spaces/cyclicspace.js';
import { expspace } from '../spaces/expspace.js';
import { linspace } from '../spaces/linspace.js';
import { polyspace } from '../spaces/polyspace.js';
import { heldPhases } from './interpolate.js';
import { multiplicativeLR } from './multiplicativeLR.js';
import { swaLR } from './swaLR.js';

function options<T extends object>(fn: string, given: T, accepted: readonly string[]): T {
  plainObject(fn, 'options', given);
  knownKeys(fn, 'option', given as Record<string, unknown>, accepted);
  return given;
}

/** Options of `pytorch.oneCycleLR`, with `torch.optim.lr_scheduler.OneCycleLR`'s defaults. */
export interface OneCycleLROptions<M extends string = 'momentum'> {
  readonly maxLr: number;
  /** Total steps; or give `epochs` and `stepsPerEpoch`. */
  readonly totalSteps?: number;
  readonly epochs?: number;
  readonly stepsPerEpoch?: number;
  /** Fraction of the steps spent increasing the rate. Default 0.3. */
  readonly pctStart?: number;
  /** `'cos'` (default) or `'linear'`. */
  readonly annealStrategy?: 'cos' | 'linear';
  /** Whether momentum cycles inversely to the rate. Default true. */
  readonly cycleMomentum?: boolean;
  readonly baseMomentum?: number;
  readonly maxMomentum?: number;
  /** `initial_lr = maxLr / divFactor`. Default 25. */
  readonly divFactor?: number;
  /** `min_lr = initial_lr / finalDivFactor`. Default 1e4. */
  readonly finalDivFactor?: number;
  /** Three phases (up, down to initial, annihilate), Smith's original; default two. */
  readonly threePhase?: boolean;
  /** Name of the cycled momentum parameter: `'momentum'` (default) or e.g. `'beta1'` for Adam (PyTorch cycles `betas[0]`). */
  readonly momentumName?: M;
}

/**
 * PyTorch `OneCycleLR`: phase ends at the (possibly fractional) steps `pct·N − 1` and `N − 1`
 * (three-phase: `pct·N − 1`, `2·pct·N − 2`, `N − 1`), each annealed by cosine or linearly from the
 * previous end, so the peak is at step `pct·N − 1` (optax puts it at `int(pct·N)`, one step later).
 * Step 0 is `maxLr / divFactor`; the last step is `maxLr / (divFactor · finalDivFactor)`.
 *
 * @example
 * new OptimizerPolicy(pytorch.oneCycleLR({ maxLr: 1, totalSteps: 10 })).at(2); // { lr: 1, momentum: 0.85 }
 */
function oneCycleLR(options: OneCycleLROptions & { readonly cycleMomentum: false }): Phase<'lr'>[];
function oneCycleLR<M extends string = 'momentum'>(options: OneCycleLROptions<M>): Phase<'lr' | M>[];
function oneCycleLR(given: OneCycleLROptions<string>): Phase[] {
  const fn = 'pytorch.oneCycleLR';
  const o = options(fn, given, ['maxLr', 'totalSteps', 'epochs', 'stepsPerEpoch', 'pctStart', 'annealStrategy', 'cycleMomentum', 'baseMomentum', 'maxMomentum', 'divFactor', 'finalDivFactor', 'threePhase', 'momentumName']);
  let total: number;
  if (o.totalSteps !== undefined) {
    if (!Number.isSafeInteger(o.totalSteps) || o.totalSteps <= 0) throw new RangeError(`${fn}: Expected positive integer totalSteps, but got ${show(o.totalSteps)}`);
    total = o.totalSteps;
  } else if (o.epochs !== undefined && o.stepsPerEpoch !== undefined) {
    total = positiveCount(fn, 'epochs', o.epochs) * positiveCount(fn, 'stepsPerEpoch', o.stepsPerEpoch);
  } else {
    throw new TypeError(`${fn}: You must define either totalSteps OR (epochs AND stepsPerEpoch), got ${show(given)}`);
  }
  const pct = o.pctStart ?? 0.3;
  if (typeof pct !== 'number' || !(pct >= 0 && pct <= 1)) throw new RangeError(`${fn}: Expected float between 0 and 1 pctStart, but got ${show(pct)}`);
  const anneal = o.annealStrategy ?? 'cos';
  if (anneal !== 'cos' && anneal !== 'linear') throw new TypeError(`${fn}: annealStrategy must be one of 'cos' or 'linear', instead got ${show(anneal)}`);
  const maxLr = finite(fn, 'maxLr', o.maxLr);
  const initial = maxLr / positive(fn, 'divFactor', o.divFactor ?? 25);
  const min = initial / positive(fn, 'finalDivFactor', o.finalDivFactor ?? 1e4);
  const baseM = finite(fn, 'baseMomentum', o.baseMomentum ?? 0.85);
  const maxM = finite(fn, 'maxMomentum', o.maxMomentum ?? 0.95);
  const cycleMomentum = o.cycleMomentum ?? true;
  const momentumName = o.momentumName ?? 'momentum';
  const ends = o.threePhase
    ? [
        { end: pct * total - 1, lr: [initial, maxLr], m: [maxM, baseM] },
        { end: 2 * pct * total - 2, lr: [maxLr, initial], m: [baseM, maxM] },
        { end: total - 1, lr: [initial, min], m: [maxM, maxM] },
      ]
    : [
        { end: pct * total - 1, lr: [initial, maxLr], m: [maxM, baseM] },
        { end: total - 1, lr: [maxLr, min], m: [baseM, maxM] },
      ];
  const space = anneal === 'cos' ? cosinespace : linspace;
  const phases: Phase[] = [];
  let startStep = 0;
  let first = 0;
  ends.forEach(({ end, lr, m }, p) => {
    const last = p === ends.length - 1 ? total - 1 : Math.min(Math.floor(end), total - 1);
    const steps = Math.max(0, last - first + 1);
    const span = end - startStep;
    if (steps > 0 && !(span > 0)) {
      throw new RangeError(`${fn}: phase ${p + 1} spans ${span} steps (pctStart ${pct}, totalSteps ${total}); PyTorch divides by zero there`);
    }
    const opts = { offset: first - startStep, span: steps > 0 ? span : 1 };
    const params: Record<string, ReturnType<typeof space>> = { lr: space(lr[0]!, lr[1]!, steps, opts) };
    if (cycleMomentum) params[momentumName] = space(m[0]!, m[1]!, steps, opts);
    phases.push(new Phase(params));
    startStep = end;
    first += steps;
  });
  return phases;
}

/** Options of `pytorch.cosineAnnealingLR`. */
export interface CosineAnnealingLROptions {
  readonly baseLr: number;
  readonly tMax: number;
  readonly etaMin?: number;
  readonly steps: number;
}

/**
 * PyTorch `CosineAnnealingLR` (its closed form): `etaMin + (baseLr − etaMin)(1 + cos(π·k/tMax))/2`,
 * which keeps oscillating past `tMax`, as PyTorch does.
 * @example [...new OptimizerPolicy(pytorch.cosineAnnealingLR({ baseLr: 1, tMax: 4, steps: 9 })).allSteps()];
 */
function cosineAnnealingLR(given: CosineAnnealingLROptions): Phase<'lr'>[] {
  const fn = 'pytorch.cosineAnnealingLR';
  const o = options(fn, given, ['baseLr', 'tMax', 'etaMin', 'steps']);
  const tMax = positiveCount(fn, 'tMax', o.tMax);
  return [new Phase({ lr: cosinespace(finite(fn, 'baseLr', o.baseLr), finite(fn, 'etaMin', o.etaMin ?? 0), count(fn, 'steps', o.steps), { span: tMax }) })];
}

/** Options of `pytorch.cosineAnnealingWarmRestarts`. */
export interface WarmRestartsOptions {
  readonly baseLr: number;
  readonly t0: number;
  readonly tMult?: number;
  readonly etaMin?: number;
  readonly steps: number;
}

/**
 * PyTorch `CosineAnnealingWarmRestarts`: cycles of `t0·tMult^i` steps, each a cosine from `baseLr`
 * towards `etaMin` with the end excluded (`etaMin` is never reached). With `tMult` 1 it is one
 * periodic space, O(1) in memory whatever `steps` is.
 * @example pytorch.cosineAnnealingWarmRestarts({ baseLr: 1, t0: 4, tMult: 2, etaMin: 0.1, steps: 28 }).length; // 3 cycles
 */
function cosineAnnealingWarmRestarts(given: WarmRestartsOptions): Phase<'lr'>[] {
  const fn = 'pytorch.cosineAnnealingWarmRestarts';
  const o = options(fn, given, ['baseLr', 't0', 'tMult', 'etaMin', 'steps']);
  if (!Number.isSafeInteger(o.t0) || o.t0 <= 0) throw new RangeError(`${fn}: Expected positive integer t0, but got ${show(o.t0)}`);
  const tMult = o.tMult ?? 1;
  if (!Number.isSafeInteger(tMult) || tMult < 1) throw new RangeError(`${fn}: Expected integer tMult >= 1, but got ${show(tMult)}`);
  const base = finite(fn, 'baseLr', o.baseLr);
  const etaMin = finite(fn, 'etaMin', o.etaMin ?? 0);
  const steps = count(fn, 'steps', o.steps);
  if (tMult === 1) return [new Phase({ lr: cycle(cosinespace(base, etaMin, o.t0, { endpoint: false }), steps) })];
  const phases: Phase<'lr'>[] = [];
  for (let done = 0, length = o.t0; done < steps; done += length, length *= tMult) {
    phases.push(new Phase({ lr: cosinespace(base, etaMin, Math.min(length, steps - done), { span: length }) }));
  }
  return phases.length > 0 ? phases : [new Phase({ lr: constant(base, 0) })];
}

/** PyTorch `StepLR`: `baseLr · gamma^floor(k / stepSize)`. @example pytorch.stepLR({ baseLr: 1, stepSize: 30, steps: 90 }) */
function stepLR(given: { readonly baseLr: number; readonly stepSize: number; readonly gamma?: number; readonly steps: number }): Phase<'lr'>[] {
  const fn = 'pytorch.stepLR';
  const o = options(fn, given, ['baseLr', 'stepSize', 'gamma', 'steps']);
  return [new Phase({ lr: expspace(finite(fn, 'baseLr', o.baseLr), positive(fn, 'gamma', o.gamma ?? 0.1), count(fn, 'steps', o.steps), { every: positiveCount(fn, 'stepSize', o.stepSize), staircase: true }) })];
}

/** PyTorch `MultiStepLR`: `baseLr · gamma^(number of milestones ≤ k)`; the decay applies at the milestone. @example pytorch.multiStepLR({ baseLr: 1, milestones: [30, 80], steps: 100 }) */
function multiStepLR(given: { readonly baseLr: number; readonly milestones: readonly number[]; readonly gamma?: number; readonly steps: number }): Phase<'lr'>[] {
  const fn = 'pytorch.multiStepLR';
  const o = options(fn, given, ['baseLr', 'milestones', 'gamma', 'steps']);
  if (!Array.isArray(o.milestones)) throw new TypeError(`${fn}: milestones must be an array of non-negative integers, got ${show(o.milestones)}`);
  const milestones = [...o.milestones].map((m, i) => count(fn, `milestones[${i}]`, m)).sort((a, b) => a - b);
  const base = finite(fn, 'baseLr', o.baseLr);
  const gamma = positive(fn, 'gamma', o.gamma ?? 0.1);
  // PyTorch multiplies in place at each milestone: the values are the running products.
  const values = [base];
  for (let i = 0; i < milestones.length; i++) values.push(values[i]! * gamma);
  return heldPhases(values, milestones, count(fn, 'steps', o.steps));
}

/** PyTorch `ExponentialLR`: `baseLr · gamma^k`. @example pytorch.exponentialLR({ baseLr: 1, gamma: 0.9, steps: 10 }) */
function exponentialLR(given: { readonly baseLr: number; readonly gamma: number; readonly steps: number }): Phase<'lr'>[] {
  const fn = 'pytorch.exponentialLR';
  const o = options(fn, given, ['baseLr', 'gamma', 'steps']);
  return [new Phase({ lr: expspace(finite(fn, 'baseLr', o.baseLr), positive(fn, 'gamma', o.gamma), count(fn, 'steps', o.steps)) })];
}

/** PyTorch `LinearLR`: `baseLr · (startFactor + (endFactor − startFactor)·min(k, totalIters)/totalIters)`. @example pytorch.linearLR({ baseLr: 1, steps: 10 }) */
function linearLR(given: { readonly baseLr: number; readonly startFactor?: number; readonly endFactor?: number; readonly totalIters?: number; readonly steps: number }): Phase<'lr'>[] {
  const fn = 'pytorch.linearLR';
  const o = options(fn, given, ['baseLr', 'startFactor', 'endFactor', 'totalIters', 'steps']);
  const sf = finite(fn, 'startFactor', o.startFactor ?? 1 / 3);
  if (!(sf > 0 && sf <= 1)) throw new RangeError(`${fn}: Starting multiplicative factor expected to be greater than 0 and less or equal to 1, got ${show(sf)}`);
  const ef = finite(fn, 'endFactor', o.endFactor ?? 1);
  if (!(ef >= 0 && ef <= 1)) throw new RangeError(`${fn}: Ending multiplicative factor expected to be between 0 and 1, got ${show(ef)}`);
  const total = positiveCount(fn, 'totalIters', o.totalIters ?? 5);
  const base = finite(fn, 'baseLr', o.baseLr);
  const steps = count(fn, 'steps', o.steps);
  const ramp = Math.min(total, steps);
  const phases = [new Phase({ lr: linspace(base * sf, base * ef, ramp, { span: total }) })];
  if (steps > ramp) phases.push(new Phase({ lr: constant(base * ef, steps - ramp) }));
  return phases;
}

/** PyTorch `PolynomialLR`: `baseLr · (1 − min(k, totalIters)/totalIters)^power`. @example pytorch.polynomialLR({ baseLr: 1, power: 2, steps: 8 }) */
function polynomialLR(given: { readonly baseLr: number; readonly totalIters?: number; readonly power?: number; readonly steps: number }): Phase<'lr'>[] {
  const fn = 'pytorch.polynomialLR';
  const o = options(fn, given, ['baseLr', 'totalIters', 'power', 'steps']);
  const total = positiveCount(fn, 'totalIters', o.totalIters ?? 5);
  const base = finite(fn, 'baseLr', o.baseLr);
  const steps = count(fn, 'steps', o.steps);
  const ramp = Math.min(total, steps);
  const phases = [new Phase({ lr: polyspace(base, 0, ramp, { power: positive(fn, 'power', o.power ?? 1), span: total }) })];
  if (steps > ramp) phases.push(new Phase({ lr: constant(0, steps - ramp) }));
  return phases;
}

/** Options of `pytorch.cyclicLR`, with PyTorch's defaults. */
export interface CyclicLROptions {
  readonly baseLr: number;
  readonly maxLr: number;
  readonly stepSizeUp?: number;
  readonly stepSizeDown?: number;
  readonly mode?: 'triangular' | 'triangular2' | 'exp_range';
  readonly gamma?: number;
  readonly cycleMomentum?: boolean;
  readonly baseMomentum?: number;
  readonly maxMomentum?: number;
  readonly steps: number;
}

/**
 * PyTorch `CyclicLR` (scale mode per cycle for triangular/triangular2, per iteration for
 * exp_range): lr between `baseLr` and `maxLr`, momentum inversely between `maxMomentum` and `baseMomentum`.
 * @example pytorch.cyclicLR({ baseLr: 0.001, maxLr: 0.01, stepSizeUp: 2000, steps: 8000 })
 */
function cyclicLR(given: CyclicLROptions & { readonly cycleMomentum: false }): Phase<'lr'>[];
function cyclicLR(given: CyclicLROptions): Phase<'lr' | 'momentum'>[];
function cyclicLR(given: CyclicLROptions): Phase[] {
  const fn = 'pytorch.cyclicLR';
  const o = options(fn, given, ['baseLr', 'maxLr', 'stepSizeUp', 'stepSizeDown', 'mode', 'gamma', 'cycleMomentum', 'baseMomentum', 'maxMomentum', 'steps']);
  const mode = o.mode ?? 'triangular';
  if (mode !== 'triangular' && mode !== 'triangular2' && mode !== 'exp_range') throw new TypeError(`${fn}: mode is invalid and scale_fn is None, got ${show(mode)}`);
  const shape = { stepsUp: positiveCount(fn, 'stepSizeUp', o.stepSizeUp ?? 2000), ...(o.stepSizeDown !== undefined && { stepsDown: o.stepSizeDown }), mode: mode === 'exp_range' ? ('expRange' as const) : mode, gamma: o.gamma ?? 1 };
  const steps = count(fn, 'steps', o.steps);
  const lr = cyclicspace(finite(fn, 'baseLr', o.baseLr), finite(fn, 'maxLr', o.maxLr), steps, shape);
  if (o.cycleMomentum === false) return [new Phase({ lr })];
  return [new Phase({ lr, momentum: cyclicspace(finite(fn, 'maxMomentum', o.maxMomentum ?? 0.9), finite(fn, 'baseMomentum', o.baseMomentum ?? 0.8), steps, shape) })];
}

/**
 * PyTorch's learning-rate schedulers, by their PyTorch names in camelCase.
 * @example
 * import { OptimizerPolicy, pytorch } from 'rx-policy';
 * const policy = new OptimizerPolicy(pytorch.oneCycleLR({ maxLr: 0.1, totalSteps: 1000 }));
 */
export const pytorch = { oneCycleLR, cyclicLR, cosineAnnealingLR, cosineAnnealingWarmRestarts, stepLR, multiStepLR, exponentialLR, linearLR, polynomialLR, multiplicativeLR, swaLR } as const;
