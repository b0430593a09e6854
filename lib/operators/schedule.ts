import { Observable, type OperatorFunction } from 'rxjs';
import type { TrainingEvent } from '../events/trainingEvent.js';
import { knownKeys, plainObject, positiveCount, show } from '../internal/validate.js';
import type { Phase, PhaseValues } from '../phase.js';
import type { OptimizerPolicy } from '../policy.js';

/** Options of `schedule`. */
export interface ScheduleOptions {
  /**
   * What one policy step is: `'batch'` (default, Poutyne's policies) advances on every batch begin;
   * `'epoch'` advances on every epoch begin, for a policy whose length is counted in epochs.
   */
  readonly per?: 'batch' | 'epoch';
}

/**
 * Maps a stream of training events to parameter dicts: the policy advances once per batch begin
 * (or per epoch begin, with `{ per: 'epoch' }`) and the dict is emitted there, before the batch
 * runs. Completes when the policy runs out. Events out of order are an error naming them: a batch
 * begin before any epoch begin, a batch index that does not increase within an epoch, an epoch
 * index that does not increase.
 *
 * @example
 * const { events$, callbacks } = fitCallbacks();
 * events$.pipe(schedule(policy)).subscribe(({ lr }) => optimizer.setLearningRate(lr));
 */
export function schedule<P extends Phase>(policy: OptimizerPolicy<P>, options: ScheduleOptions = {}): OperatorFunction<TrainingEvent, PhaseValues<P>> {
  plainObject('schedule', 'options', options);
  knownKeys('schedule', 'option', options as Record<string, unknown>, ['per']);
  const per = options.per ?? 'batch';
  if (per !== 'batch' && per !== 'epoch') throw new TypeError(`schedule: per must be 'batch' or 'epoch', got ${show(per)}`);
  const trigger = per === 'batch' ? 'batchBegin' : 'epochBegin';
  return (events$) =>
    policy.drive(
      new Observable<void>((subscriber) => {
        let epoch = -1;
        let batch = -1;
        return events$.subscribe({
          next(event) {
            if (event.type === 'epochBegin') {
              if (!(event.epoch > epoch)) {
                return subscriber.error(new RangeError(`schedule: epoch begin ${event.epoch} after epoch ${epoch}; epochs must increase`));
              }
              epoch = event.epoch;
              batch = -1;
            } else if (event.type === 'batchBegin') {
              if (epoch < 0) return subscriber.error(new RangeError(`schedule: batch begin ${event.batch} before any epoch begin`));
              if (!(event.batch > batch)) {
                return subscriber.error(new RangeError(`schedule: batch begin ${event.batch} in epoch ${epoch} after batch ${batch}; batch indices must increase`));
              }
              batch = event.batch;
            }
            if (event.type === trigger) subscriber.next();
          },
          error: (err: unknown) => subscriber.error(err),
          complete: () => subscriber.complete(),
        });
      }),
    );
}

/**
 * Converts epochs to policy steps for a batch-stepped policy: `epochs · stepsPerEpoch`. Make the
 * horizon explicit: a per-batch policy sized in epochs decays far too fast (a known silent bug).
 * @example new OptimizerPolicy(oneCyclePhases({ steps: epochsToSteps(5, 100) })); // 500 steps
 */
export function epochsToSteps(epochs: number, stepsPerEpoch: number): number {
  return positiveCount('epochsToSteps', 'epochs', epochs) * positiveCount('epochsToSteps', 'stepsPerEpoch', stepsPerEpoch);
}
