// Runs: repeated fits with one bridge, the horizon check, the step of each value, bad input.
// Real TF.js training (pure-JS CPU backend) where a fit call is involved.
import * as tf from '@tensorflow/tfjs';
import { share, Subject } from 'rxjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fitCallbacks, fitSteps, linspace, OptimizerPolicy, Phase, reduceOnPlateau, schedule, Stepped, tfjsOptimizerSink, type ScheduleOptions, type TrainingEvent } from '../../lib/index.js';

await tf.setBackend('cpu');

const N = 16;
const BATCH = 4;
const data = () => [tf.tensor2d(Array.from({ length: N }, (_, i) => (i - 8) / 4), [N, 1]), tf.tensor2d(Array.from({ length: N }, (_, i) => (3 * (i - 8)) / 4 - 1), [N, 1])] as const;

function trainer(steps: number, options: ScheduleOptions = {}) {
  const optimizer = tf.train.sgd(0.5);
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 1, inputShape: [1] }));
  model.compile({ optimizer, loss: 'meanSquaredError' });
  const policy = new OptimizerPolicy([new Phase({ lr: linspace(0.01, 0.1, steps) })]);
  const { events$, callbacks } = fitCallbacks({ tf });
  const lrs: number[] = [];
  let error: unknown;
  events$.pipe(schedule(policy, options)).subscribe({ ...tfjsOptimizerSink(optimizer, { params: ['lr'] }), error: (e: unknown) => (error = e) });
  const probe = new tf.CustomCallback({ onBatchBegin: async () => void lrs.push((optimizer.getConfig() as { learningRate: number }).learningRate) });
  return { optimizer, model, policy, callbacks: [callbacks as unknown as tf.CustomCallback, probe], lrs, error: () => error };
}

afterEach(() => vi.restoreAllMocks());

describe('repeated fit calls with one bridge', () => {
  it('one fit per epoch: each fit starts a new run, the cursor goes on (epochs counted from 0 each time)', async () => {
    const t = trainer(12);
    const [x, y] = data();
    for (let e = 0; e < 3; e++) await t.model.fit(x, y, { epochs: 1, batchSize: BATCH, shuffle: false, verbose: 0, callbacks: t.callbacks });
    expect(t.error()).toBeUndefined();
    expect(t.policy.currentStep).toBe(12);
    expect(t.lrs).toEqual([...t.policy.allSteps()].map((v) => v.lr));
  });

  it('one fit per epoch with initialEpoch: the same values', async () => {
    const t = trainer(12);
    const [x, y] = data();
    for (let e = 0; e < 3; e++) await t.model.fit(x, y, { epochs: e + 1, initialEpoch: e, batchSize: BATCH, shuffle: false, verbose: 0, callbacks: t.callbacks });
    expect(t.error()).toBeUndefined();
    expect(t.lrs).toEqual([...t.policy.allSteps()].map((v) => v.lr));
  });

  it('per epoch: one step per fit of one epoch', async () => {
    const t = trainer(3, { per: 'epoch' });
    const [x, y] = data();
    for (let e = 0; e < 3; e++) await t.model.fit(x, y, { epochs: 1, batchSize: BATCH, shuffle: false, verbose: 0, callbacks: t.callbacks });
    const lr = [...t.policy.allSteps()].map((v) => v.lr);
    expect(t.lrs).toEqual([lr[0], lr[0], lr[0], lr[0], lr[1], lr[1], lr[1], lr[1], lr[2], lr[2], lr[2], lr[2]]);
  });
});

