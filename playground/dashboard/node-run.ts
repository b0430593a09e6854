// A training run in Node, shown live on the dashboard: two policies driven step by step with a
// Subject, a loss and a validation loss pushed as they come. `tsx playground/dashboard/node-run.ts`
// prints the address; open it and watch. Environment: STEPS (default 40000), RATE (steps per
// second, default 10000), PORT (default 0: a free one). With WAIT=1 the dashboard stays up after
// the run until a line arrives on stdin (what the browser test uses), then closes, and the
// process exits by itself: nothing of the dashboard keeps it alive.
import { Subject, share } from 'rxjs';
import { OptimizerPolicy, oneCyclePhases, pytorch } from '../../lib/index.js';
import { serveDashboard } from '../../lib/dashboard/index.js';

const steps = Number(process.env['STEPS'] ?? 40_000);
const rate = Number(process.env['RATE'] ?? 10_000);
const dashboard = await serveDashboard({ port: Number(process.env['PORT'] ?? 0) });
console.log(`dashboard ${dashboard.url}`);

const oneCycle = new OptimizerPolicy(oneCyclePhases({ steps, lr: [1e-4, 3e-3], finetuneLr: 1e-5 }));
const restarts = new OptimizerPolicy(pytorch.cosineAnnealingWarmRestarts({ baseLr: 3e-3, t0: Math.round(steps / 7), tMult: 2, etaMin: 1e-4, steps }));
const step$ = new Subject<void>();
const values$ = oneCycle.drive(step$).pipe(share());
const restartValues$ = restarts.drive(step$).pipe(share());
const loss$ = new Subject<number>();
const valLoss$ = new Subject<number>();
values$.subscribe(); // the optimizer's sink would subscribe here
restartValues$.subscribe();
dashboard.watch(oneCycle, values$, { name: 'one-cycle' });
dashboard.watch(restarts, restartValues$, { name: 'warm restarts' });
dashboard.metric('loss', loss$, { run: 'one-cycle' });
dashboard.metric('val_loss', valLoss$, { run: 'one-cycle' });

// A loss that falls with the steps, with the noise of a mini-batch.
let seed = 7;
const noise = (): number => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648 - 0.5;
};
const perTick = Math.max(1, Math.round(rate / 100));
let done = 0;
await new Promise<void>((resolve) => {
  const timer = setInterval(() => {
    for (let i = 0; i < perTick && done < steps; i++, done++) {
      step$.next();
      const t = done / steps;
      loss$.next(2.2 * Math.exp(-3 * t) + 0.15 + 0.25 * noise() * (1 - 0.6 * t));
      if ((done + 1) % Math.max(1, Math.round(steps / 40)) === 0) valLoss$.next(2.3 * Math.exp(-2.7 * t) + 0.22);
    }
    if (done >= steps) {
      clearInterval(timer);
      step$.complete();
      loss$.complete();
      valLoss$.complete();
      resolve();
    }
  }, 10);
});
console.log(`done ${steps}`);
if (process.env['WAIT'] === '1') {
  await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
  process.stdin.pause();
}
await dashboard.close();
console.log('closed');
