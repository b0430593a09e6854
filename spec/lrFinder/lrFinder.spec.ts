// A real TF.js range test (pure-JS CPU backend). The regression problem's divergence point is
// known: plain SGD on mean((w·x − y)²) has the Hessian 2·E[x²] on every batch, so it diverges for
// lr > 1/E[x²]; with x = ±2 that is 0.25, whatever the batch.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { lrFinder, lrFinderSchedule } from '../../lib/index.js';

await tf.setBackend('cpu');

const N = 64;
const X = Array.from({ length: N }, (_, i) => (i % 2 ? 2 : -2));
const Y = X.map((x, i) => 3 * x + (((i * 7) % 5) - 2) * 0.3);
const DIVERGENCE = 1 / 4; // 1 / E[x²]

function regression(optimizer: tf.Optimizer): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 1, inputShape: [1], useBias: false, kernelInitializer: 'zeros' }));
  model.compile({ optimizer, loss: 'meanSquaredError' });
  return model;
}

function mlp(optimizer: tf.Optimizer): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 8, inputShape: [2], activation: 'tanh', kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) }));
  model.add(tf.layers.batchNormalization());
  model.add(tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }) }));
  model.compile({ optimizer, loss: 'meanSquaredError' });
  return model;
}

const mlpData = () => {
  const x = Array.from({ length: 48 }, (_, i) => [Math.sin(i), Math.cos(3 * i)]);
  return { xs: tf.tensor2d(x), ys: tf.tensor2d(x.map(([a, b]) => [a! * b! + 0.5 * a!])) };
};

const weightsOf = (model: tf.LayersModel) => model.getWeights().map((w) => Array.from(w.dataSync()));
const optimizerState = async (optimizer: tf.Optimizer) => Promise.all((await optimizer.getWeights()).map(async (w) => ({ name: w.name, values: Array.from(await w.tensor.data()) })));

