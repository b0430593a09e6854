// The main demo (`npm start`): trains a small TF.js model on data it generates, with Poutyne's
// one-cycle policy driving the learning rate and momentum through the fit bridge and a sink. The
// policy is sized from fit's own arguments (validation split included) and the horizon check is
// strict, so the schedule ends exactly with the last batch; TF.js's early stopping rides along.
import * as tf from '@tensorflow/tfjs';
import cliProgress from 'cli-progress';
import { filter, map, share, withLatestFrom } from 'rxjs';
import { fitCallbacks, fitSteps, OptimizerPolicy, oneCyclePhases, schedule, tfjsOptimizerSink } from '../lib/index.js';

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
const validationSplit = 0.1;
// 1,843 training rows (2,048 · 0.9, floored) make 29 batches an epoch: 348 steps.
const steps = fitSteps({ samples: N, batchSize, epochs, validationSplit });
const batchesPerEpoch = steps / epochs;
const policy = new OptimizerPolicy(oneCyclePhases({ steps, lr: [0.01, 0.2], momentum: [0.95, 0.85] }));
const optimizer = tf.train.momentum(0.01, 0.95);
const model = tf.sequential({
  layers: [
    tf.layers.dense({ units: 32, activation: 'tanh', inputShape: [1], kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) }),
    tf.layers.dense({ units: 32, activation: 'tanh', kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }) }),
    tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.glorotUniform({ seed: 3 }) }),
  ],
});
model.compile({ optimizer, loss: 'meanSquaredError' });

const { events$, callbacks, fail } = fitCallbacks({ tf });
// Shared: the sink and the progress feed read one cursor (a second subscription would be refused).
// Each value comes with its step; a run longer than the policy would be an error before any write.
const values$ = events$.pipe(schedule(policy, { horizon: 'error', withStep: true }), share());
// An error of the stream (a run longer than the policy) makes model.fit reject with it.
values$.subscribe({ ...tfjsOptimizerSink(optimizer, { params: policy.params }), error: fail });

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
loss$.pipe(withLatestFrom(values$)).subscribe(([loss, { step, values: { lr, momentum } }]) => {
  losses.push(loss);
  const payload = { lr: lr.toFixed(4), momentum: momentum.toFixed(3), loss: loss.toFixed(4) };
  if (tty) bar.update(step + 1, payload);
  else if (Math.floor(step / batchesPerEpoch) !== lastPrinted) {
    lastPrinted = Math.floor(step / batchesPerEpoch);
    console.log(`step ${step + 1}/${policy.length}  lr ${payload.lr}  momentum ${payload.momentum}  loss ${payload.loss}`);
  }
});

if (tty) bar.start(policy.length, 0, { lr: '-', momentum: '-', loss: '-' });
const t0 = performance.now();
const history = await model.fit(tf.tensor2d(xs, [N, 1]), tf.tensor2d(ys, [N, 1]), {
  epochs,
  batchSize,
  validationSplit,
  shuffle: true,
  verbose: 0,
  // The bridge is a real tf.CustomCallback: it mixes with TF.js's own callbacks in any order.
  callbacks: [callbacks, tf.callbacks.earlyStopping({ monitor: 'val_loss', patience: 6 })],
});
if (tty) bar.stop();
const seconds = (performance.now() - t0) / 1000;

const firstEpoch = losses.slice(0, batchesPerEpoch);
const lastEpoch = losses.slice(-batchesPerEpoch);
const mean = (a: number[]) => a.reduce((s, x) => s + x, 0) / a.length;
console.log('\nSummary');
console.log(`  policy           one-cycle, ${policy.length} steps (${epochs} epochs × ${batchesPerEpoch} batches, validation split ${validationSplit}), peak lr ${policy.at(policy.phaseStarts[1]!).lr}`);
console.log(`  steps applied    ${policy.currentStep}${history.epoch.length < epochs ? ` (early stopping ended the run after epoch ${history.epoch.length})` : ''}`);
console.log(`  val_loss         last epoch ${Number(history.history['val_loss']?.at(-1)).toFixed(4)}`);
console.log(`  optimizer now    ${JSON.stringify(optimizer.getConfig())}`);
console.log(`  loss             first epoch ${mean(firstEpoch).toFixed(4)} → last epoch ${mean(lastEpoch).toFixed(4)}`);
console.log(`  time             ${seconds.toFixed(1)} s`);
