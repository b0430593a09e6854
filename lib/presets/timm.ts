// timm's schedulers (timm/scheduler/*.py), stepped per update (`t_in_epochs=False`).
import { count, finite, flag, knownKeys, plainObject, positive, positiveCount, show } from '../internal/validate.js';
import { Phase } from '../phase.js';
import { constant } from '../spaces/constant.js';
import { cosinespace } from '../spaces/cosinespace.js';
import type { SpaceOptions } from '../spaces/eased.js';
import { expspace } from '../spaces/expspace.js';
import { kcosinespace } from '../spaces/kcosinespace.js';
import { kpolyspace } from '../spaces/kpolyspace.js';
import { linspace } from '../spaces/linspace.js';
import { noisy } from '../spaces/noisy.js';
import { heldPhases } from './interpolate.js';
import { polyspace } from '../spaces/polyspace.js';
import { tanhspace } from '../spaces/tanhspace.js';
import type { Space } from '../space.js';

/** The options every timm scheduler shares: its warmup and its noise. */
export interface TimmCommonOptions {
  readonly baseLr: number;
  readonly warmupT?: number;
  readonly warmupLrInit?: number;
  /**
   * Whether the schedule's clock starts after the warmup (`true`) or at step 0, under the warmup.
   * timm's defaults differ: `false` for the cycle schedulers (cosine, poly, tanh: the peak is then
   * never applied), `true` for the step schedulers.
   */
  readonly warmupPrefix?: boolean;
  /** Steps `[from, to)` (or `[from]`) where the lr `v` becomes `v + v·noise`, as in timm; default none. */
  readonly noiseRangeT?: readonly [number, number?];
  readonly noisePct?: number;
  /** The base `Scheduler`'s `noise_type`: `'normal'` (default) or `'uniform'`. */
  readonly noiseType?: 'normal' | 'uniform';
  readonly noiseSeed?: number;
  readonly steps: number;
}

/** The options of timm's cycle schedulers (cosine, poly, tanh), with the classes' defaults (timm's factory uses other ones). */
export interface TimmCycleOptions extends TimmCommonOptions {
  readonly tInitial: number;
  readonly lrMin?: number;
  /** Cycle length multiplier, any positive real. Default 1. */
  readonly cycleMul?: number;
  /** Peak multiplier per cycle. Default 1. */
  readonly cycleDecay?: number;
  /** Cycles before holding `lrMin`. Default 1. */
  readonly cycleLimit?: number;
}

/** Options of `timm.cosineLR`. */
export interface TimmCosineOptions extends TimmCycleOptions {
  readonly kDecay?: number;
}

/** Options of `timm.polyLR`. */
export interface TimmPolyOptions extends TimmCycleOptions {
  /** Default 0.5. */
  readonly power?: number;
  readonly kDecay?: number;
}

/** Options of `timm.tanhLR`. */
export interface TimmTanhOptions extends TimmCycleOptions {
  /** Default -7. */
  readonly lb?: number;
  /** Default 3. */
  readonly ub?: number;
}

const commonKeys = ['baseLr', 'warmupT', 'warmupLrInit', 'warmupPrefix', 'noiseRangeT', 'noisePct', 'noiseType', 'noiseSeed', 'steps'];
const cycleKeys = [...commonKeys, 'tInitial', 'lrMin', 'cycleMul', 'cycleDecay', 'cycleLimit'];

/** A cycle's curve from `peak` to `lrMin` over `n` steps, placed on the cycle's clock by `opts`. */
type Curve = (peak: number, lrMin: number, n: number, opts: SpaceOptions) => Space;

function read<T extends TimmCommonOptions>(fn: string, given: T, keys: readonly string[]) {
  plainObject(fn, 'options', given);
  knownKeys(fn, 'option', given as unknown as Record<string, unknown>, keys);
  return {
    base: finite(fn, 'baseLr', given.baseLr),
    W: count(fn, 'warmupT', given.warmupT ?? 0),
    warmupInit: finite(fn, 'warmupLrInit', given.warmupLrInit ?? 0),
    steps: count(fn, 'steps', given.steps),
  };
}

/** timm's warmup, `warmupLrInit + t·(target − warmupLrInit)/warmupT`, over the first `min(W, steps)` steps. */
function warmup(init: number, target: number, W: number, steps: number): Phase<'lr'>[] {
  const w = Math.min(W, steps);
  return w > 0 ? [new Phase({ lr: linspace(init, target, w, { span: W }) })] : [];
}

/**
 * The cycles of timm's cosine, poly and tanh schedulers on their own clock `t` (the step, less
 * the warmup with a prefix): cycle `i` lasts `tInitial·cycleMul^i` (ends may fall between steps),
 * peaks at `baseLr·cycleDecay^i`, and after `cycleLimit` cycles the lr holds `lrMin`.
 */
