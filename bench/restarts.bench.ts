// Warm-restart presets at 10^9 steps: built, resumed at 10^9 − 1 and stepped 10^6 times without
// memory that grows with the schedule's length. Also timm's noise on every step, which reseeds a
// PyTorch-compatible generator per step (as timm does), to show what that costs.
import { Subject } from 'rxjs';
import { keras, OptimizerPolicy, pytorch, timm, type Phase } from '../lib/index.js';
import { fmt, heapUsed, median } from './harness.js';

const BIG = 1_000_000_000;
const cases: [string, () => Phase<'lr'>[]][] = [
  ['pytorch.cosineAnnealingWarmRestarts t0 1000, tMult 1', () => pytorch.cosineAnnealingWarmRestarts({ baseLr: 1, t0: 1000, etaMin: 0.01, steps: BIG })],
  ['pytorch.cosineAnnealingWarmRestarts t0 1000, tMult 2', () => pytorch.cosineAnnealingWarmRestarts({ baseLr: 1, t0: 1000, tMult: 2, etaMin: 0.01, steps: BIG })],
  ['keras.cosineDecayRestarts first 1000, tMul 1.5, mMul 0.9', () => keras.cosineDecayRestarts({ initialLearningRate: 1, firstDecaySteps: 1000, tMul: 1.5, mMul: 0.9, alpha: 0.01, steps: BIG })],
  ['timm.cosineLR with normal noise on every step (noisePct 0.67)', () => timm.cosineLR({ baseLr: 1, tInitial: BIG, noiseRangeT: [0], steps: BIG })],
];

for (const [name, build] of cases) {
  console.log(`\n## ${name}, 10^9 steps`);
  const before = heapUsed();
  const t0 = performance.now();
  const phases = build();
  const policy = new OptimizerPolicy(phases);
  const buildMs = performance.now() - t0;
  const step$ = new Subject<void>();
  const optimizer = { lr: 0 };
  const sub = policy.drive(step$).subscribe((v) => (optimizer.lr = v.lr));
  const t1 = performance.now();
  for (let i = 0; i < 1_000_000; i++) step$.next();
  const stepNs = ((performance.now() - t1) * 1e6) / 1_000_000;
  sub.unsubscribe();
  const after = heapUsed();
  const resume: number[] = [];
  for (let r = 0; r < 2000; r++) {
    const t = performance.now();
    const p = new OptimizerPolicy(phases, { initialStep: BIG - 1 });
    const s$ = new Subject<void>();
    p.drive(s$).subscribe();
    s$.next();
    resume.push((performance.now() - t) * 1000);
  }
  console.log(`phases ${phases.length}; build ${fmt(buildMs, 3)} ms; stepping ${fmt(stepNs, 1)} ns/step; heap growth ${fmt((after - before) / 1024, 1)} KiB (budget 1024 KiB); resume at 10^9 − 1 median ${fmt(median(resume.slice(1000)))} µs`);
}

// Many phases: a phase holds its spaces and one closure, so a schedule's memory grows with its
// number of phases (not its steps).
{
  console.log('\n## timm.cosineLR with 10^5 cycles (cycleDecay 0.99999), 10^8 steps: 10^5 phases');
  const before = heapUsed();
  const t0 = performance.now();
  const policy = new OptimizerPolicy(timm.cosineLR({ baseLr: 1, tInitial: 1000, cycleLimit: 100_000, cycleDecay: 0.99999, steps: 100_000_000 }));
  const buildMs = performance.now() - t0;
  const after = heapUsed();
  const t1 = performance.now();
  const mid = policy.at(50_000_000).lr;
  const firstAtMs = performance.now() - t1;
  console.log(`build ${fmt(buildMs, 0)} ms; heap ${fmt((after - before) / 1048576, 1)} MiB (${fmt((after - before) / policy.phases.length, 0)} B a phase); first at() in a phase ${fmt(firstAtMs * 1000, 1)} µs; lr at 5·10^7 ${mid}`);
}
