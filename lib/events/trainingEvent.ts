/** Metrics reported with an event, e.g. `{ loss: 0.3, acc: 0.9 }`. */
export type Logs = Readonly<Record<string, number>>;

/**
 * How long a run will be, as the trainer announces it at `trainBegin` (TF.js `model.fit` tells
 * its callbacks through `setParams`). `schedule` compares it with the policy's remaining steps.
 *
 * @example
 * import type { RunPlan } from 'rx-policy';
 * const run: RunPlan = { epochs: 10, batchesPerEpoch: 32 }; // fit(x, y, { epochs: 10 }) on 1,024 samples
 * const dataset: RunPlan = { epochs: 5, batchesPerEpoch: null, unknown: 'fitDataset without batchesPerEpoch' };
 */
export interface RunPlan {
  /** The epoch index the run stops before (`fit`'s `epochs`; with `initialEpoch: 3, epochs: 5`, epochs 3 and 4 run). */
  readonly epochs: number;
  /** Batches in each epoch, or `null` when the trainer cannot tell. */
  readonly batchesPerEpoch: number | null;
  /** Why `batchesPerEpoch` is `null`, for the message that says the length cannot be checked. */
  readonly unknown?: string;
}

/**
 * One event of a training loop: a small typed model shared by every trainer (TF.js `model.fit`,
 * a hand-written loop, a worker). Epoch and batch indices are 0-based. A run starts with
 * `trainBegin` (optionally carrying its `RunPlan`); each run counts its epochs on its own, so a
 * loop of one `fit` per epoch starts every run at epoch 0 (or at `initialEpoch`).
 *
 * @example
 * import { Subject } from 'rxjs';
 * import type { TrainingEvent } from 'rx-policy';
 * const events$ = new Subject<TrainingEvent>();
 * events$.next({ type: 'trainBegin', run: { epochs: 1, batchesPerEpoch: 2 } });
 * events$.next({ type: 'epochBegin', epoch: 0 });
 * events$.next({ type: 'batchBegin', epoch: 0, batch: 0 });
 */
export type TrainingEvent =
  | {
      /** A run starts: before its first epoch. */
      readonly type: 'trainBegin';
      /** How long the run will be, when the trainer says; absent when it does not. */
      readonly run?: RunPlan;
    }
  | {
      /** A run ended: after its last epoch (or when training was stopped). */
      readonly type: 'trainEnd';
      /** The metrics the trainer reports at the end of the run, if any. */
      readonly logs?: Logs;
    }
  | {
      /** An epoch starts. */
      readonly type: 'epochBegin';
      /** The epoch's index in its run, 0-based (counting from `initialEpoch` when `fit` is given one). */
      readonly epoch: number;
    }
  | {
      /** An epoch ended. */
      readonly type: 'epochEnd';
      /** The epoch's index in its run, 0-based. */
      readonly epoch: number;
      /** The epoch's metrics (e.g. `loss`, `val_loss`), if the trainer reports any. */
      readonly logs?: Logs;
    }
  | {
      /** A batch is about to train: the moment a schedule writes the values it trains with. */
      readonly type: 'batchBegin';
      /** The index of the epoch the batch belongs to, 0-based. */
      readonly epoch: number;
      /** The batch's index within its epoch, 0-based (it restarts at 0 each epoch). */
      readonly batch: number;
    }
  | {
      /** A batch has trained. */
      readonly type: 'batchEnd';
      /** The index of the epoch the batch belongs to, 0-based. */
      readonly epoch: number;
      /** The batch's index within its epoch, 0-based. */
      readonly batch: number;
      /** The batch's metrics (e.g. `loss`), if the trainer reports any. */
      readonly logs?: Logs;
    };

/**
 * The event types, for narrowing: `TrainingEventOf<'batchEnd'>`.
 * @typeParam T the event's `type`.
 */
export type TrainingEventOf<T extends TrainingEvent['type']> = Extract<TrainingEvent, {
  /** The event type kept. */
  type: T;
}>;