function cycles(fn: string, given: TimmCycleOptions, curve: Curve, fromT: number, toT: number): { phases: Phase<'lr'>[]; valueAt: (t: number) => number } {
  const base = finite(fn, 'baseLr', given.baseLr);
  const tInit = positiveCount(fn, 'tInitial', given.tInitial);
  const lrMin = finite(fn, 'lrMin', given.lrMin ?? 0);
  const mul = positive(fn, 'cycleMul', given.cycleMul ?? 1);
  const decay = finite(fn, 'cycleDecay', given.cycleDecay ?? 1);
  const limit = positiveCount(fn, 'cycleLimit', given.cycleLimit ?? 1);
  const phases: Phase<'lr'>[] = [];
  let t = fromT;
  let start = 0;
  for (let i = 0, length = tInit; i < limit && t < toT; i++, start += length, length *= mul) {
    const next = Math.min(Math.ceil(start + length), toT);
    if (next <= t) continue;
    phases.push(new Phase({ lr: curve(base * decay ** i, lrMin, next - t, { offset: t - start, span: length }) }));
    t = next;
  }
  if (t < toT) phases.push(new Phase({ lr: constant(lrMin, toT - t) }));
  // The curve's value at any t of the clock, however far (tanh's warmup aims at it).
  const valueAt = (at: number): number => {
    for (let i = 0, c = 0, length = tInit; i < limit; i++, c += length, length *= mul) {
      if (at < c + length) return curve(base * decay ** i, lrMin, 1, { offset: at - c, span: length }).at(0);
    }
    return lrMin;
  };
  return { phases, valueAt };
}

/** Adds timm's noise to every phase, on the global step; unchanged without `noiseRangeT`. */
function withNoise(given: TimmCommonOptions, phases: Phase<'lr'>[]): Phase<'lr'>[] {
  if (phases.length === 0) phases.push(new Phase({ lr: constant(given.baseLr, 0) }));
  if (given.noiseRangeT === undefined) return phases;
  let offset = 0;
  return phases.map((phase) => {
    const lr = noisy(phase.spaces.lr, { range: given.noiseRangeT!, pct: given.noisePct ?? 0.67, type: given.noiseType ?? 'normal', seed: given.noiseSeed ?? 42, offset });
    offset += phase.length;
    return new Phase({ lr });
  });
}

/** A cycle scheduler: warmup to `baseLr` (or, for tanh without a prefix, to the curve at `warmupT`), then the cycles. */
function cycleScheduler<T extends TimmCycleOptions>(fn: string, given: T, keys: readonly string[], makeCurve: (options: T) => Curve, warmupTarget: 'base' | 'curve'): Phase<'lr'>[] {
  const { base, W, warmupInit, steps } = read(fn, given, keys);
  // The curve's own options are read once the options are known to be an object of known keys.
  const curve = makeCurve(given);
  const prefix = flag(fn, 'warmupPrefix', given.warmupPrefix, false);
  const w = Math.min(W, steps);
  const shift = prefix ? W : 0;
  const { phases, valueAt } = cycles(fn, given, curve, w - shift, steps - shift);
  const target = warmupTarget === 'curve' && !prefix && W > 0 ? valueAt(W) : base;
  return withNoise(given, [...warmup(warmupInit, target, W, steps), ...phases]);
}

/**
 * timm `CosineLRScheduler`: warmup `warmupLrInit → baseLr` over `warmupT` steps, then cosine cycles
 * `tInitial·cycleMul^i` long with peaks `baseLr·cycleDecay^i`, `lrMin` after `cycleLimit` cycles,
 * and optional k-decay. Without `warmupPrefix` the warmup overlaps the first cycle, as in timm.
 * Noise (`noiseRangeT`, `noisePct`, `noiseType`, `noiseSeed`) is timm's own draws, bit for bit:
 * `torch.randn(1)` after `manual_seed(noiseSeed + t)`, reproduced by `noisy`.
 * @example timm.cosineLR({ baseLr: 1, tInitial: 10, warmupT: 3, warmupPrefix: true, steps: 14 })
 */
function cosineLR(given: TimmCosineOptions): Phase<'lr'>[] {
  const fn = 'timm.cosineLR';
  const makeCurve = (o: TimmCosineOptions): Curve => {
    const k = positive(fn, 'kDecay', o.kDecay ?? 1);
    return (peak, lrMin, n, opts) => (k === 1 ? cosinespace(peak, lrMin, n, opts) : kcosinespace(peak, lrMin, n, { k, ...opts }));
  };
  return cycleScheduler(fn, given, [...cycleKeys, 'kDecay'], makeCurve, 'base');
}

/**
 * timm `PolyLRScheduler`: like `cosineLR`, with cycles `lrMin + (peak − lrMin)·(1 − (t/T)^k)^power`
 * (default `power` 0.5).
 * @example timm.polyLR({ baseLr: 1, tInitial: 100, power: 2, steps: 100 })
 */
function polyLR(given: TimmPolyOptions): Phase<'lr'>[] {
  const fn = 'timm.polyLR';
  const makeCurve = (o: TimmPolyOptions): Curve => {
    const power = positive(fn, 'power', o.power ?? 0.5);
    const k = positive(fn, 'kDecay', o.kDecay ?? 1);
    return (peak, lrMin, n, opts) => (k === 1 ? polyspace(peak, lrMin, n, { power, ...opts }) : kpolyspace(peak, lrMin, n, { power, k, ...opts }));
  };
  return cycleScheduler(fn, given, [...cycleKeys, 'power', 'kDecay'], makeCurve, 'base');
}

