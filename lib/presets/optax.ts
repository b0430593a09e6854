// optax's schedules (optax/schedules/_schedule.py), as phases over `steps` counts.
import { joinTo, MAX_PHASES, part, type Part } from '../compose.js';
import { boolean, checkList, checkBounded, custom, declare, derivedFinite, integer, number, type OptionsOf } from '../internal/options.js';
import { plainObject, show } from '../internal/validate.js';
import { Phase } from '../phase.js';
import { cosinepowspace } from '../spaces/cosinepowspace.js';
import { cosinespace } from '../spaces/cosinespace.js';
import { expspace } from '../spaces/expspace.js';
import { linspace } from '../spaces/linspace.js';
import { polycyclespace } from '../spaces/polycyclespace.js';
import { heldParts, hold, interpolateParts } from './interpolate.js';
import { preset, steps } from './preset.js';

const onecycleShape = {
  transitionSteps: integer({ doc: 'Steps of the whole cycle (T); the final value holds from T on.', required: true, min: 1 }),
  peakValue: number({ doc: 'Peak value.', required: true }),
  pctStart: number({ doc: 'Fraction of T spent rising: the peak is at int(pctStart·T).', default: 0.3, min: 0, max: 1 }),
  divFactor: number({ doc: 'init = peakValue / divFactor.', default: 25, above: 0 }),
  finalDivFactor: number({ doc: 'final = init / finalDivFactor.', default: 1e4, above: 0 }),
  steps: steps(),
} as const;
const cosineOnecycleOptions = declare('optax.cosineOnecycle', onecycleShape);
const linearOnecycleOptions = declare('optax.linearOnecycle', {
  ...onecycleShape,
  pctFinal: number({ doc: 'Fraction of T where the fall to init ends and the annihilation begins; ≥ pctStart.', default: 0.85, min: 0, max: 1 }),
});

/** Options of `optax.cosineOnecycle`. */
export type CosineOnecycleOptions = OptionsOf<typeof cosineOnecycleOptions.shape>;
/** Options of `optax.linearOnecycle`. */
export type LinearOnecycleOptions = OptionsOf<typeof linearOnecycleOptions.shape>;

function cosineOnecycle(given: CosineOnecycleOptions): Phase<'lr'>[] {
  const o = cosineOnecycleOptions.read(given);
  const T = o.transitionSteps;
  const div = o.divFactor;
  const init = derivedFinite(cosineOnecycleOptions.fn, o.peakValue / div, 'peakValue / divFactor', 'divFactor', div);
  derivedFinite(cosineOnecycleOptions.fn, init * div * (1 / (div * o.finalDivFactor)), 'the final value', 'finalDivFactor', o.finalDivFactor);
  return joinTo(cosineOnecycleOptions.fn, interpolateParts('cos', [init, init * div, init * div * (1 / (div * o.finalDivFactor))], [Math.trunc(o.pctStart * T), T]), o.steps);
}

function linearOnecycle(given: LinearOnecycleOptions): Phase<'lr'>[] {
  const o = linearOnecycleOptions.read(given);
  const fn = linearOnecycleOptions.fn;
  if (o.pctFinal < o.pctStart) throw new RangeError(`${fn}: pctFinal must be ≥ pctStart (${o.pctStart}), got ${o.pctFinal}`);
  const T = o.transitionSteps;
  const div = o.divFactor;
  const init = derivedFinite(fn, o.peakValue / div, 'peakValue / divFactor', 'divFactor', div);
  derivedFinite(fn, init * div * (1 / div) * (1 / o.finalDivFactor), 'the final value', 'finalDivFactor', o.finalDivFactor);
  const b = [Math.trunc(o.pctStart * T), Math.trunc(o.pctFinal * T), T];
  return joinTo(fn, interpolateParts('linear', [init, init * div, init * div * (1 / div), init * div * (1 / div) * (1 / o.finalDivFactor)], b), o.steps);
}

const cycleShape = {
  initValue: number({ doc: 'Value at step 0.', required: true }),
  peakValue: number({ doc: 'Value at the end of the warmup.', required: true }),
  warmupSteps: integer({ doc: 'Steps of the linear warmup.', required: true }),
  decaySteps: integer({ doc: 'Step where the cosine reaches endValue; includes the warmup (Keras excludes it).', required: true, min: 1 }),
  endValue: number({ doc: 'Value from decaySteps on.', default: 0 }),
  exponent: number({ doc: 'Power of the cosine.', default: 1, above: 0 }),
} as const;
const warmupCosineDecayOptions = declare('optax.warmupCosineDecay', { ...cycleShape, steps: steps() });

