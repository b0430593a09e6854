// What writing a schedule into a TF.js optimizer costs per training step, side by side in one
// run: tfjsOptimizerSink for each of the seven optimizers (every value changing every step, and
// no value changing), TF.js's own setters (setLearningRate, setMomentum) or plain field writes
// where TF.js has no setter, and one training step of a tiny MLP (optimizer.minimize, CPU backend).
import * as tf from '@tensorflow/tfjs';
import { tfjsOptimizerSink } from '../lib/index.js';
import { fmt, interleave } from './harness.js';

await tf.setBackend('cpu');
tf.env().set('IS_TEST', true); // no "install tfjs-node" banner in the figures

const WRITES = 20_000;
const ROUNDS = 15;
const us = (ms: number, n: number) => (ms * 1000) / n;

// One training step: a 1→32→32→1 tanh MLP on a batch of 64, mean squared error.
function trainStepUs(): number {
  const optimizer = tf.train.momentum(0.01, 0.9);
  const model = tf.sequential({
    layers: [tf.layers.dense({ units: 32, activation: 'tanh', inputShape: [1] }), tf.layers.dense({ units: 32, activation: 'tanh' }), tf.layers.dense({ units: 1 })],
  });
  const x = tf.randomUniform([64, 1], -1, 1);
  const y = tf.sin(x);
  const step = () => optimizer.minimize(() => tf.losses.meanSquaredError(y, model.apply(x) as tf.Tensor) as tf.Scalar);
  for (let i = 0; i < 50; i++) step();
  const n = 200;
  const t = interleave(ROUNDS, { step: () => { for (let i = 0; i < n; i++) step(); } });
  return us(t['step']!, n);
}

type Values = Record<string, number>;
const cases: [string, () => tf.Optimizer, (k: number) => Values][] = [
  ['SGD', () => tf.train.sgd(0.1), (k) => ({ lr: 0.1 + (k % 97) * 1e-4 })],
  ['Momentum', () => tf.train.momentum(0.1, 0.9), (k) => ({ lr: 0.1 + (k % 97) * 1e-4, momentum: 0.9 - (k % 89) * 1e-4 })],
  ['RMSProp', () => tf.train.rmsprop(0.01, 0.9, 0.5), (k) => ({ lr: 0.01 + (k % 97) * 1e-5, momentum: 0.5 - (k % 89) * 1e-4 })],
  ['Adam', () => tf.train.adam(0.01), (k) => ({ lr: 0.01 + (k % 97) * 1e-5, beta1: 0.9 - (k % 89) * 1e-4 })],
  ['Adamax', () => tf.train.adamax(0.01), (k) => ({ lr: 0.01 + (k % 97) * 1e-5, beta1: 0.9 - (k % 89) * 1e-4 })],
  ['Adagrad', () => tf.train.adagrad(0.01), (k) => ({ lr: 0.01 + (k % 97) * 1e-5 })],
  ['Adadelta', () => tf.train.adadelta(0.01), (k) => ({ lr: 0.01 + (k % 97) * 1e-5, rho: 0.95 - (k % 89) * 1e-4 })],
];

// TF.js's own way for each: its setters where they exist, else the field writes a user would do.
function setters(name: string, optimizer: tf.Optimizer): (v: Values) => void {
  const o = optimizer as unknown as Record<string, number> & { setLearningRate(lr: number): void; setMomentum(m: number): void };
  if (name === 'SGD') return (v) => o.setLearningRate(v['lr']!);
  if (name === 'Momentum') return (v) => (o.setLearningRate(v['lr']!), o.setMomentum(v['momentum']!));
  return (v) => {
    for (const key in v) o[key === 'lr' ? 'learningRate' : key] = v[key]!;
  };
}

const train = trainStepUs();
console.log(`one training step (1→32→32→1 MLP, batch 64, minimize, CPU backend): ${fmt(train, 1)} µs\n`);
console.log('optimizer | sink, values changing | + scalar made at next read | TF.js setters / field writes | sink − setters | sink, nothing changed | share of a training step');
console.log('---|---|---|---|---|---|---');
for (const [name, make, values] of cases) {
  const table = Array.from({ length: WRITES }, (_, k) => values(k));
  const same = values(0);
  const sinkOpt = make();
  const sink = tfjsOptimizerSink(sinkOpt, { params: Object.keys(same) });
  const quietOpt = make();
  const quiet = tfjsOptimizerSink(quietOpt, { params: Object.keys(same) });
  const lazyOpt = make();
  const lazy = tfjsOptimizerSink(lazyOpt, { params: Object.keys(same) });
  const lazyRead = lazyOpt as unknown as { m?: unknown };
  const setOpt = make();
  const set = setters(name, setOpt);
  quiet.next!(same);
  const t = interleave(ROUNDS, {
    sink: () => { for (let k = 0; k < WRITES; k++) sink.next!(table[k]!); },
    // Momentum's momentum scalar is made when the update reads it: the write plus that read.
    lazy: () => { for (let k = 0; k < WRITES; k++) { lazy.next!(table[k]!); void lazyRead.m; } },
    setters: () => { for (let k = 0; k < WRITES; k++) set(table[k]!); },
    quiet: () => { for (let k = 0; k < WRITES; k++) quiet.next!(same); },
  });
  const s = us(t['sink']!, WRITES);
  const l = us(t['lazy']!, WRITES);
  const b = us(t['setters']!, WRITES);
  const q = us(t['quiet']!, WRITES);
  const worst = name === 'Momentum' ? l : s;
  console.log(`${name} | ${fmt(s, 3)} µs | ${name === 'Momentum' ? `${fmt(l, 3)} µs` : '—'} | ${fmt(b, 3)} µs | ${name === 'Momentum' ? `${fmt(s - b, 3)} µs (${fmt(l - b, 3)} µs with the scalar)` : `${fmt(s - b, 3)} µs`} | ${fmt(q, 3)} µs | ${fmt((100 * worst) / train, 2)} % (nothing changed: ${fmt((100 * q) / train, 3)} %)`);
  for (const o of [sinkOpt, quietOpt, lazyOpt, setOpt]) o.dispose();
}