describe('the horizon check', () => {
  it("'warn' (default): a fit longer than the policy warns once, naming both numbers and the fix; the run goes on", async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const t = trainer(6);
    const [x, y] = data();
    await t.model.fit(x, y, { epochs: 2, batchSize: BATCH, shuffle: false, verbose: 0, callbacks: t.callbacks });
    await t.model.fit(x, y, { epochs: 2, batchSize: BATCH, shuffle: false, verbose: 0, callbacks: t.callbacks });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toBe(
      "schedule: this run takes 8 batches (2 epochs × 4) but the policy has 6 steps left (step 0 of 6), so the last 2 batches would run on its final values; size the policy to 8 steps (fitSteps() counts a fit's batches), or pass { horizon: 'ignore' }",
    );
    expect(t.policy.currentStep).toBe(6);
    expect(t.lrs.slice(6, 8)).toEqual([0.1, 0.1]); // held
  });

  it("'error': the stream errors before any value of the run is written; the cursor stays", async () => {
    const t = trainer(6, { horizon: 'error' });
    const [x, y] = data();
    await t.model.fit(x, y, { epochs: 2, batchSize: BATCH, shuffle: false, verbose: 0, callbacks: t.callbacks });
    expect(String(t.error())).toMatch(/^RangeError: schedule: this run takes 8 batches \(2 epochs × 4\) but the policy has 6 steps left/);
    expect(t.policy.currentStep).toBe(0);
    expect(new Set(t.lrs)).toEqual(new Set([0.5])); // the optimizer's own lr: nothing was written
  });

  it("'ignore': silent; a run that fits is silent under every mode", async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const [x, y] = data();
    const ignored = trainer(6, { horizon: 'ignore' });
    await ignored.model.fit(x, y, { epochs: 2, batchSize: BATCH, verbose: 0, callbacks: ignored.callbacks });
    const exact = trainer(8, { horizon: 'error' });
    await exact.model.fit(x, y, { epochs: 2, batchSize: BATCH, verbose: 0, callbacks: exact.callbacks });
    expect(warn).not.toHaveBeenCalled();
    expect(exact.error()).toBeUndefined();
    expect(exact.policy.currentStep).toBe(8);
  });

  it('validationSplit: fitSteps sizes the policy exactly, and the bridge knows the split run', async () => {
    const [x, y] = data();
    // TF.js trains on floor(16 · 0.7) = 11 rows: ceil(11 / 4) = 3 batches an epoch.
    const steps = fitSteps({ samples: N, batchSize: BATCH, epochs: 3, validationSplit: 0.3 });
    expect(steps).toBe(9);
    const t = trainer(steps, { horizon: 'error' });
    await t.model.fit(x, y, { epochs: 3, batchSize: BATCH, validationSplit: 0.3, verbose: 0, callbacks: t.callbacks });
    expect(t.error()).toBeUndefined();
    expect(t.lrs).toHaveLength(9);
    expect(t.policy.currentStep).toBe(9);
    // Sized by hand from the full 16 rows (4 batches × 3), it would be too long; from epochs × 3 too short by nothing.
    const tooShort = trainer(8, { horizon: 'error' });
    await tooShort.model.fit(x, y, { epochs: 3, batchSize: BATCH, validationSplit: 0.3, verbose: 0, callbacks: tooShort.callbacks });
    expect(String(tooShort.error())).toMatch(/this run takes 9 batches \(3 epochs × 3\) but the policy has 8 steps left/);
  });

  it('a later run is checked against the steps left after the earlier ones', () => {
    const policy = new OptimizerPolicy([new Phase({ lr: linspace(0, 1, 6) })]);
    const events$ = new Subject<TrainingEvent>();
    let error: unknown;
    events$.pipe(schedule(policy, { horizon: 'error' })).subscribe({ error: (e: unknown) => (error = e) });
    const run = (epochs: number) => {
      events$.next({ type: 'trainBegin', run: { epochs, batchesPerEpoch: 2 } });
      for (let e = 0; e < epochs; e++) {
        events$.next({ type: 'epochBegin', epoch: e });
        for (let b = 0; b < 2; b++) events$.next({ type: 'batchBegin', epoch: e, batch: b });
      }
      events$.next({ type: 'trainEnd' });
    };
    run(2);
    expect(policy.currentStep).toBe(4);
    run(2);
    expect(String(error)).toMatch(/this run takes 4 batches \(2 epochs × 2\) but the policy has 2 steps left \(step 4 of 6\).*size the policy to 8 steps/);
    expect(policy.currentStep).toBe(4);
  });
});

describe('the step of each value', () => {
  it('withStep: Stepped { step, values }, the step each value belongs to, through reduceOnPlateau into the sink', () => {
    const policy = new OptimizerPolicy([new Phase({ lr: linspace(1, 0.5, 6) })], { initialStep: 2 });
    const events$ = new Subject<TrainingEvent>();
    const metric$ = new Subject<number>();
    const seen: Stepped<{ lr: number }>[] = [];
    const optimizer = tf.train.adam(0.3);
    const stepped$ = events$.pipe(schedule(policy, { withStep: true }), reduceOnPlateau(metric$, { patience: 0, factor: 0.5 }), share());
    stepped$.subscribe((s) => seen.push(s));
    stepped$.subscribe(tfjsOptimizerSink(optimizer, { params: ['lr'] }));
    events$.next({ type: 'epochBegin', epoch: 0 });
    events$.next({ type: 'batchBegin', epoch: 0, batch: 0 });
    metric$.next(1);
    metric$.next(2); // no improvement, patience 0: halve
    events$.next({ type: 'batchBegin', epoch: 0, batch: 1 });
    expect(seen.map((s) => s.step)).toEqual([2, 3]);
    expect(seen[0]).toBeInstanceOf(Stepped);
    expect(seen.map((s) => s.values.lr)).toEqual([policy.at(2).lr, policy.at(3).lr * 0.5]);
    expect(JSON.parse(JSON.stringify(seen[1]))).toEqual({ step: 3, values: { lr: policy.at(3).lr * 0.5 } });
    expect((optimizer.getConfig() as { learningRate: number }).learningRate).toBe(policy.at(3).lr * 0.5);
  });

  it('a sink subscribed to the stepped stream writes the values, and still checks names up front', () => {
    const policy = new OptimizerPolicy([new Phase({ lr: linspace(0.1, 0.2, 3), momentum: 0.9 })]);
    const events$ = new Subject<TrainingEvent>();
    expect(() => events$.pipe(schedule(policy, { withStep: true })).subscribe(tfjsOptimizerSink(tf.train.adam(0.1)))).toThrow(/Adam has no hyper-parameter "momentum"/);
    const optimizer = tf.train.momentum(1, 0);
    events$.pipe(schedule(policy, { withStep: true })).subscribe(tfjsOptimizerSink(optimizer));
    events$.next({ type: 'epochBegin', epoch: 0 });
    events$.next({ type: 'batchBegin', epoch: 0, batch: 0 });
    expect(optimizer.getConfig()).toMatchObject({ learningRate: 0.1, momentum: 0.9 });
  });
});

