import { show } from '../internal/validate.js';
import { declare, integer, number, type ShapeOptionsOf } from '../internal/options.js';

const decl = declare('fitSteps', {
  samples: integer({ doc: 'number of training examples passed to fit (before the validation split)' }),
  batchSize: integer({ doc: "fit's batchSize (TF.js's default is 32)", min: 1, default: 32 }),
  epochs: integer({ doc: "fit's epochs (the epoch index the run stops before)", min: 0, default: 1 }),
  initialEpoch: integer({ doc: "fit's initialEpoch", min: 0, default: 0 }),
  validationSplit: number({ doc: "fit's validationSplit: the share of the samples kept out of training", min: 0, below: 1, default: 0 }),
  batchesPerEpoch: integer({ doc: "fitDataset's batchesPerEpoch (instead of samples)", min: 1 }),
});

type FitStepsShape = ShapeOptionsOf<typeof decl.shape>;

/**
 * The arguments of `fitSteps`: `fit`'s own (`samples` is the number of rows of `x`, with
 * `batchSize` and `validationSplit`), or `fitDataset`'s `batchesPerEpoch`: one of the two, as the run checks.
 */
export type FitStepsOptions = Pick<FitStepsShape, 'epochs' | 'initialEpoch'> &
  (
    | (Required<Pick<FitStepsShape, 'samples'>> &
        Pick<FitStepsShape, 'batchSize' | 'validationSplit'> & {
          /** Not with `samples`. */
          readonly batchesPerEpoch?: undefined;
        })
    | (Required<Pick<FitStepsShape, 'batchesPerEpoch'>> & {
        /** Not with `batchesPerEpoch`. */
        readonly samples?: undefined;
        /** Not with `batchesPerEpoch`: a dataset batches itself. */
        readonly batchSize?: undefined;
        /** Not with `batchesPerEpoch`. */
        readonly validationSplit?: undefined;
      })
  );

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
  const o = decl.read(options);
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
  const steps = perEpoch * epochs;
  if (!Number.isSafeInteger(steps)) throw new RangeError(`fitSteps: the run's ${perEpoch} batches an epoch × ${epochs} epochs must be a safe integer of steps, got ${steps}`);
  return steps;
}
