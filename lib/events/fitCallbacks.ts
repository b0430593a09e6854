import { Subject, type Observable } from 'rxjs';
import { custom, declare, type ShapeOptionsOf } from '../internal/options.js';
import { mustBe } from '../internal/validate.js';
import type { Logs, RunPlan, TrainingEvent } from './trainingEvent.js';

/**
 * The callback surface TF.js `model.fit` / `fitDataset` drive (tfjs-layers' `BaseCallback`):
 * `setParams` and `setModel` before the run, then the six hooks, each awaited.
 */
export interface FitCallbacks extends FitHooks {
  /**
   * Receives the run's parameters before it starts; the bridge reads the run's length from them.
   * @param params what TF.js passes: `epochs`, and `samples` and `batchSize` (`fit`) or `steps` (`fitDataset`).
   */
  setParams(params: Readonly<Record<string, unknown>>): void;
  /**
   * Receives the model being trained; the bridge does not use it.
   * @param model the TF.js model.
   */
  setModel(model: unknown): void;
}

/** The part of the TF.js module the bridge uses: its `CustomCallback` class (`tf.CustomCallback`). */
export interface TfjsCallbacksModule {
  /** TF.js's `CustomCallback` class. */
  readonly CustomCallback: {
    /**
     * Builds a TF.js callback that runs the given hooks.
     * @param args the hooks the callback runs.
     * @returns the callback, a `tf.Callback` TF.js accepts among its own.
     */
    new (args: FitHooks): object;
  };
}

/** Hooks as `tf.CustomCallback` takes them. */
export interface FitHooks {
  /**
   * Called once before the first epoch; emits `trainBegin` (with the run's length when TF.js tells it).
   * @param logs TF.js's logs (unused).
   * @returns a promise TF.js awaits; it rejects with the error given to `fail`.
   */
  onTrainBegin(logs?: unknown): Promise<void>;
  /**
   * Called once after the last epoch; emits `trainEnd` with the numeric logs.
   * @param logs the run's logs: numbers, or scalar tensors the bridge reads (and disposes).
   * @returns a promise TF.js awaits; it rejects with the error given to `fail`.
   */
  onTrainEnd(logs?: unknown): Promise<void>;
  /**
   * Called at the start of each epoch; emits `epochBegin`.
   * @param epoch the epoch's index, 0-based (from `initialEpoch` when given).
   * @param logs TF.js's logs (unused).
   * @returns a promise TF.js awaits; it rejects with the error given to `fail`.
   */
  onEpochBegin(epoch: number, logs?: unknown): Promise<void>;
  /**
   * Called at the end of each epoch; emits `epochEnd` with the numeric logs.
   * @param epoch the epoch's index, 0-based.
   * @param logs the epoch's logs (`loss`, `val_loss`, …): numbers, or scalar tensors the bridge reads (and disposes).
   * @returns a promise TF.js awaits; it rejects with the error given to `fail`.
   */
  onEpochEnd(epoch: number, logs?: unknown): Promise<void>;
  /**
   * Called before each batch trains; emits `batchBegin`, tagged with the current epoch.
   * @param batch the batch's index within its epoch, 0-based.
   * @param logs TF.js's logs (unused).
   * @returns a promise TF.js awaits; it rejects with the error given to `fail`.
   */
  onBatchBegin(batch: number, logs?: unknown): Promise<void>;
  /**
   * Called after each batch has trained; emits `batchEnd` with the numeric logs.
   * @param batch the batch's index within its epoch, 0-based.
   * @param logs the batch's logs (`loss`, …): numbers, or scalar tensors the bridge reads (and disposes).
   * @returns a promise TF.js awaits; it rejects with the error given to `fail`.
   */
  onBatchEnd(batch: number, logs?: unknown): Promise<void>;
}

/** Options of `fitCallbacks`. */
const tfPhrase = 'the TF.js module (with tf.CustomCallback)';
const fitCallbacksOptions = declare('fitCallbacks', {
  tf: custom<TfjsCallbacksModule, { readonly doc: string }>(
    'object',
    tfPhrase,
    { doc: "The TF.js module (`import * as tf from '@tensorflow/tfjs'`). With it, `callbacks` is a real `tf.CustomCallback`, so it mixes with TF.js's own callbacks in any order. rx-policy never imports TF.js itself." },
    (fn, arg, v) => (typeof (v as TfjsCallbacksModule | null)?.CustomCallback === 'function' ? (v as TfjsCallbacksModule) : mustBe(fn, arg, tfPhrase, v, TypeError)),
  ),
});

/** Options of `fitCallbacks`: `tf`, the TF.js module, so that `callbacks` is a real `tf.CustomCallback`. */
export type FitCallbacksOptions = ShapeOptionsOf<typeof fitCallbacksOptions.shape>;

