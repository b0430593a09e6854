// A real TF.js training run (pure-JS CPU backend): the values the policy emits take effect.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { share, Subject } from 'rxjs';
import { cosinespace, fitCallbacks, fitSteps, linspace, loadState, oneCyclePhases, OptimizerPolicy, Phase, pytorch, restorePolicy, resumeFromIterations, saveState, schedule, tfjsOptimizerSink } from '../../lib/index.js';

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

  it("Adam, Adamax: the bias correction follows the scheduled betas (1 − the product of the β each step ran with)", async () => {
    for (const make of [() => tf.train.adam(1, 0.9, 0.999), () => tf.train.adamax(1, 0.9, 0.999)]) {
      const optimizer = make();
      const model = linearModel(optimizer);
      const steps = 8;
      const policy = new OptimizerPolicy([new Phase({ lr: linspace(0.001, 0.01, steps), beta1: cosinespace(0.5, 0.95, steps), beta2: linspace(0.9, 0.99, steps) })]);
      const { events$, callbacks } = fitCallbacks({ tf });
      events$.pipe(schedule(policy)).subscribe(tfjsOptimizerSink(optimizer, { params: policy.params }));
      const internals = optimizer as unknown as { accBeta1: tf.Scalar; accBeta2?: tf.Scalar };
      const acc: [number, number | undefined][] = [];
      const probe = new tf.CustomCallback({ onBatchBegin: async () => void acc.push([internals.accBeta1.dataSync()[0]!, internals.accBeta2?.dataSync()[0]]) });
      await model.fit(tf.tensor2d(xsData, [N, 1]), tf.tensor2d(ysData, [N, 1]), { epochs: 2, batchSize: BATCH, shuffle: false, verbose: 0, callbacks: [callbacks, probe] });
      const values = [...policy.allSteps()];
      const product = (name: 'beta1' | 'beta2', t: number) => values.slice(0, t + 1).reduce((p, v) => p * v[name], 1);
      acc.forEach(([b1, b2], t) => {
        expect(b1, `${optimizer.getClassName()} accBeta1 before step ${t}`).toBeCloseTo(product('beta1', t), 6);
        if (b2 !== undefined) expect(b2, `accBeta2 before step ${t}`).toBeCloseTo(product('beta2', t), 6);
      });
    }
    // Set before the first step, a beta gives the steps of an optimizer built with it, bit for bit.
    for (const make of [(beta1: number) => tf.train.adam(0.1, beta1, 0.99), (beta1: number) => tf.train.adamax(0.1, beta1, 0.99)]) {
      const built = make(0.5);
      const set = make(0.9);
      tfjsOptimizerSink(set, { params: ['beta1'] }).next!({ beta1: 0.5 });
      const [w1, w2] = [tf.variable(tf.scalar(1)), tf.variable(tf.scalar(1))];
      for (let k = 0; k < 3; k++) {
        built.minimize(() => tf.mul(w1, 2) as tf.Scalar);
        set.minimize(() => tf.mul(w2, 2) as tf.Scalar);
        expect(w2.dataSync()[0], `${built.getClassName()} step ${k}`).toBe(w1.dataSync()[0]);
      }
    }
  });

  it('every optimizer, in a fit with validationSplit and a short last batch: at every batch, what the update reads is policy.at(the step of that batch)', async () => {
    // 18 rows, validationSplit 0.25: TF.js trains on floor(13.5) = 13 rows, batches of 4, 4, 4 and 1.
    const rows = 18;
    const x = tf.tensor2d(Array.from({ length: rows * 2 }, (_, i) => Math.sin(i)), [rows, 2]);
    const y = tf.tensor2d(Array.from({ length: rows }, (_, i) => Math.cos(i)), [rows, 1]);
    const steps = fitSteps({ samples: rows, batchSize: BATCH, epochs: 3, validationSplit: 0.25 });
    expect(steps).toBe(12);
    const down = (a: number, b: number) => linspace(a, b, steps);
    type Case = [tf.Optimizer, Phase[], Record<string, string>];
    const cases: Case[] = [
      [tf.train.sgd(1), [new Phase({ lr: down(0.05, 0.01) })], { lr: 'learningRate' }],
      [tf.train.momentum(1, 0.5), oneCyclePhases({ steps, lr: [0.01, 0.05], momentum: [0.95, 0.85] }), { lr: 'learningRate', momentum: 'momentum' }],
      [tf.train.adam(1), pytorch.oneCycleLR({ maxLr: 0.01, totalSteps: steps, momentumName: 'beta1' }), { lr: 'learningRate', beta1: 'beta1' }],
      [tf.train.rmsprop(1, 0.9, 0.5), [new Phase({ lr: down(0.01, 0.001), decay: down(0.9, 0.99), momentum: down(0.5, 0.9) })], { lr: 'learningRate', decay: 'decay', momentum: 'momentum' }],
      [tf.train.adamax(1), [new Phase({ lr: down(0.01, 0.001), beta1: down(0.8, 0.9) })], { lr: 'learningRate', beta1: 'beta1' }],
      [tf.train.adagrad(1), [new Phase({ lr: down(0.1, 0.01) })], { lr: 'learningRate' }],
      [tf.train.adadelta(1), [new Phase({ lr: down(1, 0.5), rho: down(0.9, 0.95) })], { lr: 'learningRate', rho: 'rho' }],
    ];
    for (const [optimizer, phases, fields] of cases) {
      const name = optimizer.getClassName();
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 3, inputShape: [2], activation: 'tanh' }), tf.layers.dense({ units: 1 })] });
      model.compile({ optimizer, loss: 'meanSquaredError' });
      const policy = new OptimizerPolicy(phases);
      const { events$, callbacks, fail } = fitCallbacks({ tf });
      const values$ = events$.pipe(schedule(policy, { withStep: true, horizon: 'error' }), share());
      let step = -1;
      values$.subscribe({ next: (v) => (step = v.step), error: fail });
      values$.subscribe(tfjsOptimizerSink(optimizer, { params: policy.params }));
      const seen: number[] = [];
      // Read after the batch trained: the fields (and SGD's and Momentum's cached scalars) it trained with.
      const probe = new tf.CustomCallback({
        onBatchEnd: async () => {
          seen.push(step);
          const want = policy.at(step) as Record<string, number>;
          const o = optimizer as unknown as Record<string, number> & { c?: tf.Scalar; m?: tf.Scalar };
          for (const [param, field] of Object.entries(fields)) expect(o[field], `${name} ${field} at step ${step}`).toBe(want[param]);
          if (o.c !== undefined) expect(o.c.dataSync()[0], `${name} -lr scalar`).toBeCloseTo(-want['lr']!, 7);
          if (o.m !== undefined) expect(o.m.dataSync()[0], `${name} momentum scalar`).toBeCloseTo(want['momentum']!, 7);
        },
      });
      await model.fit(x, y, { epochs: 3, batchSize: BATCH, validationSplit: 0.25, shuffle: false, verbose: 0, callbacks: [callbacks, probe] });
      expect(seen, name).toEqual(Array.from({ length: steps }, (_, k) => k));
      expect(optimizer.iterations, name).toBe(steps);
    }
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
    // A name no TF.js optimizer has is a compile error; one of another optimizer's is refused here, by class.
    // @ts-expect-error `learningrate` is misspelt
    expect(() => tfjsOptimizerSink(tf.train.sgd(0.1), { params: ['learningrate'] })).toThrow(/SGD has no hyper-parameter "learningrate"/);
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

