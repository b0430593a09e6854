import { defer, filter, map, type Observable, type OperatorFunction } from 'rxjs';
import { Stepped } from '../events/stepped.js';
import type { RunPlan, TrainingEvent } from '../events/trainingEvent.js';
import { boolean, declare, oneOf, type ShapeOptionsOf } from '../internal/options.js';
import { ParamStream } from '../internal/paramStream.js';
import { positiveCount, show } from '../internal/validate.js';
import type { Phase, PhaseValues } from '../phase.js';
import { OptimizerPolicy } from '../policy.js';

const decl = declare('schedule', {
  per: oneOf(['batch', 'epoch'] as const, {
    doc: "what one policy step is: 'batch' advances at every batch begin (Poutyne's policies), 'epoch' at every epoch begin",
    default: 'batch',
  }),
  horizon: oneOf(['warn', 'error', 'ignore'] as const, {
    doc: "a run longer than the policy's remaining steps: 'warn' once, 'error' before any value of the run is written, or 'ignore'",
    default: 'warn',
  }),
  withStep: boolean({ doc: 'emit each step as a Stepped { step, values } instead of the bare values', default: false }),
});

/** Options of `schedule`: `per` (`'batch'`), `horizon` (`'warn'`), `withStep` (`false`). */
export type ScheduleOptions = ShapeOptionsOf<typeof decl.shape>;

const integer = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;

function checkRun(run: unknown): string | undefined {
  if (typeof run !== 'object' || run === null || Array.isArray(run)) return `trainBegin run must be an object { epochs, batchesPerEpoch }, got ${show(run)}`;
  const r = run as Record<string, unknown>;
  // A misspelt key would be silently dropped from the plan.
  for (const key of Object.keys(r)) {
    if (key !== 'epochs' && key !== 'batchesPerEpoch' && key !== 'unknown') return `trainBegin run has an unknown key ${show(key)}; the keys are epochs, batchesPerEpoch, unknown`;
  }
  if (!integer(r['epochs'])) return `trainBegin run.epochs must be a non-negative integer, got ${show(r['epochs'])}`;
  const b = r['batchesPerEpoch'];
  if (b !== null && !(integer(b) && b > 0)) return `trainBegin run.batchesPerEpoch must be a positive integer or null, got ${show(b)}`;
  if (r['unknown'] !== undefined && typeof r['unknown'] !== 'string') return `trainBegin run.unknown must be a string (why batchesPerEpoch is null), got ${show(r['unknown'])}`;
  return undefined;
}

/**
 * Maps a stream of training events to parameter dicts: the policy advances once per batch begin
 * (or per epoch begin, with `{ per: 'epoch' }`) and the dict is emitted there, before the batch
 * runs. Completes when the policy runs out.
 *
 * Each `trainBegin` starts a new run: its epochs are counted afresh (a loop of one `fit` per
 * epoch, with or without `initialEpoch`), while the policy's cursor goes on where it was.
 *
 * The horizon check: when `trainBegin` says how long the run is (`fitCallbacks` passes on what
 * `fit` told it), the run's steps are compared with the policy's remaining steps at the run's
 * first epoch. A run that would go past the end of the policy (the last values would be held
 * for the rest of training) is reported once with both numbers and the fix (`'warn'`, the
 * default), made an error before any value of the run is written (`'error'`), or let through
 * (`'ignore'`). A run whose length the trainer cannot tell (a dataset without
 * `batchesPerEpoch`) is reported once, under `'warn'` and `'error'`.
 *
 * Events out of order are errors naming them, raised before the cursor moves: a batch begin
 * outside an epoch or tagged with another epoch, batch indices that do not increase within an
 * epoch, epoch indices that do not increase within a run, an epoch begin after `trainEnd`
 * without a new `trainBegin`, a negative or fractional index, a malformed run plan.
 *
 * @param policy The policy to advance (one subscription drives it at a time).
 * @param options `per` (`'batch'` | `'epoch'`), `horizon` (`'warn'` | `'error'` | `'ignore'`),
 *   `withStep` (emit `Stepped` `{ step, values }`).
 * @returns A pipeable operator from `TrainingEvent` to the policy's values (or `Stepped` values).
 * @throws TypeError for an unknown option or a value other than the listed ones.
 * @example
 * import { Subject } from 'rxjs';
 * import { OptimizerPolicy, Phase, linspace, schedule, applyTo, type TrainingEvent } from 'rx-policy';
 * const policy = new OptimizerPolicy([new Phase({ lr: linspace(0, 1, 5) })]);
 * const events$ = new Subject<TrainingEvent>(); // or fitCallbacks({ tf }).events$ for TF.js's model.fit
 * const optimizer = { lr: 0 };
 * events$.pipe(schedule(policy, { horizon: 'error' })).subscribe(applyTo(optimizer));
 * events$.next({ type: 'trainBegin', run: { epochs: 1, batchesPerEpoch: 2 } });
 * events$.next({ type: 'epochBegin', epoch: 0 });
 * events$.next({ type: 'batchBegin', epoch: 0, batch: 0 });
 * events$.next({ type: 'batchBegin', epoch: 0, batch: 1 });
 * optimizer.lr; // → 0.25
 * policy.currentStep; // → 2
 */
