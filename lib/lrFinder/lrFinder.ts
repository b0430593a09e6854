// fastai's LR range test (`Learner.lr_find` and `LRFinder`, `fastai/callback/schedule.py` in
// fastai/fastai) for any compiled TF.js model: an exponential rate
// schedule, one batch a rate, stopped when the smoothed loss diverges, then the model's weights
// and the optimizer's state put back exactly as they were.
import { Subject } from 'rxjs';
import { show } from '../internal/validate.js';
import { tfjsOptimizerSink, type TfjsOptimizerLike } from '../sinks/tfjs.js';
import type { OptionsOf, OptionTable } from '../internal/options.js';
import { lrFinderSchedule, lrRangeTest, rangeTestOptions, readRange, type RangePoint, type RangeTestOptions } from './rangeTest.js';
import { suggestLrs, type LrSuggestions } from './suggestions.js';

/** A TF.js tensor, as far as the finder needs one. */
interface TensorLike {
  readonly shape: readonly number[];
  clone(): TensorLike;
  dispose(): void;
}

/**
 * The inputs or targets of `model.fit`, as `lrFinder` takes them: a tensor, an array of tensors,
 * or tensors by input name (every one with the samples on its first axis). Typed by shape only,
 * so that a dataset (which has none) is not mistaken for them.
 */
export type TensorsLike = ShapedLike | readonly ShapedLike[] | { readonly [input: string]: ShapedLike };

/** A tensor as far as `lrFinder` reads its inputs: by its shape. */
export interface ShapedLike {
  /** The tensor's shape; its first axis counts the samples. */
  readonly shape: readonly number[];
}

/** A TF.js variable: a tensor that can be assigned. */
interface VariableLike extends TensorLike {
  assign(value: TensorLike): void;
}

interface NamedTensorLike {
  readonly name: string;
  readonly tensor: TensorLike;
}

/** A TF.js optimizer, typed structurally (importing rx-policy never loads TF.js). */
interface FinderOptimizer extends TfjsOptimizerLike {
  getWeights(): Promise<NamedTensorLike[]>;
  setWeights(weights: NamedTensorLike[]): Promise<void>;
}

/** A compiled TF.js `LayersModel` (`tf.sequential()`, `tf.model()`), typed structurally. */
export interface LayersModelLike {
  /** The optimizer `compile` set; undefined before `compile`, which `lrFinder` reports as an error. */
  readonly optimizer?: unknown;
  /** Set by the finder to end `fit` once the loss diverges; reset to `false` afterwards. */
  stopTraining: boolean;
  /** The model's last training history; the finder's `fit` replaces it, so it is saved and put back. */
  history?: unknown;
  /**
   * The model's weights, cloned before the test and restored after it.
   * @returns the weight tensors.
   */
  getWeights(): TensorLike[];
  /**
   * Replaces the model's weights: how they are put back after the test.
   * @param weights tensors in the order `getWeights` gave them.
   */
  setWeights(weights: TensorLike[]): void;
  // `never` parameters: any model's own fit signature is accepted; the finder calls them through `Fit`.
  /**
   * TF.js `model.fit` on tensors: the finder trains with it when given `xs` and `ys`.
   * @param x the inputs.
   * @param y the targets.
   * @param args `fit`'s arguments (epochs, batch size, callbacks).
   * @returns a promise that settles when training ends.
   */
  fit(x: never, y: never, args: never): Promise<unknown>;
  /**
   * TF.js `model.fitDataset`: the finder trains with it when given a dataset.
   * @param dataset the dataset of `{ xs, ys }` batches.
   * @param args `fitDataset`'s arguments (epochs, callbacks).
   * @returns a promise that settles when training ends.
   */
  fitDataset(dataset: never, args: never): Promise<unknown>;
}

type Fit = (x: unknown, y: unknown, args: object) => Promise<unknown>;
type FitDataset = (dataset: unknown, args: object) => Promise<unknown>;

/** A `tf.data.Dataset` of `{ xs, ys }` batches, typed structurally. */
export interface DatasetLike {
  /**
   * Opens an iterator over the batches; its presence is how `lrFinder` tells a dataset from tensors.
   * @returns a promise of the iterator.
   */
  iterator(): Promise<unknown>;
}

/** The options of `lrFinder` on tensors, declared once (on a dataset, all but `batchSize` and `shuffle`). */
export const lrFinderOptions = {
  ...rangeTestOptions,
  batchSize: { type: 'number', range: 'positiveCount', default: 32, doc: "Samples a batch (tensors only: a dataset's `batch()` sets it)." },
  shuffle: { type: 'boolean', default: true, doc: "Whether `fit` shuffles the samples each epoch (fastai's training loader shuffles). Tensors only." },
} as const satisfies OptionTable;

