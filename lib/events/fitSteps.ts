import { count, fraction, knownKeys, plainObject, positiveCount, show } from '../internal/validate.js';

/** The arguments of `fitSteps`: `fit`'s own (`samples` is the number of rows of `x`), or `fitDataset`'s `batchesPerEpoch`. */
export interface FitStepsOptions {
  /** Training examples passed to `fit`, before the validation split. */
  readonly samples?: number;
  /** `fit`'s `batchSize`: a positive integer, 32 by default as in TF.js. */
  readonly batchSize?: number;
  /** `fit`'s `epochs`, the epoch index the run stops before: 1 by default. */
  readonly epochs?: number;
  /** `fit`'s `initialEpoch`: 0 by default. */
  readonly initialEpoch?: number;
  /** `fit`'s `validationSplit`, the share of the samples kept out of training, in [0, 1): 0 by default. */
  readonly validationSplit?: number;
  /** `fitDataset`'s `batchesPerEpoch`, instead of `samples`. */
  readonly batchesPerEpoch?: number;
}

/**
 * The number of batches (optimizer steps) a TF.js `fit` call will run, from its arguments, so a
 * per-batch policy can be sized exactly: `ceil(floor(samples·(1 − validationSplit)) / batchSize)`
 * batches in each of `epochs − initialEpoch` epochs, as TF.js splits and batches; with
 * `batchesPerEpoch` (a dataset), `batchesPerEpoch · (epochs − initialEpoch)`.
 *
 * @param options `samples`, `batchSize` (32), `epochs` (1), `initialEpoch` (0), `validationSplit` (0), or `batchesPerEpoch`.
 * @returns The number of steps, 0 when `initialEpoch ≥ epochs`.
 * @throws RangeError/TypeError naming the option, for a missing or invalid one, or both `samples` and `batchesPerEpoch`.
 * @example
 * import { OptimizerPolicy, fitSteps, oneCyclePhases } from 'rx-policy';
 * fitSteps({ samples: 1000, batchSize: 32, epochs: 10, validationSplit: 0.2 }); // → 250
 * fitSteps({ batchesPerEpoch: 50, epochs: 4 }); // → 200
 * const policy = new OptimizerPolicy(oneCyclePhases({ steps: fitSteps({ samples: 1000, epochs: 10, validationSplit: 0.2 }) }));
 * policy.length; // → 250
 */
export function fitSteps(options: FitStepsOptions): number {
  const given = plainObject('fitSteps', 'options', options);
  knownKeys('fitSteps', 'option', given, ['samples', 'batchSize', 'epochs', 'initialEpoch', 'validationSplit', 'batchesPerEpoch']);
  const opt = (key: string, read: (fn: string, arg: string, v: unknown) => number, fallback?: number) => (given[key] === undefined ? fallback : read('fitSteps', key, given[key]));
  const o = {
    samples: opt('samples', count),
    batchSize: opt('batchSize', positiveCount, 32)!,
    epochs: opt('epochs', count, 1)!,
    initialEpoch: opt('initialEpoch', count, 0)!,
    validationSplit: opt('validationSplit', fraction, 0)!,
    batchesPerEpoch: opt('batchesPerEpoch', positiveCount),
  };
  if (o.samples === undefined && o.batchesPerEpoch === undefined) {
    throw new TypeError(`fitSteps: give samples (model.fit) or batchesPerEpoch (model.fitDataset), got ${show(options)}`);
  }
  if (o.samples !== undefined && o.batchesPerEpoch !== undefined) {
    throw new TypeError(`fitSteps: give samples or batchesPerEpoch, not both, got ${show(options)}`);
  }
  if (o.batchesPerEpoch !== undefined && (options.validationSplit !== undefined || options.batchSize !== undefined)) {
    throw new TypeError(`fitSteps: validationSplit and batchSize apply to samples, not to batchesPerEpoch (a dataset batches itself), got ${show(options)}`);
  }
  const epochs = Math.max(0, o.epochs - o.initialEpoch);
  // TF.js: splitAt = floor(rows · (1 − validationSplit)); batches of batchSize, the last one shorter.
  const perEpoch = o.batchesPerEpoch ?? Math.ceil(Math.floor(o.samples! * (1 - o.validationSplit)) / o.batchSize);
  return perEpoch * epochs;
}
