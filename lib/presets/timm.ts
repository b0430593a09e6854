// timm's schedulers (timm/scheduler/*.py), stepped per update (`t_in_epochs=False`).
import { joinTo, MAX_PHASES } from '../compose.js';
import { boolean, checkInteger, custom, declare, derivedFinite, integer, integers, number, oneOf, type OptionsOf, type ValuesOf } from '../internal/options.js';
import { show } from '../internal/validate.js';
import { Phase } from '../phase.js';
import type { Space } from '../space.js';
import { constant } from '../spaces/constant.js';
import { cosinespace } from '../spaces/cosinespace.js';
import { cycle } from '../spaces/cycle.js';
import type { SpaceOptions } from '../spaces/eased.js';
import { expspace } from '../spaces/expspace.js';
import { kcosinespace } from '../spaces/kcosinespace.js';
import { kpolyspace } from '../spaces/kpolyspace.js';
import { linspace } from '../spaces/linspace.js';
import { MIN_NOISE_PCT, noisy } from '../spaces/noisy.js';
import { polyspace } from '../spaces/polyspace.js';
import { tanhspace } from '../spaces/tanhspace.js';
import { heldParts } from './interpolate.js';
import { cycleAt } from './restarts.js';
import { preset, steps } from './preset.js';

const noiseRange = custom('numbers', '[from] or [from, to] of non-negative integer steps, from ≤ to', { doc: 'Steps [from, to) (or [from, ∞)) where the lr v becomes v + v·noise, as in timm.', mode: 'noise' }, (fn, arg, v): readonly [number, number?] => {
  if (!Array.isArray(v) || v.length < 1 || v.length > 2) throw new TypeError(`${fn}: ${arg} must be [from] or [from, to] of non-negative integer steps, got ${show(v)}`);
  const from = checkInteger(fn, `${arg}[0]`, v[0]);
  if (v.length === 1) return [from];
  const to = checkInteger(fn, `${arg}[1]`, v[1]);
  if (to < from) throw new RangeError(`${fn}: ${arg} must have from ≤ to, got ${show(v)}`);
  return [from, to];
});

/** The options every timm scheduler takes: its warmup and its noise. */
const common = (warmupPrefix: boolean) =>
  ({
    baseLr: number({ doc: "The optimizer's learning rate (the peak of the first cycle).", required: true }),
    warmupT: integer({ doc: 'Warmup steps.', default: 0 }),
    warmupLrInit: number({ doc: 'The lr at step 0 of the warmup.', default: 0, mode: 'warmup' }),
    warmupPrefix: boolean({
      doc: warmupPrefix ? "Whether the schedule's clock starts after the warmup (timm's default here: true)." : "Whether the schedule's clock starts after the warmup (default false: the warmup overlaps the first cycle and its peak is never applied).",
      default: warmupPrefix,
      mode: 'warmup',
    }),
    noiseRangeT: noiseRange,
    noisePct: number({ doc: 'Noise limit: |n| < noisePct (normal) or n uniform in ±noisePct.', default: 0.67, min: MIN_NOISE_PCT, mode: 'noise' }),
    noiseType: oneOf(['normal', 'uniform'], { doc: "The base Scheduler's noise_type.", default: 'normal', mode: 'noise' }),
    noiseSeed: integer({ doc: 'Step t draws from manual_seed(noiseSeed + t).', default: 42, mode: 'noise' }),
    steps: steps(),
  }) as const;

/** The options of timm's cycle schedulers (cosine, poly, tanh), with the classes' defaults (timm's factory uses other ones). */
const cycleShape = {
  ...common(false),
  tInitial: integer({ doc: 'Steps of the first cycle.', required: true, min: 1 }),
  lrMin: number({ doc: 'The lr each cycle decays towards, and holds after cycleLimit cycles.', default: 0 }),
  cycleMul: number({ doc: 'Cycle length multiplier, any positive real.', default: 1, above: 0 }),
  cycleDecay: number({ doc: 'Peak multiplier per cycle.', default: 1 }),
  cycleLimit: integer({ doc: 'Cycles before holding lrMin.', default: 1, min: 1 }),
} as const;