/** Options of `lrFinder`, with fastai's defaults: the range test's, and `batchSize` (32) and `shuffle` (true) on tensors. */
export type LrFinderOptions = OptionsOf<typeof lrFinderOptions>;

/** What `lrFinder` found. */
export interface LrFinderResult {
  /** The rates tried, one a batch, exponentially spaced from `startLr`. */
  readonly lrs: readonly number[];
  /** fastai's smoothed loss after each of those batches. */
  readonly losses: readonly number[];
  /** Each batch's own loss. */
  readonly rawLosses: readonly number[];
  /** fastai's four suggestions, on its window (see `suggestLrs`); `null` if the run diverged too soon for one. */
  readonly suggestions: LrSuggestions | null;
  /** The `steps` asked for (the window's start depends on it). */
  readonly steps: number;
  /** Whether the run stopped before `steps` batches, at a diverging (or non-finite) loss. */
  readonly diverged: boolean;
}

const isVariable = (x: unknown): x is VariableLike => typeof x === 'object' && x !== null && typeof (x as VariableLike).assign === 'function' && 'dataId' in x;

/** Everything of an optimizer a training run changes: its weights (iterations, moments), its tensors and its numbers. */
async function snapshotOptimizer(optimizer: FinderOptimizer): Promise<() => Promise<void>> {
  const target = optimizer as unknown as Record<string, unknown>;
  const weights = (await optimizer.getWeights()).map((w) => ({ name: w.name, tensor: w.tensor.clone() }));
  const variables = Object.entries(target).filter(([, v]) => isVariable(v)).map(([k, v]) => [k, (v as VariableLike).clone()] as const);
  const numbers = Object.entries(target).filter(([, v]) => typeof v === 'number') as [string, number][];
  return async () => {
    // The moments made during the test: replaced by the saved ones, then freed.
    const made = (await optimizer.getWeights()).slice(1).map((w) => w.tensor);
    await optimizer.setWeights(weights);
    for (const t of made) t.dispose();
    for (const w of weights) w.tensor.dispose();
    for (const [key, saved] of variables) {
      (target[key] as VariableLike).assign(saved);
      saved.dispose();
    }
    for (const [key, value] of numbers) target[key] = value;
  };
}

function checkModel(fn: string, model: LayersModelLike): FinderOptimizer {
  if (typeof model !== 'object' || model === null || typeof model.fit !== 'function' || typeof model.getWeights !== 'function') {
    throw new TypeError(`${fn}: model must be a TF.js LayersModel (tf.sequential(), tf.model()), got ${show(model)}`);
  }
  const optimizer = model.optimizer as FinderOptimizer | undefined | null;
  if (optimizer === undefined || optimizer === null) {
    throw new TypeError(`${fn}: model must be compiled first: model.compile({ optimizer, loss })`);
  }
  if (typeof optimizer.getWeights !== 'function' || typeof optimizer.setWeights !== 'function') {
    throw new TypeError(`${fn}: the model's optimizer (${show(optimizer.getClassName?.())}) cannot save its state (getWeights/setWeights), so it could not be restored`);
  }
  return optimizer;
}

/**
 * fastai's LR range test (`learn.lr_find()`): trains one batch at each rate of
 * `lrFinderSchedule(options)` (exponential from `startLr` towards `endLr`), records fastai's smoothed
 * loss, stops once it passes 4× its minimum, then restores the model's weights and the
 * optimizer's state (iterations, moments, accumulators, its rate and other numbers) exactly as
 * they were, even if training throws. Works with any compiled model and any optimizer
 * `tfjsOptimizerSink` drives (the rate is written through it), on tensors (`model.fit`) or on a
 * `tf.data.Dataset` (`model.fitDataset`).
 *
 * @param model a compiled TF.js model.
 * @param xs the inputs (a tensor or tensors), or a dataset of `{ xs, ys }` batches.
 * @param ys the targets (tensors form only).
 * @param options `startLr` (1e-7), `endLr` (10), `steps` (100), `batchSize` (32), `shuffle`
 *   (true), `beta` (0.98), `stopDiv` (true), `divergence` (4).
 * @returns the rates, the smoothed and raw losses, and fastai's four suggestions.
 * @throws RangeError or TypeError for bad options, an uncompiled model or an optimizer that cannot
 *   be restored, before anything is trained: the model is untouched.
 * @example
 * import * as tf from '@tensorflow/tfjs';
 * import { lrFinder } from 'rx-policy';
 * import { plotLrFinder } from 'rx-policy/plot';
 * const xs = tf.randomUniform([512, 1], -1, 1);
 * const ys = xs.mul(3).add(1);
 * const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1] })] });
 * model.compile({ optimizer: tf.train.sgd(0.01), loss: 'meanSquaredError' });
 * const result = await lrFinder(model, xs, ys, { startLr: 1e-7, endLr: 10, steps: 100, batchSize: 32 });
 * result.lrs[0]; // → 1e-7
 * console.log(result.suggestions?.valley.lr); // a rate below the divergence
 * await plotLrFinder(result, { out: 'lr-find.svg' });
 */