describe('tfjsOptimizerSink: tensors, changed values only, params', () => {
  const makers: [string, () => tf.Optimizer, (k: number) => Record<string, number>][] = [
    ['sgd', () => tf.train.sgd(0.1), (k) => ({ lr: 0.1 - k * 1e-5 })],
    ['momentum', () => tf.train.momentum(0.1, 0.9), (k) => ({ lr: 0.1 - k * 1e-5, momentum: 0.9 - k * 1e-5 })],
    ['rmsprop', () => tf.train.rmsprop(0.01, 0.9, 0.5), (k) => ({ lr: 0.01 - k * 1e-6, decay: 0.9 - k * 1e-5, momentum: 0.5 - k * 1e-5, epsilon: 1e-7 })],
    ['adam', () => tf.train.adam(0.01), (k) => ({ lr: 0.01 - k * 1e-6, beta1: 0.9 - k * 1e-5, beta2: 0.999 - k * 1e-7, epsilon: 1e-7 })],
    ['adamax', () => tf.train.adamax(0.01), (k) => ({ lr: 0.01 - k * 1e-6, beta1: 0.9 - k * 1e-5, beta2: 0.999 - k * 1e-7, decay: k * 1e-6 })],
    ['adagrad', () => tf.train.adagrad(0.01), (k) => ({ lr: 0.01 - k * 1e-6 })],
    ['adadelta', () => tf.train.adadelta(0.01), (k) => ({ lr: 0.01 - k * 1e-6, rho: 0.95 - k * 1e-5 })],
  ];
  for (const [name, make, values] of makers) {
    it(`${name}: no tensor leaks over 1,000 training steps with every value changing every step`, () => {
      const optimizer = make();
      const w = tf.variable(tf.tensor1d([0.5, -0.5]));
      const x = tf.tensor1d([1, 2]);
      const sink = tfjsOptimizerSink(optimizer, { params: Object.keys(values(0)) });
      const step = (k: number) => {
        sink.next!(values(k));
        optimizer.minimize(() => tf.sum(tf.square(tf.sub(tf.mul(w, x), 1))) as tf.Scalar);
      };
      step(0); // the optimizer makes its accumulators on its first step
      const before = tf.memory().numTensors;
      for (let k = 1; k <= 1000; k++) step(k);
      expect(tf.memory().numTensors - before).toBe(0);
      const config = optimizer.getConfig() as Record<string, number>;
      for (const [key, value] of Object.entries(values(1000))) expect(config[key === 'lr' ? 'learningRate' : key]).toBe(value);
      optimizer.dispose();
      w.dispose();
      x.dispose();
    });
  }

  it('Momentum: the update uses the momentum written (or set with setMomentum), from the next step on', () => {
    const optimizer = tf.train.momentum(0.1, 0.9);
    const w = tf.variable(tf.scalar(0));
    const loss = () => tf.mul(w, 2) as tf.Scalar; // gradient 2 everywhere
    const sink = tfjsOptimizerSink(optimizer, { params: ['lr', 'momentum'] });
    const weight = () => w.dataSync()[0]!;
    sink.next!({ lr: 0.1, momentum: 0.5 });
    optimizer.minimize(loss); // acc = 2; w = -0.2
    expect(weight()).toBeCloseTo(-0.2, 6);
    sink.next!({ lr: 0.1, momentum: 0.25 });
    optimizer.minimize(loss); // acc = 0.25·2 + 2 = 2.5; w = -0.2 - 0.25
    expect(weight()).toBeCloseTo(-0.45, 6);
    optimizer.setMomentum(0); // TF.js's own setter now takes effect too
    optimizer.minimize(loss); // acc = 2; w = -0.45 - 0.2
    expect(weight()).toBeCloseTo(-0.65, 6);
  });

  it('writes a value only when it differs from the one it wrote last', () => {
    const optimizer = tf.train.sgd(1);
    const calls: number[] = [];
    const original = optimizer.setLearningRate.bind(optimizer);
    optimizer.setLearningRate = (lr: number) => {
      calls.push(lr);
      original(lr);
    };
    const sink = tfjsOptimizerSink(optimizer);
    for (const lr of [0.1, 0.1, 0.1, 0.05, 0.05, 0.1]) sink.next!({ lr });
    expect(calls).toEqual([0.1, 0.05, 0.1]);
    const adam = tf.train.adam(0.1);
    const adamSink = tfjsOptimizerSink(adam, { params: ['beta1'] });
    adamSink.next!({ beta1: 0.8 });
    (adam as unknown as { beta1: number }).beta1 = 0.5; // changed behind the sink's back
    adamSink.next!({ beta1: 0.8 }); // the sink's last write: not repeated
    expect((adam.getConfig() as { beta1: number }).beta1).toBe(0.5);
    adamSink.next!({ beta1: 0.7 });
    expect((adam.getConfig() as { beta1: number }).beta1).toBe(0.7);
  });

  it('with params, other names are left alone; a name in params the optimizer lacks is still an error', () => {
    const optimizer = tf.train.momentum(0.1, 0.9);
    const sink = tfjsOptimizerSink(optimizer, { params: ['lr', 'momentum'] });
    sink.next!({ lr: 0.05, momentum: 0.8, weightDecay: 1e-4 });
    expect(optimizer.getConfig()).toEqual({ learningRate: 0.05, momentum: 0.8, useNesterov: false });
    expect('weightDecay' in optimizer).toBe(false);
    // Subscribed to a stream that carries more names than params: only params are checked.
    const policy = new OptimizerPolicy([new Phase({ lr: linspace(0.1, 0.2, 2), weightDecay: 0.01 })]);
    const step$ = new Subject<void>();
    policy.drive(step$).subscribe(tfjsOptimizerSink(optimizer, { params: ['lr'] }));
    step$.next();
    expect(optimizer.getConfig()).toMatchObject({ learningRate: 0.1 });
    // @ts-expect-error no TF.js optimizer has weightDecay: a compile error too
    expect(() => tfjsOptimizerSink(optimizer, { params: ['lr', 'weightDecay'] })).toThrow(
      'tfjsOptimizerSink: Momentum has no hyper-parameter "weightDecay"; it has: learningRate, momentum (lr is an alias of learningRate)',
    );
    expect(() => tfjsOptimizerSink(optimizer, { param: ['lr'] } as never)).toThrow(/tfjsOptimizerSink: unknown option "param"/);
    expect(() => tfjsOptimizerSink(optimizer, { params: 'lr' } as never)).toThrow('tfjsOptimizerSink: params must be an array of parameter names, got "lr"');
  });

  it("names the option that maps momentum on Adam-like optimizers: momentumName: 'beta1'", () => {
    for (const optimizer of [tf.train.adam(0.1), tf.train.adamax(0.1)]) {
      expect(() => tfjsOptimizerSink(optimizer, { params: ['lr', 'momentum'] })).toThrow(/momentumName: 'beta1' \(pytorch.oneCycleLR, pytorch.cyclicLR\)/);
    }
    expect(() => tfjsOptimizerSink(tf.train.sgd(0.1), { params: ['momentum'] })).toThrow(/For SGD with momentum use tf.train.momentum\(lr, momentum\)/);
  });
});

