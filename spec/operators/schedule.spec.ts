// schedule: training events to values, its timing (marble diagrams), and runs: repeated fits
// with one bridge, the horizon check, the step of each value, stopping, bad input. Real TF.js
// training (pure-JS CPU backend) where a fit call is involved.
import * as tf from '@tensorflow/tfjs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { auditTime, filter, from, map, Observable, sampleTime, share, Subject, Subscriber, take, takeUntil, tap, withLatestFrom } from 'rxjs';
import { collect } from '../helpers.js';
import { TestScheduler } from 'rxjs/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { epochsToSteps, fitCallbacks, fitSteps, linspace, OptimizerPolicy, oneCyclePhases, Phase, reduceOnPlateau, schedule, Stepped, tfjsOptimizerSink, type ScheduleOptions, type TrainingEvent } from '../../lib/index.js';

await tf.setBackend('cpu');

/** The events of `epochs` epochs of `batches` batches, as a trainer emits them. */
function* trainingEvents(epochs: number, batches: number): Generator<TrainingEvent> {
  yield { type: 'trainBegin' };
  for (let epoch = 0; epoch < epochs; epoch++) {
    yield { type: 'epochBegin', epoch };
    for (let batch = 0; batch < batches; batch++) {
      yield { type: 'batchBegin', epoch, batch };
      yield { type: 'batchEnd', epoch, batch, logs: { loss: 1 / (1 + epoch * batches + batch) } };
    }
    yield { type: 'epochEnd', epoch };
  }
  yield { type: 'trainEnd' };
}

const lrPolicy = (n: number) => new OptimizerPolicy([new Phase({ lr: linspace(0, 1, n) })]);

describe('schedule: training events → parameter dicts', () => {
  it('advances once per batch begin, emitting before the batch', () => {
    const policy = lrPolicy(6);
    const events$ = new Subject<TrainingEvent>();
    const log: string[] = [];
    events$.pipe(schedule(policy)).subscribe(({ lr }) => log.push(`lr ${lr}`));
    for (const e of trainingEvents(2, 3)) {
      if (e.type === 'batchBegin') log.push(`begin ${e.epoch}.${e.batch}`);
      events$.next(e);
    }
    expect(log.slice(0, 4)).toEqual(['begin 0.0', 'lr 0', 'begin 0.1', 'lr 0.2']);
    expect(log.filter((l) => l.startsWith('lr'))).toHaveLength(6);
    expect(policy.currentStep).toBe(6);
  });

  it('per epoch: one step per epoch begin, with epochsToSteps making the horizon explicit', () => {
    const policy = lrPolicy(3);
    const seen: number[] = [];
    new Observable<TrainingEvent>((s) => {
      for (const e of trainingEvents(3, 4)) s.next(e);
      s.complete();
    })
      .pipe(schedule(policy, { per: 'epoch' }))
      .subscribe(({ lr }) => seen.push(lr));
    expect(seen).toEqual([0, 0.5, 1]);
    expect(epochsToSteps(5, 100)).toBe(500);
    expect(() => epochsToSteps(5, 0)).toThrow(new RangeError('epochsToSteps: stepsPerEpoch must be a positive integer, got 0'));
    // A product past 2^53 − 1 is not a step count (it was returned, rounded).
    expect(() => epochsToSteps(2 ** 30, 2 ** 30)).toThrow(new RangeError('epochsToSteps: epochs · stepsPerEpoch must be a safe integer, got 1073741824 · 1073741824'));
    expect(epochsToSteps(2 ** 26, 2 ** 26 + 1)).toBe(2 ** 52 + 2 ** 26);
  });

  it('events out of order are errors naming them, and leave the cursor where it was', () => {
    const cases: [TrainingEvent[], RegExp, number][] = [
      [[{ type: 'batchBegin', epoch: 0, batch: 0 }], /batch begin 0 before any epoch begin/, 0],
      [[{ type: 'epochBegin', epoch: 0 }, { type: 'batchBegin', epoch: 0, batch: 0 }, { type: 'batchBegin', epoch: 0, batch: 0 }], /batch begin 0 in epoch 0 after batch 0/, 1],
      [[{ type: 'epochBegin', epoch: 1 }, { type: 'epochBegin', epoch: 1 }], /epoch begin 1 after epoch 1/, 0],
      // A misspelt type used to be skipped: the policy silently never advanced.
      [[{ type: 'epochBegin', epoch: 0 }, { type: 'batchbegin', epoch: 0, batch: 0 } as never], /^RangeError: schedule: unknown event type "batchbegin"; the types are trainBegin, trainEnd, epochBegin, epochEnd, batchBegin, batchEnd$/, 0],
      [[null as never], /^RangeError: schedule: an event must be an object \{ type, … \}, got null$/, 0],
    ];
    for (const [events, message, stepAfter] of cases) {
      const policy = lrPolicy(10);
      const events$ = new Subject<TrainingEvent>();
      let error: unknown;
      events$.pipe(schedule(policy)).subscribe({ error: (e) => (error = e) });
      for (const e of events) events$.next(e);
      expect(String(error)).toMatch(message);
      expect(policy.currentStep).toBe(stepAfter);
    }
    expect(() => schedule(lrPolicy(2), { per: 'step' as 'batch' })).toThrow(`schedule: per must be one of 'batch', 'epoch', got "step"`);
  });

  it('stepping twice by accident is impossible: a second subscription errors; share() feeds two sinks', () => {
    const policy = lrPolicy(4);
    const events$ = new Subject<TrainingEvent>();
    const values$ = events$.pipe(schedule(policy));
    values$.subscribe();
    let error: unknown;
    values$.subscribe({ error: (e) => (error = e) });
    expect(String(error)).toMatch(/already driven/);

    const policy2 = lrPolicy(4);
    const shared$ = events$.pipe(schedule(policy2), share());
    const a: number[] = [];
    const b: number[] = [];
    shared$.subscribe(({ lr }) => a.push(lr));
    shared$.subscribe(({ lr }) => b.push(lr * 10));
    events$.next({ type: 'epochBegin', epoch: 0 });
    events$.next({ type: 'batchBegin', epoch: 0, batch: 0 });
    events$.next({ type: 'batchBegin', epoch: 0, batch: 1 });
    expect(a).toEqual([0, 1 / 3]);
    expect(b).toEqual([0, (1 / 3) * 10]);
    expect(policy2.currentStep).toBe(2);
  });
});

