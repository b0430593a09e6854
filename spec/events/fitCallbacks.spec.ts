// The bridge inside real TF.js training (pure-JS CPU backend): alone, in callbacks arrays with
// TF.js's own callbacks and with plain hook objects, under model.fit and model.fitDataset.
import * as tf from '@tensorflow/tfjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fitCallbacks, linspace, OptimizerPolicy, Phase, schedule, tfjsOptimizerSink, type TrainingEvent } from '../../lib/index.js';

await tf.setBackend('cpu');

const N = 16;
const BATCH = 4; // 4 batches an epoch
const xs = () => tf.tensor2d(Array.from({ length: N }, (_, i) => (i - 8) / 4), [N, 1]);
const ys = () => tf.tensor2d(Array.from({ length: N }, (_, i) => (3 * (i - 8)) / 4 - 1), [N, 1]);

function model(optimizer: tf.Optimizer): tf.Sequential {
  const m = tf.sequential();
  m.add(tf.layers.dense({ units: 1, inputShape: [1], kernelInitializer: tf.initializers.constant({ value: 0.5 }) }));
  m.compile({ optimizer, loss: 'meanSquaredError' });
  return m;
}

/** A bridge with a schedule and a sink, recording what it saw and the lr each batch ran with. */
function rig(withTf: boolean, steps = 40) {
  const optimizer = tf.train.sgd(1);
  const policy = new OptimizerPolicy([new Phase({ lr: linspace(0.01, 0.05, steps) })]);
  const bridge = withTf ? fitCallbacks({ tf }) : fitCallbacks();
  const events: TrainingEvent[] = [];
  bridge.events$.subscribe((e) => events.push(e));
  const lrs: number[] = [];
  bridge.events$.pipe(schedule(policy)).subscribe({ ...tfjsOptimizerSink(optimizer, { params: ['lr'] }), complete: () => {} });
  const probe = new tf.CustomCallback({ onBatchBegin: async () => void lrs.push((optimizer.getConfig() as { learningRate: number }).learningRate) });
  return { optimizer, policy, bridge, events, lrs, probe, model: model(optimizer) };
}

const counting = () => {
  const calls = { batchEnd: 0, epochEnd: 0 };
  return { calls, hooks: { onBatchEnd: async () => void calls.batchEnd++, onEpochEnd: async () => void calls.epochEnd++ } };
};

afterEach(() => vi.restoreAllMocks());

describe('fitCallbacks: the events it emits', () => {
  it('tags batches with their epoch and keeps numeric logs, synchronously', () => {
    const { events$, callbacks } = fitCallbacks();
    const seen: TrainingEvent[] = [];
    events$.subscribe((e) => seen.push(e));
    void callbacks.onTrainBegin();
    void callbacks.onEpochBegin(0);
    void callbacks.onBatchBegin(0, { batch: 0, size: 4 });
    void callbacks.onBatchEnd(0, { loss: 0.5, note: 'x' });
    void callbacks.onEpochEnd(0, { loss: 0.4, val_loss: 0.45 });
    void callbacks.onEpochBegin(1);
    void callbacks.onBatchBegin(0);
    void callbacks.onTrainEnd();
    expect(seen).toEqual([
      { type: 'trainBegin' },
      { type: 'epochBegin', epoch: 0 },
      { type: 'batchBegin', epoch: 0, batch: 0 },
      { type: 'batchEnd', epoch: 0, batch: 0, logs: { loss: 0.5 } },
      { type: 'epochEnd', epoch: 0, logs: { loss: 0.4, val_loss: 0.45 } },
      { type: 'epochBegin', epoch: 1 },
      { type: 'batchBegin', epoch: 1, batch: 0 },
      { type: 'trainEnd' },
    ]);
  });

  it('events$ is hot, as documented: every subscriber sees the events from its subscription on, none replayed', () => {
    const { events$, callbacks } = fitCallbacks();
    const early: TrainingEvent[] = [];
    const late: TrainingEvent[] = [];
    events$.subscribe((e) => early.push(e));
    void callbacks.onTrainBegin();
    const subscription = events$.subscribe((e) => late.push(e));
    void callbacks.onEpochBegin(0);
    subscription.unsubscribe();
    void callbacks.onBatchBegin(0);
    expect(early.map((e) => e.type)).toEqual(['trainBegin', 'epochBegin', 'batchBegin']);
    expect(late.map((e) => e.type)).toEqual(['epochBegin']);
  });

  it('refuses bad options by name', () => {
    expect(() => fitCallbacks({ tf: {} as never })).toThrow(/^fitCallbacks: tf must be the TF.js module \(with tf.CustomCallback\), got \{\}/);
    expect(() => fitCallbacks({ tfjs: tf } as never)).toThrow(/fitCallbacks: unknown option "tfjs"; accepted: tf/);
    expect(() => fitCallbacks({ TF: tf } as never)).toThrow('fitCallbacks: unknown option "TF" (did you mean "tf"?); accepted: tf');
  });

  it('with { tf }, callbacks is a real tf.CustomCallback', () => {
    expect(fitCallbacks({ tf }).callbacks).toBeInstanceOf(tf.CustomCallback);
  });
});