describe("README's opening example, with a real TF.js optimizer", () => {
  it('the sink writes each step into the optimizer, and training uses it', () => {
    // The example, as written there:
    const policy = new OptimizerPolicy(oneCyclePhases({ steps: 500 }));
    const optimizer = tf.train.momentum(0.01, 0.9);
    const step$ = new Subject<void>();
    policy.drive(step$).subscribe(tfjsOptimizerSink(optimizer));
    step$.next(); // once per training batch
    expect(policy.at(224)).toEqual({ lr: 1, momentum: 0.85 });
    // The optimizer really changed: its config, and the scalars its update reads.
    expect(optimizer.getConfig()).toEqual({ learningRate: 0.1, momentum: 0.95, useNesterov: false }); // as the README says
    const internals = optimizer as unknown as { m: tf.Scalar; c: tf.Scalar };
    expect(internals.m.dataSync()[0]).toBeCloseTo(policy.at(0).momentum, 6);
    expect(internals.c.dataSync()[0]).toBeCloseTo(-policy.at(0).lr, 6);
    for (let k = 1; k < 224; k++) step$.next();
    step$.next();
    expect(optimizer.getConfig()).toMatchObject({ learningRate: 1, momentum: 0.85 });
  });
});

describe('checkpoint and resume of model, optimizer and policy with pure @tensorflow/tfjs (as docs/training.md shows)', () => {
  interface Saved { shape: number[]; values: number[] }
  async function checkpoint(model: tf.LayersModel, optimizer: tf.Optimizer, policy: OptimizerPolicy): Promise<string> {
    const saved = async (t: tf.Tensor): Promise<Saved> => ({ shape: t.shape, values: Array.from(await t.data()) });
    const weights = await Promise.all(model.getWeights().map(saved));
    const slots = await Promise.all((await optimizer.getWeights()).map(async ({ name, tensor }) => ({ name, ...(await saved(tensor)) })));
    return JSON.stringify({ weights, optimizer: slots, policy: saveState(policy) });
  }
  async function resume(json: string, model: tf.LayersModel, optimizer: tf.Optimizer): Promise<OptimizerPolicy> {
    const c = JSON.parse(json) as { weights: Saved[]; optimizer: (Saved & { name: string })[]; policy: unknown };
    model.setWeights(c.weights.map((w) => tf.tensor(w.values, w.shape)));
    await optimizer.setWeights(c.optimizer.map((w) => ({ name: w.name, tensor: tf.tensor(w.values, w.shape) })));
    return restorePolicy(c.policy);
  }
  const fresh = () => {
    const optimizer = tf.train.momentum(0.01, 0.9);
    const model = tf.sequential();
    model.add(tf.layers.dense({ units: 4, inputShape: [1], activation: 'tanh', kernelInitializer: tf.initializers.glorotUniform({ seed: 7 }) }));
    model.add(tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.glorotUniform({ seed: 8 }) }));
    model.compile({ optimizer, loss: 'meanSquaredError' });
    return { optimizer, model };
  };
  const fit = async (model: tf.LayersModel, optimizer: tf.Optimizer, policy: OptimizerPolicy, from: number, to: number) => {
    const { events$, callbacks } = fitCallbacks({ tf });
    const sub = events$.pipe(schedule(policy, { horizon: 'error' })).subscribe(tfjsOptimizerSink(optimizer, { params: policy.params }));
    await model.fit(tf.tensor2d(xsData, [N, 1]), tf.tensor2d(ysData, [N, 1]), { epochs: to, initialEpoch: from, batchSize: BATCH, shuffle: false, verbose: 0, callbacks });
    sub.unsubscribe();
  };

  it('a run checkpointed after 2 of 4 epochs and resumed in a fresh model gives the uninterrupted weights, bit for bit', async () => {
    const phases = oneCyclePhases({ steps: 4 * (N / BATCH), lr: [0.01, 0.1], momentum: [0.95, 0.85] });
    const a = fresh();
    const policyA = new OptimizerPolicy(phases);
    await fit(a.model, a.optimizer, policyA, 0, 2);
    const json = await checkpoint(a.model, a.optimizer, policyA);
    await fit(a.model, a.optimizer, policyA, 2, 4);

    const b = fresh();
    const policyB = await resume(json, b.model, b.optimizer);
    expect(policyB.currentStep).toBe(8);
    expect(b.optimizer.iterations).toBe(8);
    await fit(b.model, b.optimizer, policyB, 2, 4);
    const weightsOf = (m: tf.LayersModel) => m.getWeights().map((w) => Array.from(w.dataSync()));
    expect(weightsOf(b.model)).toEqual(weightsOf(a.model));
    expect(b.optimizer.getConfig()).toEqual(a.optimizer.getConfig());
  });

  it('Adam with a one-cycle on lr and beta1, resumed by restorePolicy, loadState or resumeFromIterations: every batch runs on the uninterrupted run\'s values', async () => {
    const build = () => pytorch.oneCycleLR({ maxLr: 0.05, totalSteps: 4 * (N / BATCH), momentumName: 'beta1' });
    const freshAdam = () => {
      const optimizer = tf.train.adam(0.001);
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 3, inputShape: [1], activation: 'tanh' }), tf.layers.dense({ units: 1 })] });
      model.compile({ optimizer, loss: 'meanSquaredError' });
      return { optimizer, model };
    };
    const record = async (model: tf.LayersModel, optimizer: tf.Optimizer, policy: OptimizerPolicy, from: number, to: number, into: number[][]) => {
      const { events$, callbacks, fail } = fitCallbacks({ tf });
      const sub = events$.pipe(schedule(policy, { horizon: 'error' })).subscribe({ ...tfjsOptimizerSink(optimizer, { params: policy.params }), error: fail });
      const o = optimizer as unknown as { learningRate: number; beta1: number };
      const probe = new tf.CustomCallback({ onBatchEnd: async () => void into.push([o.learningRate, o.beta1]) });
      await model.fit(tf.tensor2d(xsData, [N, 1]), tf.tensor2d(ysData, [N, 1]), { epochs: to, initialEpoch: from, batchSize: BATCH, shuffle: false, verbose: 0, callbacks: [callbacks, probe] });
      sub.unsubscribe();
    };
    const uninterrupted: number[][] = [];
    const u = freshAdam();
    await record(u.model, u.optimizer, new OptimizerPolicy(build()), 0, 4, uninterrupted);
    const policyOf = [...new OptimizerPolicy(build()).allSteps()];
    expect(uninterrupted).toEqual(policyOf.map((v) => [v.lr, v.beta1]));

    for (const how of ['restorePolicy', 'loadState', 'resumeFromIterations'] as const) {
      const seen: number[][] = [];
      const a = freshAdam();
      const policyA = new OptimizerPolicy(build());
      await record(a.model, a.optimizer, policyA, 0, 2, seen);
      const json = await checkpoint(a.model, a.optimizer, policyA);
      // A fresh start: everything rebuilt from the JSON and the configuration.
      const b = freshAdam();
      const restored = await resume(json, b.model, b.optimizer);
      let policyB: OptimizerPolicy;
      if (how === 'restorePolicy') policyB = restored;
      else {
        policyB = new OptimizerPolicy(build());
        if (how === 'loadState') loadState(policyB, JSON.parse(json).policy);
        else resumeFromIterations(policyB, b.optimizer);
      }
      expect(policyB.currentStep, how).toBe(8);
      await record(b.model, b.optimizer, policyB, 2, 4, seen);
      expect(seen, how).toEqual(uninterrupted);
      expect(b.optimizer.iterations, how).toBe(16);
    }
  });
});

