// The public door of rx-policy: every name a user imports, grouped as a user looks for it.
// Plotting is a separate entry point, `rx-policy/plot`, so that importing this one never loads
// charting code.
import type { fastai } from './presets/fastai.js';
import type { huggingface } from './presets/huggingface.js';
import type { keras } from './presets/keras.js';
import type { optax } from './presets/optax.js';
import type { pytorch } from './presets/pytorch.js';

// ── Curves and spaces ─────────────────────────────────────────────────────────────────────────
// A space is a cold Observable of numbers that is also iterable and O(1)-indexable.
export { type Ease, linearEase, cosineEase } from './ease.js';
export { Sequence } from './sequence.js';
export { Space, type SpaceSpec, type SpaceDefinition, type SpaceDeclaration, type ArgDecl, type OptionDecl, type OptionTable, type NumberRange } from './space.js';
export { EasedSpace, type SpaceOptions } from './spaces/eased.js';
export type { RatedOptions } from './spaces/rated.js';
export * from './spaces/index.js';
export { MIN_NOISE_PCT } from './spaces/noisy.js';
// Any function of the step, and a running product of one (not serialisable: they hold code).
export { fnspace, type FnSpaceOptions } from './spaces/fnspace.js';
export { cumprod, type CumprodOptions } from './spaces/cumprod.js';

// ── Phases and policies ───────────────────────────────────────────────────────────────────────
export { Phase, type ParamValues, type PhaseValues, type SpaceLike } from './phase.js';
export { OptimizerPolicy, type PolicyOptions, type PolicyValues } from './policy.js';
export { splitSteps, repeatPhases, join, part, MAX_PHASES, type Part } from './compose.js';
export { scalePolicy, type Factor, type ScaleOptions } from './algebra/scalePolicy.js';

// ── Presets, by library ───────────────────────────────────────────────────────────────────────
/**
 * The options object of a preset function.
 * @typeParam F the preset function, e.g. `typeof optax.cosineOnecycle`.
 * @example
 * import { optax, OptimizerPolicy, type PresetOptions } from 'rx-policy';
 * const options: PresetOptions<typeof optax.cosineOnecycle> = { transitionSteps: 10, peakValue: 1, steps: 12 };
 * new OptimizerPolicy(optax.cosineOnecycle(options)).at(3).lr; // → 1
 */
export type PresetOptions<F extends (options: never) => unknown> = Parameters<F>[0];

// Poutyne
export { sgdrPhases, type SgdrOptions } from './presets/sgdr.js';
export { oneCyclePhases, type OneCycleOptions } from './presets/oneCycle.js';
// PyTorch
export { pytorch, type OneCycleLROptions, type CosineAnnealingLROptions, type WarmRestartsOptions, type CyclicLROptions, type ScaleFn } from './presets/pytorch.js';
/** Options of `pytorch.stepLR`. */
export type PytorchStepLROptions = PresetOptions<typeof pytorch.stepLR>;
/** Options of `pytorch.multiStepLR`. */
export type PytorchMultiStepLROptions = PresetOptions<typeof pytorch.multiStepLR>;
/** Options of `pytorch.exponentialLR`. */
export type PytorchExponentialLROptions = PresetOptions<typeof pytorch.exponentialLR>;
/** Options of `pytorch.linearLR`. */
export type PytorchLinearLROptions = PresetOptions<typeof pytorch.linearLR>;
/** Options of `pytorch.polynomialLR`. */
export type PytorchPolynomialLROptions = PresetOptions<typeof pytorch.polynomialLR>;
export type { MultiplicativeLROptions } from './presets/multiplicativeLR.js';
export type { SwaLROptions } from './presets/swaLR.js';
// timm
export {
  timm,
  type TimmCommonOptions,
  type TimmCycleOptions,
  type TimmCosineOptions,
  type TimmPolyOptions,
  type TimmTanhOptions,
  type TimmStepOptions,
  type TimmMultiStepOptions,
} from './presets/timm.js';
// fastai
export { fastai } from './presets/fastai.js';
/** Options of `fastai.fitOneCycle`. */
export type FastaiFitOneCycleOptions = PresetOptions<typeof fastai.fitOneCycle>;
/** Options of `fastai.fitFlatCos`. */
export type FastaiFitFlatCosOptions = PresetOptions<typeof fastai.fitFlatCos>;
/** Options of `fastai.fitSgdr`. */
export type FastaiFitSgdrOptions = PresetOptions<typeof fastai.fitSgdr>;
// Keras
export { keras, type KerasDecayOptions } from './presets/keras.js';
/** Options of `keras.cosineDecay`. */
export type KerasCosineDecayOptions = PresetOptions<typeof keras.cosineDecay>;
/** Options of `keras.cosineDecayRestarts`. */
export type KerasCosineDecayRestartsOptions = PresetOptions<typeof keras.cosineDecayRestarts>;
/** Options of `keras.piecewiseConstantDecay`. */
export type KerasPiecewiseConstantDecayOptions = PresetOptions<typeof keras.piecewiseConstantDecay>;
/** Options of `keras.polynomialDecay`. */
export type KerasPolynomialDecayOptions = PresetOptions<typeof keras.polynomialDecay>;
// optax
export { optax, type WarmupCosineOptions, type PolynomialScheduleOptions, type ExponentialDecayOptions } from './presets/optax.js';
/** Options of `optax.cosineOnecycle`. */
export type OptaxCosineOnecycleOptions = PresetOptions<typeof optax.cosineOnecycle>;
/** Options of `optax.linearOnecycle`. */
export type OptaxLinearOnecycleOptions = PresetOptions<typeof optax.linearOnecycle>;
/** Options of `optax.sgdr`. */
export type OptaxSgdrOptions = PresetOptions<typeof optax.sgdr>;
/** Options of `optax.constantSchedule`. */
export type OptaxConstantScheduleOptions = PresetOptions<typeof optax.constantSchedule>;
/** Options of `optax.linearSchedule`. */
export type OptaxLinearScheduleOptions = PresetOptions<typeof optax.linearSchedule>;
/** Options of `optax.cosineDecaySchedule`. */
export type OptaxCosineDecayScheduleOptions = PresetOptions<typeof optax.cosineDecaySchedule>;
/** Options of `optax.piecewiseConstantSchedule`. */
export type OptaxPiecewiseConstantScheduleOptions = PresetOptions<typeof optax.piecewiseConstantSchedule>;
// Hugging Face
export { huggingface, type WsdOptions } from './presets/huggingface.js';
/** Options of `huggingface.linear`. */
export type HuggingfaceScheduleOptions = PresetOptions<typeof huggingface.linear>;
/** Options of `huggingface.cosine`. */
export type HuggingfaceCosineOptions = PresetOptions<typeof huggingface.cosine>;
/** Options of `huggingface.polynomial`. */
export type HuggingfacePolynomialOptions = PresetOptions<typeof huggingface.polynomial>;
/** Options of `huggingface.inverseSqrt`. */
export type HuggingfaceInverseSqrtOptions = PresetOptions<typeof huggingface.inverseSqrt>;
// Any library: piecewise schedules from (step, value) points
export { piecewise } from './presets/piecewise.js';