describe('bad input: named errors before anything is written, the cursor unmoved', () => {
  const feed = (events: TrainingEvent[], options: ScheduleOptions & { withStep?: false } = {}) => {
    const policy = new OptimizerPolicy([new Phase({ lr: linspace(0, 1, 10) })]);
    const events$ = new Subject<TrainingEvent>();
    let error: unknown;
    const written: number[] = [];
    events$.pipe(schedule(policy, options)).subscribe({ next: (v) => written.push(v.lr), error: (e: unknown) => (error = e) });
    for (const e of events) events$.next(e);
    return { error: String(error), step: policy.currentStep, written };
  };
  const begin = (epoch: number): TrainingEvent => ({ type: 'epochBegin', epoch });
  const batch = (epoch: number, b: number): TrainingEvent => ({ type: 'batchBegin', epoch, batch: b });

  it('negative or fractional epoch indices (a bad initialEpoch), and run plans', () => {
    expect(feed([{ type: 'trainBegin' }, begin(-1), batch(-1, 0)])).toEqual({ error: 'RangeError: schedule: epoch begin -1: an epoch index must be a non-negative integer', step: 0, written: [] });
    expect(feed([begin(1.5)]).error).toBe('RangeError: schedule: epoch begin 1.5: an epoch index must be a non-negative integer');
    expect(feed([begin(0), batch(0, -2)]).error).toBe('RangeError: schedule: batch begin -2: a batch index must be a non-negative integer');
    expect(feed([{ type: 'trainBegin', run: { epochs: -1, batchesPerEpoch: 2 } }])).toMatchObject({ error: 'RangeError: schedule: trainBegin run.epochs must be a non-negative integer, got -1', step: 0 });
    expect(feed([{ type: 'trainBegin', run: { epochs: 2, batchesPerEpoch: 0 } }]).error).toBe('RangeError: schedule: trainBegin run.batchesPerEpoch must be a positive integer or null, got 0');
  });

  it('events out of order: within a run, after train end, a batch tagged with another epoch', () => {
    const run: TrainingEvent = { type: 'trainBegin' };
    expect(feed([run, begin(0), batch(0, 0), begin(0)])).toMatchObject({ error: 'RangeError: schedule: epoch begin 0 after epoch 0; epochs must increase within a run (a new fit starts with trainBegin)', step: 1 });
    expect(feed([run, begin(0), { type: 'trainEnd' }, begin(1)])).toMatchObject({ error: 'RangeError: schedule: epoch begin 1 after train end; a new run starts with trainBegin', step: 0 });
    expect(feed([run, begin(0), { type: 'trainEnd' }, batch(0, 1)]).error).toBe('RangeError: schedule: batch begin 1 before any epoch begin');
    expect(feed([begin(2), batch(1, 0)])).toMatchObject({ error: 'RangeError: schedule: batch begin 0 tagged epoch 1 in epoch 2', step: 0 });
    // A fit that threw never ends: the next trainBegin starts afresh.
    expect(feed([run, begin(0), batch(0, 0), run, begin(0), batch(0, 0)])).toMatchObject({ error: 'undefined', step: 2 });
  });

  it('options: a horizon other than the three, an unknown key', () => {
    const policy = new OptimizerPolicy([new Phase({ lr: linspace(0, 1, 2) })]);
    expect(() => schedule(policy, { horizon: 'strict' as 'warn' })).toThrow(new TypeError(`schedule: horizon must be one of 'warn', 'error', 'ignore', got "strict"`));
    expect(() => schedule(policy, { horizn: 'warn' } as ScheduleOptions)).toThrow(/schedule: unknown option "horizn"/);
    expect(() => schedule({} as OptimizerPolicy, {})).toThrow(/schedule: policy must be an OptimizerPolicy/);
  });
});
