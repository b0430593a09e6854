// The playground's training page: pick a preset, train a small TF.js model in the page, and
// watch the schedule being applied on an in-page dashboard. Each run gets its own card and its
// own loss chart; Train is disabled while a run goes, Stop ends it after the current batch.
import * as tf from '@tensorflow/tfjs';
import { filter, map, share, takeWhile } from 'rxjs';
import { buildPolicy, fitCallbacks, presets, schedule, tfjsOptimizerSink } from '../../lib/index.js';
import { mountDashboard } from '../../lib/dashboard/mount.js';
import { presetExamples } from '../examples.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const presetSelect = $<HTMLSelectElement>('preset');
const optionsInput = $<HTMLInputElement>('options');
const trainButton = $<HTMLButtonElement>('train');
const stopButton = $<HTMLButtonElement>('stop');
const errorBox = $('error');
const status = $('status');

for (const name of Object.keys(presets)) presetSelect.add(new Option(name, name));
presetSelect.value = 'oneCycle';
// A learning rate this small model trains well with (the preset's default peaks at 1).
optionsInput.value = JSON.stringify({ steps: 300, lr: [0.005, 0.05] });
presetSelect.addEventListener('change', () => {
  optionsInput.value = JSON.stringify(presetExamples[presetSelect.value] ?? {});
  errorBox.textContent = '';
});

const dashboard = mountDashboard($('dashboard'), { title: 'Runs' });
let runs = 0;
let model: tf.Sequential | undefined;

function setRunning(running: boolean): void {
  trainButton.disabled = running;
  stopButton.disabled = !running;
  presetSelect.disabled = running;
  optionsInput.disabled = running;
  document.body.dataset['training'] = String(running);
}

stopButton.addEventListener('click', () => {
  if (model === undefined) return;
  model.stopTraining = true;
  stopButton.disabled = true;
  status.textContent = 'stopping after this batch…';
});

trainButton.addEventListener('click', async () => {
  let policy;
  try {
    policy = buildPolicy({ preset: presetSelect.value, options: JSON.parse(optionsInput.value) as Record<string, unknown> });
    errorBox.textContent = '';
  } catch (err) {
    errorBox.textContent = (err as Error).message;
    return;
  }
  setRunning(true);
  runs++;
  const name = `run ${runs} · ${presetSelect.value}`;
  status.textContent = `${name}: training…`;
  try {
    await tf.setBackend('cpu');
    const optimizer = tf.train.momentum(0.01, 0.9);
    model = tf.sequential({ layers: [tf.layers.dense({ units: 16, activation: 'tanh', inputShape: [1] }), tf.layers.dense({ units: 1 })] });
    model.compile({ optimizer, loss: 'meanSquaredError' });
    const n = 512;
    const xs = Array.from({ length: n }, (_, i) => (2 * i) / n - 1);
    const ys = xs.map((x) => Math.sin(3 * x));
    const { events$, callbacks } = fitCallbacks();
    // The run ends with training (stopped or not): its streams complete, its card says so.
    const run$ = events$.pipe(takeWhile((e) => e.type !== 'trainEnd'), share());
    const values$ = run$.pipe(schedule(policy), share());
    values$.subscribe(tfjsOptimizerSink(optimizer, { params: policy.params.filter((p) => p === 'lr' || p === 'momentum') }));
    const loss$ = run$.pipe(
      filter((e) => e.type === 'batchEnd'),
      map((e) => (e.type === 'batchEnd' ? (e.logs?.['loss'] ?? Number.NaN) : Number.NaN)),
    );
    dashboard.watch(policy, values$, { name });
    dashboard.metric(`loss (run ${runs})`, loss$, { run: name });
    const batchSize = 32;
    const epochs = Math.max(1, Math.ceil(policy.length / (n / batchSize)));
    await model.fit(tf.tensor2d(xs, [n, 1]), tf.tensor2d(ys, [n, 1]), { epochs, batchSize, shuffle: true, callbacks });
    status.textContent = `${name}: ${model.stopTraining ? 'stopped' : 'done'} at step ${policy.currentStep} of ${policy.length}`;
  } catch (err) {
    status.textContent = `${name}: failed: ${(err as Error).message}`;
  } finally {
    setRunning(false);
  }
});
