// Seed section "Use Already Defined Complex Policies": SGDR and one-cycle.
import { cosinespace, OptimizerPolicy, oneCyclePhases, Phase, sgdrPhases } from '../lib/index.js';

console.log('# Presets');

// Build them manually ...
const manual = new OptimizerPolicy([
  new Phase({ lr: cosinespace(1, 0, 200) }),
  new Phase({ lr: cosinespace(1, 0, 400) }),
  new Phase({ lr: cosinespace(1, 0, 800) }),
]);
// ... or use the pre-defined one (its default lr is [1, 0.1], Poutyne's).
const policy = new OptimizerPolicy(sgdrPhases({ baseCycleLength: 200, cycles: 3, cycleMult: 2 }));
console.log('manual length', manual.length, '; sgdr length', policy.length);

// Pre-defined ones are just a list of phases:
console.log(sgdrPhases({ baseCycleLength: 200, cycles: 3, cycleMult: 2 }).map(String).join('\n'));

// Here is the one-cycle policy:
const tp = new OptimizerPolicy(oneCyclePhases({ steps: 500 }));
console.log(String(tp));
console.log(oneCyclePhases({ steps: 500 }).map(String).join('\n'));
for (const step of [0, 112, 224, 225, 449, 450, 499]) {
  const { lr, momentum } = tp.at(step);
  console.log(`step ${step}: lr ${lr.toFixed(4)} momentum ${momentum.toFixed(4)}`);
}
