// The main demo (`npm start`): trains a small TF.js model on data it generates, with Poutyne's
// one-cycle policy driving the learning rate and momentum through the fit bridge and a sink.
import * as tf from '@tensorflow/tfjs';
import cliProgress from 'cli-progress';
import { filter, map, share, withLatestFrom } from 'rxjs';
import { epochsToSteps, fitCallbacks, OptimizerPolicy, oneCyclePhases, schedule, tfjsOptimizerSink } from '../lib/index.js';

await tf.setBackend('cpu');

// Data: y = sin(3x) + x/2 with a little noise, 2048 points in [-1, 1].
const N = 2048;
const xs: number[] = [];
const ys: number[] = [];
let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
for (let i = 0; i < N; i++) {
  const x = random() * 2 - 1;
  xs.push(x);
  ys.push(Math.sin(3 * x) + x / 2 + (random() - 0.5) * 0.05);
}

const epochs = 12;
const batchSize = 64;
const policy = new OptimizerPolicy(oneCyclePhases({ steps: epochsToSteps(epochs, N / batchSize), lr: [0.01, 0.2], momentum: [0.95, 0.85] }));
const optimizer = tf.train.momentum(0.01, 0.95);
const model = tf.sequential({
  layers: [
    tf.layers.dense({ units: 32, activation: 'tanh', inputShape: [1], kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) }),
    tf.layers.dense({ units: 32, activation: 'tanh', kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }) }),
    tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.glorotUniform({ seed: 3 }) }),
  ],
});
model.compile({ optimizer, loss: 'meanSquaredError' });

const { events$, callbacks } = fitCallbacks();
// Shared: the sink and the progress feed read one cursor (a second subscription would be refused).
const values$ = events$.pipe(schedule(policy), share());
values$.subscribe(tfjsOptimizerSink(optimizer, { params: policy.params }));

// The progress feed joins the schedule with the loss of each finished batch.
const loss$ = events$.pipe(
  filter((e) => e.type === 'batchEnd'),
  map((e) => (e.type === 'batchEnd' ? (e.logs?.['loss'] ?? NaN) : NaN)),
);
const tty = process.stdout.isTTY === true;
const bar = new cliProgress.SingleBar(
  { format: 'training |{bar}| {value}/{total} steps | lr {lr} | momentum {momentum} | loss {loss}', hideCursor: true },
  cliProgress.Presets.shades_classic,
);
const losses: number[] = [];
let lastPrinted = -1;
loss$.pipe(withLatestFrom(values$)).subscribe(([loss, { lr, momentum }]) => {
  losses.push(loss);
  const payload = { lr: lr.toFixed(4), momentum: momentum.toFixed(3), loss: loss.toFixed(4) };
  if (tty) bar.update(policy.currentStep, payload);
  else if (Math.floor(policy.currentStep / (N / batchSize)) !== lastPrinted) {
    lastPrinted = Math.floor(policy.currentStep / (N / batchSize));
    console.log(`step ${policy.currentStep}/${policy.length}  lr ${payload.lr}  momentum ${payload.momentum}  loss ${payload.loss}`);
  }
});

if (tty) bar.start(policy.length, 0, { lr: '-', momentum: '-', loss: '-' });
const t0 = performance.now();
await model.fit(tf.tensor2d(xs, [N, 1]), tf.tensor2d(ys, [N, 1]), { epochs, batchSize, shuffle: true, verbose: 0, callbacks });
if (tty) bar.stop();
const seconds = (performance.now() - t0) / 1000;

const firstEpoch = losses.slice(0, N / batchSize);
const lastEpoch = losses.slice(-N / batchSize);
const mean = (a: number[]) => a.reduce((s, x) => s + x, 0) / a.length;
console.log('\nSummary');
console.log(`  policy           one-cycle, ${policy.length} steps (${epochs} epochs × ${N / batchSize} batches), peak lr ${policy.at(policy.phaseStarts[1]!).lr}`);
console.log(`  steps applied    ${policy.currentStep}`);
console.log(`  optimizer now    ${JSON.stringify(optimizer.getConfig())}`);
console.log(`  loss             first epoch ${mean(firstEpoch).toFixed(4)} → last epoch ${mean(lastEpoch).toFixed(4)}`);
console.log(`  time             ${seconds.toFixed(1)} s`);