/** Options of `optax.warmupCosineDecay`. */
export type WarmupCosineOptions = OptionsOf<typeof warmupCosineDecayOptions.shape>;

function warmupCosineDecay(given: WarmupCosineOptions): Phase<'lr'>[] {
  const o = warmupCosineDecayOptions.read(given);
  return joinTo(warmupCosineDecayOptions.fn, cycleParts(warmupCosineDecayOptions.fn, o), o.steps);
}

function cycleParts(fn: string, o: { readonly initValue: number; readonly peakValue: number; readonly warmupSteps: number; readonly decaySteps: number; readonly endValue: number; readonly exponent: number }): Part<'lr'>[] {
  const W = o.warmupSteps;
  const D = o.decaySteps;
  if (!(D > W)) throw new RangeError(`${fn}: decaySteps must be greater than warmupSteps (${W}), got ${D}`);
  if (o.peakValue === 0 && o.endValue !== 0) {
    throw new RangeError(`${fn}: with peakValue 0 the decay stays at 0 (optax sets alpha to 0 and ignores endValue); leave endValue out, got endValue ${o.endValue}`);
  }
  return warmupThenCosine(o.initValue, o.peakValue, W, D - W, o.endValue, o.exponent);
}

/** Warmup `init → peak` over `W` steps (end excluded), cosine `peak → end` reached at step `W + C`, then `end`. @internal */
export function warmupThenCosine(init: number, peak: number, W: number, C: number, end: number, exponent = 1): Part<'lr'>[] {
  return [
    part(W, (n) => new Phase({ lr: linspace(init, peak, n, { span: Math.max(W, 1) }) })),
    // C + 1 steps: the last is exactly `end`, which the join then holds.
    part(C + 1, (n) => new Phase({ lr: exponent === 1 ? cosinespace(peak, end, n, { span: C }) : cosinepowspace(peak, end, n, { exponent, span: C }) })),
  ];
}

const sgdrOptions = declare('optax.sgdr', {
  cycles: custom('object', `a non-empty array of at most ${MAX_PHASES} warmupCosineDecay options (without steps)`, { doc: 'The cycles, each a warmupCosineDecay of its own decaySteps; the last runs on to the end.', required: true }, (fn, arg, v) =>
    checkList(fn, arg, v, `a non-empty array of warmupCosineDecay options (without steps)`, (_, a, c) => declare(`${fn}: ${a}`, cycleShape).read(c), undefined, 1, MAX_PHASES),
  ),
  steps: steps(),
});

/** Options of `optax.sgdr`. */
export type SgdrScheduleOptions = { readonly cycles: readonly Omit<WarmupCosineOptions, 'steps'>[]; readonly steps: number };

function sgdr(given: SgdrScheduleOptions): Phase<'lr'>[] {
  const fn = sgdrOptions.fn;
  const o = sgdrOptions.read(given);
  const cycles = o.cycles;
  function* parts() {
    for (let i = 0; i < cycles.length; i++) {
      const c = cycles[i]!;
      const own = cycleParts(`${fn}: cycles[${i}]`, c);
      // optax's join hands over at each cycle's decaySteps; the last cycle runs on to the end.
      yield* i === cycles.length - 1 ? own : within(own, c.decaySteps);
    }
  }
  return joinTo(fn, parts(), o.steps);
}

/** The parts cut to their first `n` steps in all. */
function* within<K extends string>(parts: readonly Part<K>[], n: number): Generator<Part<K>> {
  let left = n;
  for (const p of parts) {
    if (left <= 0) return;
    const length = Math.min(p.length, left);
    yield length === p.length ? p : part(length, p.take);
    left -= length;
  }
}

const beginField = () => integer({ doc: 'Steps held at initValue before the transition (optax raises a negative one to 0; rx-policy refuses it).', default: 0 });

const constantOptions = declare('optax.constantSchedule', {
  value: number({ doc: 'The value.', required: true }),
  steps: steps(),
});

