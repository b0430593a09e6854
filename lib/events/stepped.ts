/**
 * One step's values with the policy step they belong to, as `schedule(policy, { withStep: true })`
 * emits them: for logs and dashboards, with no reading of `policy.currentStep` by hand.
 * `reduceOnPlateau` and every sink accept it in place of the bare values (the sink writes
 * `values`), so the step travels with the value to wherever it is applied.
 *
 * @example
 * import { Subject } from 'rxjs';
 * import { OptimizerPolicy, Phase, linspace, schedule, type TrainingEvent } from 'rx-policy';
 * const policy = new OptimizerPolicy([new Phase({ lr: linspace(0, 1, 5) })]);
 * const events$ = new Subject<TrainingEvent>();
 * const log: string[] = [];
 * events$.pipe(schedule(policy, { withStep: true })).subscribe(({ step, values }) => log.push(`${step}: ${values.lr}`));
 * events$.next({ type: 'epochBegin', epoch: 0 });
 * events$.next({ type: 'batchBegin', epoch: 0, batch: 0 });
 * events$.next({ type: 'batchBegin', epoch: 0, batch: 1 });
 * log; // → ['0: 0', '1: 0.25']
 */
export class Stepped<V> {
  /**
   * @param step The policy step whose values these are (0 for the first value of a fresh policy).
   * @param values The parameter dict of that step.
   */
  constructor(
    readonly step: number,
    readonly values: V,
  ) {}

  /** `{ step, values }`, so a stepped value logs and serialises as plain data. */
  toJSON(): {
    /** The policy step. */
    step: number;
    /** The parameter dict of that step. */
    values: V;
  } {
    return { step: this.step, values: this.values };
  }
}
