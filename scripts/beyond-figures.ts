// The figures of docs/lr-finder.md and docs/compare.md (and the README's LR-finder figure), made
// with the library itself: `npx tsx scripts/beyond-figures.ts`. The range test is the one in
// spec/lrFinder/lrFinder.spec.ts: plain SGD on a linear regression with E[x²] = 4, which diverges
// above lr = 1/4.
import { mkdir } from 'node:fs/promises';
import * as tf from '@tensorflow/tfjs';
import { compare, lrFinder } from '../lib/index.js';
import { plot, plotLrFinder, plotLrFinderTerminal, plotTerminalOverlay } from '../lib/plot/index.js';

await tf.setBackend('cpu');
const dir = 'docs/figures';
await mkdir(dir, { recursive: true });

const N = 64;
const X = Array.from({ length: N }, (_, i) => (i % 2 ? 2 : -2));
const Y = X.map((x, i) => 3 * x + (((i * 7) % 5) - 2) * 0.3);
const model = tf.sequential();
model.add(tf.layers.dense({ units: 1, inputShape: [1], useBias: false, kernelInitializer: 'zeros' }));
model.compile({ optimizer: tf.train.sgd(0.01), loss: 'meanSquaredError' });
const result = await lrFinder(model, tf.tensor2d(X, [N, 1]), tf.tensor2d(Y, [N, 1]), { startLr: 1e-4, endLr: 10, steps: 100, batchSize: 8 });
await plotLrFinder(result, { out: `${dir}/lr-find.svg`, title: 'LR range test: SGD on a linear regression (diverges above lr = 0.25)' });
console.log(plotLrFinderTerminal(result, { width: 60 }));

const oneCycles = compare(['pytorch.oneCycleLR', 'fastai.fitOneCycle', 'optax.cosineOnecycle'], { steps: 1000, peak: 0.1, warmup: 0.25 });
const labels = oneCycles.translations.map((t) => t.preset);
await plot(oneCycles.policies, { labels, param: 'lr', title: 'One neutral option set, three one-cycles', out: `${dir}/compare-one-cycles.svg` });
console.log(plotTerminalOverlay(oneCycles.policies, labels, 'lr', { width: 60 }));
console.log(`wrote ${dir}/lr-find.svg and ${dir}/compare-one-cycles.svg`);