describe('composing with RxJS operators', () => {
  it('map scales a schedule; withLatestFrom joins it with a loss stream; takeUntil stops early', () => {
    const policy = new OptimizerPolicy(oneCyclePhases({ steps: 20 }));
    const events$ = new Subject<TrainingEvent>();
    const loss$ = new Subject<number>();
    const stop$ = new Subject<void>();
    const rows: string[] = [];
    events$
      .pipe(
        schedule(policy),
        map((v) => ({ ...v, lr: v.lr * 0.5 })),
        withLatestFrom(loss$),
        takeUntil(stop$),
      )
      .subscribe(([v, loss]) => rows.push(`${v.lr.toFixed(3)} ${loss}`));
    events$.next({ type: 'epochBegin', epoch: 0 });
    loss$.next(0.9);
    events$.next({ type: 'batchBegin', epoch: 0, batch: 0 });
    loss$.next(0.8);
    events$.next({ type: 'batchBegin', epoch: 0, batch: 1 });
    stop$.next();
    events$.next({ type: 'batchBegin', epoch: 0, batch: 2 });
    expect(rows).toEqual(['0.050 0.9', `${(policy.at(1).lr * 0.5).toFixed(3)} 0.8`]);
    expect(policy.currentStep).toBe(2); // takeUntil unsubscribed: no more stepping
  });

  it('events$ and metric$ of another copy of RxJS (its UMD bundle) pipe through schedule and reduceOnPlateau', () => {
    const require = createRequire(import.meta.url);
    const other = require(join(dirname(require.resolve('rxjs')), '..', 'bundles', 'rxjs.umd.js')) as typeof import('rxjs');
    const policy = new OptimizerPolicy([new Phase({ lr: linspace(1, 1, 10) })]);
    const events$ = new other.Subject<TrainingEvent>();
    const metric$ = new other.Subject<number>();
    const seen: number[] = [];
    const subscription = events$.pipe(schedule(policy), reduceOnPlateau(metric$, { patience: 0, factor: 0.5 })).subscribe((v) => seen.push(v.lr!));
    events$.next({ type: 'epochBegin', epoch: 0 });
    events$.next({ type: 'batchBegin', epoch: 0, batch: 0 });
    metric$.next(1);
    metric$.next(1);
    events$.next({ type: 'batchBegin', epoch: 0, batch: 1 });
    expect(seen).toEqual([1, 0.5]);
    subscription.unsubscribe();
    expect(events$.observed || metric$.observed).toBe(false);
  });

  it('sampleTime / auditTime throttle a dashboard feed without stepping the policy less', () => {
    vi.useFakeTimers();
    try {
      const policy = lrPolicy(100);
      const step$ = new Subject<void>();
      const shared$ = policy.drive(step$).pipe(share());
      const sampled: number[] = [];
      const audited: number[] = [];
      const all: number[] = [];
      shared$.subscribe(({ lr }) => all.push(lr));
      shared$.pipe(sampleTime(100)).subscribe(({ lr }) => sampled.push(lr));
      shared$.pipe(auditTime(100)).subscribe(({ lr }) => audited.push(lr));
      for (let i = 0; i < 50; i++) {
        step$.next();
        vi.advanceTimersByTime(10);
      }
      expect(all).toHaveLength(50);
      expect(sampled.length).toBeLessThanOrEqual(6);
      expect(sampled.length).toBeGreaterThanOrEqual(4);
      expect(audited.at(-1)).toBe(all.at(-1)); // the latest value is never dropped
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('schedule: timing, in marble diagrams (rxjs TestScheduler)', () => {
  const testScheduler = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
  // e: epoch begins; a, b, c, d: batch begins 0…3 (x: a batch end, which steps nothing).
  const events: Record<string, TrainingEvent> = {
    e: { type: 'epochBegin', epoch: 0 },
    f: { type: 'epochBegin', epoch: 1 },
    a: { type: 'batchBegin', epoch: 0, batch: 0 },
    b: { type: 'batchBegin', epoch: 0, batch: 1 },
    c: { type: 'batchBegin', epoch: 0, batch: 2 },
    d: { type: 'batchBegin', epoch: 0, batch: 3 },
    x: { type: 'batchEnd', epoch: 0, batch: 0, logs: { loss: 1 } },
  };
  const lr = { p: { lr: 0 }, q: { lr: 0.5 }, r: { lr: 1 } };

  it('emits at each batch begin, before the batch runs, and ends the events subscription with the policy', () => {
    testScheduler().run(({ hot, expectObservable, expectSubscriptions }) => {
      const events$ = hot('-e-a-x-b-x-c-x-d-x|', events);
      expectObservable(events$.pipe(schedule(new OptimizerPolicy([new Phase({ lr: linspace(0, 1, 3) })])))).toBe('---p---q---(r|)', lr);
      expectSubscriptions(events$.subscriptions).toBe('^----------!');
    });
  });

  it("per: 'epoch' steps at epoch begins only", () => {
    testScheduler().run(({ hot, expectObservable, expectSubscriptions }) => {
      // g: the first batch of epoch 1 (a batch tagged with another epoch than the current one is out of order).
      const events$ = hot<TrainingEvent>('-e-a-b-f-g|', { ...events, g: { type: 'batchBegin', epoch: 1, batch: 0 } });
      const drivenPerEpoch = events$.pipe(schedule(new OptimizerPolicy([new Phase({ lr: linspace(0, 1, 3) })]), { per: 'epoch' }));
      expectObservable(drivenPerEpoch).toBe('-p-----q--|', lr);
      expectSubscriptions(events$.subscriptions).toBe('^---------!');
    });
  });

  it('an event out of order errors in its frame and unsubscribes from the events', () => {
    testScheduler().run(({ hot, expectObservable, expectSubscriptions }) => {
      const events$ = hot('-e-b-a-c|', events);
      expectObservable(events$.pipe(schedule(new OptimizerPolicy([new Phase({ lr: linspace(0, 1, 3) })])))).toBe(
        '---p-#',
        lr,
        new RangeError('schedule: batch begin 0 in epoch 0 after batch 1; batch indices must increase'),
      );
      expectSubscriptions(events$.subscriptions).toBe('^----!');
    });
  });

  it('an error of events$ reaches the subscriber in its frame, Stepped or not, and frees the policy for the next subscription', () => {
    const policy = new OptimizerPolicy([new Phase({ lr: linspace(0, 1, 9) })]);
    const boom = new Error('trainer crashed');
    testScheduler().run(({ cold, expectObservable }) => {
      expectObservable(cold('-e-a-#', events, boom).pipe(schedule(policy))).toBe('---p-#', lr, boom);
    });
    testScheduler().run(({ cold, expectObservable }) => {
      expectObservable(cold('-e-a-#', events, boom).pipe(schedule(policy, { withStep: true }))).toBe('---s-#', { s: new Stepped(1, { lr: 0.125 }) }, boom);
    });
    expect(policy.currentStep).toBe(2);
  });

  it('unsubscribing downstream unsubscribes from the events at once', () => {
    testScheduler().run(({ hot, expectObservable, expectSubscriptions }) => {
      const events$ = hot('-e-a-b-c-d|', events);
      expectObservable(events$.pipe(schedule(new OptimizerPolicy([new Phase({ lr: linspace(0, 1, 9) })]))), '^----!').toBe('---p-', { p: { lr: 0 } });
      expectSubscriptions(events$.subscriptions).toBe('^----!');
    });
  });
});

describe('schedule: a synchronous events$ stops at once', () => {
  // `pulled` counts the events the source emitted, upstream of schedule.
  const counted = (events: Iterable<TrainingEvent>) => {
    const source = { pulled: 0, events$: from(events).pipe(tap(() => source.pulled++)) };
    return source;
  };

  it('unsubscribing downstream reads no further event: the cursor stays where the subscriber left it', () => {
    for (const withStep of [false, true]) {
      const policy = lrPolicy(100);
      const source = counted(trainingEvents(2, 8));
      source.events$.pipe(schedule(policy, { withStep }), take(2)).subscribe();
      expect(policy.currentStep).toBe(2);
      // trainBegin, epochBegin, then batchBegin 0, batchEnd 0, batchBegin 1: the second value.
      expect(source.pulled).toBe(5);
    }
  });

  it('no side effect after unsubscribing from inside next: a later run in the same source is not checked', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const policy = lrPolicy(10);
    const events: TrainingEvent[] = [
      { type: 'trainBegin', run: { epochs: 1, batchesPerEpoch: 1 } },
      { type: 'epochBegin', epoch: 0 },
      { type: 'batchBegin', epoch: 0, batch: 0 },
      { type: 'trainBegin', run: { epochs: 100, batchesPerEpoch: 100 } },
      { type: 'epochBegin', epoch: 0 },
    ];
    // A Subscriber exists before the source runs, so it can unsubscribe itself mid-loop.
    const subscriber: Subscriber<unknown> = new Subscriber({ next: () => subscriber.unsubscribe(), error: () => undefined, complete: () => undefined });
    from(events).pipe(schedule(policy)).subscribe(subscriber);
    expect(policy.currentStep).toBe(1);
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  it('a bad event is an error notification; a cold events$ subscribed again starts a fresh run state', () => {
    const policy = lrPolicy(100);
    const errors: unknown[] = [];
    from([{ type: 'batchBegin', epoch: 0, batch: 0 }] as TrainingEvent[]).pipe(schedule(policy)).subscribe({ error: (e) => errors.push(e) });
    expect(errors).toEqual([new RangeError('schedule: batch begin 0 before any epoch begin')]);
    const events$ = from([...trainingEvents(1, 3)]);
    const values$ = events$.pipe(schedule(policy));
    expect(collect(values$)).toHaveLength(3);
    // The policy's cursor goes on (it is the training state); the epochs are counted afresh.
    expect(collect(values$).map((v) => v.lr)).toEqual([3, 4, 5].map((k) => k / 99));
  });
});

// Runs in real TF.js training.
afterEach(() => vi.restoreAllMocks());

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

  it("'error' with the bridge's fail as the sink's error handler: fit rejects with the error before any batch runs", async () => {
    const optimizer = tf.train.sgd(0.5);
    const model = tf.sequential();
    model.add(tf.layers.dense({ units: 1, inputShape: [1] }));
    model.compile({ optimizer, loss: 'meanSquaredError' });
    const policy = new OptimizerPolicy([new Phase({ lr: linspace(0.01, 0.1, 6) })]);
    const { events$, callbacks, fail } = fitCallbacks({ tf });
    events$.pipe(schedule(policy, { horizon: 'error' })).subscribe({ ...tfjsOptimizerSink(optimizer), error: fail });
    let batches = 0;
    events$.subscribe((e) => void (e.type === 'batchBegin' && batches++));
    const [x, y] = data();
    await expect(model.fit(x, y, { epochs: 2, batchSize: BATCH, verbose: 0, callbacks })).rejects.toThrow(/^schedule: this run takes 8 batches \(2 epochs × 4\) but the policy has 6 steps left/);
    expect(batches).toBe(0);
    expect(policy.currentStep).toBe(0);
    expect(optimizer.getConfig()).toEqual({ learningRate: 0.5 });
    // The next fit starts clean (the failed stream no longer schedules).
    await model.fit(x, y, { epochs: 1, batchSize: BATCH, verbose: 0, callbacks });
    expect(batches).toBe(4);
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

  it('a negative or fractional initialEpoch given to a real fit: a named error, fit rejects with it, nothing written', async () => {
    for (const initialEpoch of [-1, 0.5]) {
      const optimizer = tf.train.sgd(0.5);
      const model = tf.sequential();
      model.add(tf.layers.dense({ units: 1, inputShape: [1] }));
      model.compile({ optimizer, loss: 'meanSquaredError' });
      const policy = new OptimizerPolicy([new Phase({ lr: linspace(0.01, 0.1, 20) })]);
      const { events$, callbacks, fail } = fitCallbacks({ tf });
      events$.pipe(schedule(policy)).subscribe({ ...tfjsOptimizerSink(optimizer), error: fail });
      const [x, y] = data();
      await expect(model.fit(x, y, { epochs: 2, initialEpoch, batchSize: BATCH, verbose: 0, callbacks })).rejects.toThrow(`schedule: epoch begin ${initialEpoch}: an epoch index must be a non-negative integer`);
      expect(policy.currentStep).toBe(0);
      expect(optimizer.getConfig()).toEqual({ learningRate: 0.5 });
    }
  });

  it('options: a horizon other than the three, an unknown key', () => {
    const policy = new OptimizerPolicy([new Phase({ lr: linspace(0, 1, 2) })]);
    expect(() => schedule(policy, { horizon: 'strict' as 'warn' })).toThrow(new TypeError(`schedule: horizon must be one of 'warn', 'error', 'ignore', got "strict"`));
    expect(() => schedule(policy, { horizn: 'warn' } as ScheduleOptions)).toThrow(/schedule: unknown option "horizn"/);
    expect(() => schedule({} as OptimizerPolicy, {})).toThrow(/schedule: policy must be an OptimizerPolicy/);
  });
});

describe('stopping a run', () => {
  it('takeUntil on the values stops the schedule, not fit; model.stopTraining stops fit after the current batch', async () => {
    const [x, y] = data();
    // takeUntil: the schedule stops after 2 values, TF.js trains all 8 batches on the last value written.
    const t = trainer(8);
    const policy = new OptimizerPolicy([new Phase({ lr: linspace(0.01, 0.1, 8) })]);
    const stop$ = new Subject<void>();
    const { events$, callbacks } = fitCallbacks({ tf });
    const seen: number[] = [];
    events$.pipe(schedule(policy), takeUntil(stop$)).subscribe((v) => {
      seen.push(v.lr);
      if (seen.length === 2) stop$.next();
    });
    let batches = 0;
    events$.subscribe((e) => void (e.type === 'batchEnd' && batches++));
    await t.model.fit(x, y, { epochs: 2, batchSize: BATCH, verbose: 0, callbacks });
    expect(seen).toHaveLength(2);
    expect(batches).toBe(8);
    // model.stopTraining from the event stream (a loss test, say): fit ends after that batch.
    const u = trainer(8);
    const policy2 = new OptimizerPolicy([new Phase({ lr: linspace(0.01, 0.1, 8) })]);
    const bridge = fitCallbacks({ tf });
    bridge.events$.pipe(schedule(policy2)).subscribe(tfjsOptimizerSink(u.optimizer));
    bridge.events$.pipe(filter((e) => e.type === 'batchEnd' && e.batch === 1), take(1)).subscribe(() => (u.model.stopTraining = true));
    let ran = 0;
    bridge.events$.subscribe((e) => void (e.type === 'batchEnd' && ran++));
    const history = await u.model.fit(x, y, { epochs: 2, batchSize: BATCH, verbose: 0, callbacks: bridge.callbacks });
    expect(ran).toBe(2);
    expect(history.epoch).toEqual([0]);
    expect(policy2.currentStep).toBe(2);
  });
});

describe('schedule: a run plan with keys it does not know', () => {
  const errorOf = (run: unknown): unknown => {
    const policy = new OptimizerPolicy([new Phase({ lr: linspace(0, 1, 5) })]);
    let error: unknown;
    from([{ type: 'trainBegin', run } as TrainingEvent]).pipe(schedule(policy)).subscribe({ error: (e) => (error = e) });
    return error;
  };
  it('refuses an unknown key, an array and a non-string unknown by name, instead of dropping them', () => {
    expect(errorOf({ epochs: 1, batchesPerEpoch: 2, batchesPerEpcoh: 3 })).toEqual(new RangeError('schedule: trainBegin run has an unknown key "batchesPerEpcoh"; the keys are epochs, batchesPerEpoch, unknown'));
    expect(errorOf([1, 2])).toEqual(new RangeError('schedule: trainBegin run must be an object { epochs, batchesPerEpoch }, got [1,2]'));
    expect(errorOf({ epochs: 1, batchesPerEpoch: null, unknown: 3 })).toEqual(new RangeError('schedule: trainBegin run.unknown must be a string (why batchesPerEpoch is null), got 3'));
    expect(errorOf({ epochs: 1, batchesPerEpoch: null, unknown: 'no length' })).toBeUndefined();
  });
});
