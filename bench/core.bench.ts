// The core's performance claims, measured side by side in one run: the cost of a driven step next
// to its floor (a bare Subject) and next to one real TF.js training step, resuming a fresh policy
// at step 10^9 − 1, and memory that grows neither with the steps driven nor with policies dropped.
import * as tf from '@tensorflow/tfjs';
import { concat, Subject, zip } from 'rxjs';
import { OptimizerPolicy, Phase, cosinespace, linspace, oneCyclePhases } from '../lib/index.js';
import { fmt, heapUsed, interleave, median } from './harness.js';

const BIG = 1_000_000_000;
const STEPS = 1_000_000;

function section(title: string): void {
  console.log(`\n## ${title}`);
}

/** Median microseconds of one training step of a tiny MLP (8 → 16 → 1, batch 32) on TF.js's pure-JS CPU backend. */
async function tfjsStep(): Promise<number> {
  await tf.setBackend('cpu');
  await tf.ready();
  const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [8], units: 16, activation: 'relu' }), tf.layers.dense({ units: 1 })] });
  const optimizer = tf.train.sgd(0.01);
  const x = tf.randomNormal([32, 8]);
  const y = tf.randomNormal([32, 1]);
  const step = () => tf.tidy(() => optimizer.minimize(() => tf.losses.meanSquaredError(y, model.predict(x) as tf.Tensor), true)?.dataSync());
  for (let i = 0; i < 50; i++) step();
  const samples: number[] = [];
  for (let i = 0; i < 300; i++) {
    const t0 = performance.now();
    step();
    samples.push((performance.now() - t0) * 1000);
  }
  return median(samples);
}

// 1. Stepping cost, side by side: a bare Subject -> subscriber writing two numbers (the floor of
// any step-subject design), the policy driven by the same Subject, and a plain for loop.
section('stepping 10^6 times: policy.drive vs bare Subject vs plain loop (medians of 41 interleaved rounds)');
let driveNs = 0;
{
  const phases = [
    new Phase({ lr: linspace(0.1, 1, STEPS / 2), momentum: linspace(0.95, 0.85, STEPS / 2) }),
    new Phase({ lr: cosinespace(1, 0.001, STEPS / 2), momentum: cosinespace(0.85, 0.95, STEPS / 2) }),
  ];
  const oneCycle = oneCyclePhases({ steps: STEPS });
  const optimizer = { lr: 0, momentum: 0 };
  const out = new Float64Array(2 * STEPS);
  const driveInto = (policyPhases: Phase[]) => {
    const policy = new OptimizerPolicy(policyPhases);
    const step$ = new Subject<void>();
    const sub = policy.drive(step$).subscribe((v) => {
      optimizer.lr = v.lr!;
      optimizer.momentum = v.momentum!;
    });
    for (let k = 0; k < STEPS; k++) step$.next();
    sub.unsubscribe();
  };
  const times = interleave(41, {
    bareSubject() {
      const step$ = new Subject<void>();
      let i = 0;
      const sub = step$.subscribe(() => {
        optimizer.lr = i * 1e-6;
        optimizer.momentum = 0.9 - i * 1e-7;
        i++;
      });
      for (let k = 0; k < STEPS; k++) step$.next();
      sub.unsubscribe();
    },
    driveOneCycle: () => driveInto(oneCycle),
    drive: () => driveInto(phases),
    plainLoop() {
      // The same values by hand: Poutyne's formulas in a for loop, into an array.
      const half = STEPS / 2;
      for (let k = 0; k < STEPS; k++) {
        if (k < half) {
          const t = k / (half - 1);
          out[2 * k] = 0.1 + t * (1 - 0.1);
          out[2 * k + 1] = 0.95 + t * (0.85 - 0.95);
        } else {
          const c = (1 + Math.cos(Math.PI * ((k - half) / (half - 1)))) / 2;
          out[2 * k] = 0.001 + (1 - 0.001) * c;
          out[2 * k + 1] = 0.95 + (0.85 - 0.95) * c;
        }
      }
    },
  });
  const ns = (ms: number) => (ms * 1e6) / STEPS;
  driveNs = ns(times['drive']!);
  console.log(`bare Subject -> subscriber: ${fmt(ns(times['bareSubject']!), 1)} ns/step`);
  console.log(`policy.drive(step$) -> sink, one-cycle (linear lr and momentum): ${fmt(ns(times['driveOneCycle']!), 1)} ns/step`);
  console.log(`policy.drive(step$) -> sink, linear then cosine lr and momentum: ${fmt(driveNs, 1)} ns/step`);
  console.log(`plain for loop into an array: ${fmt(ns(times['plainLoop']!), 1)} ns/step`);
  console.log(`ratio drive / bare Subject, one-cycle: ${fmt(times['driveOneCycle']! / times['bareSubject']!)}x (budget 2x)`);
  console.log(`ratio drive / bare Subject, linear then cosine: ${fmt(times['drive']! / times['bareSubject']!)}x (budget 2x)`);
  console.log(`ratio drive / plain loop, linear then cosine: ${fmt(times['drive']! / times['plainLoop']!)}x`);
}