describe('fitCallbacks in real model.fit runs: alone and in callbacks arrays', () => {
  type Case = [name: string, withTf: boolean, arrange: (bridge: tf.CustomCallback, others: { plain: object; custom: tf.CustomCallback; stop: tf.Callback }) => tf.CustomCallbackArgs | tf.CustomCallback | (tf.CustomCallback | tf.CustomCallbackArgs)[]];
  const cases: Case[] = [
    ['alone, { tf }', true, (b) => b],
    ['alone, no tf', false, (b) => b],
    ['[bridge, tf.CustomCallback]', true, (b, o) => [b, o.custom]],
    ['[tf.CustomCallback, bridge]', true, (b, o) => [o.custom, b]],
    ['[bridge, earlyStopping]', true, (b, o) => [b, o.stop]],
    ['[earlyStopping, bridge]', true, (b, o) => [o.stop, b]],
    ['[plain, bridge], { tf }', true, (b, o) => [o.plain, b]],
    ['[bridge, new tf.CustomCallback(plain)]', true, (b, o) => [b, new tf.CustomCallback(o.plain)]],
    ['[bridge, plain], no tf', false, (b, o) => [b, o.plain]],
    ['[plain, bridge], no tf', false, (b, o) => [o.plain, b]],
    ['[earlyStopping, bridge], no tf', false, (b, o) => [o.stop, b]],
    ['[tf.CustomCallback, bridge], no tf', false, (b, o) => [o.custom, b]],
  ];
  for (const [name, withTf, arrange] of cases) {
    for (const api of ['fit', 'fitDataset'] as const) {
      it(`${name}, model.${api}: every callback runs, the schedule steps every batch, the run plan is known`, async () => {
        const r = rig(withTf);
        const plain = counting();
        const custom = counting();
        const stop = tf.callbacks.earlyStopping({ monitor: 'loss', patience: 100 });
        const used = new Set<string>();
        const others = {
          get plain() { used.add('plain'); return plain.hooks; },
          get custom() { used.add('custom'); return new tf.CustomCallback(custom.hooks); },
          get stop() { used.add('stop'); return stop; },
        };
        const callbacks = arrange(r.bridge.callbacks as unknown as tf.CustomCallback, others);
        const list = [...(Array.isArray(callbacks) ? callbacks : [callbacks])];
        // The probe reads the lr each batch runs with. TF.js's rule: an array that starts with a
        // TF.js callback holds only TF.js callbacks; any other array holds plain hook objects.
        const tfFirst = list[0] instanceof tf.CustomCallback || list[0] instanceof tf.Callback;
        const withProbe = tfFirst ? [...list, r.probe] : [...list, { onBatchBegin: r.probe['batchBegin'] as () => Promise<void> }];
        if (api === 'fit') {
          await r.model.fit(xs(), ys(), { epochs: 2, batchSize: BATCH, shuffle: false, verbose: 0, callbacks: withProbe as tf.CustomCallbackArgs[] });
        } else {
          const data = tf.data.zip({ xs: tf.data.array(Array.from({ length: N }, (_, i) => [(i - 8) / 4])), ys: tf.data.array(Array.from({ length: N }, (_, i) => [(3 * (i - 8)) / 4 - 1])) }).batch(BATCH).repeat();
          await r.model.fitDataset(data as never, { epochs: 2, batchesPerEpoch: N / BATCH, verbose: 0, callbacks: withProbe as tf.CustomCallbackArgs[] });
        }
        expect(r.policy.currentStep).toBe(8);
        expect(r.lrs).toEqual([...r.policy.allSteps()].slice(0, 8).map((v) => v.lr));
        expect(r.events[0]).toEqual({ type: 'trainBegin', run: { epochs: 2, batchesPerEpoch: 4 } });
        expect(r.events.filter((e) => e.type === 'batchEnd')).toHaveLength(8);
        expect(r.events.filter((e) => e.type === 'batchEnd').every((e) => e.type === 'batchEnd' && typeof e.logs?.['loss'] === 'number')).toBe(true);
        // The other callbacks ran in full: hooks on every batch and epoch; early stopping read every epoch's loss.
        if (used.has('plain')) expect(plain.calls).toEqual({ batchEnd: 8, epochEnd: 2 });
        if (used.has('custom')) expect(custom.calls).toEqual({ batchEnd: 8, epochEnd: 2 });
        if (used.has('stop')) expect((stop as unknown as { best: number }).best).toBeLessThan(Infinity);
        expect(used.size).toBe(name.startsWith('alone') ? 0 : 1);
      });
    }
  }

  it('early stopping stops the run, and the schedule follows it to that point', async () => {
    for (const order of ['bridge first', 'earlyStopping first'] as const) {
      const r = rig(true, 20);
      const stop = tf.callbacks.earlyStopping({ monitor: 'loss', patience: 1, minDelta: 1e9 }); // no epoch after the first improves by 1e9
      const callbacks = order === 'bridge first' ? [r.bridge.callbacks as unknown as tf.CustomCallback, stop, r.probe] : [stop, r.bridge.callbacks as unknown as tf.CustomCallback, r.probe];
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      const history = await r.model.fit(xs(), ys(), { epochs: 5, batchSize: BATCH, shuffle: false, verbose: 0, callbacks });
      expect(warn).not.toHaveBeenCalled(); // 20 batches planned, 20 steps in the policy
      expect(history.epoch, order).toEqual([0, 1]);
      expect(r.policy.currentStep, order).toBe(8);
      expect(r.lrs, order).toEqual([...r.policy.allSteps()].slice(0, 8).map((v) => v.lr));
      expect(r.events.at(-1)?.type, order).toBe('trainEnd');
    }
  });

  it('fitDataset of a dataset of known size with a short last batch, validationData, initialEpoch, early stopping, a CustomCallback and a second bridge', async () => {
    const rows = 18; // batches of 4: 4, 4, 4, 4 and 2, so TF.js counts 5 an epoch
    const data = tf.data.zip({ xs: tf.data.array(Array.from({ length: rows }, (_, i) => [i / rows])), ys: tf.data.array(Array.from({ length: rows }, (_, i) => [i % 3])) }).batch(BATCH);
    const r = rig(true, 15);
    const second = fitCallbacks({ tf });
    const secondEvents: TrainingEvent[] = [];
    second.events$.subscribe((e) => secondEvents.push(e));
    const custom = counting();
    const stop = tf.callbacks.earlyStopping({ monitor: 'val_loss', patience: 100 });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const history = await r.model.fitDataset(data as never, {
      epochs: 4,
      initialEpoch: 1,
      verbose: 0,
      validationData: data as never,
      callbacks: [stop, r.bridge.callbacks as unknown as tf.CustomCallback, new tf.CustomCallback(custom.hooks), second.callbacks as unknown as tf.CustomCallback, r.probe],
    });
    expect(warn).not.toHaveBeenCalled(); // 3 epochs × 5 batches: the policy's 15 steps
    expect(r.events[0]).toEqual({ type: 'trainBegin', run: { epochs: 4, batchesPerEpoch: 5 } });
    expect(r.policy.currentStep).toBe(15);
    expect(r.lrs).toEqual([...r.policy.allSteps()].map((v) => v.lr));
    expect(secondEvents).toEqual(r.events);
    expect(custom.calls).toEqual({ batchEnd: 15, epochEnd: 3 });
    expect(history.epoch).toEqual([1, 2, 3]);
    expect((stop as unknown as { best: number }).best).toBe(Math.min(...(history.history['val_loss'] as number[])));
  });

  it('fitDataset of a dataset of unknown size without batchesPerEpoch: the run plan says the length is unknown, once', async () => {
    const r = rig(true);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    // A generator's size is unknown to TF.js (an array's is known, and fitDataset uses it).
    const data = tf.data.generator(function* () {
      for (let i = 0; i < N; i++) yield { xs: [i / N], ys: [1] };
    }).batch(BATCH);
    await r.model.fitDataset(data as never, { epochs: 2, verbose: 0, callbacks: [r.bridge.callbacks as unknown as tf.CustomCallback] });
    expect(r.events[0]).toMatchObject({ type: 'trainBegin', run: { epochs: 2, batchesPerEpoch: null } });
    expect(r.policy.currentStep).toBe(8);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(/fitDataset without batchesPerEpoch.*cannot be checked against the policy's 40 steps left/);
  });
});