/** A bridge from TF.js fit callbacks to a training event stream. */
export interface FitBridge {
  /**
   * Emits synchronously inside each callback, so a schedule is applied before the batch runs. A
   * hot stream, shared by every subscriber: it replays nothing, so subscribe before `fit` (a
   * subscriber that comes later sees the events from then on). It never completes, since one
   * bridge serves any number of `fit` calls.
   */
  readonly events$: Observable<TrainingEvent>;
  /** Pass as `model.fit(x, y, { callbacks })`, or as one element of a callbacks array. */
  readonly callbacks: FitCallbacks;
  /**
   * Makes the running `fit` reject with `error`, from the hook that is running (or the next
   * one): TF.js awaits each hook, so no further batch runs. Pass it as the error handler of the
   * sink, so an error of the values stream (the horizon check, a parameter the optimizer lacks)
   * ends the run instead of training on stale values. The next `fit` starts clean.
   * @example
   * import * as tf from '@tensorflow/tfjs';
   * import { OptimizerPolicy, Phase, linspace, fitCallbacks, schedule, tfjsOptimizerSink } from 'rx-policy';
   * const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1] })] });
   * const optimizer = tf.train.sgd(0.1);
   * model.compile({ optimizer, loss: 'meanSquaredError' });
   * const policy = new OptimizerPolicy([new Phase({ lr: linspace(0.1, 0, 4) })]); // 4 steps for a run of 8
   * const { events$, callbacks, fail } = fitCallbacks({ tf });
   * events$.pipe(schedule(policy, { horizon: 'error' })).subscribe({ ...tfjsOptimizerSink(optimizer), error: fail });
   * const fit = model.fit(tf.zeros([8, 1]), tf.zeros([8, 1]), { epochs: 2, batchSize: 2, callbacks, verbose: 0 });
   * const message = await fit.then(() => 'trained', (e: Error) => e.message);
   * message.startsWith('schedule: this run takes 8 batches (2 epochs × 4) but the policy has 4 steps left'); // → true
   * policy.currentStep; // → 0
   */
  readonly fail: (error: unknown) => void;
}

const HOOKS = ['onTrainBegin', 'onTrainEnd', 'onEpochBegin', 'onEpochEnd', 'onBatchBegin', 'onBatchEnd'] as const;

const logsOf = (logs: unknown): Logs | undefined => {
  if (typeof logs !== 'object' || logs === null) return undefined;
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(logs)) if (typeof value === 'number') out[key] = value;
  return out;
};

interface ScalarLike {
  data(): Promise<ArrayLike<number>>;
  dispose(): void;
}

/**
 * Replaces the scalar tensors TF.js puts in its logs by their numbers, in place, as TF.js does
 * before calling a `CustomCallback`'s hooks (and disposes them, as it does). Undefined when the
 * logs hold numbers only, so that the hook emits without waiting.
 */
function resolveLogs(logs: unknown): Promise<void> | undefined {
  if (typeof logs !== 'object' || logs === null) return undefined;
  const record = logs as Record<string, unknown>;
  const keys = Object.keys(record).filter((key) => typeof (record[key] as Partial<ScalarLike> | null)?.data === 'function');
  if (keys.length === 0) return undefined;
  return Promise.all(keys.map((key) => (record[key] as ScalarLike).data())).then((values) => {
    keys.forEach((key, i) => {
      const scalar = record[key] as ScalarLike;
      record[key] = values[i]![0];
      scalar.dispose();
    });
  });
}

const count = (x: unknown): number | null => (typeof x === 'number' && Number.isSafeInteger(x) && x >= 0 ? x : null);

/** The run's length from the parameters TF.js hands its callbacks (`configureCallbacks`). */
function planOf(params: unknown): RunPlan | undefined {
  if (typeof params !== 'object' || params === null) return undefined;
  const p = params as Record<string, unknown>;
  const epochs = count(p['epochs']);
  if (epochs === null) return undefined;
  // fit: samples (after the validation split) and batchSize; fitDataset: steps = batchesPerEpoch, or null.
  const steps = count(p['steps']);
  const samples = count(p['samples']);
  const batchSize = count(p['batchSize']);
  if (steps !== null) return { epochs, batchesPerEpoch: steps };
  if (samples !== null && batchSize !== null && batchSize > 0) return { epochs, batchesPerEpoch: Math.ceil(samples / batchSize) };
  return { epochs, batchesPerEpoch: null, unknown: 'TF.js does not know how many batches an epoch has (fitDataset without batchesPerEpoch)' };
}