function constantSchedule(given: OptionsOf<typeof constantOptions.shape>): Phase<'lr'>[] {
  const o = constantOptions.read(given);
  return joinTo(constantOptions.fn, [hold(o.value)], o.steps);
}

const polynomialShape = {
  initValue: number({ doc: 'Value until transitionBegin.', required: true }),
  endValue: number({ doc: 'Value from the end of the transition on.', required: true }),
  transitionSteps: integer({ doc: 'Steps of the transition; 0 holds initValue throughout, as optax documents.', required: true }),
  transitionBegin: beginField(),
  steps: steps(),
} as const;
const polynomialOptions = declare('optax.polynomialSchedule', { ...polynomialShape, power: number({ doc: 'Power of the polynomial.', required: true, above: 0 }) });
const linearOptions = declare('optax.linearSchedule', polynomialShape);

/** Options of `optax.polynomialSchedule`. */
export type PolynomialScheduleOptions = OptionsOf<typeof polynomialOptions.shape>;

function polynomialSchedule(given: PolynomialScheduleOptions): Phase<'lr'>[] {
  const o = polynomialOptions.read(given);
  return joinTo(polynomialOptions.fn, polynomial(o, o.power), o.steps);
}

function linearSchedule(given: Omit<PolynomialScheduleOptions, 'power'>): Phase<'lr'>[] {
  const o = linearOptions.read(given);
  return joinTo(linearOptions.fn, polynomial(o, 1), o.steps);
}

/** Both polynomial schedules, once their options are read. */
function polynomial(o: { readonly initValue: number; readonly endValue: number; readonly transitionSteps: number; readonly transitionBegin: number }, power: number): Part<'lr'>[] {
  const { initValue: init, endValue: end, transitionSteps: T, transitionBegin: B } = o;
  if (T === 0) return [hold(init)];
  // Steps B…B+T: the first horizon of polycyclespace is optax's formula, operation for operation.
  return [hold(init, B), part(T + 1, (n) => new Phase({ lr: polycyclespace(init, end, n, { power, period: T }) }))];
}

const exponentialOptions = declare('optax.exponentialDecay', {
  initValue: number({ doc: 'Value at step 0.', required: true }),
  transitionSteps: integer({ doc: 'Steps per factor of decayRate; 0 holds initValue throughout, as optax documents.', required: true }),
  decayRate: number({ doc: 'Factor per transitionSteps; 0 holds initValue throughout, as optax documents.', required: true, min: 0 }),
  transitionBegin: beginField(),
  staircase: boolean({ doc: 'Whether the exponent is floored (a staircase).', default: false }),
  endValue: number({ doc: 'A bound the decay stops at: a floor when decayRate < 1, a ceiling otherwise.' }),
  steps: steps(),
});

/** Options of `optax.exponentialDecay`. */
export type ExponentialDecayOptions = OptionsOf<typeof exponentialOptions.shape>;

function exponentialDecay(given: ExponentialDecayOptions): Phase<'lr'>[] {
  const o = exponentialOptions.read(given);
  const fn = exponentialOptions.fn;
  const { initValue: init, transitionSteps: T, decayRate: rate, transitionBegin: B, staircase, endValue: end, steps: n } = o;
  if (T === 0 || rate === 0) return joinTo(fn, [hold(init)], n);
  const before = Math.min(B, n);
  const decay = expspace(init, rate, n - before, { every: T, staircase });
  // optax clips every value, the held ones included: max with the end when decaying, min when growing.
  const clipped = (v: number) => (end === undefined ? false : rate < 1 ? v < end : v > end);
  // The decay is monotone: the first clipped step, found with the very values it would emit.
  let lo = 0;
  let hi = decay.length;
  while (lo < hi) {
    const mid = lo + Math.floor((hi - lo) / 2); // not `>>> 1`: the decay may be longer than 2^32 steps
    if (clipped(decay.at(mid))) hi = mid;
    else lo = mid + 1;
  }
  const first = clipped(init) ? end! : init;
  return joinTo(fn, [hold(first, before), part(lo, (k) => new Phase({ lr: expspace(init, rate, k, { every: T, staircase }) })), ...(end === undefined ? [] : [hold(end)])], n);
}

const cosineDecayOptions = declare('optax.cosineDecaySchedule', {
  initValue: number({ doc: 'Value at step 0.', required: true }),
  decaySteps: integer({ doc: 'Steps of the decay.', required: true, min: 1 }),
  alpha: number({ doc: 'Final value as a fraction of initValue.', default: 0 }),
  exponent: number({ doc: 'Power of the cosine.', default: 1, above: 0 }),
  steps: steps(),
});

