// The core's performance claims, measured: memory that does not grow with a schedule's length,
// O(log phases) resume, and the cost of stepping through a step subject next to its floor.
import { concat, Subject, zip } from 'rxjs';
import { OptimizerPolicy, Phase, cosinespace, linspace, oneCyclePhases } from '../lib/index.js';
import { fmt, heapUsed, interleave, median } from './harness.js';

const BIG = 1_000_000_000;
const STEPS = 1_000_000;

function section(title: string): void {
  console.log(`\n## ${title}`);
}

// 1. Memory: a 10^9-step policy, built and stepped 10^6 times.
section('memory: 10^9-step one-cycle policy stepped 10^6 times through a Subject');
{
  const before = heapUsed();
  const policy = new OptimizerPolicy(oneCyclePhases({ steps: BIG }));
  const step$ = new Subject<void>();
  const optimizer = { lr: 0, momentum: 0 };
  const sub = policy.drive(step$).subscribe((v) => {
    optimizer.lr = v.lr;
    optimizer.momentum = v.momentum;
  });
  for (let i = 0; i < STEPS; i++) step$.next();
  const after = heapUsed();
  sub.unsubscribe();
  console.log(`heap growth: ${fmt((after - before) / 1024, 1)} KiB (budget 1024 KiB); currentStep ${policy.currentStep}; lr ${optimizer.lr}`);
}

// 2. Resume at 10^9 - 1: construct, subscribe, one step.
section('resume at step 10^9 - 1 (construct + drive + one step)');
{
  const phases = oneCyclePhases({ steps: BIG });
  const samples: number[] = [];
  let last = 0;
  for (let r = 0; r < 2_000; r++) {
    const t0 = performance.now();
    const policy = new OptimizerPolicy(phases, { initialStep: BIG - 1 });
    const step$ = new Subject<void>();
    policy.drive(step$).subscribe((v) => (last = v.lr));
    step$.next();
    samples.push((performance.now() - t0) * 1000);
  }
  const warm = samples.slice(1_000);
  console.log(`median ${fmt(median(warm))} µs warm (budget 50 µs), first call ${fmt(samples[0]!)} µs; value ${last}`);
}

// 3. Stepping cost, side by side: a bare Subject -> subscriber writing two numbers (the floor
// of any step-subject design), the policy driven by the same Subject, and a plain for loop.
section('stepping 10^6 times: policy.drive vs bare Subject vs plain loop (medians of 41 interleaved rounds)');
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
  const ns = (ms: number) => fmt((ms * 1e6) / STEPS, 1);
  console.log(`bare Subject -> subscriber: ${ns(times['bareSubject']!)} ns/step`);
  console.log(`policy.drive(step$) -> sink, one-cycle (linear lr and momentum): ${ns(times['driveOneCycle']!)} ns/step`);
  console.log(`policy.drive(step$) -> sink, linear then cosine lr and momentum: ${ns(times['drive']!)} ns/step`);
  console.log(`plain for loop into an array: ${ns(times['plainLoop']!)} ns/step`);
  console.log(`ratio drive / bare Subject, one-cycle: ${fmt(times['driveOneCycle']! / times['bareSubject']!)}x (budget 1.5x)`);
  console.log(`ratio drive / bare Subject, linear then cosine: ${fmt(times['drive']! / times['bareSubject']!)}x (budget 1.5x)`);
  console.log(`ratio drive / plain loop, linear then cosine: ${fmt(times['drive']! / times['plainLoop']!)}x`);
}

// 4. Why not the card's literal wiring: zip(concat(...spaces), step$) buffers every value.
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