describe('tfjsOptimizerSink: betas and optimizers it cannot write', () => {
  it("Adam's and Adamax's betas must lie in [0, 1): 1 would divide the bias correction by 0; nothing of the value is written", () => {
    for (const make of [() => tf.train.adam(0.1), () => tf.train.adamax(0.1)]) {
      const optimizer = make();
      const sink = tfjsOptimizerSink(optimizer);
      for (const beta of [1, 1.5, -0.1]) {
        expect(() => sink.next!({ lr: 0.5, beta1: beta })).toThrow(new RangeError(`tfjsOptimizerSink: beta1 of ${optimizer.getClassName()} must be a number in [0, 1), got ${beta}`));
        expect(optimizer.getConfig()['learningRate']).toBe(0.1);
      }
      sink.next!({ beta1: 0 });
      expect(optimizer.getConfig()['beta1']).toBe(0);
      optimizer.dispose();
    }
    expect(() => tfjsOptimizerSink(tf.train.adam(0.1), { params: ['beta2'] }).next!({ beta2: 1 })).toThrow(/beta2 of Adam must be a number in \[0, 1\), got 1/);
  });

  it('a disposed Adam is refused by name when a beta is written, not with a bare "Tensor is disposed"', () => {
    const adam = tf.train.adam(0.1);
    const sink = tfjsOptimizerSink(adam);
    adam.dispose();
    expect(() => sink.next!({ beta1: 0.8 })).toThrow(new TypeError('tfjsOptimizerSink: the Adam optimizer is disposed (optimizer.dispose() was called), so beta1 cannot be written'));
  });

  it("a class name of Object.prototype's is unsupported, not read as a field list", () => {
    for (const name of ['constructor', 'toString', '__proto__']) {
      expect(() => tfjsOptimizerSink({ getClassName: () => name })).toThrow(new TypeError(`tfjsOptimizerSink: unsupported optimizer class "${name}"; supported: SGD, Momentum, Adam, Adamax, RMSProp, Adagrad, Adadelta`));
    }
  });
});