describe('lrFinder on real TF.js', () => {
  it('plain SGD linear regression: stops after the analytic divergence point, and every suggestion lies below it', async () => {
    const optimizer = tf.train.sgd(0.01);
    const model = regression(optimizer);
    const result = await lrFinder(model, tf.tensor2d(X, [N, 1]), tf.tensor2d(Y, [N, 1]), { startLr: 1e-4, endLr: 10, steps: 100, batchSize: 8 });
    expect(result.diverged).toBe(true);
    expect(result.lrs.length).toBeLessThan(100);
    expect(result.lrs.length).toBe(result.losses.length);
    // fastai's own checks: the schedule, and the stop rule.
    const rates = lrFinderSchedule({ startLr: 1e-4, endLr: 10, steps: 100 });
    result.lrs.forEach((lr, i) => expect(lr).toBe(rates.at(i)));
    expect(result.losses.at(-1)!).toBeGreaterThan(4 * Math.min(...result.losses));
    expect(result.lrs.at(-1)!).toBeGreaterThan(DIVERGENCE);
    const s = result.suggestions!;
    expect(s.valley.lr).toBeLessThan(DIVERGENCE);
    expect(s.minimum.lr).toBeLessThan(DIVERGENCE);
    expect(s.steep.lr).toBeLessThan(DIVERGENCE);
    // The model is as it was: the zero weight, the optimizer's rate.
    expect(weightsOf(model)).toEqual([[0]]);
    expect((optimizer as unknown as { learningRate: number }).learningRate).toBe(0.01);
  });

  it('batch i trains at rate i: the raw losses are those of SGD run by hand with the recorded rates', async () => {
    const model = regression(tf.train.sgd(0.01));
    const result = await lrFinder(model, tf.tensor2d(X, [N, 1]), tf.tensor2d(Y, [N, 1]), { startLr: 1e-3, endLr: 1, steps: 30, batchSize: 8, shuffle: false });
    let w = 0;
    result.lrs.forEach((lr, i) => {
      const rows = Array.from({ length: 8 }, (_, j) => ((i * 8) % N) + j);
      const loss = rows.reduce((sum, r) => sum + (w * X[r]! - Y[r]!) ** 2, 0) / 8;
      expect(result.rawLosses[i]! / loss).toBeCloseTo(1, 4);
      // d/dw mean((w·x − y)²) = mean(2(w·x − y)·x)
      w -= (lr * rows.reduce((g, r) => g + 2 * (w * X[r]! - Y[r]!) * X[r]!, 0)) / 8;
    });
    expect(weightsOf(model)).toEqual([[0]]);
  });

  it('restores weights and optimizer state exactly: training afterwards is bit for bit the training without the test', async () => {
    for (const make of [() => tf.train.adam(0.01), () => tf.train.momentum(0.01, 0.9), () => tf.train.rmsprop(0.01, 0.9, 0.5), () => tf.train.sgd(0.01)]) {
      const { xs, ys } = mlpData();
      const a = mlp(make());
      const b = mlp(make());
      // Both trained a little first, so the optimizers have moments and iterations to keep.
      await a.fit(xs, ys, { epochs: 1, batchSize: 16, shuffle: false, verbose: 0 });
      await b.fit(xs, ys, { epochs: 1, batchSize: 16, shuffle: false, verbose: 0 });
      const before = await optimizerState(a.optimizer);
      const result = await lrFinder(a, xs, ys, { startLr: 1e-5, endLr: 1, steps: 20, batchSize: 8 });
      expect(result.lrs.length).toBeGreaterThan(0);
      expect(await optimizerState(a.optimizer)).toEqual(before);
      expect(weightsOf(a)).toEqual(weightsOf(b));
      await a.fit(xs, ys, { epochs: 2, batchSize: 16, shuffle: false, verbose: 0 });
      await b.fit(xs, ys, { epochs: 2, batchSize: 16, shuffle: false, verbose: 0 });
      expect(weightsOf(a), a.optimizer.getClassName()).toEqual(weightsOf(b));
    }
  });

  it('Momentum, Adam, RMSProp, on tensors (a short last batch) and on a dataset: each update reads the rate of its batch, and the rate is put back', async () => {
    const { xs, ys } = mlpData(); // 48 rows in batches of 10: 5 an epoch, the last of 8
    for (const make of [() => tf.train.momentum(0.01, 0.9), () => tf.train.adam(0.01), () => tf.train.rmsprop(0.01)]) {
      for (const on of ['tensors', 'dataset'] as const) {
        const optimizer: tf.Optimizer = make();
        const model = mlp(optimizer);
        const o = optimizer as unknown as { learningRate: number; c?: tf.Scalar };
        const read: number[] = [];
        const applyGradients = optimizer.applyGradients.bind(optimizer);
        // What the update reads: Momentum its cached −lr scalar, the others their field.
        optimizer.applyGradients = (gradients: Parameters<typeof applyGradients>[0]) => {
          read.push(o.c !== undefined ? -o.c.dataSync()[0]! : o.learningRate);
          applyGradients(gradients);
        };
        const rates = { startLr: 1e-4, endLr: 1, steps: 12 };
        const options = { ...rates, stopDiv: false };
        const result = on === 'tensors'
          ? await lrFinder(model, xs, ys, { ...options, batchSize: 10, shuffle: false })
          : await lrFinder(model, tf.data.zip({ xs: tf.data.array(tf.unstack(xs)), ys: tf.data.array(tf.unstack(ys)) }).batch(10) as never, options);
        const name = `${optimizer.getClassName()} on ${on}`;
        expect(result.lrs, name).toEqual([...lrFinderSchedule(rates)]);
        expect(read, name).toHaveLength(12);
        read.forEach((lr, i) => expect(lr / result.lrs[i]!, `${name}, batch ${i}`).toBeCloseTo(1, 6));
        expect(o.learningRate, name).toBe(0.01);
        if (o.c !== undefined) expect(o.c.dataSync()[0], name).toBeCloseTo(-0.01, 8);
        expect(optimizer.iterations, name).toBe(0);
      }
    }
  });

  it('works with fitDataset', async () => {
    const { xs, ys } = mlpData();
    const model = mlp(tf.train.adam(0.001));
    const initial = weightsOf(model);
    const dataset = tf.data.zip({ xs: tf.data.array(tf.unstack(xs)), ys: tf.data.array(tf.unstack(ys)) }).batch(8);
    const result = await lrFinder(model, dataset, { startLr: 1e-6, endLr: 10, steps: 30 });
    expect(result.lrs.length).toBeGreaterThan(6);
    expect(weightsOf(model)).toEqual(initial);
    // @ts-expect-error a dataset's batches are its own: batchSize is for tensors, a compile error too
    await expect(lrFinder(model, dataset, { batchSize: 8 })).rejects.toThrow('lrFinder: unknown option "batchSize"');
    // @ts-expect-error a misspelt option is a compile error on a dataset too (it is no ys)
    await expect(lrFinder(model, dataset, { strtLr: 1e-6 })).rejects.toThrow(/lrFinder: unknown option "strtLr" \(did you mean "startLr"\?\)/);
  });

  it('bad input: named errors, and the model untouched', async () => {
    const optimizer = tf.train.sgd(0.05);
    const model = regression(optimizer);
    const xs = tf.tensor2d(X, [N, 1]);
    const ys = tf.tensor2d(Y, [N, 1]);
    await expect(lrFinder(model, xs, ys, { startLr: 1e-3, endLr: 1e-3 })).rejects.toThrow('lrFinder: endLr must be greater than startLr (0.001), got 0.001');
    await expect(lrFinder(model, xs, ys, { steps: 1 })).rejects.toThrow('lrFinder: steps must be an integer ≥ 2, got 1');
    await expect(lrFinder(model, xs, ys, { batchSize: 0 })).rejects.toThrow('lrFinder: batchSize must be a positive integer, got 0');
    await expect(lrFinder(model, xs, ys, { start_lr: 1e-5 } as never)).rejects.toThrow('lrFinder: unknown option "start_lr"');
    const raw = tf.sequential();
    raw.add(tf.layers.dense({ units: 1, inputShape: [1], kernelInitializer: 'ones' }));
    await expect(lrFinder(raw as never, xs, ys)).rejects.toThrow('lrFinder: model must be compiled first: model.compile({ optimizer, loss })');
    expect(weightsOf(raw)).toEqual([[1], [0]]);
    // TF.js's Adamax cannot save its state (getWeights is not implemented): refused before training.
    const adamax = regression(tf.train.adamax(0.01));
    await expect(lrFinder(adamax, xs, ys)).rejects.toThrow("lrFinder: the model's optimizer (Adamax) cannot save its state, so it could not be restored");
    expect(weightsOf(adamax)).toEqual([[0]]);
    expect(weightsOf(model)).toEqual([[0]]);
    expect((optimizer as unknown as { learningRate: number }).learningRate).toBe(0.05);
    expect(optimizer.iterations).toBe(0);
  });
});
