import { knownKeys, plainObject, show } from './internal/validate.js';
import type { Phase } from './phase.js';
import { OptimizerPolicy, type PolicyOptions } from './policy.js';
import { fastai } from './presets/fastai.js';
import { huggingface } from './presets/huggingface.js';
import { keras } from './presets/keras.js';
import { optax } from './presets/optax.js';
import { oneCyclePhases } from './presets/oneCycle.js';
import { pytorch } from './presets/pytorch.js';
import { sgdrPhases } from './presets/sgdr.js';
import { timm } from './presets/timm.js';
import { policyFromJSON, type PolicySpec } from './serialize.js';

/** A preset known by name to `buildPolicy` and the CLI. */
export interface PresetEntry {
  /** Builds the phases; it validates its own options. */
  readonly build: (options: never) => Phase[];
  /** The option names it accepts (listed in errors). */
  readonly options: readonly string[];
  /** One line for help texts. */
  readonly summary: string;
}

/**
 * Every preset by its config name. A new preset family adds its entries here.
 * @example Object.keys(presets); // ['oneCycle', 'sgdr', …]
 */
export const presets: Readonly<Record<string, PresetEntry>> = {
  oneCycle: {
    build: oneCyclePhases as PresetEntry['build'],
    options: ['steps', 'lr', 'momentum', 'finetuneLr', 'finetuneFraction'],
    summary: "Poutyne's one_cycle_phases: three linear phases (up, down, fine-tune)",
  },
  sgdr: {
    build: sgdrPhases as PresetEntry['build'],
    options: ['baseCycleLength', 'cycles', 'lr', 'cycleMult'],
    summary: "Poutyne's sgdr_phases: cosine cycles, each cycleMult times longer",
  },
  'pytorch.oneCycleLR': {
    build: pytorch.oneCycleLR as PresetEntry['build'],
    options: ['maxLr', 'totalSteps', 'epochs', 'stepsPerEpoch', 'pctStart', 'annealStrategy', 'cycleMomentum', 'baseMomentum', 'maxMomentum', 'divFactor', 'finalDivFactor', 'threePhase', 'momentumName'],
    summary: "PyTorch OneCycleLR: cos/linear, two or three phases, peak at pct·N − 1",
  },
  'pytorch.cyclicLR': {
    build: pytorch.cyclicLR as PresetEntry['build'],
    options: ['baseLr', 'maxLr', 'stepSizeUp', 'stepSizeDown', 'mode', 'gamma', 'cycleMomentum', 'baseMomentum', 'maxMomentum', 'steps'],
    summary: 'PyTorch CyclicLR: triangular, triangular2, exp_range',
  },
  'pytorch.cosineAnnealingLR': {
    build: pytorch.cosineAnnealingLR as PresetEntry['build'],
    options: ['baseLr', 'tMax', 'etaMin', 'steps'],
    summary: 'PyTorch CosineAnnealingLR (closed form; oscillates past tMax)',
  },
  'pytorch.cosineAnnealingWarmRestarts': {
    build: pytorch.cosineAnnealingWarmRestarts as PresetEntry['build'],
    options: ['baseLr', 't0', 'tMult', 'etaMin', 'steps'],
    summary: 'PyTorch CosineAnnealingWarmRestarts: cycles t0·tMult^i, etaMin never reached',
  },
  'pytorch.stepLR': { build: pytorch.stepLR as PresetEntry['build'], options: ['baseLr', 'stepSize', 'gamma', 'steps'], summary: 'PyTorch StepLR: baseLr·gamma^floor(k/stepSize)' },
  'pytorch.multiStepLR': { build: pytorch.multiStepLR as PresetEntry['build'], options: ['baseLr', 'milestones', 'gamma', 'steps'], summary: 'PyTorch MultiStepLR: decays at each milestone' },
  'pytorch.exponentialLR': { build: pytorch.exponentialLR as PresetEntry['build'], options: ['baseLr', 'gamma', 'steps'], summary: 'PyTorch ExponentialLR: baseLr·gamma^k' },
  'pytorch.linearLR': { build: pytorch.linearLR as PresetEntry['build'], options: ['baseLr', 'startFactor', 'endFactor', 'totalIters', 'steps'], summary: 'PyTorch LinearLR: a linear factor ramp' },
  'pytorch.polynomialLR': { build: pytorch.polynomialLR as PresetEntry['build'], options: ['baseLr', 'totalIters', 'power', 'steps'], summary: 'PyTorch PolynomialLR: baseLr·(1 − k/T)^power' },
  'huggingface.linear': { build: huggingface.linear as PresetEntry['build'], options: ['lr', 'numWarmupSteps', 'numTrainingSteps'], summary: 'HF get_linear_schedule_with_warmup' },
  'huggingface.cosine': { build: huggingface.cosine as PresetEntry['build'], options: ['lr', 'numWarmupSteps', 'numTrainingSteps', 'numCycles'], summary: 'HF get_cosine_schedule_with_warmup' },
  'huggingface.cosineWithHardRestarts': { build: huggingface.cosineWithHardRestarts as PresetEntry['build'], options: ['lr', 'numWarmupSteps', 'numTrainingSteps', 'numCycles'], summary: 'HF get_cosine_with_hard_restarts_schedule_with_warmup' },
  'huggingface.polynomial': { build: huggingface.polynomial as PresetEntry['build'], options: ['lr', 'numWarmupSteps', 'numTrainingSteps', 'lrEnd', 'power'], summary: 'HF get_polynomial_decay_schedule_with_warmup' },
  'huggingface.constant': { build: huggingface.constant as PresetEntry['build'], options: ['lr', 'numWarmupSteps', 'numTrainingSteps'], summary: 'HF get_constant_schedule(_with_warmup)' },
  'timm.cosineLR': {
    build: timm.cosineLR as PresetEntry['build'],
    options: ['baseLr', 'tInitial', 'lrMin', 'cycleMul', 'cycleDecay', 'cycleLimit', 'warmupT', 'warmupLrInit', 'warmupPrefix', 'kDecay', 'noiseRangeT', 'noisePct', 'noiseType', 'noiseSeed', 'steps'],
    summary: 'timm CosineLRScheduler: warmup (prefix or overlapping), cycle_mul/decay/limit, k-decay',
  },
  'timm.polyLR': {
    build: timm.polyLR as PresetEntry['build'],
    options: ['baseLr', 'tInitial', 'power', 'lrMin', 'cycleMul', 'cycleDecay', 'cycleLimit', 'warmupT', 'warmupLrInit', 'warmupPrefix', 'kDecay', 'noiseRangeT', 'noisePct', 'noiseType', 'noiseSeed', 'steps'],
    summary: 'timm PolyLRScheduler: polynomial cycles (power 0.5), k-decay',
  },
  'timm.tanhLR': {
    build: timm.tanhLR as PresetEntry['build'],
    options: ['baseLr', 'tInitial', 'lb', 'ub', 'lrMin', 'cycleMul', 'cycleDecay', 'cycleLimit', 'warmupT', 'warmupLrInit', 'warmupPrefix', 'noiseRangeT', 'noisePct', 'noiseType', 'noiseSeed', 'steps'],
    summary: 'timm TanhLRScheduler: tanh cycles (lb -7, ub 3)',
  },
  'timm.stepLR': {
    build: timm.stepLR as PresetEntry['build'],
    options: ['baseLr', 'decayT', 'decayRate', 'warmupT', 'warmupLrInit', 'warmupPrefix', 'noiseRangeT', 'noisePct', 'noiseType', 'noiseSeed', 'steps'],
    summary: 'timm StepLRScheduler: decayRate^floor(t/decayT) (warmupPrefix true)',
  },
  'timm.multiStepLR': {
    build: timm.multiStepLR as PresetEntry['build'],
    options: ['baseLr', 'decayT', 'decayRate', 'warmupT', 'warmupLrInit', 'warmupPrefix', 'noiseRangeT', 'noisePct', 'noiseType', 'noiseSeed', 'steps'],
    summary: 'timm MultiStepLRScheduler: decays one step before each milestone',
  },
  'huggingface.inverseSqrt': { build: huggingface.inverseSqrt as PresetEntry['build'], options: ['lr', 'numWarmupSteps', 'numTrainingSteps', 'timescale'], summary: 'HF get_inverse_sqrt_schedule' },
  'huggingface.wsd': {
    build: huggingface.wsd as PresetEntry['build'],
    options: ['lr', 'numWarmupSteps', 'numTrainingSteps', 'numDecaySteps', 'numStableSteps', 'warmupType', 'decayType', 'minLrRatio', 'numCycles'],
    summary: 'HF get_wsd_schedule: warmup, stable, decay',
  },
  'fastai.fitOneCycle': { build: fastai.fitOneCycle as PresetEntry['build'], options: ['steps', 'lrMax', 'div', 'divFinal', 'pctStart', 'moms'], summary: 'fastai fit_one_cycle (pos = k/N)' },
  'fastai.fitFlatCos': { build: fastai.fitFlatCos as PresetEntry['build'], options: ['steps', 'lr', 'divFinal', 'pctStart'], summary: 'fastai fit_flat_cos' },
  'fastai.fitSgdr': { build: fastai.fitSgdr as PresetEntry['build'], options: ['nCycles', 'cycleLen', 'lrMax', 'cycleMult', 'stepsPerEpoch'], summary: 'fastai fit_sgdr' },
  'optax.cosineOnecycle': { build: optax.cosineOnecycle as PresetEntry['build'], options: ['transitionSteps', 'peakValue', 'pctStart', 'divFactor', 'finalDivFactor', 'steps'], summary: 'optax cosine_onecycle_schedule (peak at int(pct·T))' },
  'optax.linearOnecycle': { build: optax.linearOnecycle as PresetEntry['build'], options: ['transitionSteps', 'peakValue', 'pctStart', 'pctFinal', 'divFactor', 'finalDivFactor', 'steps'], summary: 'optax linear_onecycle_schedule' },
  'optax.warmupCosineDecay': { build: optax.warmupCosineDecay as PresetEntry['build'], options: ['initValue', 'peakValue', 'warmupSteps', 'decaySteps', 'endValue', 'exponent', 'steps'], summary: 'optax warmup_cosine_decay_schedule (decaySteps includes warmup)' },
  'optax.sgdr': { build: optax.sgdr as PresetEntry['build'], options: ['cycles', 'steps'], summary: 'optax sgdr_schedule (explicit cycles)' },
  'optax.constantSchedule': { build: optax.constantSchedule as PresetEntry['build'], options: ['value', 'steps'], summary: 'optax constant_schedule' },
  'optax.linearSchedule': { build: optax.linearSchedule as PresetEntry['build'], options: ['initValue', 'endValue', 'transitionSteps', 'transitionBegin', 'steps'], summary: 'optax linear_schedule' },
  'optax.polynomialSchedule': { build: optax.polynomialSchedule as PresetEntry['build'], options: ['initValue', 'endValue', 'power', 'transitionSteps', 'transitionBegin', 'steps'], summary: 'optax polynomial_schedule' },
  'optax.exponentialDecay': { build: optax.exponentialDecay as PresetEntry['build'], options: ['initValue', 'transitionSteps', 'decayRate', 'transitionBegin', 'staircase', 'endValue', 'steps'], summary: 'optax exponential_decay (endValue bound)' },
  'optax.cosineDecaySchedule': { build: optax.cosineDecaySchedule as PresetEntry['build'], options: ['initValue', 'decaySteps', 'alpha', 'exponent', 'steps'], summary: 'optax cosine_decay_schedule' },
  'optax.piecewiseConstantSchedule': { build: optax.piecewiseConstantSchedule as PresetEntry['build'], options: ['initValue', 'boundariesAndScales', 'steps'], summary: 'optax piecewise_constant_schedule (switches at t ≥ boundary)' },
  'keras.exponentialDecay': { build: keras.exponentialDecay as PresetEntry['build'], options: ['initialLearningRate', 'decaySteps', 'decayRate', 'staircase', 'steps'], summary: 'Keras ExponentialDecay' },
  'keras.inverseTimeDecay': { build: keras.inverseTimeDecay as PresetEntry['build'], options: ['initialLearningRate', 'decaySteps', 'decayRate', 'staircase', 'steps'], summary: 'Keras InverseTimeDecay' },
  'keras.piecewiseConstantDecay': { build: keras.piecewiseConstantDecay as PresetEntry['build'], options: ['boundaries', 'values', 'steps'], summary: 'Keras PiecewiseConstantDecay (switches after each boundary)' },
  'keras.polynomialDecay': { build: keras.polynomialDecay as PresetEntry['build'], options: ['initialLearningRate', 'decaySteps', 'endLearningRate', 'power', 'cycle', 'steps'], summary: 'Keras PolynomialDecay (cycle stretches the horizon)' },
  'keras.cosineDecay': { build: keras.cosineDecay as PresetEntry['build'], options: ['initialLearningRate', 'decaySteps', 'alpha', 'warmupTarget', 'warmupSteps', 'steps'], summary: 'Keras CosineDecay (decaySteps excludes warmup)' },
  'keras.cosineDecayRestarts': { build: keras.cosineDecayRestarts as PresetEntry['build'], options: ['initialLearningRate', 'firstDecaySteps', 'tMul', 'mMul', 'alpha', 'steps'], summary: 'Keras CosineDecayRestarts' },
};

