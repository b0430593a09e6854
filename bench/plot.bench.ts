// Plot cost against schedule length: a warm-restart policy of 10^3 … 10^9 steps, decimated to
// 600 columns from the spaces' shapes, then drawn by vega-lite to SVG. Side by side in one run:
// the per-step decimation (every step read) where it finishes in reasonable time.
import { OptimizerPolicy, pytorch } from '../lib/index.js';
import { decimate, decimateParam, plot } from '../lib/plot/index.js';
import { fmt, median } from './harness.js';

const sizes = [1e3, 1e6, 1e7, 1e9];
const make = (steps: number) => new OptimizerPolicy(pytorch.cosineAnnealingWarmRestarts({ baseLr: 1, t0: Math.max(1, Math.round(steps / 31)), tMult: 2, etaMin: 0.05, steps }));
const policies = sizes.map(make);
const rounds = 9;
const whole = sizes.map(() => [] as number[]);
const shapes = sizes.map(() => [] as number[]);
const perStep = sizes.map(() => [] as number[]);
let svgSize = 0;
for (let r = 0; r < rounds; r++) {
  for (let k = 0; k < sizes.length; k++) {
    const policy = policies[k]!;
    let t = performance.now();
    decimateParam(policy, 'lr', 600);
    shapes[k]!.push(performance.now() - t);
    // Reading every step: only up to 10^6 in every round (10^7 once, 10^9 never: ~97 s).
    if (sizes[k]! <= 1e6 || (sizes[k]! === 1e7 && r === 0)) {
      t = performance.now();
      decimate((i) => policy.allSteps()._at(i).lr, policy.length, 600);
      perStep[k]!.push(performance.now() - t);
    }
    t = performance.now();
    svgSize = (await plot(policy, { param: 'lr' })).length;
    whole[k]!.push(performance.now() - t);
  }
}
console.log(`\n## plot a warm-restart policy (cosineAnnealingWarmRestarts, tMult 2), 600 columns, medians of ${rounds} interleaved rounds`);
console.log('| steps | decimation from shapes | per-step decimation | whole plot (decimation + vega-lite SVG) |');
console.log('|---|---|---|---|');
sizes.forEach((n, k) => {
  const ps = perStep[k]!.length ? `${fmt(median(perStep[k]!))} ms${perStep[k]!.length === 1 ? ' (one run)' : ''}` : 'not run (~97 s)';
  console.log(`| 10^${Math.log10(n)} | ${fmt(median(shapes[k]!), 3)} ms | ${ps} | ${fmt(median(whole[k]!))} ms |`);
});
const ratio = median(whole[3]!) / median(whole[0]!);
console.log(`10^9-step plot / 10^3-step plot: ${fmt(ratio)}x (budget 2x); SVG of the 10^9 plot ${fmt(svgSize / 1024, 1)} KiB`);
