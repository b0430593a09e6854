// A real TF.js training run (pure-JS CPU backend): the values the policy emits take effect.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { Subject } from 'rxjs';
import { cosinespace, fitCallbacks, linspace, oneCyclePhases, OptimizerPolicy, Phase, resumeFromIterations, schedule, tfjsOptimizerSink } from '../../lib/index.js';

await tf.setBackend('cpu');

const N = 16;
const BATCH = 4;
const xsData = Array.from({ length: N }, (_, i) => (i - 8) / 4);
const ysData = xsData.map((x) => 3 * x - 1);

function linearModel(optimizer: tf.Optimizer): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 1, inputShape: [1], useBias: false, kernelInitializer: tf.initializers.constant({ value: 0.5 }) }));
  model.compile({ optimizer, loss: 'meanSquaredError' });
  return model;
}

describe('TF.js: a policy drives real training through the fit bridge and the sink', () => {
  it('SGD: each batch changes the weight by exactly -lr × gradient, with the policy\'s lr for that batch', async () => {
    const optimizer = tf.train.sgd(123); // overwritten by the policy before the first batch
    const model = linearModel(optimizer);
    const epochs = 2;
    const steps = epochs * (N / BATCH);
    const policy = new OptimizerPolicy([new Phase({ lr: linspace(0.01, 0.1, steps / 2) }), new Phase({ lr: cosinespace(0.1, 0.001, steps / 2) })]);
    const { events$, callbacks } = fitCallbacks();
    events$.pipe(schedule(policy)).subscribe(tfjsOptimizerSink(optimizer, { params: policy.params }));
    const before: number[] = [];
    const after: number[] = [];
    const weight = () => (model.getWeights()[0]!.dataSync() as Float32Array)[0]!;
    const recorder = { onBatchBegin: async () => void before.push(weight()), onBatchEnd: async () => void after.push(weight()) };
    await model.fit(tf.tensor2d(xsData, [N, 1]), tf.tensor2d(ysData, [N, 1]), { epochs, batchSize: BATCH, shuffle: false, verbose: 0, callbacks: [callbacks, recorder] });
    expect(before).toHaveLength(steps);
    for (let k = 0; k < steps; k++) {
      const rows = Array.from({ length: BATCH }, (_, j) => ((k * BATCH) % N) + j);
      // d/dw mean((w·x - y)^2) = mean(2(w·x - y)·x)
      const gradient = rows.reduce((g, r) => g + 2 * (before[k]! * xsData[r]! - ysData[r]!) * xsData[r]!, 0) / BATCH;
      const lr = policy.at(k).lr;
      expect(after[k]! - before[k]!).toBeCloseTo(-lr * gradient, 4);
    }
    expect(policy.currentStep).toBe(steps);
    // TF.js counts the same steps in optimizer.iterations: a fresh policy resumes from it.
    const resumed = new OptimizerPolicy(policy.phases);
    resumeFromIterations(resumed, optimizer);
    expect(optimizer.iterations).toBe(steps);
    expect(resumed.currentStep).toBe(steps);
  });

  it('Adam: learningRate and beta1 follow the policy at every batch', async () => {
    const optimizer = tf.train.adam(1);
    const model = linearModel(optimizer);
    const steps = 8;
    const policy = new OptimizerPolicy([new Phase({ lr: linspace(0.001, 0.01, steps), beta1: cosinespace(0.95, 0.85, steps) })]);
    const { events$, callbacks } = fitCallbacks();
    events$.pipe(schedule(policy)).subscribe(tfjsOptimizerSink(optimizer, { params: policy.params }));
    const seen: { learningRate: number; beta1: number }[] = [];
    const recorder = { onBatchBegin: async () => void seen.push(optimizer.getConfig() as { learningRate: number; beta1: number }) };
    await model.fit(tf.tensor2d(xsData, [N, 1]), tf.tensor2d(ysData, [N, 1]), { epochs: 2, batchSize: BATCH, shuffle: false, verbose: 0, callbacks: [callbacks, recorder] });
    expect(seen.map((c) => c.learningRate)).toEqual([...policy.allSteps()].map((v) => v.lr));
    expect(seen.map((c) => c.beta1)).toEqual([...policy.allSteps()].map((v) => v.beta1));
  });

  it('Momentum: the scalar the update reads follows the policy (TF.js setMomentum alone does not)', () => {
    const optimizer = tf.train.momentum(0.1, 0.9);
    const sink = tfjsOptimizerSink(optimizer);
    sink.next!({ lr: 0.05, momentum: 0.5 });
    const internals = optimizer as unknown as { m: tf.Scalar; c: tf.Scalar };
    expect(internals.m.dataSync()[0]).toBe(0.5);
    expect(internals.c.dataSync()[0]).toBeCloseTo(-0.05, 7);
    expect(optimizer.getConfig()).toMatchObject({ learningRate: 0.05, momentum: 0.5 });
  });

  it('each optimizer accepts its own hyper-parameters and names the ones it has otherwise', () => {
    expect(() => tfjsOptimizerSink(tf.train.adam(0.1), { params: ['lr', 'momentum'] })).toThrow(
      /^tfjsOptimizerSink: Adam has no hyper-parameter "momentum"; it has: learningRate, beta1, beta2, epsilon \(lr is an alias of learningRate\)\. .*momentumName: 'beta1'/,
    );
    expect(() => tfjsOptimizerSink(tf.train.sgd(0.1), { params: ['beta1'] })).toThrow(/SGD has no hyper-parameter "beta1"/);
    // Without params, subscribing to the policy's stream is where the check happens (Poutyne would
    // write momentum into Adam's groups, where nothing reads it).
    const oneCycle = new OptimizerPolicy(oneCyclePhases({ steps: 10 }));
    expect(() => oneCycle.drive(new Subject<void>()).subscribe(tfjsOptimizerSink(tf.train.adam(0.1)))).toThrow(/Adam has no hyper-parameter "momentum"/);
    const cases: [tf.Optimizer, Record<string, number>][] = [
      [tf.train.adamax(0.1), { lr: 0.2, beta1: 0.8, beta2: 0.99, epsilon: 1e-6, decay: 0.01 }],
      [tf.train.rmsprop(0.1), { learningRate: 0.2, decay: 0.8, momentum: 0.5, epsilon: 1e-6 }],
      [tf.train.adagrad(0.1), { lr: 0.2 }],
      [tf.train.adadelta(0.1), { lr: 0.2, rho: 0.9, epsilon: 1e-6 }],
    ];
    for (const [opt, values] of cases) {
      tfjsOptimizerSink(opt, { params: Object.keys(values) }).next!(values);
      const config = opt.getConfig() as Record<string, number>;
      for (const [name, value] of Object.entries(values)) expect(config[name === 'lr' ? 'learningRate' : name]).toBe(value);
    }
    expect(() => tfjsOptimizerSink({} as never)).toThrow(/tfjsOptimizerSink: optimizer must be a TF.js optimizer/);
  });
});