const cosineOptions = declare('timm.cosineLR', { ...cycleShape, kDecay: number({ doc: 'k-decay exponent of the progress (1: plain cosine).', default: 1, above: 0 }) });
const polyOptions = declare('timm.polyLR', {
  ...cycleShape,
  power: number({ doc: 'Power of the polynomial.', default: 0.5, above: 0 }),
  kDecay: number({ doc: 'k-decay exponent of the progress (1: plain polynomial).', default: 1, above: 0 }),
});
const tanhOptions = declare('timm.tanhLR', {
  ...cycleShape,
  lb: number({ doc: 'tanh argument at the start of a cycle.', default: -7 }),
  ub: number({ doc: 'tanh argument at the end of a cycle.', default: 3 }),
});
const stepOptions = declare('timm.stepLR', {
  ...common(true),
  decayT: number({ doc: 'Steps between decays, any positive real.', required: true, above: 0 }),
  decayRate: number({ doc: 'Factor per decay (1: no decay, as in timm).', default: 1, above: 0 }),
});
const multiStepOptions = declare('timm.multiStepLR', {
  ...common(true),
  decayT: integers({ doc: 'Milestones, non-decreasing; each decay applies at milestone − 1.', required: true, sorted: true, maxLength: MAX_PHASES }),
  decayRate: number({ doc: 'Factor per milestone (1: no decay, as in timm).', default: 1, above: 0 }),
});

/** Options of `timm.cosineLR`. */
export type TimmCosineOptions = OptionsOf<typeof cosineOptions.shape>;
/** Options of `timm.polyLR`. */
export type TimmPolyOptions = OptionsOf<typeof polyOptions.shape>;
/** Options of `timm.tanhLR`. */
export type TimmTanhOptions = OptionsOf<typeof tanhOptions.shape>;
/** Options of `timm.stepLR`. */
export type TimmStepOptions = OptionsOf<typeof stepOptions.shape>;
/** Options of `timm.multiStepLR`. */
export type TimmMultiStepOptions = OptionsOf<typeof multiStepOptions.shape>;
/** The options every timm scheduler shares: its warmup and its noise. */
export type TimmCommonOptions = OptionsOf<ReturnType<typeof common>>;
/** The options of timm's cycle schedulers. */
export type TimmCycleOptions = OptionsOf<typeof cycleShape>;

type Common = ValuesOf<ReturnType<typeof common>>;
type Cycle = ValuesOf<typeof cycleShape>;

/** A cycle's curve from `peak` to `lrMin` over `n` steps, placed on the cycle's clock by `opts`. */
type Curve = (peak: number, lrMin: number, n: number, opts: SpaceOptions) => Space;

/** timm's warmup, `warmupLrInit + t·(target − warmupLrInit)/warmupT`, over the first `min(W, steps)` steps. */
function warmup(init: number, target: number, W: number, steps: number): Phase<'lr'>[] {
  const w = Math.min(W, steps);
  return w > 0 ? [new Phase({ lr: linspace(init, target, w, { span: W }) })] : [];
}

/**
 * The cycles of timm's cosine, poly and tanh schedulers on their own clock `t` from `fromT` to
 * `toT` (the step, less the warmup with a prefix): cycle `i` lasts `tInitial·cycleMul^i` (ends may
 * fall between steps), peaks at `baseLr·cycleDecay^i`, and after `cycleLimit` cycles the lr holds
 * `lrMin`. Equal cycles without decay are one periodic space; otherwise one phase per cycle that
 * holds a step, found by timm's closed form (never one loop turn per skipped cycle).
 */
