// Plotting a 10^6-step policy: decimation plus SVG rendering, and the SVG's size.
import { OptimizerPolicy, pytorch } from '../lib/index.js';
import { decimate, plot } from '../lib/plot/index.js';
import { fmt, median } from './harness.js';

const policy = new OptimizerPolicy(pytorch.cosineAnnealingWarmRestarts({ baseLr: 1, t0: 50_000, tMult: 2, etaMin: 0.05, steps: 1_000_000 }));
const times: number[] = [];
const decimation: number[] = [];
let size = 0;
for (let r = 0; r < 7; r++) {
  let t = performance.now();
  decimate((i) => policy.allSteps()._at(i).lr, policy.length, 600);
  decimation.push(performance.now() - t);
  t = performance.now();
  size = (await policy.plot('lr')).length;
  times.push(performance.now() - t);
}
console.log(`\n## plot a 10^6-step warm-restart policy (medians of 7)`);
console.log(`decimation to 600 columns: ${fmt(median(decimation))} ms; whole plot (decimation + vega-lite SVG): ${fmt(median(times))} ms; SVG ${fmt(size / 1024, 1)} KiB (budget 200 KB)`);
