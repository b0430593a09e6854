// PyTorch's torch.optim.lr_scheduler schedules, as phases, with PyTorch's defaults, step
// convention (the value after j calls to scheduler.step() is the value at step j) and checks.
// Each open-ended one takes `steps`: how many steps to produce (PyTorch's schedulers run on forever).
import { joinTo, part } from '../compose.js';
import { boolean, declare, derivedFinite, distinctNames, fn, integer, integers, name, number, oneOf, type OptionsOf } from '../internal/options.js';
import { show } from '../internal/validate.js';
import { Phase } from '../phase.js';
import { Space, type SpaceSpec } from '../space.js';
import { cosinespace } from '../spaces/cosinespace.js';
import { cycle } from '../spaces/cycle.js';
import { cyclicspace } from '../spaces/cyclicspace.js';
import { expspace } from '../spaces/expspace.js';
import { linspace } from '../spaces/linspace.js';
import { polyspace } from '../spaces/polyspace.js';
import { heldParts } from './interpolate.js';
import { preset, steps } from './preset.js';
import { multiplicativeLR } from './multiplicativeLR.js';
import { swaLR } from './swaLR.js';

const baseLr = () => number({ doc: "The optimizer's initial learning rate (PyTorch's base_lr).", required: true });

const oneCycleLROptions = declare('pytorch.oneCycleLR', {
  maxLr: number({ doc: 'Peak learning rate.', required: true }),
  totalSteps: integer({ doc: 'Total steps; or give epochs and stepsPerEpoch.', min: 1 }),
  epochs: integer({ doc: 'Epochs, with stepsPerEpoch, in place of totalSteps.', min: 1, requires: 'stepsPerEpoch' }),
  stepsPerEpoch: integer({ doc: 'Steps an epoch, with epochs.', min: 1, requires: 'epochs' }),
  pctStart: number({ doc: 'Fraction of the steps spent increasing the rate.', default: 0.3, min: 0, max: 1 }),
  annealStrategy: oneOf(['cos', 'linear'], { doc: 'The annealing curve.', default: 'cos' }),
  cycleMomentum: boolean({ doc: 'Whether momentum cycles inversely to the rate.', default: true }),
  baseMomentum: number({ doc: 'Lowest momentum (at the peak lr).', default: 0.85, mode: 'cycleMomentum' }),
  maxMomentum: number({ doc: 'Highest momentum (at the start and end).', default: 0.95, mode: 'cycleMomentum' }),
  divFactor: number({ doc: 'initial_lr = maxLr / divFactor.', default: 25, above: 0 }),
  finalDivFactor: number({ doc: 'min_lr = initial_lr / finalDivFactor.', default: 1e4, above: 0 }),
  threePhase: boolean({ doc: "Three phases (up, down to initial, annihilate), Smith's original.", default: false }),
  momentumName: name({ doc: "Name of the cycled momentum: 'momentum', or 'beta1' for Adam-like optimizers (PyTorch cycles betas[0] there).", default: 'momentum', mode: 'cycleMomentum' }),
});

/**
 * Options of `pytorch.oneCycleLR`, with `torch.optim.lr_scheduler.OneCycleLR`'s defaults. The
 * length is `totalSteps`, or `epochs` with `stepsPerEpoch`: one of the two, as the run checks.
 * @typeParam M the name of the cycled momentum (`momentumName`), `'momentum'` by default.
 */
export type OneCycleLROptions<M extends string = 'momentum'> = Omit<OptionsOf<typeof oneCycleLROptions.shape>, 'momentumName' | 'totalSteps' | 'epochs' | 'stepsPerEpoch'> & {
  /** Name of the cycled momentum: `'momentum'` (default), or `'beta1'` for Adam-like optimizers; typed, so the values' key follows it. */
  readonly momentumName?: M;
} & (
    | (Required<Pick<OptionsOf<typeof oneCycleLROptions.shape>, 'totalSteps'>> & {
        /** Not with `totalSteps`. */
        readonly epochs?: undefined;
        /** Not with `totalSteps`. */
        readonly stepsPerEpoch?: undefined;
      })
    | (Required<Pick<OptionsOf<typeof oneCycleLROptions.shape>, 'epochs' | 'stepsPerEpoch'>> & {
        /** Not with `epochs` and `stepsPerEpoch`. */
        readonly totalSteps?: undefined;
      })
  );