function* cycles(fn: string, o: Cycle, curve: Curve, fromT: number, toT: number): Generator<Phase<'lr'>> {
  const { tInitial: T, cycleMul: mul, cycleDecay: decay, cycleLimit: limit, baseLr: base, lrMin } = o;
  let t = fromT;
  if (mul === 1 && decay === 1 && t < toT) {
    const end = Math.min(toT, limit * T);
    const i = Math.floor(t / T);
    if (t < end && t > i * T) {
      const next = Math.min((i + 1) * T, end);
      yield new Phase({ lr: curve(base, lrMin, next - t, { offset: t - i * T, span: T }) });
      t = next;
    }
    if (t < end) {
      yield new Phase({ lr: cycle(curve(base, lrMin, T, { span: T }), end - t) });
      t = end;
    }
  }
  let c = t < toT ? cycleAt(T, mul, t) : undefined;
  while (t < toT && c !== undefined && c.i < limit) {
    const next = Math.min(Math.ceil(c.start + c.length), toT);
    if (next > t) {
      // Only a cycle the schedule reaches is checked: a peak or length that overflows past `steps` is never made.
      const peak = derivedFinite(fn, base * decay ** c.i, `the peak of cycle ${c.i} (baseLr · cycleDecay^${c.i})`, 'cycleDecay', decay);
      const span = derivedFinite(fn, c.length, `the length of cycle ${c.i} (tInitial · cycleMul^${c.i})`, 'cycleMul', mul);
      yield new Phase({ lr: curve(peak, lrMin, next - t, { offset: t - c.start, span }) });
      t = next;
    }
    const following = { i: c.i + 1, start: c.start + c.length, length: c.length * mul };
    // A cycle shorter than a step holds no step: jump to the one holding t.
    c = following.start + following.length > t ? following : cycleAt(T, mul, t);
  }
  if (t < toT && c === undefined && mul < 1) {
    const S = T / (1 - mul);
    throw new RangeError(`${fn}: with cycleMul ${mul} < 1 the cycles end at clock step ${S} (timm's log fails from there on), so clock step ${t} has no value; use fewer steps (or cycleMul ≥ 1), got cycleMul ${mul}`);
  }
  if (t < toT) yield new Phase({ lr: constant(lrMin, toT - t) });
}

/** The curve's value at clock time `at`, however far (tanh's warmup aims at it). */
function valueAt(fn: string, o: Cycle, curve: Curve, at: number): number {
  const c = cycleAt(o.tInitial, o.cycleMul, at);
  if (c === undefined || c.i >= o.cycleLimit) return o.lrMin;
  const peak = derivedFinite(fn, o.baseLr * o.cycleDecay ** c.i, `the peak of cycle ${c.i} (baseLr · cycleDecay^${c.i}), which the warmup aims at,`, 'cycleDecay', o.cycleDecay);
  const span = derivedFinite(fn, c.length, `the length of cycle ${c.i} (tInitial · cycleMul^${c.i}), which the warmup aims into,`, 'cycleMul', o.cycleMul);
  return curve(peak, o.lrMin, 1, { offset: at - c.start, span }).at(0);
}

/** Adds timm's noise to every phase, on the global step; unchanged without `noiseRangeT`. */
function* withNoise(o: Common, phases: Iterable<Phase<'lr'>>): Generator<Phase<'lr'>> {
  if (o.noiseRangeT === undefined) return yield* phases;
  let offset = 0;
  for (const phase of phases) {
    yield new Phase({ lr: noisy(phase.spaces.lr, { range: o.noiseRangeT, pct: o.noisePct, type: o.noiseType, seed: o.noiseSeed, offset }) });
    offset += phase.length;
  }
}

/** A cycle scheduler: warmup to `baseLr` (or, for tanh without a prefix, to the curve at `warmupT`), then the cycles. */
function cycleScheduler(fn: string, o: Cycle, curve: Curve, warmupTarget: 'base' | 'curve'): Phase<'lr'>[] {
  const { baseLr: base, warmupT: W, warmupLrInit: warmupInit, steps } = o;
  const prefix = o.warmupPrefix;
  const w = Math.min(W, steps);
  const shift = prefix ? W : 0;
  // Read only when a warmup step is made: an empty schedule aims at nothing.
  const target = warmupTarget === 'curve' && !prefix && w > 0 ? valueAt(fn, o, curve, W) : base;
  function* all() {
    yield* warmup(warmupInit, target, W, steps);
    yield* cycles(fn, o, curve, w - shift, steps - shift);
  }
  return joinTo(fn, withNoise(o, all()), steps);
}

function cosineLR(given: TimmCosineOptions): Phase<'lr'>[] {
  const o = cosineOptions.read(given);
  const k = o.kDecay;
  return cycleScheduler(cosineOptions.fn, o, (peak, lrMin, n, opts) => (k === 1 ? cosinespace(peak, lrMin, n, opts) : kcosinespace(peak, lrMin, n, { k, ...opts })), 'base');
}

