import { auditTime, map, Observable, sampleTime, share, Subject, takeUntil, withLatestFrom } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it, vi } from 'vitest';
import { epochsToSteps, linspace, OptimizerPolicy, oneCyclePhases, Phase, schedule, type TrainingEvent } from '../../lib/index.js';

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
  });

  it('events out of order are errors naming them, and leave the cursor where it was', () => {
    const cases: [TrainingEvent[], RegExp, number][] = [
      [[{ type: 'batchBegin', epoch: 0, batch: 0 }], /batch begin 0 before any epoch begin/, 0],
      [[{ type: 'epochBegin', epoch: 0 }, { type: 'batchBegin', epoch: 0, batch: 0 }, { type: 'batchBegin', epoch: 0, batch: 0 }], /batch begin 0 in epoch 0 after batch 0/, 1],
      [[{ type: 'epochBegin', epoch: 1 }, { type: 'epochBegin', epoch: 1 }], /epoch begin 1 after epoch 1/, 0],
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
    expect(() => schedule(lrPolicy(2), { per: 'step' as 'batch' })).toThrow(/schedule: per must be 'batch' or 'epoch', got "step"/);
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
      const events$ = hot('-e-a-b-f-a|', { ...events, a: events['a']!, b: events['b']!, f: events['f']! });
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

  it('unsubscribing downstream unsubscribes from the events at once', () => {
    testScheduler().run(({ hot, expectObservable, expectSubscriptions }) => {
      const events$ = hot('-e-a-b-c-d|', events);
      expectObservable(events$.pipe(schedule(new OptimizerPolicy([new Phase({ lr: linspace(0, 1, 9) })]))), '^----!').toBe('---p-', { p: { lr: 0 } });
      expectSubscriptions(events$.subscriptions).toBe('^----!');
    });
  });
});