// Without cycleMomentum the values have no momentum, whatever momentumName says; with a
// cycleMomentum known only at run time, either.
function oneCycleLR(options: OneCycleLROptions<string> & { readonly cycleMomentum: false }): Phase<'lr'>[];
function oneCycleLR<const M extends string = 'momentum'>(options: OneCycleLROptions<M> & { readonly cycleMomentum?: true }): Phase<'lr' | NoInfer<M>>[];
function oneCycleLR<const M extends string = 'momentum'>(options: OneCycleLROptions<M>): (Phase<'lr'> | Phase<'lr' | NoInfer<M>>)[];
function oneCycleLR(given: OneCycleLROptions<string>): Phase[] {
  const f = 'pytorch.oneCycleLR';
  const o = oneCycleLROptions.read(given);
  let total: number;
  if (o.totalSteps !== undefined) {
    if (o.epochs !== undefined) throw new TypeError(`${f}: give totalSteps or epochs with stepsPerEpoch, not both, got totalSteps ${o.totalSteps} and epochs ${o.epochs}`);
    total = o.totalSteps;
  } else if (o.epochs !== undefined && o.stepsPerEpoch !== undefined) {
    total = o.epochs * o.stepsPerEpoch;
    if (!Number.isSafeInteger(total)) throw new RangeError(`${f}: epochs · stepsPerEpoch must be a safe integer, got ${o.epochs} · ${o.stepsPerEpoch}`);
  } else {
    throw new TypeError(`${f}: totalSteps must be given (or epochs and stepsPerEpoch), got ${show(given)}`);
  }
  const pct = o.pctStart;
  if (o.cycleMomentum) distinctNames(f, { lr: 'lr', momentumName: o.momentumName });
  const maxLr = o.maxLr;
  const initial = derivedFinite(f, maxLr / o.divFactor, 'maxLr / divFactor', 'divFactor', o.divFactor);
  const min = derivedFinite(f, initial / o.finalDivFactor, 'maxLr / divFactor / finalDivFactor', 'finalDivFactor', o.finalDivFactor);
  const baseM = o.baseMomentum;
  const maxM = o.maxMomentum;
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
  const space = o.annealStrategy === 'cos' ? cosinespace : linspace;
  const phases: Phase[] = [];
  let startStep = 0;
  let first = 0;
  ends.forEach(({ end, lr, m }, p) => {
    const last = p === ends.length - 1 ? total - 1 : Math.min(Math.floor(end), total - 1);
    const n = Math.max(0, last - first + 1);
    const span = end - startStep;
    if (n > 0 && !(span > 0)) {
      throw new RangeError(`${f}: pctStart ${pct} makes phase ${p + 1} span ${span} steps of totalSteps ${total} (PyTorch divides by zero there), got pctStart ${pct}`);
    }
    const opts = { offset: first - startStep, span: n > 0 ? span : 1 };
    const params: Record<string, Space> = { lr: space(lr[0]!, lr[1]!, n, opts) };
    if (o.cycleMomentum) params[o.momentumName] = space(m[0]!, m[1]!, n, opts);
    phases.push(new Phase(params));
    startStep = end;
    first += n;
  });
  return joinTo(f, phases, total);
}

const cosineAnnealingLROptions = declare('pytorch.cosineAnnealingLR', {
  baseLr: baseLr(),
  tMax: integer({ doc: 'Steps of a half cosine (the curve keeps oscillating after it).', required: true, min: 1 }),
  etaMin: number({ doc: 'Minimum learning rate.', default: 0 }),
  steps: steps(),
});

/** Options of `pytorch.cosineAnnealingLR`. */
export type CosineAnnealingLROptions = OptionsOf<typeof cosineAnnealingLROptions.shape>;

function cosineAnnealingLR(given: CosineAnnealingLROptions): Phase<'lr'>[] {
  const o = cosineAnnealingLROptions.read(given);
  return joinTo(cosineAnnealingLROptions.fn, [new Phase({ lr: cosinespace(o.baseLr, o.etaMin, o.steps, { span: o.tMax }) })], o.steps);
}