function polyLR(given: TimmPolyOptions): Phase<'lr'>[] {
  const o = polyOptions.read(given);
  const { power, kDecay: k } = o;
  return cycleScheduler(polyOptions.fn, o, (peak, lrMin, n, opts) => (k === 1 ? polyspace(peak, lrMin, n, { power, ...opts }) : kpolyspace(peak, lrMin, n, { power, k, ...opts })), 'base');
}

function tanhLR(given: TimmTanhOptions): Phase<'lr'>[] {
  const o = tanhOptions.read(given);
  return cycleScheduler(tanhOptions.fn, o, (peak, lrMin, n, opts) => tanhspace(peak, lrMin, n, { lower: o.lb, upper: o.ub, ...opts }), 'curve');
}

function stepLR(given: TimmStepOptions): Phase<'lr'>[] {
  const o = stepOptions.read(given);
  const { baseLr: base, warmupT: W, steps } = o;
  const w = Math.min(W, steps);
  const phases = warmup(o.warmupLrInit, base, W, steps);
  // Without a prefix the decay's clock already reads W at the first step after the warmup.
  if (steps > w) phases.push(new Phase({ lr: expspace(base, o.decayRate, steps - w, { every: o.decayT, staircase: true, offset: o.warmupPrefix ? 0 : w }) }));
  return joinTo(stepOptions.fn, withNoise(o, phases), steps);
}

function multiStepLR(given: TimmMultiStepOptions): Phase<'lr'>[] {
  const o = multiStepOptions.read(given);
  const { baseLr: base, warmupT: W, steps } = o;
  const shift = o.warmupPrefix ? W : 0;
  // On the clock t (= step − shift) the value is base·rate^(milestones ≤ t + 1): the j-th decay
  // starts at step m_j − 1 + shift.
  const values = [base, ...o.decayT.map((_, j) => base * o.decayRate ** (j + 1))];
  const decays = heldParts(multiStepOptions.fn, values, o.decayT.map((m) => m - 1 + shift), Math.min(W, steps));
  const phases = joinTo(multiStepOptions.fn, [...warmup(o.warmupLrInit, base, W, steps), ...decays], steps);
  return joinTo(multiStepOptions.fn, withNoise(o, phases), steps);
}

/**
 * timm's schedulers, by their timm names in camelCase.
 * @example
 * import { timm, OptimizerPolicy } from 'rx-policy';
 * const policy = new OptimizerPolicy(timm.cosineLR({ baseLr: 0.1, tInitial: 1000, warmupT: 50, warmupPrefix: true, steps: 1050 }));
 * [0, 50, 550].map((s) => policy.at(s).lr); // → [0, 0.1, 0.05]
 */
