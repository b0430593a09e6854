// The dashboard page: pick a preset, edit its options and see the curves redraw; then train a
// small TF.js model in the page and watch lr, momentum and loss stream in, throttled to the
// display rate with the animation-frame scheduler (auditTime keeps the latest value).
import * as tf from '@tensorflow/tfjs';
import { animationFrameScheduler, auditTime, filter, fromEvent, map, share, startWith, withLatestFrom } from 'rxjs';
import uPlot from 'uplot';
import { buildPolicy, fitCallbacks, presets, schedule, tfjsOptimizerSink, type OptimizerPolicy } from '../../lib/index.js';
import { decimate } from '../../lib/plot/decimate.js';
import { presetExamples } from '../examples.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const presetSelect = $<HTMLSelectElement>('preset');
const optionsArea = $<HTMLTextAreaElement>('options');
const errorBox = $('error');
const status = $('status');
const progress = $('progress');
const curveBox = $('curve');
const liveBox = $('live');

for (const name of Object.keys(presets)) presetSelect.add(new Option(name, name));
presetSelect.value = 'oneCycle';
optionsArea.value = JSON.stringify(presetExamples['oneCycle']);

// The curve of the chosen schedule: one series per parameter.
let curve: uPlot | undefined;
let policy: OptimizerPolicy | undefined;
function redraw(): void {
  try {
    const built = buildPolicy({ preset: presetSelect.value, options: JSON.parse(optionsArea.value) as Record<string, unknown> });
    const params = built.params;
    const steps = decimate((i) => i, built.length, 800).map((p) => p.step);
    const data: number[][] = [steps, ...params.map((name) => steps.map((k) => (built.at(k) as Record<string, number>)[name] ?? NaN))];
    curve?.destroy();
    curve = new uPlot(
      { title: presetSelect.value, width: 640, height: 260, scales: { x: { time: false } }, series: [{ label: 'step' }, ...params.map((name, i) => ({ label: name, stroke: ['#3b6ea5', '#e07b39', '#4f9d69'][i % 3]!, width: 1.5 }))] },
      data as uPlot.AlignedData,
      curveBox,
    );
    policy = built;
    errorBox.textContent = '';
    curveBox.dataset['version'] = String(Number(curveBox.dataset['version'] ?? 0) + 1);
    curveBox.dataset['steps'] = String(built.length);
  } catch (err) {
    errorBox.textContent = (err as Error).message;
  }
}
fromEvent(presetSelect, 'change').subscribe(() => {
  optionsArea.value = JSON.stringify(presetExamples[presetSelect.value] ?? {});
  redraw();
});
fromEvent(optionsArea, 'input').subscribe(redraw);
redraw();

// Training: TF.js in the page on generated data, the schedule driven by fit's callbacks.
const liveData: [number[], number[], number[], number[]] = [[], [], [], []];
const live = new uPlot(
  {
    title: 'training (live)',
    width: 640,
    height: 240,
    scales: { x: { time: false }, loss: { auto: true } },
    series: [{ label: 'step' }, { label: 'lr', stroke: '#3b6ea5' }, { label: 'momentum', stroke: '#e07b39' }, { label: 'loss', stroke: '#4f9d69', scale: 'loss' }],
    axes: [{}, {}, { scale: 'loss', side: 1 }],
  },
  liveData,
  liveBox,
);

fromEvent($('train'), 'click').subscribe(async () => {
  if (!policy) return;
  await tf.setBackend('cpu');
  const run = buildPolicy(policy.toJSON());
  const optimizer = tf.train.momentum(0.01, 0.9);
  const model = tf.sequential({ layers: [tf.layers.dense({ units: 16, activation: 'tanh', inputShape: [1] }), tf.layers.dense({ units: 1 })] });
  model.compile({ optimizer, loss: 'meanSquaredError' });
  const n = 512;
  const xs = Array.from({ length: n }, (_, i) => (2 * i) / n - 1);
  const ys = xs.map((x) => Math.sin(3 * x));
  const { events$, callbacks } = fitCallbacks();
  const values$ = events$.pipe(schedule(run), share());
  const params = run.params.filter((p) => p === 'lr' || p === 'momentum');
  values$.subscribe(tfjsOptimizerSink(optimizer, { params }));
  const loss$ = events$.pipe(
    filter((e) => e.type === 'batchEnd'),
    map((e) => (e.type === 'batchEnd' ? (e.logs?.['loss'] ?? NaN) : NaN)),
  );
  // Every batch is recorded; the chart redraws at most once a frame, with the latest data.
  loss$.pipe(withLatestFrom(values$.pipe(startWith({} as Record<string, number>)))).subscribe(([loss, v]) => {
    liveData[0].push(liveData[0].length); // batch index: training may run past the schedule
    liveData[1].push(v['lr'] ?? NaN);
    liveData[2].push(v['momentum'] ?? NaN);
    liveData[3].push(loss);
  });
  loss$.pipe(auditTime(0, animationFrameScheduler)).subscribe(() => {
    live.setData(liveData);
    liveBox.dataset['points'] = String(liveData[0].length);
    progress.textContent = `step ${run.currentStep} / ${run.length}, ${liveData[0].length} batches`;
  });
  for (const series of liveData) series.length = 0;
  status.textContent = 'training…';
  const batchSize = 32;
  const epochs = Math.max(1, Math.ceil(run.length / (n / batchSize)));
  liveBox.dataset['batches'] = String(epochs * (n / batchSize));
  await model.fit(tf.tensor2d(xs, [n, 1]), tf.tensor2d(ys, [n, 1]), { epochs, batchSize, shuffle: true, callbacks });
  status.textContent = `done: ${run.currentStep} steps`;
});
