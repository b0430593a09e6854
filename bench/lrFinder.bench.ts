// lrFinder's overhead over plain training: the same model, data and number of batches, trained by
// `model.fit` alone and by `lrFinder` (rate written through the sink each batch, the loss read and
// smoothed, weights and optimizer state saved and restored). Interleaved rounds, medians.
import * as tf from '@tensorflow/tfjs';
import { lrFinder } from '../lib/index.js';
import { fmt, median } from './harness.js';

await tf.setBackend('cpu');
const samples = 1600;
const batchSize = 32;
const steps = samples / batchSize; // one epoch: 50 batches
const xs = tf.randomUniform([samples, 32], -1, 1, 'float32', 1);
const ys = tf.sum(tf.sin(xs), 1, true);
const model = tf.sequential();
model.add(tf.layers.dense({ units: 64, inputShape: [32], activation: 'relu', kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) }));
model.add(tf.layers.dense({ units: 64, activation: 'relu', kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }) }));
model.add(tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.glorotUniform({ seed: 3 }) }));
model.compile({ optimizer: tf.train.adam(1e-3), loss: 'meanSquaredError' });

const ROUNDS = 24;
const plain: number[] = [];
const finder: number[] = [];
// Warm-up: the first fit compiles kernels and allocates.
await model.fit(xs, ys, { epochs: 1, batchSize, verbose: 0 });
const runPlain = async () => {
  const t = performance.now();
  await model.fit(xs, ys, { epochs: 1, batchSize, verbose: 0 });
  plain.push(performance.now() - t);
};
const runFinder = async () => {
  const t = performance.now();
  const result = await lrFinder(model, xs, ys, { startLr: 1e-7, endLr: 1e-2, steps, batchSize, stopDiv: false });
  finder.push(performance.now() - t);
  if (result.lrs.length !== steps) throw new Error(`lrFinder ran ${result.lrs.length} batches, expected ${steps}`);
};
// ABBA order, so that a drift in the machine's load falls on both alike.
for (let r = 0; r < ROUNDS; r++) {
  if (r % 2 === 0) {
    await runPlain();
    await runFinder();
  } else {
    await runFinder();
    await runPlain();
  }
}
const a = median(plain);
const b = median(finder);
const quartiles = (xs: readonly number[]) => {
  const sorted = [...xs].sort((x, y) => x - y);
  return `${fmt(sorted[Math.floor(sorted.length / 4)]!, 0)}–${fmt(sorted[Math.floor((3 * sorted.length) / 4)]!, 0)} ms`;
};
console.log(`\n## lrFinder against plain fit: ${steps} batches of ${batchSize} (MLP 32-64-64-1, Adam, CPU backend), ${ROUNDS} interleaved rounds (ABBA)`);
console.log(`median: plain model.fit ${fmt(a)} ms (${fmt((1000 * a) / steps, 0)} µs a batch), lrFinder ${fmt(b)} ms: overhead ${fmt((100 * (b - a)) / a, 1)}% (budget 5%)`);
console.log(`interquartile ranges, for the machine's noise: plain ${quartiles(plain)}, lrFinder ${quartiles(finder)}`);
