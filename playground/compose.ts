// A policy composes with ordinary RxJS operators: scale it, join it with a loss stream, throttle
// a dashboard feed, feed two sinks from one cursor, stop early.
import { auditTime, interval, map, share, Subject, take, takeUntil, timer, withLatestFrom } from 'rxjs';
import { applyTo, OptimizerPolicy, oneCyclePhases } from '../lib/index.js';

console.log('# Composing with RxJS');

const policy = new OptimizerPolicy(oneCyclePhases({ steps: 200 }));
const step$ = interval(5); // a stand-in for training batches, one every 5 ms
const loss$ = new Subject<number>();

// share(): one cursor feeds the optimizer sink and the dashboard (a second drive() is refused).
const values$ = policy.drive(step$).pipe(
  map((v) => ({ ...v, lr: v.lr * 0.1 })), // scale the whole schedule
  share(),
);
const optimizer = { lr: 0, momentum: 0 };
values$.subscribe(applyTo(optimizer));

// The dashboard feed: joined with the latest loss, throttled to 10 updates a second, keeping the latest.
values$
  .pipe(withLatestFrom(loss$), auditTime(100), takeUntil(timer(600)))
  .subscribe(([{ lr, momentum }, loss]) => console.log(`step ${policy.currentStep}: lr ${lr.toFixed(4)} momentum ${momentum.toFixed(3)} loss ${loss.toFixed(3)}`));

// A fake loss stream.
interval(5).pipe(take(150)).subscribe((i) => loss$.next(1 / (1 + i / 10)));

await new Promise((resolve) => values$.pipe(takeUntil(timer(700))).subscribe({ complete: () => resolve(undefined) }));
console.log(`stopped early with takeUntil at step ${policy.currentStep} of ${policy.length}; optimizer ${JSON.stringify(optimizer)}`);