const warmRestartsOptions = declare('pytorch.cosineAnnealingWarmRestarts', {
  baseLr: baseLr(),
  t0: integer({ doc: 'Steps of the first cycle.', required: true, min: 1 }),
  tMult: integer({ doc: 'Each cycle is tMult times longer than the one before.', default: 1, min: 1 }),
  etaMin: number({ doc: 'Minimum learning rate (never reached: each cycle restarts first).', default: 0 }),
  steps: steps(),
});

/** Options of `pytorch.cosineAnnealingWarmRestarts`. */
export type WarmRestartsOptions = OptionsOf<typeof warmRestartsOptions.shape>;

function cosineAnnealingWarmRestarts(given: WarmRestartsOptions): Phase<'lr'>[] {
  const o = warmRestartsOptions.read(given);
  const f = warmRestartsOptions.fn;
  if (o.tMult === 1) return joinTo(f, [new Phase({ lr: cycle(cosinespace(o.baseLr, o.etaMin, o.t0, { endpoint: false }), o.steps) })], o.steps);
  // Cycle lengths grow geometrically: about log(steps/t0)/log(tMult) of them reach `steps`.
  function* cycles() {
    for (let length = o.t0; ; length *= o.tMult) {
      const span = length;
      yield part(span, (n) => new Phase({ lr: cosinespace(o.baseLr, o.etaMin, n, { span }) }));
    }
  }
  return joinTo(f, cycles(), o.steps);
}

const stepLROptions = declare('pytorch.stepLR', {
  baseLr: baseLr(),
  stepSize: integer({ doc: 'Steps between decays.', required: true, min: 1 }),
  gamma: number({ doc: 'Factor applied every stepSize steps.', default: 0.1, above: 0 }),
  steps: steps(),
});

/** Options of `pytorch.stepLR`. */
export type StepLROptions = OptionsOf<typeof stepLROptions.shape>;

function stepLR(given: StepLROptions): Phase<'lr'>[] {
  const o = stepLROptions.read(given);
  return joinTo(stepLROptions.fn, [new Phase({ lr: expspace(o.baseLr, o.gamma, o.steps, { every: o.stepSize, staircase: true }) })], o.steps);
}

const multiStepLROptions = declare('pytorch.multiStepLR', {
  baseLr: baseLr(),
  milestones: integers({ doc: 'Steps where the rate is multiplied by gamma (any order; a repeated one applies twice).', required: true, maxLength: 100_000 }),
  gamma: number({ doc: 'Factor applied at each milestone.', default: 0.1, above: 0 }),
  steps: steps(),
});

/** Options of `pytorch.multiStepLR`. */
export type MultiStepLROptions = OptionsOf<typeof multiStepLROptions.shape>;

function multiStepLR(given: MultiStepLROptions): Phase<'lr'>[] {
  const o = multiStepLROptions.read(given);
  const milestones = [...o.milestones].sort((a, b) => a - b);
  // PyTorch multiplies in place at each milestone: the values are the running products.
  const values = [o.baseLr];
  for (let i = 0; i < milestones.length; i++) values.push(values[i]! * o.gamma);
  return joinTo(multiStepLROptions.fn, heldParts(multiStepLROptions.fn, values, milestones), o.steps);
}

const exponentialLROptions = declare('pytorch.exponentialLR', {
  baseLr: baseLr(),
  gamma: number({ doc: 'Factor applied every step.', required: true, above: 0 }),
  steps: steps(),
});

/** Options of `pytorch.exponentialLR`. */
export type ExponentialLROptions = OptionsOf<typeof exponentialLROptions.shape>;

function exponentialLR(given: ExponentialLROptions): Phase<'lr'>[] {
  const o = exponentialLROptions.read(given);
  return joinTo(exponentialLROptions.fn, [new Phase({ lr: expspace(o.baseLr, o.gamma, o.steps) })], o.steps);
}