/**
 * Bridges TF.js `model.fit` / `fitDataset` callbacks into a `TrainingEvent` stream. TF.js awaits
 * each callback before the next batch and the events are emitted in it, so values written by a
 * sink take effect for that very batch. Batch indices from TF.js restart at 0 each epoch; the
 * bridge tags each with its epoch. At `trainBegin` it passes on how long the run will be (from
 * the parameters TF.js gives its callbacks), which `schedule` checks against the policy.
 *
 * `callbacks` works alone and in a callbacks array. TF.js decides by the array's first element:
 * if it is a TF.js callback, every element must be one; otherwise each is wrapped as a plain
 * hooks object, which breaks TF.js's own callbacks placed after it. So pass `{ tf }` to mix
 * with `tf.callbacks.earlyStopping()` or `new tf.CustomCallback(…)` in any order (then wrap
 * plain hook objects in `new tf.CustomCallback(…)` too, or put them first); without `tf`, the
 * bridge mixes with plain hook objects in any order and may follow TF.js callbacks.
 *
 * One bridge serves any number of `fit` calls: each starts a new run (`trainBegin`), and a
 * schedule keeps its cursor across them.
 *
 * @param options `{ tf }`: the TF.js module, for a bridge TF.js treats as its own callback.
 * @returns `{ events$, callbacks, fail }`.
 * @throws TypeError when `tf` is given without a `CustomCallback` class.
 * @example
 * import * as tf from '@tensorflow/tfjs';
 * import { OptimizerPolicy, fitCallbacks, fitSteps, oneCyclePhases, schedule, tfjsOptimizerSink } from 'rx-policy';
 * const xs = tf.randomUniform([256, 1], -1, 1);
 * const ys = xs.mul(3).add(1);
 * const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1] })] });
 * const optimizer = tf.train.momentum(0.01, 0.95);
 * model.compile({ optimizer, loss: 'meanSquaredError' });
 * const policy = new OptimizerPolicy(oneCyclePhases({ steps: fitSteps({ samples: 256, batchSize: 32, epochs: 5 }) }));
 * const { events$, callbacks } = fitCallbacks({ tf });
 * events$.pipe(schedule(policy)).subscribe(tfjsOptimizerSink(optimizer));
 * await model.fit(xs, ys, { epochs: 5, batchSize: 32, callbacks: [callbacks, tf.callbacks.earlyStopping({ monitor: 'loss', patience: 5 })], verbose: 0 });
 * policy.currentStep; // → 40
 */
export function fitCallbacks(options: FitCallbacksOptions = {}): FitBridge {
  const { tf } = fitCallbacksOptions.read(options);
  const events$ = new Subject<TrainingEvent>();
  let epoch = -1;
  let failure: { error: unknown } | undefined;
  // After each emission: a failure handed over by `fail` rejects the hook, and so the fit.
  const emit = (event: TrainingEvent) => {
    events$.next(event);
    if (failure !== undefined) {
      const { error } = failure;
      failure = undefined;
      throw error;
    }
  };

  // Plain functions, not arrows: `this` is the object TF.js calls them on, which holds the
  // params TF.js handed over (the bridge itself, or the CustomCallback TF.js wrapped it in).
  const hooks: FitHooks = {
    async onTrainBegin(this: unknown) {
      epoch = -1;
      failure = undefined;
      const run = planOf((this as { params?: unknown } | undefined)?.params);
      emit(run ? { type: 'trainBegin', run } : { type: 'trainBegin' });
    },
    async onTrainEnd(logs) {
      const pending = resolveLogs(logs);
      if (pending) await pending;
      const l = logsOf(logs);
      emit(l ? { type: 'trainEnd', logs: l } : { type: 'trainEnd' });
    },
    async onEpochBegin(e) {
      epoch = e;
      emit({ type: 'epochBegin', epoch: e });
    },
    async onEpochEnd(e, logs) {
      const pending = resolveLogs(logs);
      if (pending) await pending;
      const l = logsOf(logs);
      emit(l ? { type: 'epochEnd', epoch: e, logs: l } : { type: 'epochEnd', epoch: e });
    },
    async onBatchBegin(batch) {
      emit({ type: 'batchBegin', epoch, batch });
    },
    async onBatchEnd(batch, logs) {
      const pending = resolveLogs(logs);
      if (pending) await pending;
      const l = logsOf(logs);
      emit(l ? { type: 'batchEnd', epoch, batch, logs: l } : { type: 'batchEnd', epoch, batch });
    },
  };

  let callbacks: FitCallbacks;
  if (tf === undefined) {
    callbacks = {
      // BaseCallback's fields, so TF.js can use the object as is after one of its own callbacks.
      validationData: null,
      params: undefined as unknown,
      setParams(params: Readonly<Record<string, unknown>>) {
        this.params = params;
      },
      setModel() {},
      ...hooks,
    } as FitCallbacks & { params: unknown; validationData: null };
  } else {
    const instance = new tf.CustomCallback(hooks) as FitCallbacks & Record<string, unknown>;
    const proto = Object.getPrototypeOf(instance) as Record<string, (...args: unknown[]) => Promise<void>>;
    // Called by TF.js directly, the instance runs CustomCallback's own hook (which awaits the
    // logs, calls our hook and yields to the event loop as TF.js does). Wrapped by TF.js in
    // another CustomCallback (when a plain object comes first), its hooks are copied off it and
    // called on the wrapper: they must then run ours, not CustomCallback's, which would call the
    // wrapper's copy of itself forever.
    for (const name of HOOKS) {
      const own = proto[name]!;
      const ours = hooks[name] as (...args: unknown[]) => Promise<void>;
      instance[name] = function (this: unknown, ...args: unknown[]) {
        return this === instance ? own.apply(this, args) : ours.apply(this, args);
      };
    }
    callbacks = instance;
  }
  const fail = (error: unknown) => {
    failure ??= { error };
  };
  return { events$: events$.asObservable(), callbacks, fail };
}
