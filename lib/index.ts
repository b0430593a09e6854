// The one public door of rx-policy. Everything a user imports is re-exported here, by name.

// Curves: easing functions of progress t ∈ [0, 1].
export { type Ease, linearEase, cosineEase } from './ease.js';

// Sequences and spaces: cold Observables that are also iterable and O(1)-indexable.
export { Sequence } from './sequence.js';
export { Space, type SpaceSpec } from './space.js';
export { EasedSpace, type SpaceOptions } from './spaces/eased.js';
export type { RatedOptions } from './spaces/rated.js';
export * from './spaces/index.js';

// Phases and policies.
export { Phase, type ParamValues, type PhaseValues, type SpaceLike } from './phase.js';
export { OptimizerPolicy, type PolicyOptions, type PolicyValues } from './policy.js';

// Presets (Poutyne's).
export { sgdrPhases, type SgdrOptions } from './presets/sgdr.js';
export { oneCyclePhases, type OneCycleOptions } from './presets/oneCycle.js';

// Configuration: policies to and from JSON.
export { spaceFromJSON, phaseFromJSON, policyFromJSON, type PhaseSpec, type PolicySpec } from './serialize.js';
export { buildPolicy, presets, type PresetEntry, type PolicyConfig } from './config.js';

// --- Training: event streams, sinks, TF.js, checkpoints, plateau (issue 3) ---
export type { TrainingEvent, TrainingEventOf, Logs } from './events/trainingEvent.js';
export { fitCallbacks, type FitBridge, type FitCallbacks } from './events/fitCallbacks.js';
export { schedule, epochsToSteps, type ScheduleOptions } from './operators/schedule.js';
export { applyTo, applyToGroups, applyWith, type Values, type SinkOptions, type GroupSinkOptions, type PerGroup } from './sinks/applyTo.js';
export { tfjsOptimizerSink, type TfjsOptimizerLike } from './sinks/tfjs.js';
export { reduceOnPlateau, type PlateauOptions, type PlateauState } from './operators/reduceOnPlateau.js';
export { saveState, restorePolicy, loadState, resumeFromIterations, type PolicyState } from './state.js';

// --- Plotting and CLI (issue 4): loaded lazily, never from the core ---

// --- More shapes and the anchors' presets (issue 5) ---
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
export { splitSteps, repeatPhases } from './compose.js';
export { piecewise } from './presets/piecewise.js';
export { fastai } from './presets/fastai.js';
export { keras, type KerasDecayOptions } from './presets/keras.js';
export { optax, type WarmupCosineOptions, type PolynomialScheduleOptions, type ExponentialDecayOptions } from './presets/optax.js';
export { huggingface, type WsdOptions } from './presets/huggingface.js';
export { type MultiplicativeLROptions } from './presets/multiplicativeLR.js';
export { type SwaLROptions } from './presets/swaLR.js';
export { pytorch, type OneCycleLROptions, type CosineAnnealingLROptions, type WarmRestartsOptions, type CyclicLROptions } from './presets/pytorch.js';

// Schedule algebra: any function of the step, products and scales of schedules.
export { fnspace, type FnSpaceOptions } from './spaces/fnspace.js';
export { cumprod, type CumprodOptions } from './spaces/cumprod.js';
export { scalePolicy, type Factor, type ScaleOptions } from './algebra/scalePolicy.js';

// The LR range test (fastai's lr_find): the schedule and stop rule as operators, the four suggestions, the TF.js driver.
export { lrFinderSchedule, smoothLoss, stopOnDivergence, lrRangeTest, type RangeOptions, type RangeTestOptions, type RangePoint } from './lrFinder/rangeTest.js';
export { suggestLrs, suggestValley, suggestSlide, suggestMinimum, suggestSteep, type Suggestion, type LrSuggestions } from './lrFinder/suggestions.js';
export { lrFinder, type LrFinderOptions, type LrFinderResult, type LayersModelLike, type DatasetLike } from './lrFinder/lrFinder.js';

// Comparing presets across libraries from one neutral option set.
export { compare, formatComparison, comparablePresets, type CompareOptions, type NeutralOptions, type Comparison, type Translation } from './compare.js';