const linearLROptions = declare('pytorch.linearLR', {
  baseLr: baseLr(),
  startFactor: number({ doc: 'Factor of baseLr at step 0.', default: 1 / 3, above: 0, max: 1 }),
  endFactor: number({ doc: 'Factor of baseLr from totalIters on.', default: 1, min: 0, max: 1 }),
  totalIters: integer({ doc: 'Steps of the ramp.', default: 5, min: 1 }),
  steps: steps(),
});

/** Options of `pytorch.linearLR`. */
export type LinearLROptions = OptionsOf<typeof linearLROptions.shape>;

function linearLR(given: LinearLROptions): Phase<'lr'>[] {
  const o = linearLROptions.read(given);
  const T = o.totalIters;
  // Steps 0…T (T + 1 values, the last exactly baseLr·endFactor), then held.
  return joinTo(linearLROptions.fn, [part(T + 1, (n) => new Phase({ lr: linspace(o.baseLr * o.startFactor, o.baseLr * o.endFactor, n, { span: T }) }))], o.steps);
}

const polynomialLROptions = declare('pytorch.polynomialLR', {
  baseLr: baseLr(),
  totalIters: integer({ doc: 'Steps of the decay to 0.', default: 5, min: 1 }),
  power: number({ doc: 'Power of the polynomial.', default: 1, above: 0 }),
  steps: steps(),
});

/** Options of `pytorch.polynomialLR`. */
export type PolynomialLROptions = OptionsOf<typeof polynomialLROptions.shape>;

function polynomialLR(given: PolynomialLROptions): Phase<'lr'>[] {
  const o = polynomialLROptions.read(given);
  const T = o.totalIters;
  // Steps 0…T (the last exactly 0), then held.
  return joinTo(polynomialLROptions.fn, [part(T + 1, (n) => new Phase({ lr: polyspace(o.baseLr, 0, n, { power: o.power, span: T }) }))], o.steps);
}

/** A custom amplitude for `pytorch.cyclicLR` (PyTorch's `scale_fn`): of the cycle number (from 1) or of the step. */
export type ScaleFn = (x: number) => number;

const cyclicLROptions = declare('pytorch.cyclicLR', {
  baseLr: number({ doc: 'Lower bound of the cycle.', required: true }),
  maxLr: number({ doc: 'Upper bound of the cycle (reached only with an amplitude of 1).', required: true }),
  stepSizeUp: integer({ doc: 'Steps from baseLr up to maxLr.', default: 2000, min: 1 }),
  stepSizeDown: integer({ doc: 'Steps back down; default stepSizeUp.', min: 1 }),
  mode: oneOf(['triangular', 'triangular2', 'exp_range'], { doc: "Amplitude: constant, halved each cycle, or gamma^step. Not with scaleFn.", default: 'triangular' }),
  gamma: number({ doc: "Amplitude factor per step in 'exp_range' mode.", default: 1, above: 0, mode: 'exp_range' }),
  scaleFn: fn<ScaleFn>({ doc: "A custom amplitude, PyTorch's scale_fn (in place of mode; not JSON-serialisable).", mode: 'scaleFn', signature: '(x: number) => number' }),
  scaleMode: oneOf(['cycle', 'iterations'], { doc: "What scaleFn takes: the cycle number (from 1) or the step.", default: 'cycle', mode: 'scaleFn', requires: 'scaleFn' }),
  cycleMomentum: boolean({ doc: 'Whether momentum cycles inversely to the rate.', default: true }),
  baseMomentum: number({ doc: 'Momentum at the peak lr.', default: 0.8, mode: 'cycleMomentum' }),
  maxMomentum: number({ doc: 'Momentum at baseLr.', default: 0.9, mode: 'cycleMomentum' }),
  momentumName: name({ doc: "Name of the cycled momentum: 'momentum', or 'beta1' for Adam-like optimizers (PyTorch cycles betas[0] there).", default: 'momentum', mode: 'cycleMomentum' }),
  steps: steps(),
});

type CyclicShape = OptionsOf<typeof cyclicLROptions.shape>;

/**
 * Options of `pytorch.cyclicLR`, with PyTorch's defaults. The amplitude is `mode` (with `gamma`),
 * or a custom `scaleFn` (with `scaleMode`): one of the two, as the run checks.
 * @typeParam M the name of the cycled momentum (`momentumName`), `'momentum'` by default.
 */