function cosineDecaySchedule(given: OptionsOf<typeof cosineDecayOptions.shape>): Phase<'lr'>[] {
  const o = cosineDecayOptions.read(given);
  return joinTo(cosineDecayOptions.fn, warmupThenCosine(o.initValue, o.initValue, 0, o.decaySteps, derivedFinite(cosineDecayOptions.fn, o.alpha * o.initValue, 'the final value alpha · initValue', 'alpha', o.alpha), o.exponent), o.steps);
}

const piecewiseOptions = declare('optax.piecewiseConstantSchedule', {
  initValue: number({ doc: 'Value before the first boundary.', required: true }),
  boundariesAndScales: custom('object', 'an object of non-negative integer steps to non-negative scales, e.g. { "100": 0.1 }', { doc: "optax's dict: at each step (key), the value is multiplied by the scale.", default: {} as Readonly<Record<number, number>> }, (fn, arg, v) => {
    const obj = plainObject(fn, arg, v);
    const entries = Object.entries(obj);
    if (entries.length > MAX_PHASES) throw new RangeError(`${fn}: ${arg} must have at most ${MAX_PHASES} boundaries, got ${entries.length}`);
    for (const [key, scale] of entries) {
      const boundary = Number(key);
      if (!/^(0|[1-9][0-9]*)$/.test(key) || !Number.isSafeInteger(boundary)) throw new RangeError(`${fn}: ${arg} keys must be non-negative integer steps, got ${show(key)}`);
      checkBounded(fn, `${arg}[${key}]`, scale, { min: 0 });
    }
    return obj as Readonly<Record<number, number>>;
  }),
  steps: steps(),
});

function piecewiseConstantSchedule(given: OptionsOf<typeof piecewiseOptions.shape>): Phase<'lr'>[] {
  const o = piecewiseOptions.read(given);
  const entries = Object.entries(o.boundariesAndScales).map(([key, scale]) => [Number(key), scale as number] as const);
  entries.sort((a, b) => a[0] - b[0]);
  // optax multiplies the scales in, boundary by boundary: the values are the running products.
  const values = [o.initValue];
  for (const [, scale] of entries) values.push(values.at(-1)! * scale);
  return joinTo(piecewiseOptions.fn, heldParts(piecewiseOptions.fn, values, entries.map(([boundary]) => boundary)), o.steps);
}

/**
 * optax's schedules, by their optax names in camelCase.
 * @example
 * import { optax, OptimizerPolicy } from 'rx-policy';
 * const policy = new OptimizerPolicy(optax.warmupCosineDecay({ initValue: 0, peakValue: 1e-3, warmupSteps: 100, decaySteps: 1000, steps: 1000 }));
 * [0, 100, 550].map((s) => policy.at(s).lr); // → [0, 0.001, 0.0005]
 */