/**
 * timm `TanhLRScheduler`: cycles `lrMin + ½(peak − lrMin)(1 − tanh(lb(1 − t/T) + ub·t/T))`
 * (defaults `lb` -7, `ub` 3). Without `warmupPrefix` the warmup aims at the tanh curve's value at
 * `warmupT`, not at `baseLr`, as timm's does.
 * @example timm.tanhLR({ baseLr: 1, tInitial: 100, warmupT: 5, steps: 100 })
 */
function tanhLR(given: TimmTanhOptions): Phase<'lr'>[] {
  const fn = 'timm.tanhLR';
  const makeCurve = (o: TimmTanhOptions): Curve => {
    const lb = finite(fn, 'lb', o.lb ?? -7);
    const ub = finite(fn, 'ub', o.ub ?? 3);
    return (peak, lrMin, n, opts) => tanhspace(peak, lrMin, n, { lower: lb, upper: ub, ...opts });
  };
  return cycleScheduler(fn, given, [...cycleKeys, 'lb', 'ub'], makeCurve, 'curve');
}

/** Options of `timm.stepLR`. */
export interface TimmStepOptions extends TimmCommonOptions {
  /** Steps between decays, any positive real. */
  readonly decayT: number;
  /** Default 1 (no decay), as in timm. */
  readonly decayRate?: number;
}

/**
 * timm `StepLRScheduler`: warmup, then `baseLr · decayRate^floor(t / decayT)`; `warmupPrefix`
 * defaults to `true` here.
 * @example timm.stepLR({ baseLr: 1, decayT: 30, decayRate: 0.1, steps: 90 })
 */
function stepLR(given: TimmStepOptions): Phase<'lr'>[] {
  const fn = 'timm.stepLR';
  const { base, W, warmupInit, steps } = read(fn, given, [...commonKeys, 'decayT', 'decayRate']);
  const decayT = positive(fn, 'decayT', given.decayT);
  const rate = positive(fn, 'decayRate', given.decayRate ?? 1);
  const prefix = flag(fn, 'warmupPrefix', given.warmupPrefix, true);
  const w = Math.min(W, steps);
  const phases = warmup(warmupInit, base, W, steps);
  // Without a prefix the decay's clock already reads W at the first step after the warmup.
  if (steps > w) phases.push(new Phase({ lr: expspace(base, rate, steps - w, { every: decayT, staircase: true, offset: prefix ? 0 : w }) }));
  return withNoise(given, phases);
}

/** Options of `timm.multiStepLR`. */
export interface TimmMultiStepOptions extends TimmCommonOptions {
  /** Milestones, increasing. The decay applies at `milestone − 1` (PyTorch's `MultiStepLR` at the milestone). */
  readonly decayT: readonly number[];
  /** Default 1 (no decay), as in timm. */
  readonly decayRate?: number;
}

/**
 * timm `MultiStepLRScheduler`: warmup, then `baseLr · decayRate^bisect_right(decayT, t + 1)`, so
 * each decay comes one step *before* its milestone; `warmupPrefix` defaults to `true` here.
 * @example timm.multiStepLR({ baseLr: 1, decayT: [30, 60], decayRate: 0.1, steps: 90 })
 */
function multiStepLR(given: TimmMultiStepOptions): Phase<'lr'>[] {
  const fn = 'timm.multiStepLR';
  const { base, W, warmupInit, steps } = read(fn, given, [...commonKeys, 'decayT', 'decayRate']);
  if (!Array.isArray(given.decayT)) throw new TypeError(`${fn}: decayT must be an array of milestones, got ${show(given.decayT)}`);
  const milestones = given.decayT.map((m, i) => count(fn, `decayT[${i}]`, m));
  milestones.forEach((m, i) => {
    // bisect assumes a sorted list; timm does not check, rx-policy does.
    if (i > 0 && m < milestones[i - 1]!) throw new RangeError(`${fn}: decayT must be sorted, got ${show(given.decayT)}`);
  });
  const rate = positive(fn, 'decayRate', given.decayRate ?? 1);
  const prefix = flag(fn, 'warmupPrefix', given.warmupPrefix, true);
  const shift = prefix ? W : 0;
  // On the clock t (= step − shift) the value is base·rate^(milestones ≤ t + 1): the j-th decay
  // starts at step m_j − 1 + shift.
  const values = [base, ...milestones.map((_, j) => base * rate ** (j + 1))];
  const decays = heldPhases(values, milestones.map((m) => m - 1 + shift), steps, Math.min(W, steps));
  return withNoise(given, [...warmup(warmupInit, base, W, steps), ...decays]);
}

/**
 * timm's schedulers, by their timm names in camelCase.
 * @example
 * import { timm, OptimizerPolicy } from 'rx-policy';
 * new OptimizerPolicy(timm.cosineLR({ baseLr: 0.1, tInitial: 1000, warmupT: 50, warmupPrefix: true, steps: 1050 }));
 */
export const timm = { cosineLR, polyLR, tanhLR, stepLR, multiStepLR } as const;