export const timm = {
  /**
   * timm `CosineLRScheduler`: warmup `warmupLrInit → baseLr` over `warmupT` steps, then cosine cycles
   * `tInitial·cycleMul^i` long with peaks `baseLr·cycleDecay^i`, `lrMin` after `cycleLimit` cycles,
   * and optional k-decay. Without `warmupPrefix` the warmup overlaps the first cycle, as in timm.
   * Noise (`noiseRangeT`, `noisePct`, `noiseType`, `noiseSeed`) is timm's own draws, bit for bit:
   * `torch.randn(1)` after `manual_seed(noiseSeed + t)`, reproduced by `noisy`.
   * @param options the preset's options, as declared (type, default, range, required): `presetOptions('timm.cosineLR')`, listed in docs/presets.md.
   * @returns the schedule's phases, for `new OptimizerPolicy(...)`.
   * @throws TypeError or RangeError naming `timm.cosineLR`, the option and the value.
   * @example
   * import { timm, OptimizerPolicy } from 'rx-policy';
   * const policy = new OptimizerPolicy(timm.cosineLR({ baseLr: 1, tInitial: 10, warmupT: 3, warmupPrefix: true, steps: 14 }));
   * [0, 1, 3, 8, 13].map((s) => policy.at(s).lr); // → [0, 1 / 3, 1, 0.5, 0]
   */
  cosineLR: preset(cosineOptions, 'timm CosineLRScheduler: warmup (prefix or overlapping), cycle_mul/decay/limit, k-decay', cosineLR),
  /**
   * timm `PolyLRScheduler`: like `cosineLR`, with cycles `lrMin + (peak − lrMin)·(1 − (t/T)^k)^power`
   * (default `power` 0.5).
   * @param options the preset's options, as declared (type, default, range, required): `presetOptions('timm.polyLR')`, listed in docs/presets.md.
   * @returns the schedule's phases, for `new OptimizerPolicy(...)`.
   * @throws TypeError or RangeError naming `timm.polyLR`, the option and the value.
   * @example
   * import { timm, OptimizerPolicy } from 'rx-policy';
   * const policy = new OptimizerPolicy(timm.polyLR({ baseLr: 1, tInitial: 100, power: 2, steps: 100 }));
   * [0, 50, 99].map((s) => policy.at(s).lr); // → [1, 0.25, 0.0001]
   */
  polyLR: preset(polyOptions, 'timm PolyLRScheduler: polynomial cycles (power 0.5), k-decay', polyLR),
  /**
   * timm `TanhLRScheduler`: cycles `lrMin + ½(peak − lrMin)(1 − tanh(lb(1 − t/T) + ub·t/T))`
   * (defaults `lb` -7, `ub` 3). Without `warmupPrefix` the warmup aims at the tanh curve's value at
   * `warmupT`, not at `baseLr`, as timm's does.
   * @param options the preset's options, as declared (type, default, range, required): `presetOptions('timm.tanhLR')`, listed in docs/presets.md.
   * @returns the schedule's phases, for `new OptimizerPolicy(...)`.
   * @throws TypeError or RangeError naming `timm.tanhLR`, the option and the value.
   * @example
   * import { timm, OptimizerPolicy } from 'rx-policy';
   * const policy = new OptimizerPolicy(timm.tanhLR({ baseLr: 1, tInitial: 100, warmupT: 5, steps: 100 }));
   * [0, 50, 99].map((s) => policy.at(s).lr); // → [0, 0.982013790038, 0.003018416325]
   */
  tanhLR: preset(tanhOptions, 'timm TanhLRScheduler: tanh cycles (lb -7, ub 3)', tanhLR),
  /**
   * timm `StepLRScheduler`: warmup, then `baseLr · decayRate^floor(t / decayT)`; `warmupPrefix`
   * defaults to `true` here.
   * @param options the preset's options, as declared (type, default, range, required): `presetOptions('timm.stepLR')`, listed in docs/presets.md.
   * @returns the schedule's phases, for `new OptimizerPolicy(...)`.
   * @throws TypeError or RangeError naming `timm.stepLR`, the option and the value.
   * @example
   * import { timm, OptimizerPolicy } from 'rx-policy';
   * const policy = new OptimizerPolicy(timm.stepLR({ baseLr: 1, decayT: 30, decayRate: 0.1, steps: 90 }));
   * [29, 30, 60].map((s) => policy.at(s).lr); // → [1, 0.1, 0.01]
   */
  stepLR: preset(stepOptions, 'timm StepLRScheduler: baseLr·decayRate^floor(t/decayT)', stepLR),
  /**
   * timm `MultiStepLRScheduler`: warmup, then `baseLr · decayRate^bisect_right(decayT, t + 1)`, so
   * each decay comes one step *before* its milestone; `warmupPrefix` defaults to `true` here.
   * @param options the preset's options, as declared (type, default, range, required): `presetOptions('timm.multiStepLR')`, listed in docs/presets.md.
   * @returns the schedule's phases, for `new OptimizerPolicy(...)`.
   * @throws TypeError or RangeError naming `timm.multiStepLR`, the option and the value.
   * @example
   * import { timm, OptimizerPolicy } from 'rx-policy';
   * const policy = new OptimizerPolicy(timm.multiStepLR({ baseLr: 1, decayT: [30, 60], decayRate: 0.1, steps: 90 }));
   * [28, 29, 59].map((s) => policy.at(s).lr); // → [1, 0.1, 0.01]
   */
  multiStepLR: preset(multiStepOptions, 'timm MultiStepLRScheduler: decays one step before each milestone', multiStepLR),
} as const;