export function lrFinder(model: LayersModelLike, xs: TensorsLike, ys: TensorsLike, options?: LrFinderOptions): Promise<LrFinderResult>;
export function lrFinder(model: LayersModelLike, dataset: DatasetLike, options?: RangeTestOptions): Promise<LrFinderResult>;
export async function lrFinder(model: LayersModelLike, data: unknown, third?: unknown, fourth?: unknown): Promise<LrFinderResult> {
  const fn = 'lrFinder';
  const isDataset = typeof (data as DatasetLike | null)?.iterator === 'function';
  const given = ((isDataset ? third : fourth) ?? {}) as LrFinderOptions;
  const o = readRange(fn, isDataset ? rangeTestOptions : lrFinderOptions, given) as ReturnType<typeof readRange<typeof lrFinderOptions>>;
  const { batchSize, shuffle } = o;
  if (isDataset && fourth !== undefined) throw new TypeError(`${fn}: with a dataset, give (model, dataset, options); got a fourth argument ${show(fourth)}`);
  const optimizer = checkModel(fn, model);
  let epochs = o.steps;
  if (!isDataset) {
    // A tensor, an array of tensors, or named inputs: every one has the samples on its first axis.
    const first = (Array.isArray(data) ? data[0] : typeof (data as TensorLike | null)?.shape === 'object' ? data : Object.values((data ?? {}) as object)[0]) as TensorLike | undefined;
    const samples = first?.shape?.[0];
    if (typeof samples !== 'number' || samples < 1) throw new TypeError(`${fn}: xs must be a tensor (or tensors) with at least one sample, got ${show(data)}`);
    epochs = Math.ceil(o.steps / Math.ceil(samples / batchSize));
  }
  // The sink checks the optimizer class now, before anything is changed.
  const sink = tfjsOptimizerSink(optimizer, { params: ['lr'] });
  const fields = optimizer as unknown as Record<string, unknown>;
  const lr0 = fields['learningRate'];

  let restoreOptimizer: () => Promise<void>;
  try {
    restoreOptimizer = await snapshotOptimizer(optimizer);
  } catch (err) {
    throw new TypeError(`${fn}: the model's optimizer (${optimizer.getClassName()}) cannot save its state, so it could not be restored: ${(err as Error).message}`, { cause: err });
  }
  const weights = model.getWeights().map((w) => w.clone());
  const history = model.history;
  const points: RangePoint[] = [];
  let done = false;
  const loss$ = new Subject<number>();
  const subscription = loss$.pipe(lrRangeTest({ startLr: o.startLr, endLr: o.endLr, steps: o.steps, beta: o.beta, stopDiv: o.stopDiv, divergence: o.stopDiv ? o.divergence : undefined })).subscribe({
    next: (p) => points.push(p),
    complete: () => {
      done = true;
      model.stopTraining = true;
    },
  });
  let step = 0;
  const rates = lrFinderSchedule({ startLr: o.startLr, endLr: o.endLr, steps: o.steps });
  // One callback a batch: the loss of batch i is read, then the rate of batch i + 1 written.
  const callbacks = {
    onBatchEnd: (_batch: number, logs?: Record<string, unknown>) => {
      step++;
      const loss = logs?.['loss'];
      loss$.next(typeof loss === 'number' ? loss : NaN);
      if (!done && step < rates.length) sink.next?.({ lr: rates._at(step) });
    },
  };
  try {
    sink.next?.({ lr: rates._at(0) });
    if (isDataset) await (model.fitDataset as FitDataset).call(model, data, { epochs, verbose: 0, callbacks });
    else await (model.fit as Fit).call(model, data, third, { epochs, batchSize, shuffle, verbose: 0, callbacks });
  } finally {
    subscription.unsubscribe();
    model.setWeights(weights);
    for (const w of weights) w.dispose();
    await restoreOptimizer();
    if (typeof lr0 === 'number') sink.next?.({ lr: lr0 });
    model.history = history;
    model.stopTraining = false;
  }
  const lrs = points.map((p) => p.lr);
  const losses = points.map((p) => p.loss);
  const last = losses.at(-1) ?? NaN;
  const diverged = o.stopDiv && done && (points.length < o.steps || last > o.divergence * Math.min(...losses));
  return { lrs, losses, rawLosses: points.map((p) => p.raw), suggestions: suggestLrs(lrs, losses, o.steps), steps: o.steps, diverged };
}
