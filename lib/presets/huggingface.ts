// Hugging Face transformers' schedules (src/transformers/optimization.py), as phases of absolute
// values: HF multiplies each group's initial lr by a factor; here `lr` is that initial lr.
// HF's warmup is `k / max(1, W)` for k < W, so the rate is 0 at step 0.
import { joinTo } from '../compose.js';
import { declare, derivedPositive, integer, number, oneOf, type OptionsOf, type ValuesOf } from '../internal/options.js';
import { Phase } from '../phase.js';
import type { Space } from '../space.js';
import { constant } from '../spaces/constant.js';
import { cosinespace } from '../spaces/cosinespace.js';
import { invsqrtspace } from '../spaces/invsqrtspace.js';
import { linspace } from '../spaces/linspace.js';
import { polyspace } from '../spaces/polyspace.js';
import { powspace } from '../spaces/powspace.js';
import { preset } from './preset.js';

const common = {
  lr: number({ doc: "The optimizer's initial learning rate (HF multiplies it by the schedule's factor).", required: true }),
  numWarmupSteps: integer({ doc: 'Steps of the linear warmup from 0.', required: true }),
  numTrainingSteps: integer({ doc: 'Total steps, warmup included.', required: true }),
} as const;

function check(fn: string, o: ValuesOf<typeof common>): void {
  if (o.numWarmupSteps > o.numTrainingSteps) throw new RangeError(`${fn}: numWarmupSteps must not exceed numTrainingSteps (${o.numTrainingSteps}), got ${o.numWarmupSteps}`);
}

const warmup = (lr: number, W: number): Phase<'lr'> => new Phase({ lr: linspace(0, lr, W, { span: Math.max(1, W) }) });
const schedule = (fn: string, o: ValuesOf<typeof common>, lr: Space): Phase<'lr'>[] => joinTo(fn, [warmup(o.lr, o.numWarmupSteps), new Phase({ lr })], o.numTrainingSteps);

const linearOptions = declare('huggingface.linear', common);
const cosineOptions = declare('huggingface.cosine', { ...common, numCycles: number({ doc: 'Cosine waves over the decay (0.5: half a cosine to 0).', default: 0.5, above: 0 }) });
const hardRestartsOptions = declare('huggingface.cosineWithHardRestarts', { ...common, numCycles: number({ doc: 'Cosines to 0, each restarting at lr.', default: 1, above: 0 }) });
const polynomialOptions = declare('huggingface.polynomial', {
  ...common,
  lrEnd: number({ doc: 'The final lr; must be below lr.', default: 1e-7 }),
  power: number({ doc: 'Power of the polynomial.', default: 1, above: 0 }),
});
const constantOptions = declare('huggingface.constant', common);
const inverseSqrtOptions = declare('huggingface.inverseSqrt', { ...common, timescale: number({ doc: 'Decay timescale; default numWarmupSteps, or 10000 without warmup.', above: 0 }) });

function linear(given: OptionsOf<typeof linearOptions.shape>): Phase<'lr'>[] {
  const o = linearOptions.read(given);
  check(linearOptions.fn, o);
  const D = o.numTrainingSteps - o.numWarmupSteps;
  return schedule(linearOptions.fn, o, linspace(o.lr, 0, D, { span: Math.max(1, D) }));
}

function cosine(given: OptionsOf<typeof cosineOptions.shape>): Phase<'lr'>[] {
  const o = cosineOptions.read(given);
  check(cosineOptions.fn, o);
  const D = o.numTrainingSteps - o.numWarmupSteps;
  const span = derivedPositive(cosineOptions.fn, Math.max(1, D) / (2 * o.numCycles), 'the cosine period', 'numCycles', o.numCycles);
  return schedule(cosineOptions.fn, o, cosinespace(o.lr, 0, D, { span }));
}