export const optax = {
  /**
   * optax `constant_schedule`.
   * @param options the preset's options, as declared (type, default, range, required): `presetOptions('optax.constantSchedule')`, listed in docs/presets.md.
   * @returns the schedule's phases, for `new OptimizerPolicy(...)`.
   * @throws TypeError or RangeError naming `optax.constantSchedule`, the option and the value.
   * @example
   * import { optax, OptimizerPolicy } from 'rx-policy';
   * const policy = new OptimizerPolicy(optax.constantSchedule({ value: 0.1, steps: 100 }));
   * [0, 99].map((s) => policy.at(s).lr); // → [0.1, 0.1]
   */
  constantSchedule: preset(constantOptions, 'optax constant_schedule', constantSchedule),
  /**
   * optax `linear_schedule`: `polynomialSchedule` with power 1.
   * @param options the preset's options, as declared (type, default, range, required): `presetOptions('optax.linearSchedule')`, listed in docs/presets.md.
   * @returns the schedule's phases, for `new OptimizerPolicy(...)`.
   * @throws TypeError or RangeError naming `optax.linearSchedule`, the option and the value.
   * @example
   * import { optax, OptimizerPolicy } from 'rx-policy';
   * const policy = new OptimizerPolicy(optax.linearSchedule({ initValue: 1, endValue: 0.01, transitionSteps: 100, steps: 100 }));
   * [0, 50, 99].map((s) => policy.at(s).lr); // → [1, 0.505, 0.0199]
   */
  linearSchedule: preset(linearOptions, 'optax linear_schedule', linearSchedule),
  /**
   * optax `polynomial_schedule`: `initValue` until `transitionBegin`, then
   * `(init − end)·(1 − (t − B)/T)^power + end` over `transitionSteps`, then `endValue`.
   * @param options the preset's options, as declared (type, default, range, required): `presetOptions('optax.polynomialSchedule')`, listed in docs/presets.md.
   * @returns the schedule's phases, for `new OptimizerPolicy(...)`.
   * @throws TypeError or RangeError naming `optax.polynomialSchedule`, the option and the value.
   * @example
   * import { optax, OptimizerPolicy } from 'rx-policy';
   * const policy = new OptimizerPolicy(optax.polynomialSchedule({ initValue: 1, endValue: 0.01, power: 2, transitionSteps: 100, transitionBegin: 5, steps: 110 }));
   * [0, 5, 55, 105].map((s) => policy.at(s).lr); // → [1, 1, 0.2575, 0.01]
   */
  polynomialSchedule: preset(polynomialOptions, 'optax polynomial_schedule', polynomialSchedule),
  /**
   * optax `exponential_decay`: `initValue` until `transitionBegin`, then
   * `init · decayRate^((t − B)/T)` (floored exponent with `staircase`), bounded by `endValue`.
   * @param options the preset's options, as declared (type, default, range, required): `presetOptions('optax.exponentialDecay')`, listed in docs/presets.md.
   * @returns the schedule's phases, for `new OptimizerPolicy(...)`.
   * @throws TypeError or RangeError naming `optax.exponentialDecay`, the option and the value.
   * @example
   * import { optax, OptimizerPolicy } from 'rx-policy';
   * const policy = new OptimizerPolicy(optax.exponentialDecay({ initValue: 1, transitionSteps: 10, decayRate: 0.5, endValue: 0.1, steps: 50 }));
   * [0, 10, 20, 40].map((s) => policy.at(s).lr); // → [1, 0.5, 0.25, 0.1]
   */
  exponentialDecay: preset(exponentialOptions, 'optax exponential_decay (endValue bound)', exponentialDecay),
  /**
   * optax `cosine_decay_schedule`: `init·((1 − alpha)·(½(1 + cos(π·min(t, T)/T)))^exponent + alpha)`.
   * @param options the preset's options, as declared (type, default, range, required): `presetOptions('optax.cosineDecaySchedule')`, listed in docs/presets.md.
   * @returns the schedule's phases, for `new OptimizerPolicy(...)`.
   * @throws TypeError or RangeError naming `optax.cosineDecaySchedule`, the option and the value.
   * @example
   * import { optax, OptimizerPolicy } from 'rx-policy';
   * const policy = new OptimizerPolicy(optax.cosineDecaySchedule({ initValue: 1, decaySteps: 100, alpha: 0.1, steps: 120 }));
   * [0, 50, 100, 119].map((s) => policy.at(s).lr); // → [1, 0.55, 0.1, 0.1]
   */
  cosineDecaySchedule: preset(cosineDecayOptions, 'optax cosine_decay_schedule', cosineDecaySchedule),
  /**
   * optax `piecewise_constant_schedule`: `initValue` times every scale whose boundary the step has
   * reached (`t ≥ boundary`; Keras' `PiecewiseConstantDecay` switches one step later). Boundaries are
   * the keys of `boundariesAndScales`, as in optax's dict, e.g. `{ 100: 0.1, 200: 0.1 }`.
   * @param options the preset's options, as declared (type, default, range, required): `presetOptions('optax.piecewiseConstantSchedule')`, listed in docs/presets.md.
   * @returns the schedule's phases, for `new OptimizerPolicy(...)`.
   * @throws TypeError or RangeError naming `optax.piecewiseConstantSchedule`, the option and the value.
   * @example
   * import { optax, OptimizerPolicy } from 'rx-policy';
   * const policy = new OptimizerPolicy(optax.piecewiseConstantSchedule({ initValue: 1, boundariesAndScales: { 100: 0.1, 200: 0.01 }, steps: 300 }));
   * [99, 100, 200].map((s) => policy.at(s).lr); // → [1, 0.1, 0.001]
   */
  piecewiseConstantSchedule: preset(piecewiseOptions, 'optax piecewise_constant_schedule (switches at t ≥ boundary)', piecewiseConstantSchedule),
  /**
   * optax `cosine_onecycle_schedule`: peak at `int(pctStart·T)` (PyTorch: `pct·N − 1`), final value from `T` on.
   * @param options the preset's options, as declared (type, default, range, required): `presetOptions('optax.cosineOnecycle')`, listed in docs/presets.md.
   * @returns the schedule's phases, for `new OptimizerPolicy(...)`.
   * @throws TypeError or RangeError naming `optax.cosineOnecycle`, the option and the value.
   * @example
   * import { optax, OptimizerPolicy } from 'rx-policy';
   * const policy = new OptimizerPolicy(optax.cosineOnecycle({ transitionSteps: 10, peakValue: 1, steps: 12 }));
   * [0, 3, 10].map((s) => policy.at(s).lr); // → [0.04, 1, 4e-6]
   */
  cosineOnecycle: preset(cosineOnecycleOptions, 'optax cosine_onecycle_schedule (peak at int(pct·T))', cosineOnecycle),
  /**
   * optax `linear_onecycle_schedule`: three linear phases with boundaries `int(pctStart·T)`, `int(pctFinal·T)`, `T`.
   * @param options the preset's options, as declared (type, default, range, required): `presetOptions('optax.linearOnecycle')`, listed in docs/presets.md.
   * @returns the schedule's phases, for `new OptimizerPolicy(...)`.
   * @throws TypeError or RangeError naming `optax.linearOnecycle`, the option and the value.
   * @example
   * import { optax, OptimizerPolicy } from 'rx-policy';
   * const policy = new OptimizerPolicy(optax.linearOnecycle({ transitionSteps: 10, peakValue: 1, steps: 12 }));
   * [0, 3, 10].map((s) => policy.at(s).lr); // → [0.04, 1, 4e-6]
   */
  linearOnecycle: preset(linearOnecycleOptions, 'optax linear_onecycle_schedule', linearOnecycle),
  /**
   * optax `warmup_cosine_decay_schedule`: linear warmup `initValue → peakValue` over `warmupSteps`,
   * cosine to `endValue` at `decaySteps`, then `endValue`. With `peakValue` 0 it stays at 0 after
   * the warmup, as optax's does; an `endValue` other than 0 there is refused (optax ignores it).
   * @param options the preset's options, as declared (type, default, range, required): `presetOptions('optax.warmupCosineDecay')`, listed in docs/presets.md.
   * @returns the schedule's phases, for `new OptimizerPolicy(...)`.
   * @throws TypeError or RangeError naming `optax.warmupCosineDecay`, the option and the value.
   * @example
   * import { optax, OptimizerPolicy } from 'rx-policy';
   * const policy = new OptimizerPolicy(optax.warmupCosineDecay({ initValue: 0, peakValue: 1, warmupSteps: 2, decaySteps: 10, endValue: 0.1, steps: 12 }));
   * [0, 1, 2, 6, 10, 11].map((s) => policy.at(s).lr); // → [0, 0.5, 1, 0.55, 0.1, 0.1]
   */
  warmupCosineDecay: preset(warmupCosineDecayOptions, 'optax warmup_cosine_decay_schedule (decaySteps includes warmup)', warmupCosineDecay),
  /**
   * optax `sgdr_schedule`: cycles given explicitly, each a `warmupCosineDecay` of its own `decaySteps`.
   * @param options the preset's options, as declared (type, default, range, required): `presetOptions('optax.sgdr')`, listed in docs/presets.md.
   * @returns the schedule's phases, for `new OptimizerPolicy(...)`.
   * @throws TypeError or RangeError naming `optax.sgdr`, the option and the value.
   * @example
   * import { optax, OptimizerPolicy } from 'rx-policy';
   * const policy = new OptimizerPolicy(optax.sgdr({ cycles: [{ initValue: 1, peakValue: 1, warmupSteps: 0, decaySteps: 4, endValue: 0.1 }], steps: 4 }));
   * [0, 2].map((s) => policy.at(s).lr); // → [1, 0.55]
   */
  sgdr: preset(sgdrOptions, 'optax sgdr_schedule (explicit cycles)', sgdr),
} as const;
