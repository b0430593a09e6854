// Seed section "Build Complex Policies From Basic Phases", driven by a step subject.
import { Subject } from 'rxjs';
import { cosinespace, linspace, OptimizerPolicy, Phase } from '../lib/index.js';

console.log('# Chaining phases');

const policy = new OptimizerPolicy([
  new Phase({ lr: linspace(0, 1, 100) }),
  new Phase({ lr: cosinespace(1, 0, 200) }),
  new Phase({ lr: linspace(0, 0.5, 100) }),
  new Phase({ lr: linspace(0.5, 0.1, 300) }),
]);
console.log(String(policy));
for (const step of [0, 99, 100, 199, 299, 300, 399, 400, 699]) console.log(`step ${step}: lr ${policy.at(step).lr.toFixed(4)}`);

// At training time a step stream advances the policy; a subscriber pushes values into an optimizer.
const optimizer = { lr: NaN };
const step$ = new Subject<void>();
policy.drive(step$).subscribe({
  next: ({ lr }) => (optimizer.lr = lr),
  complete: () => console.log('policy complete at step', policy.currentStep),
});
for (let batch = 0; batch < 150; batch++) step$.next(); // one step per training batch
console.log('after 150 batches: currentStep', policy.currentStep, 'optimizer.lr', optimizer.lr.toFixed(4));

// Restart at step 150 of a fresh copy: O(log phases), no replay of the skipped steps.
const resumed = new OptimizerPolicy(policy.phases, { initialStep: 150 });
const resumed$ = new Subject<void>();
resumed.drive(resumed$).subscribe(({ lr }) => console.log('resumed at 150, first lr', lr.toFixed(4)));
resumed$.next();