export type CyclicLROptions<M extends string = 'momentum'> = Omit<CyclicShape, 'momentumName' | 'mode' | 'gamma' | 'scaleFn' | 'scaleMode'> & {
  /** Name of the cycled momentum: `'momentum'` (default), or `'beta1'` for Adam-like optimizers; typed, so the values' key follows it. */
  readonly momentumName?: M;
} & (
    | (Pick<CyclicShape, 'mode' | 'gamma'> & {
        /** Not with `mode` or `gamma`. */
        readonly scaleFn?: undefined;
        /** Only with `scaleFn`. */
        readonly scaleMode?: undefined;
      })
    | (Required<Pick<CyclicShape, 'scaleFn'>> & Pick<CyclicShape, 'scaleMode'> & {
        /** Not with `scaleFn`. */
        readonly mode?: undefined;
        /** Not with `scaleFn`. */
        readonly gamma?: undefined;
      })
  );

function cyclicLR(given: CyclicLROptions<string> & { readonly cycleMomentum: false }): Phase<'lr'>[];
function cyclicLR<const M extends string = 'momentum'>(given: CyclicLROptions<M> & { readonly cycleMomentum?: true }): Phase<'lr' | NoInfer<M>>[];
function cyclicLR<const M extends string = 'momentum'>(given: CyclicLROptions<M>): (Phase<'lr'> | Phase<'lr' | NoInfer<M>>)[];
function cyclicLR(given: CyclicLROptions<string>): Phase[] {
  const o = cyclicLROptions.read(given);
  const f = cyclicLROptions.fn;
  if (o.scaleFn !== undefined) {
    for (const key of ['mode', 'gamma'] as const) {
      if (given[key] !== undefined) throw new TypeError(`${f}: ${key} means nothing with scaleFn (PyTorch ignores it); leave it out, got ${key} ${show(given[key])}`);
    }
  }
  if (o.cycleMomentum) distinctNames(f, { lr: 'lr', momentumName: o.momentumName });
  const up = o.stepSizeUp;
  const down = o.stepSizeDown ?? up;
  const n = o.steps;
  const wave = (low: number, high: number): Space => {
    if (o.scaleFn !== undefined) return new ScaledCycleSpace(low, high, n, up, down, o.scaleFn, o.scaleMode);
    return cyclicspace(low, high, n, { stepsUp: up, stepsDown: down, mode: o.mode === 'exp_range' ? 'expRange' : o.mode, gamma: o.gamma });
  };
  if (o.scaleFn === undefined && o.mode === 'exp_range' && o.gamma > 1) {
    // The amplitude gamma^k grows without bound: find the first step where it overflows.
    const delta = Math.max(Math.abs(o.maxLr - o.baseLr), o.cycleMomentum ? Math.abs(o.maxMomentum - o.baseMomentum) : 0);
    const overflows = (k: number) => !Number.isFinite(delta * o.gamma ** k);
    if (n > 0 && overflows(n - 1)) {
      let lo = -1;
      let hi = n - 1;
      while (hi - lo > 1) {
        const mid = lo + Math.floor((hi - lo) / 2);
        if (overflows(mid)) hi = mid;
        else lo = mid;
      }
      throw new RangeError(`${f}: gamma ${o.gamma} makes the exp_range amplitude overflow at step ${hi} of ${n} (values NaN or ±Infinity from there); choose gamma ≤ 1 or fewer steps, got gamma ${o.gamma}`);
    }
  }
  const lr = wave(o.baseLr, o.maxLr);
  const params: Record<string, Space> = { lr };
  if (o.cycleMomentum) params[o.momentumName] = wave(o.maxMomentum, o.baseMomentum);
  return joinTo(f, [new Phase(params)], n);
}

/**
 * PyTorch's cyclic wave with a custom `scale_fn`: `low + (high − low)·scale·fn(x)`, `x` the cycle
 * number (from 1) or the step. Not serialisable: the function has no JSON form.
 */
class ScaledCycleSpace extends Space {
  readonly #total: number;
  readonly #ratio: number;