// ── Training: events, operators, sinks ────────────────────────────────────────────────────────
export type { TrainingEvent, TrainingEventOf, Logs, RunPlan } from './events/trainingEvent.js';
export { fitCallbacks, type FitBridge, type FitCallbacks, type FitCallbacksOptions, type FitHooks, type TfjsCallbacksModule } from './events/fitCallbacks.js';
export { fitSteps, type FitStepsOptions } from './events/fitSteps.js';
export { Stepped } from './events/stepped.js';
export { schedule, epochsToSteps, type ScheduleOptions } from './operators/schedule.js';
export { reduceOnPlateau, kerasPlateau, type PlateauOptions, type PlateauState, type KerasPlateauOptions } from './operators/reduceOnPlateau.js';
export { applyTo, applyToGroups, applyWith, type Values, type SinkOptions, type GroupSinkOptions, type PerGroup, type NumericFields, type ParamNames } from './sinks/applyTo.js';
export type { SinkInput } from './sinks/checkedSink.js';
export { tfjsOptimizerSink, type TfjsOptimizerLike, type TfjsParam } from './sinks/tfjs.js';

// ── The LR range test (fastai's lr_find) ─────────────────────────────────────────────────────
export { lrFinderSchedule, smoothLoss, stopOnDivergence, lrRangeTest, type RangeOptions, type RangeTestOptions, type RangePoint } from './lrFinder/rangeTest.js';
export { suggestLrs, suggestValley, suggestSlide, suggestMinimum, suggestSteep, type Suggestion, type LrSuggestions, type SlideOptions } from './lrFinder/suggestions.js';
export { lrFinder, type LrFinderOptions, type LrFinderResult, type LayersModelLike, type DatasetLike, type TensorsLike, type ShapedLike } from './lrFinder/lrFinder.js';

// ── State and configs ─────────────────────────────────────────────────────────────────────────
export { saveState, restorePolicy, loadState, resumeFromIterations, type PolicyState } from './state.js';
export { spaceFromJSON, phaseFromJSON, policyFromJSON, type PhaseSpec, type PolicySpec } from './serialize.js';
export { buildPolicy, presets, presetOptions, type PresetEntry, type PresetName, type PolicyConfig, type FieldInfo } from './config.js';

// ── Comparing presets across libraries ────────────────────────────────────────────────────────
export { compare, formatComparison, comparablePresets, type CompareOptions, type NeutralOptions, type Comparison, type Translation } from './compare.js';
