import { describe, expect, it } from 'vitest';
import { fitCallbacks, type TrainingEvent } from '../../lib/index.js';

describe('fitCallbacks: TF.js fit hooks → TrainingEvent stream', () => {
  it('tags batches with their epoch and keeps numeric logs', () => {
    const { events$, callbacks } = fitCallbacks();
    const seen: TrainingEvent[] = [];
    events$.subscribe((e) => seen.push(e));
    callbacks.onTrainBegin();
    callbacks.onEpochBegin(0);
    callbacks.onBatchBegin(0, { batch: 0, size: 4 });
    callbacks.onBatchEnd(0, { loss: 0.5, note: 'x' });
    callbacks.onEpochEnd(0, { loss: 0.4, val_loss: 0.45 });
    callbacks.onEpochBegin(1);
    callbacks.onBatchBegin(0);
    callbacks.onTrainEnd();
    expect(seen).toEqual([
      { type: 'trainBegin' },
      { type: 'epochBegin', epoch: 0 },
      { type: 'batchBegin', epoch: 0, batch: 0 },
      { type: 'batchEnd', epoch: 0, batch: 0, logs: { loss: 0.5 } },
      { type: 'epochEnd', epoch: 0, logs: { loss: 0.4, val_loss: 0.45 } },
      { type: 'epochBegin', epoch: 1 },
      { type: 'batchBegin', epoch: 1, batch: 0 },
      { type: 'trainEnd' },
    ]);
  });
});