  constructor(
    readonly low: number,
    readonly high: number,
    readonly length: number,
    readonly stepsUp: number,
    readonly stepsDown: number,
    readonly scaleFn: ScaleFn,
    readonly scaleMode: 'cycle' | 'iterations',
  ) {
    super();
    this.#total = stepsUp + stepsDown;
    this.#ratio = stepsUp / this.#total;
  }

  protected override get label(): string {
    return 'pytorch.cyclicLR';
  }

  _at(k: number): number {
    const cycleNumber = Math.floor(1 + k / this.#total);
    const x = 1 + k / this.#total - cycleNumber;
    const scale = x <= this.#ratio ? x / this.#ratio : (x - 1) / (this.#ratio - 1);
    const arg = this.scaleMode === 'cycle' ? cycleNumber : k;
    const amplitude: unknown = this.scaleFn(arg);
    // The function is the user's: a value that is not a finite number is refused where it appears.
    if (typeof amplitude !== 'number' || !Number.isFinite(amplitude)) {
      throw new RangeError(`pytorch.cyclicLR: scaleFn must return a finite number, got ${show(amplitude)} for ${this.scaleMode === 'cycle' ? 'cycle' : 'step'} ${arg} (step ${k})`);
    }
    const value = this.low + (this.high - this.low) * scale * amplitude;
    if (!Number.isFinite(value)) throw new RangeError(`pytorch.cyclicLR: the value at step ${k} is not finite (scaleFn gave ${amplitude}), got ${value}`);
    return value;
  }

  override toString(): string {
    return `pytorch.cyclicLR wave(${this.low}, ${this.high}, ${this.length}, { stepsUp: ${this.stepsUp}, stepsDown: ${this.stepsDown}, scaleFn: ${this.scaleFn.name || '(anonymous)'}, scaleMode: '${this.scaleMode}' })`;
  }

  toJSON(): SpaceSpec {
    throw new TypeError(
      `pytorch.cyclicLR: a schedule with a custom scaleFn cannot be serialised (toJSON, saveState): a function has no JSON form, got scaleFn ${show(this.scaleFn)}; rebuild it from code on resume and seek to the step`,
    );
  }
}

/**
 * PyTorch's learning-rate schedulers, by their PyTorch names in camelCase.
 * @example
 * import { OptimizerPolicy, pytorch } from 'rx-policy';
 * const policy = new OptimizerPolicy(pytorch.oneCycleLR({ maxLr: 0.1, totalSteps: 1000 }));
 * policy.at(299); // → { lr: 0.1, momentum: 0.85 }
 */
export const pytorch = {
  /**
   * PyTorch `OneCycleLR`: phase ends at the (possibly fractional) steps `pct·N − 1` and `N − 1`
   * (three-phase: `pct·N − 1`, `2·pct·N − 2`, `N − 1`), each annealed by cosine or linearly from the
   * previous end, so the peak is at step `pct·N − 1` (optax puts it at `int(pct·N)`, one step later).
   * Step 0 is `maxLr / divFactor`; the last step is `maxLr / (divFactor · finalDivFactor)`.
   * Momentum cycles inversely; PyTorch cycles `betas[0]` for Adam-like optimizers: name it with
   * `momentumName: 'beta1'`.
   *
   * @param options see `OneCycleLROptions`; `maxLr` and `totalSteps` (or `epochs` and `stepsPerEpoch`) are required.
   * @returns the phases, `totalSteps` steps in all.
   * @throws TypeError or RangeError naming the option, for any option outside its declaration.
   * @example
   * import { OptimizerPolicy, pytorch } from 'rx-policy';
   * new OptimizerPolicy(pytorch.oneCycleLR({ maxLr: 1, totalSteps: 10 })).at(2); // → { lr: 1, momentum: 0.85 }
   */
  oneCycleLR: preset(oneCycleLROptions, 'PyTorch OneCycleLR: cos/linear, two or three phases, peak at pct·N − 1', oneCycleLR),
  /**
   * PyTorch `CyclicLR`: lr between `baseLr` and `maxLr` (triangle waves of `stepSizeUp` up and
   * `stepSizeDown` down), times an amplitude: `mode` (per cycle for triangular/triangular2, per
   * step for exp_range), or a custom `scaleFn` of the cycle number or of the step (`scaleMode`), as
   * PyTorch's `scale_fn`. Momentum cycles inversely between `maxMomentum` and `baseMomentum`;
   * PyTorch cycles `betas[0]` for Adam-like optimizers: name it with `momentumName: 'beta1'`.
   * A schedule with a `scaleFn` holds a function, so it cannot be saved to JSON (`toJSON` throws).
   *
   * @throws RangeError when the exp_range amplitude overflows within `steps`, naming the first step.
   * @param options the preset's options, as declared (type, default, range, required): `presetOptions('pytorch.cyclicLR')`, listed in docs/presets.md.
   * @returns the schedule's phases, for `new OptimizerPolicy(...)`.
   * @example
   * import { OptimizerPolicy, pytorch } from 'rx-policy';
   * const policy = new OptimizerPolicy(pytorch.cyclicLR({ baseLr: 0.001, maxLr: 0.01, stepSizeUp: 2000, steps: 8000 }));
   * policy.at(1000); // → { lr: 0.0055, momentum: 0.85 }
   * policy.at(2000); // → { lr: 0.01, momentum: 0.8 }
   */
  cyclicLR: preset(cyclicLROptions, 'PyTorch CyclicLR: triangular, triangular2, exp_range or a custom scaleFn', cyclicLR),
  /**
   * PyTorch `CosineAnnealingLR` (its closed form): `etaMin + (baseLr − etaMin)(1 + cos(π·k/tMax))/2`,
   * which keeps oscillating past `tMax`, as PyTorch does.
   * @param options the preset's options, as declared (type, default, range, required): `presetOptions('pytorch.cosineAnnealingLR')`, listed in docs/presets.md.
   * @returns the schedule's phases, for `new OptimizerPolicy(...)`.
   * @throws TypeError or RangeError naming `pytorch.cosineAnnealingLR`, the option and the value.
   * @example
   * import { pytorch, OptimizerPolicy } from 'rx-policy';
   * const policy = new OptimizerPolicy(pytorch.cosineAnnealingLR({ baseLr: 1, tMax: 4, steps: 9 }));
   * [0, 2, 4, 6, 8].map((s) => policy.at(s).lr); // → [1, 0.5, 0, 0.5, 1]
   */
  cosineAnnealingLR: preset(cosineAnnealingLROptions, 'PyTorch CosineAnnealingLR (closed form; oscillates past tMax)', cosineAnnealingLR),
  /**
   * PyTorch `CosineAnnealingWarmRestarts`: cycles of `t0·tMult^i` steps, each a cosine from `baseLr`
   * towards `etaMin` with the end excluded (`etaMin` is never reached). With `tMult` 1 it is one
   * periodic space, O(1) in memory whatever `steps` is.
   * @param options the preset's options, as declared (type, default, range, required): `presetOptions('pytorch.cosineAnnealingWarmRestarts')`, listed in docs/presets.md.
   * @returns the schedule's phases, for `new OptimizerPolicy(...)`.
   * @throws TypeError or RangeError naming `pytorch.cosineAnnealingWarmRestarts`, the option and the value.
   * @example
   * import { OptimizerPolicy, pytorch } from 'rx-policy';
   * const cycles = pytorch.cosineAnnealingWarmRestarts({ baseLr: 1, t0: 4, tMult: 2, etaMin: 0.1, steps: 28 });
   * cycles.length; // → 3
   * const policy = new OptimizerPolicy(cycles);
   * [0, 2, 4, 12].map((s) => policy.at(s).lr); // → [1, 0.55, 1, 1]
   */
  cosineAnnealingWarmRestarts: preset(warmRestartsOptions, 'PyTorch CosineAnnealingWarmRestarts: cycles t0·tMult^i, etaMin never reached', cosineAnnealingWarmRestarts),
  /**
   * PyTorch `StepLR`: `baseLr · gamma^floor(k / stepSize)`.
   * @param options the preset's options, as declared (type, default, range, required): `presetOptions('pytorch.stepLR')`, listed in docs/presets.md.
   * @returns the schedule's phases, for `new OptimizerPolicy(...)`.
   * @throws TypeError or RangeError naming `pytorch.stepLR`, the option and the value.
   * @example
   * import { pytorch, OptimizerPolicy } from 'rx-policy';
   * const policy = new OptimizerPolicy(pytorch.stepLR({ baseLr: 1, stepSize: 30, steps: 90 }));
   * [29, 30, 60].map((s) => policy.at(s).lr); // → [1, 0.1, 0.01]
   */
  stepLR: preset(stepLROptions, 'PyTorch StepLR: baseLr·gamma^floor(k/stepSize)', stepLR),
  /**
   * PyTorch `MultiStepLR`: `baseLr · gamma^(number of milestones ≤ k)`; the decay applies at the milestone.
   * @param options the preset's options, as declared (type, default, range, required): `presetOptions('pytorch.multiStepLR')`, listed in docs/presets.md.
   * @returns the schedule's phases, for `new OptimizerPolicy(...)`.
   * @throws TypeError or RangeError naming `pytorch.multiStepLR`, the option and the value.
   * @example
   * import { pytorch, OptimizerPolicy } from 'rx-policy';
   * const policy = new OptimizerPolicy(pytorch.multiStepLR({ baseLr: 1, milestones: [30, 80], steps: 100 }));
   * [29, 30, 80].map((s) => policy.at(s).lr); // → [1, 0.1, 0.01]
   */
  multiStepLR: preset(multiStepLROptions, 'PyTorch MultiStepLR: decays at each milestone', multiStepLR),
  /**
   * PyTorch `ExponentialLR`: `baseLr · gamma^k`.
   * @param options the preset's options, as declared (type, default, range, required): `presetOptions('pytorch.exponentialLR')`, listed in docs/presets.md.
   * @returns the schedule's phases, for `new OptimizerPolicy(...)`.
   * @throws TypeError or RangeError naming `pytorch.exponentialLR`, the option and the value.
   * @example
   * import { pytorch, OptimizerPolicy } from 'rx-policy';
   * const policy = new OptimizerPolicy(pytorch.exponentialLR({ baseLr: 1, gamma: 0.9, steps: 10 }));
   * [0, 1, 2].map((s) => policy.at(s).lr); // → [1, 0.9, 0.81]
   */
  exponentialLR: preset(exponentialLROptions, 'PyTorch ExponentialLR: baseLr·gamma^k', exponentialLR),
  /**
   * PyTorch `LinearLR`: `baseLr · (startFactor + (endFactor − startFactor)·min(k, totalIters)/totalIters)`.
   * @param options the preset's options, as declared (type, default, range, required): `presetOptions('pytorch.linearLR')`, listed in docs/presets.md.
   * @returns the schedule's phases, for `new OptimizerPolicy(...)`.
   * @throws TypeError or RangeError naming `pytorch.linearLR`, the option and the value.
   * @example
   * import { pytorch, OptimizerPolicy } from 'rx-policy';
   * const policy = new OptimizerPolicy(pytorch.linearLR({ baseLr: 1, steps: 10 }));
   * [0, 5, 9].map((s) => policy.at(s).lr); // → [1 / 3, 1, 1]
   */
  linearLR: preset(linearLROptions, 'PyTorch LinearLR: a linear factor ramp', linearLR),
  /**
   * PyTorch `PolynomialLR`: `baseLr · (1 − min(k, totalIters)/totalIters)^power`.
   * @param options the preset's options, as declared (type, default, range, required): `presetOptions('pytorch.polynomialLR')`, listed in docs/presets.md.
   * @returns the schedule's phases, for `new OptimizerPolicy(...)`.
   * @throws TypeError or RangeError naming `pytorch.polynomialLR`, the option and the value.
   * @example
   * import { pytorch, OptimizerPolicy } from 'rx-policy';
   * const policy = new OptimizerPolicy(pytorch.polynomialLR({ baseLr: 1, power: 2, steps: 8 }));
   * [0, 1, 2, 5, 7].map((s) => policy.at(s).lr); // → [1, 0.64, 0.36, 0, 0]
   */
  polynomialLR: preset(polynomialLROptions, 'PyTorch PolynomialLR: baseLr·(1 − k/T)^power', polynomialLR),
  multiplicativeLR,
  swaLR,
} as const;