export function schedule<P extends Phase>(policy: OptimizerPolicy<P>, options: ScheduleOptions & { readonly withStep: true }): OperatorFunction<TrainingEvent, Stepped<PhaseValues<P>>>;
export function schedule<P extends Phase>(policy: OptimizerPolicy<P>, options?: ScheduleOptions & { readonly withStep?: false }): OperatorFunction<TrainingEvent, PhaseValues<P>>;
export function schedule<P extends Phase>(policy: OptimizerPolicy<P>, options?: ScheduleOptions): OperatorFunction<TrainingEvent, PhaseValues<P> | Stepped<PhaseValues<P>>>;
export function schedule<P extends Phase>(policy: OptimizerPolicy<P>, options: ScheduleOptions = {}): OperatorFunction<TrainingEvent, PhaseValues<P> | Stepped<PhaseValues<P>>> {
  if (!(policy instanceof OptimizerPolicy)) throw new TypeError(`schedule: policy must be an OptimizerPolicy, got ${show(policy)}`);
  const { per, horizon, withStep } = decl.read(options);
  return (events$) => {
    // The step the next emitted values belong to, noted just before the policy is advanced.
    let nextStep = 0;
    // A step for each event that advances the policy. Built from RxJS's own operators, so that
    // unsubscribing reaches `events$` at once, even in the middle of a synchronous one, and a bad
    // event (thrown below) is an error notification; `defer` gives each subscription its own run state.
    const step$: Observable<TrainingEvent> = defer(() => {
      let epoch = -1;
      let batch = -1;
      let ended = false;
      let run: RunPlan | undefined;
      let checkPending = false;
      let warned = false;
      let toldUnknown = false;
      const fail = (message: string): never => {
        throw new RangeError(`schedule: ${message}`);
      };
      // At the first epoch of a run that announced its length; throws under 'error'.
      const checkHorizon = (firstEpoch: number): void => {
        if (horizon === 'ignore' || run === undefined) return;
        const left = Math.max(0, policy.length - policy.currentStep);
        const epochs = Math.max(0, run.epochs - firstEpoch);
        if (per === 'batch' && run.batchesPerEpoch === null) {
          if (!toldUnknown) {
            toldUnknown = true;
            console.warn(
              `schedule: ${run.unknown ?? 'the trainer did not say how many batches an epoch has'}, so this run's length cannot be checked against the policy's ${left} steps left; pass batchesPerEpoch, or { horizon: 'ignore' } to silence this`,
            );
          }
          return;
        }
        const planned = per === 'epoch' ? epochs : epochs * run.batchesPerEpoch!;
        if (planned <= left) return;
        const what = per === 'epoch' ? `${planned} epochs` : `${planned} batches (${epochs} epochs × ${run.batchesPerEpoch})`;
        const message =
          `schedule: this run takes ${what} but the policy has ${left} steps left (step ${policy.currentStep} of ${policy.length}), ` +
          `so the last ${planned - left} ${per === 'epoch' ? 'epochs' : 'batches'} would run on its final values; ` +
          `size the policy to ${policy.currentStep + planned} steps (fitSteps() counts a fit's batches), or pass { horizon: 'ignore' }`;
        if (horizon === 'error') throw new RangeError(message);
        if (!warned) {
          warned = true;
          console.warn(message);
        }
      };
      // Checks an event and says whether it is a step of the policy.
      const isStep = (event: TrainingEvent): boolean => {
        if (typeof event !== 'object' || event === null) return fail(`an event must be an object { type, … }, got ${show(event)}`);
        switch (event.type) {
          case 'trainBegin': {
            if (event.run !== undefined) {
              const problem = checkRun(event.run);
              if (problem !== undefined) return fail(problem);
            }
            run = event.run;
            checkPending = true;
            epoch = -1;
            batch = -1;
            ended = false;
            return false;
          }
          case 'trainEnd':
            ended = true;
            return false;
          case 'epochBegin': {
            const e = event.epoch;
            if (!integer(e)) return fail(`epoch begin ${show(e)}: an epoch index must be a non-negative integer`);
            if (ended) return fail(`epoch begin ${e} after train end; a new run starts with trainBegin`);
            if (!(e > epoch)) return fail(`epoch begin ${e} after epoch ${epoch}; epochs must increase within a run (a new fit starts with trainBegin)`);
            if (checkPending) {
              checkPending = false;
              checkHorizon(e);
            }
            epoch = e;
            batch = -1;
            return per === 'epoch';
          }
          case 'batchBegin': {
            const b = event.batch;
            if (!integer(b)) return fail(`batch begin ${show(b)}: a batch index must be a non-negative integer`);
            if (epoch < 0 || ended) return fail(`batch begin ${b} before any epoch begin`);
            if (event.epoch !== epoch) return fail(`batch begin ${b} tagged epoch ${show(event.epoch)} in epoch ${epoch}`);
            if (!(b > batch)) return fail(`batch begin ${b} in epoch ${epoch} after batch ${batch}; batch indices must increase`);
            batch = b;
            return per === 'batch';
          }
          case 'epochEnd':
          case 'batchEnd':
            return false;
          default:
            // A misspelt type ('batchbegin') would otherwise never advance the policy.
            return fail(`unknown event type ${show((event as { type?: unknown }).type)}; the types are trainBegin, trainEnd, epochBegin, epochEnd, batchBegin, batchEnd`);
        }
      };
      // One operator a step (the policy ignores what step$ emits): noted just before the policy is advanced.
      return events$.pipe(
        filter((event) => {
          if (!isStep(event)) return false;
          nextStep = policy.currentStep;
          return true;
        }),
      );
    });
    const values$ = policy.drive(step$);
    if (!withStep) return values$;
    // Subscribed with the subscriber itself, so that its unsubscription reaches the policy at once.
    return new ParamStream<Stepped<PhaseValues<P>>>(policy.params, (subscriber) => values$.pipe(map((values) => new Stepped(nextStep, values))).subscribe(subscriber));
  };
}

/**
 * Converts epochs to policy steps for a batch-stepped policy: `epochs · stepsPerEpoch`. Make the
 * horizon explicit: a per-batch policy sized in epochs decays far too fast (a known silent bug).
 * `fitSteps` counts the batches of a `fit` call from its own arguments.
 * @param epochs A positive integer.
 * @param stepsPerEpoch A positive integer.
 * @returns `epochs · stepsPerEpoch`.
 * @throws RangeError naming the argument that is not a positive integer, or when the product is past 2^53 − 1.
 * @example
 * import { OptimizerPolicy, epochsToSteps, oneCyclePhases } from 'rx-policy';
 * const policy = new OptimizerPolicy(oneCyclePhases({ steps: epochsToSteps(5, 100) }));
 * policy.length; // → 500
 */
export function epochsToSteps(epochs: number, stepsPerEpoch: number): number {
  const steps = positiveCount('epochsToSteps', 'epochs', epochs) * positiveCount('epochsToSteps', 'stepsPerEpoch', stepsPerEpoch);
  if (!Number.isSafeInteger(steps)) throw new RangeError(`epochsToSteps: epochs · stepsPerEpoch must be a safe integer, got ${epochs} · ${stepsPerEpoch}`);
  return steps;
}
