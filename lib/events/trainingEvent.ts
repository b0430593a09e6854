/** Metrics reported with an event, e.g. `{ loss: 0.3, acc: 0.9 }`. */
export type Logs = Readonly<Record<string, number>>;

/**
 * One event of a training loop: a small typed model shared by every trainer (TF.js `model.fit`,
 * a hand-written loop, a worker). Epoch and batch indices are 0-based.
 *
 * @example
 * import { Subject } from 'rxjs';
 * import type { TrainingEvent } from 'rx-policy';
 * const events$ = new Subject<TrainingEvent>();
 * events$.next({ type: 'epochBegin', epoch: 0 });
 * events$.next({ type: 'batchBegin', epoch: 0, batch: 0 });
 */
export type TrainingEvent =
  | { readonly type: 'trainBegin' }
  | { readonly type: 'trainEnd'; readonly logs?: Logs }
  | { readonly type: 'epochBegin'; readonly epoch: number }
  | { readonly type: 'epochEnd'; readonly epoch: number; readonly logs?: Logs }
  | { readonly type: 'batchBegin'; readonly epoch: number; readonly batch: number }
  | { readonly type: 'batchEnd'; readonly epoch: number; readonly batch: number; readonly logs?: Logs };

/** The event types, for narrowing: `TrainingEventOf<'batchEnd'>`. */
export type TrainingEventOf<T extends TrainingEvent['type']> = Extract<TrainingEvent, { type: T }>;