function cosineWithHardRestarts(given: OptionsOf<typeof hardRestartsOptions.shape>): Phase<'lr'>[] {
  const o = hardRestartsOptions.read(given);
  check(hardRestartsOptions.fn, o);
  const D = o.numTrainingSteps - o.numWarmupSteps;
  const span = derivedPositive(hardRestartsOptions.fn, Math.max(1, D) / o.numCycles, 'the cycle length', 'numCycles', o.numCycles);
  return schedule(hardRestartsOptions.fn, o, cosinespace(o.lr, 0, D, { span, wrap: true }));
}

function polynomial(given: OptionsOf<typeof polynomialOptions.shape>): Phase<'lr'>[] {
  const o = polynomialOptions.read(given);
  const fn = polynomialOptions.fn;
  check(fn, o);
  if (!(o.lr > o.lrEnd)) throw new RangeError(`${fn}: lrEnd (${o.lrEnd}) must be smaller than initial lr (${o.lr}), got lrEnd ${o.lrEnd}`);
  const D = o.numTrainingSteps - o.numWarmupSteps;
  return schedule(fn, o, polyspace(o.lr, o.lrEnd, D, { power: o.power, span: Math.max(1, D) }));
}

function constantSchedule(given: OptionsOf<typeof constantOptions.shape>): Phase<'lr'>[] {
  const o = constantOptions.read(given);
  check(constantOptions.fn, o);
  return schedule(constantOptions.fn, o, constant(o.lr, o.numTrainingSteps - o.numWarmupSteps));
}

function inverseSqrt(given: OptionsOf<typeof inverseSqrtOptions.shape>): Phase<'lr'>[] {
  const o = inverseSqrtOptions.read(given);
  check(inverseSqrtOptions.fn, o);
  const timescale = o.timescale ?? (o.numWarmupSteps || 10_000);
  return schedule(inverseSqrtOptions.fn, o, invsqrtspace(o.lr, timescale, o.numTrainingSteps - o.numWarmupSteps));
}

const wsdOptions = declare('huggingface.wsd', {
  ...common,
  numDecaySteps: integer({ doc: 'Steps of the decay.', required: true }),
  numStableSteps: integer({ doc: 'Stable steps; default numTrainingSteps − numWarmupSteps − numDecaySteps. Steps after the decay hold the floor.' }),
  warmupType: oneOf(['linear', 'cosine', '1-sqrt'], { doc: 'Shape of the warmup.', default: 'linear' }),
  decayType: oneOf(['cosine', 'linear', '1-sqrt'], { doc: 'Shape of the decay.', default: 'cosine' }),
  minLrRatio: number({ doc: 'The floor, as a fraction of lr.', default: 0, min: 0, max: 1 }),
  numCycles: number({ doc: "Cosine waves of a 'cosine' decay (0.5: half a cosine).", default: 0.5, above: 0, mode: 'cosine decay' }),
});

/** Options of `huggingface.wsd`. */
export type WsdOptions = OptionsOf<typeof wsdOptions.shape>;

function wsd(given: WsdOptions): Phase<'lr'>[] {
  const o = wsdOptions.read(given);
  const fn = wsdOptions.fn;
  const { lr, numWarmupSteps: W, numTrainingSteps: N, numDecaySteps: D } = o;
  check(fn, o);
  const S = o.numStableSteps ?? N - W - D;
  // Without numStableSteps the stable phase is what is left: a negative one is not shown.
  if (o.numStableSteps === undefined && S < 0) throw new RangeError(`${fn}: numWarmupSteps + numDecaySteps (${W} + ${D}) must fit in numTrainingSteps (${N}), got ${W + D}`);
  if (W + S + D > N) throw new RangeError(`${fn}: warmup + stable + decay steps (${W} + ${S} + ${D}) must fit in numTrainingSteps (${N}), got ${W + S + D}`);
  const floor = o.minLrRatio * lr;
  const span = { span: Math.max(1, W) };
  const up = o.warmupType === 'linear' ? linspace(floor, lr, W, span) : o.warmupType === 'cosine' ? cosinespace(floor, lr, W, span) : polyspace(floor, lr, W, { power: 0.5, ...span }); // 1 − √(1 − p), scaled
  const down =
    o.decayType === 'linear'
      ? linspace(lr, floor, D, { span: Math.max(1, D) })
      : o.decayType === 'cosine'
        ? cosinespace(lr, floor, D, { span: derivedPositive(fn, Math.max(1, D) / (2 * o.numCycles), 'the cosine period', 'numCycles', o.numCycles) })
        : powspace(lr, floor, D, { power: 0.5, span: Math.max(1, D) });
  return joinTo(fn, [new Phase({ lr: up }), new Phase({ lr: constant(lr, S) }), new Phase({ lr: down }), new Phase({ lr: constant(floor, N - W - S - D) })], N);
}