/** A schedule as it lives in a config file: a preset with its options, or a list of phases. */
export type PolicyConfig = { readonly preset: string; readonly options?: Readonly<Record<string, unknown>> } | PolicySpec;

/**
 * Validates a config and builds its policy.
 * @example
 * buildPolicy({ preset: 'oneCycle', options: { steps: 500 } }).length; // 500
 * buildPolicy({ phases: [{ lr: { type: 'linspace', start: 0, end: 1, steps: 3 } }] }).at(1); // { lr: 0.5 }
 */
export function buildPolicy(config: unknown, options?: PolicyOptions): OptimizerPolicy {
  const obj = plainObject('buildPolicy', 'config', config);
  if (!('preset' in obj)) return policyFromJSON(obj, options);
  knownKeys('buildPolicy', 'key', obj, ['preset', 'options']);
  const name = obj['preset'];
  const entry = typeof name === 'string' && Object.hasOwn(presets, name) ? presets[name] : undefined;
  if (entry === undefined) {
    throw new TypeError(`buildPolicy: unknown preset ${show(name)}; accepted: ${Object.keys(presets).join(', ')}`);
  }
  const presetOptions = plainObject('buildPolicy', 'options', obj['options'] ?? {});
  knownKeys(`buildPolicy: preset ${name}`, 'option', presetOptions, entry.options);
  return new OptimizerPolicy(entry.build(presetOptions as never), options);
}
