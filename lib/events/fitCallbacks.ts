import { Subject, type Observable } from 'rxjs';
import type { Logs, TrainingEvent } from './trainingEvent.js';

/** The callback hooks TF.js `model.fit` / `fitDataset` call (its `CustomCallbackArgs`), typed structurally. */
export interface FitCallbacks {
  onTrainBegin(logs?: unknown): void;
  onTrainEnd(logs?: unknown): void;
  onEpochBegin(epoch: number, logs?: unknown): void;
  onEpochEnd(epoch: number, logs?: unknown): void;
  onBatchBegin(batch: number, logs?: unknown): void;
  onBatchEnd(batch: number, logs?: unknown): void;
}

/** A bridge from TF.js fit callbacks to a training event stream. */
export interface FitBridge {
  /** Emits synchronously inside each callback, so a schedule is applied before the batch runs. */
  readonly events$: Observable<TrainingEvent>;
  /** Pass as `model.fit(x, y, { callbacks })`. */
  readonly callbacks: FitCallbacks;
}

/**
 * Bridges TF.js `model.fit` callbacks (`onBatchBegin`, `onEpochBegin`, …) into a `TrainingEvent`
 * stream. TF.js awaits each callback before the next batch, and the events are emitted
 * synchronously in it, so values written by a sink take effect for that very batch.
 * Batch indices from TF.js restart at 0 each epoch; the bridge tags each with its epoch.
 *
 * @example
 * const { events$, callbacks } = fitCallbacks();
 * events$.pipe(schedule(policy)).subscribe(tfjsOptimizerSink(model.optimizer));
 * await model.fit(xs, ys, { epochs: 5, batchSize: 32, callbacks });
 */
export function fitCallbacks(): FitBridge {
  const events$ = new Subject<TrainingEvent>();
  let epoch = -1;
  const logsOf = (logs: unknown): Logs | undefined => {
    if (typeof logs !== 'object' || logs === null) return undefined;
    const out: Record<string, number> = {};
    for (const [key, value] of Object.entries(logs)) if (typeof value === 'number') out[key] = value;
    return out;
  };
  const callbacks: FitCallbacks = {
    onTrainBegin: () => events$.next({ type: 'trainBegin' }),
    onTrainEnd: (logs) => {
      const l = logsOf(logs);
      events$.next(l ? { type: 'trainEnd', logs: l } : { type: 'trainEnd' });
    },
    onEpochBegin: (e) => {
      epoch = e;
      events$.next({ type: 'epochBegin', epoch: e });
    },
    onEpochEnd: (e, logs) => {
      const l = logsOf(logs);
      events$.next(l ? { type: 'epochEnd', epoch: e, logs: l } : { type: 'epochEnd', epoch: e });
    },
    onBatchBegin: (batch) => events$.next({ type: 'batchBegin', epoch, batch }),
    onBatchEnd: (batch, logs) => {
      const l = logsOf(logs);
      events$.next(l ? { type: 'batchEnd', epoch, batch, logs: l } : { type: 'batchEnd', epoch, batch });
    },
  };
  return { events$: events$.asObservable(), callbacks };
}