// 2. What a user feels: the schedule's share of one real training step.
section('one TF.js training step of a tiny MLP (CPU backend, 8 -> 16 -> 1, batch 32), median of 300');
{
  const stepUs = await tfjsStep();
  console.log(`TF.js training step: ${fmt(stepUs, 1)} µs; a driven schedule step: ${fmt(driveNs / 1000, 3)} µs = ${fmt((100 * driveNs) / 1000 / stepUs, 3)}% of it`);
}

// 3. Resume: build a fresh 10^9-step policy, start it at 10^9 - 1, subscribe, take one step.
section('resume a freshly built 10^9-step one-cycle policy at step 10^9 - 1 and take one step');
{
  const samples: number[] = [];
  let last = 0;
  for (let r = 0; r < 2_000; r++) {
    const t0 = performance.now();
    const policy = new OptimizerPolicy(oneCyclePhases({ steps: BIG }), { initialStep: BIG - 1 });
    const step$ = new Subject<void>();
    policy.drive(step$).subscribe((v) => (last = v.lr));
    step$.next();
    samples.push((performance.now() - t0) * 1000);
  }
  console.log(`median ${fmt(median(samples.slice(1)))} µs (budget 50 µs), first call ${fmt(samples[0]!)} µs, slowest of 2000 ${fmt(Math.max(...samples.slice(1)))} µs; value ${last}`);
}

// 4. Memory: 10^7 driven steps, and 10^5 distinct policies built, stepped and dropped.
section('heap: a 10^9-step policy driven 10^7 steps; 10^5 distinct policies built and dropped');
{
  const before = heapUsed();
  const policy = new OptimizerPolicy(oneCyclePhases({ steps: BIG }));
  const step$ = new Subject<void>();
  const optimizer = { lr: 0, momentum: 0 };
  const sub = policy.drive(step$).subscribe((v) => {
    optimizer.lr = v.lr;
    optimizer.momentum = v.momentum;
  });
  for (let i = 0; i < 10 * STEPS; i++) step$.next();
  const after = heapUsed();
  sub.unsubscribe();
  console.log(`10^7 driven steps: heap growth ${fmt((after - before) / 1024, 1)} KiB (budget 1024 KiB); currentStep ${policy.currentStep}; lr ${optimizer.lr}`);

  const build = (from: number) => {
    let sum = 0;
    for (let k = 0; k < 100_000; k++) {
      const p = new OptimizerPolicy(oneCyclePhases({ steps: 1_000 + from + k }), { initialStep: k % 1_000 });
      const s$ = new Subject<void>();
      p.drive(s$).subscribe((v) => (sum += v.lr));
      s$.next();
      s$.complete();
    }
    return sum;
  };
  build(0); // warm: the first 10^5 bring the code paths to their optimized form
  const start = heapUsed();
  const t0 = performance.now();
  const sum = build(100_000);
  const ms = performance.now() - t0;
  const end = heapUsed();
  console.log(`10^5 distinct policies built, stepped once and dropped: ${fmt(ms, 0)} ms (${fmt((ms * 1000) / 100_000, 2)} µs each); heap ${fmt((end - start) / 1024, 1)} KiB after GC (noise ~±100 KiB); checksum ${fmt(sum, 3)}`);
}

// 5. Why not the literal wiring: zip(concat(...spaces), step$) buffers every value.
section('the literal wiring zip(concat(...spaces), step$) vs drive, 20,000 steps');
{
  const n = 20_000;
  const spaces = [linspace(0, 1, n / 2), cosinespace(1, 0, n / 2)];
  const times = interleave(3, {
    zipConcat() {
      const step$ = new Subject<void>();
      let last = 0;
      const sub = zip(concat(...spaces), step$).subscribe(([lr]) => (last = lr));
      for (let k = 0; k < n; k++) step$.next();
      sub.unsubscribe();
      if (last !== 0) throw new Error('zip wiring ended on the wrong value');
    },
    drive() {
      const policy = new OptimizerPolicy(spaces.map((lr) => new Phase({ lr })));
      const step$ = new Subject<void>();
      const sub = policy.drive(step$).subscribe();
      for (let k = 0; k < n; k++) step$.next();
      sub.unsubscribe();
    },
  });
  console.log(`zip(concat): ${fmt(times['zipConcat']!)} ms; drive: ${fmt(times['drive']!, 3)} ms; ratio ${fmt(times['zipConcat']! / times['drive']!, 0)}x`);
}