/**
 * Hugging Face transformers' `get_*_schedule*` functions, by name.
 * @example
 * import { huggingface, OptimizerPolicy } from 'rx-policy';
 * const policy = new OptimizerPolicy(huggingface.cosine({ lr: 3e-4, numWarmupSteps: 500, numTrainingSteps: 10_000 }));
 * [0, 250, 500].map((s) => policy.at(s).lr); // → [0, 0.00015, 0.0003]
 */
export const huggingface = {
  /**
   * HF `get_linear_schedule_with_warmup`: warmup from 0, then linear to 0 at `numTrainingSteps`.
   * @param options the preset's options, as declared (type, default, range, required): `presetOptions('huggingface.linear')`, listed in docs/presets.md.
   * @returns the schedule's phases, for `new OptimizerPolicy(...)`.
   * @throws TypeError or RangeError naming `huggingface.linear`, the option and the value.
   * @example
   * import { huggingface, OptimizerPolicy } from 'rx-policy';
   * const policy = new OptimizerPolicy(huggingface.linear({ lr: 10, numWarmupSteps: 2, numTrainingSteps: 10 }));
   * [0, 1, 2, 6, 9].map((s) => policy.at(s).lr); // → [0, 5, 10, 5, 1.25]
   */
  linear: preset(linearOptions, 'HF get_linear_schedule_with_warmup', linear),
  /**
   * HF `get_cosine_schedule_with_warmup` (`numCycles` 0.5: half a cosine to 0).
   * @param options the preset's options, as declared (type, default, range, required): `presetOptions('huggingface.cosine')`, listed in docs/presets.md.
   * @returns the schedule's phases, for `new OptimizerPolicy(...)`.
   * @throws TypeError or RangeError naming `huggingface.cosine`, the option and the value.
   * @example
   * import { huggingface, OptimizerPolicy } from 'rx-policy';
   * const policy = new OptimizerPolicy(huggingface.cosine({ lr: 10, numWarmupSteps: 2, numTrainingSteps: 10 }));
   * [0, 1, 2, 6].map((s) => policy.at(s).lr); // → [0, 5, 10, 5]
   */
  cosine: preset(cosineOptions, 'HF get_cosine_schedule_with_warmup', cosine),
  /**
   * HF `get_cosine_with_hard_restarts_schedule_with_warmup`: `numCycles` (default 1) cosines to 0, restarting at full `lr`.
   * @param options the preset's options, as declared (type, default, range, required): `presetOptions('huggingface.cosineWithHardRestarts')`, listed in docs/presets.md.
   * @returns the schedule's phases, for `new OptimizerPolicy(...)`.
   * @throws TypeError or RangeError naming `huggingface.cosineWithHardRestarts`, the option and the value.
   * @example
   * import { huggingface, OptimizerPolicy } from 'rx-policy';
   * const policy = new OptimizerPolicy(huggingface.cosineWithHardRestarts({ lr: 10, numWarmupSteps: 2, numTrainingSteps: 10, numCycles: 2 }));
   * [2, 4, 6].map((s) => policy.at(s).lr); // → [10, 5, 10]
   */
  cosineWithHardRestarts: preset(hardRestartsOptions, 'HF get_cosine_with_hard_restarts_schedule_with_warmup', cosineWithHardRestarts),
  /**
   * HF `get_polynomial_decay_schedule_with_warmup`: from `lr` to `lrEnd` (default 1e-7) with `power`.
   * @param options the preset's options, as declared (type, default, range, required): `presetOptions('huggingface.polynomial')`, listed in docs/presets.md.
   * @returns the schedule's phases, for `new OptimizerPolicy(...)`.
   * @throws TypeError or RangeError naming `huggingface.polynomial`, the option and the value.
   * @example
   * import { huggingface, OptimizerPolicy } from 'rx-policy';
   * const policy = new OptimizerPolicy(huggingface.polynomial({ lr: 10, numWarmupSteps: 2, numTrainingSteps: 10, power: 2 }));
   * [0, 2, 6].map((s) => policy.at(s).lr); // → [0, 10, 2.500000075]
   */
  polynomial: preset(polynomialOptions, 'HF get_polynomial_decay_schedule_with_warmup', polynomial),
  /**
   * HF `get_constant_schedule_with_warmup` (`numWarmupSteps` 0: `get_constant_schedule`).
   * @param options the preset's options, as declared (type, default, range, required): `presetOptions('huggingface.constant')`, listed in docs/presets.md.
   * @returns the schedule's phases, for `new OptimizerPolicy(...)`.
   * @throws TypeError or RangeError naming `huggingface.constant`, the option and the value.
   * @example
   * import { huggingface, OptimizerPolicy } from 'rx-policy';
   * const policy = new OptimizerPolicy(huggingface.constant({ lr: 1, numWarmupSteps: 4, numTrainingSteps: 10 }));
   * [0, 2, 4, 9].map((s) => policy.at(s).lr); // → [0, 0.5, 1, 1]
   */
  constant: preset(constantOptions, 'HF get_constant_schedule(_with_warmup)', constantSchedule),
  /**
   * HF `get_inverse_sqrt_schedule`: warmup, then `1/sqrt((k + timescale − W)/timescale)`; `timescale` defaults to `W`, or 10000 without warmup.
   * @param options the preset's options, as declared (type, default, range, required): `presetOptions('huggingface.inverseSqrt')`, listed in docs/presets.md.
   * @returns the schedule's phases, for `new OptimizerPolicy(...)`.
   * @throws TypeError or RangeError naming `huggingface.inverseSqrt`, the option and the value.
   * @example
   * import { huggingface, OptimizerPolicy } from 'rx-policy';
   * const policy = new OptimizerPolicy(huggingface.inverseSqrt({ lr: 1, numWarmupSteps: 4, numTrainingSteps: 10 }));
   * [2, 4, 8].map((s) => policy.at(s).lr); // → [0.5, 1, Math.SQRT1_2]
   */
  inverseSqrt: preset(inverseSqrtOptions, 'HF get_inverse_sqrt_schedule', inverseSqrt),
  /**
   * HF `get_wsd_schedule` (warmup–stable–decay): warmup over `numWarmupSteps` from `minLrRatio·lr`,
   * stable at `lr`, decay over `numDecaySteps`, then `minLrRatio·lr` until `numTrainingSteps`.
   * @param options the preset's options, as declared (type, default, range, required): `presetOptions('huggingface.wsd')`, listed in docs/presets.md.
   * @returns the schedule's phases, for `new OptimizerPolicy(...)`.
   * @throws TypeError or RangeError naming `huggingface.wsd`, the option and the value.
   * @example
   * import { huggingface, OptimizerPolicy } from 'rx-policy';
   * const policy = new OptimizerPolicy(huggingface.wsd({ lr: 1, numWarmupSteps: 2, numStableSteps: 5, numDecaySteps: 3, numTrainingSteps: 12 }));
   * [1, 2, 7, 8, 9, 10].map((s) => policy.at(s).lr); // → [0.5, 1, 1, 0.75, 0.25, 0]
   */
  wsd: preset(wsdOptions, 'HF get_wsd_schedule: warmup, stable, decay', wsd),
} as const;
