import { concat, from, of, range, Subject, take, tap, throwError, Subscriber, type Observable } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { lrFinderSchedule, lrRangeTest, smoothLoss, stopOnDivergence, type RangePoint } from '../../lib/index.js';
import { collect } from '../helpers.js';

describe('lrFinderSchedule', () => {
  it("is fastai's SchedExp at i / steps: startLr · (endLr/startLr)^(i/steps), endLr never reached", () => {
    const rates = lrFinderSchedule({ startLr: 1e-7, endLr: 10, steps: 100 });
    expect(rates.length).toBe(100);
    for (const i of [0, 1, 37, 99]) expect(rates.at(i)).toBe(1e-7 * (10 / 1e-7) ** (i / 100));
    expect([...lrFinderSchedule({ startLr: 1e-3, endLr: 1, steps: 3 })].map((x) => +x.toPrecision(12))).toEqual([0.001, 0.01, 0.1]);
  });

  it('bad input: named errors', () => {
    expect(() => lrFinderSchedule({ startLr: 1, endLr: 1 })).toThrow('lrFinderSchedule: endLr must be greater than startLr (1), got 1');
    expect(() => lrFinderSchedule({ steps: 1 })).toThrow('lrFinderSchedule: steps must be an integer ≥ 2, got 1');
    expect(() => lrFinderSchedule({ startLr: 0 })).toThrow('lrFinderSchedule: startLr must be a finite number > 0, got 0');
    // Ends whose ratio overflows: named by this function, not by the exponential inside it.
    expect(() => lrFinderSchedule({ startLr: 5e-324, endLr: Number.MAX_VALUE })).toThrow(new RangeError('lrFinderSchedule: endLr / startLr must be a finite ratio, got endLr 1.7976931348623157e+308 and startLr 5e-324'));
    expect(() => lrFinderSchedule({ num_it: 5 } as never)).toThrow('lrFinderSchedule: unknown option "num_it"; accepted: startLr, endLr, steps');
  });
});

describe('smoothLoss', () => {
  it("is fastai's debiased exponential average", () => {
    const beta = 0.98;
    const losses = [2, 1.5, 3, 0.5];
    let avg = 0;
    const expected = losses.map((l, n) => ((avg = beta * avg + (1 - beta) * l), avg / (1 - beta ** (n + 1))));
    const got = collect(from(losses).pipe(smoothLoss()));
    got.forEach((g, k) => expect(g).toBeCloseTo(expected[k]!, 13));
    expect(got[0]).toBeCloseTo(2, 14);
  });
});

describe('stopOnDivergence', () => {
  it('emits up to and including the first loss above 4× the minimum, then completes', () => {
    expect(collect(of(3, 1, 2, 5, 1).pipe(stopOnDivergence()))).toEqual([3, 1, 2, 5]);
    expect(collect(of(3, 1, 2, 4, 1).pipe(stopOnDivergence()))).toEqual([3, 1, 2, 4, 1]);
    expect(collect(of(3, NaN, 1).pipe(stopOnDivergence()))).toEqual([3]);
  });

  it('completes in the frame of the diverging loss (marbles)', () => {
    new TestScheduler((a, b) => expect(a).toEqual(b)).run(({ cold, expectObservable }) => {
      const loss$ = cold('a-b-c-d-e|', { a: 3, b: 1, c: 2, d: 5, e: 1 });
      expectObservable(loss$.pipe(stopOnDivergence())).toBe('a-b-c-(d|)', { a: 3, b: 1, c: 2, d: 5 });
    });
  });
});

describe('lrRangeTest', () => {
  it('tags each loss with its rate and smoothed loss; completes after steps batches', () => {
    const points = collect(from([5, 4, 3, 2, 1, 1, 1]).pipe(lrRangeTest({ startLr: 1e-3, endLr: 1, steps: 5 })));
    expect(points).toHaveLength(5);
    const rates = lrFinderSchedule({ startLr: 1e-3, endLr: 1, steps: 5 });
    points.forEach((p, k) => {
      expect(p.step).toBe(k);
      expect(p.lr).toBe(rates.at(k));
    });
    expect(points.map((p) => p.raw)).toEqual([5, 4, 3, 2, 1]);
    expect(points[0]!.loss).toBeCloseTo(5, 13);
  });

  it('stops a custom loop at divergence: the loop reads the schedule and pushes losses', () => {
    const options = { startLr: 1e-4, endLr: 10, steps: 100 };
    const rates = lrFinderSchedule(options);
    const loss$ = new Subject<number>();
    const points: RangePoint[] = [];
    let done = false;
    loss$.pipe(lrRangeTest({ ...options, beta: 0 })).subscribe({ next: (p) => points.push(p), complete: () => (done = true) });
    // A loss that falls until lr 0.1, then explodes.
    let i = 0;
    for (; !done; i++) loss$.next(rates.at(i) < 0.1 ? 1 / (1 + 1000 * rates.at(i)) : 1e3 * rates.at(i));
    expect(done).toBe(true);
    const last = points.at(-1)!;
    expect(last.loss).toBeGreaterThan(4 * Math.min(...points.map((p) => p.loss)));
    // Every earlier point was within 4× the minimum so far.
    points.slice(0, -1).forEach((p, k) => expect(p.loss).toBeLessThanOrEqual(4 * Math.min(...points.slice(0, k + 1).map((q) => q.loss))));
    expect(i).toBe(points.length);
    expect(rates.at(i - 1)).toBeGreaterThanOrEqual(0.1);
  });

  it('stopDiv: false runs every step', () => {
    expect(collect(from([1, 100, 1000]).pipe(lrRangeTest({ steps: 3, stopDiv: false })))).toHaveLength(3);
  });

  it('bad options throw when the operator is made, before any loss', () => {
    expect(() => lrRangeTest({ startLr: 1e-3, endLr: 1e-4 })).toThrow('lrRangeTest: endLr must be greater than startLr (0.001), got 0.0001');
    expect(() => lrRangeTest({ beta: 1 })).toThrow('lrRangeTest: beta must be in [0, 1), got 1');
    expect(() => lrRangeTest({ divergence: 1 })).toThrow('lrRangeTest: divergence must be a finite number > 1, got 1');
  });
});

describe('smoothLoss, stopOnDivergence, lrRangeTest: RxJS conventions', () => {
  // `pulled` counts what the source emitted, upstream of the operator under test.
  const counted = (n: number) => {
    const source = { pulled: 0, loss$: range(1, n).pipe(tap(() => source.pulled++)) };
    return source;
  };

  it('unsubscribing downstream stops a synchronous source at once', () => {
    const a = counted(1_000);
    a.loss$.pipe(smoothLoss(), take(2)).subscribe();
    expect(a.pulled).toBe(2);
    const b = counted(1_000);
    b.loss$.pipe(stopOnDivergence(), take(2)).subscribe();
    expect(b.pulled).toBe(2);
    const c = counted(1_000);
    c.loss$.pipe(lrRangeTest({ stopDiv: false }), take(2)).subscribe();
    expect(c.pulled).toBe(2);
  });

  it('unsubscribing from inside next stops a synchronous source there', () => {
    const a = counted(1_000);
    const seen: number[] = [];
    // A Subscriber exists before the source runs, so it can unsubscribe itself mid-loop.
    const subscriber: Subscriber<number> = new Subscriber({
      next: (v: number) => {
        seen.push(v);
        if (seen.length === 3) subscriber.unsubscribe();
      },
      error: () => undefined,
      complete: () => undefined,
    });
    a.loss$.pipe(smoothLoss(0)).subscribe(subscriber);
    expect(seen).toEqual([1, 2, 3]);
    expect(a.pulled).toBe(3);
  });

  it('completing stops the source: no loss is read after the diverging one, or after the last step', () => {
    const seen: number[] = [];
    of(1, 10, 3, 4).pipe(tap((x) => seen.push(x)), stopOnDivergence(4)).subscribe();
    expect(seen).toEqual([1, 10]);
    const c = counted(1_000);
    expect(collect(c.loss$.pipe(lrRangeTest({ steps: 5, stopDiv: false })))).toHaveLength(5);
    expect(c.pulled).toBe(5);
  });

  it('cold: each subscription starts its own average, minimum and step count', () => {
    const op$ = from([4, 2, 1, 100]).pipe(lrRangeTest({ steps: 10, beta: 0.5 }));
    const first = collect(op$);
    expect(collect(op$)).toEqual(first);
    expect(first.map((p) => p.step)).toEqual([0, 1, 2, 3]);
  });

  it('a source error reaches the subscriber', () => {
    const boom = new Error('boom');
    for (const op of [smoothLoss(), stopOnDivergence(), lrRangeTest()] as const) {
      const errors: unknown[] = [];
      concat(of(1), throwError(() => boom)).pipe(op as (s: Observable<number>) => Observable<unknown>).subscribe({ error: (e) => errors.push(e) });
      expect(errors).toEqual([boom]);
    }
  });
});

describe('range test: losses that are not numbers, options that would be unused', () => {
  it('a string loss is an error naming the operator, not a silent stop (NaN stays the stop signal)', () => {
    const errorOf = (source: Observable<unknown>): unknown => {
      let error: unknown;
      source.subscribe({ error: (e) => (error = e) });
      return error;
    };
    expect(errorOf(of(1, '2' as unknown as number).pipe(lrRangeTest({ steps: 5 })))).toEqual(new TypeError('lrRangeTest: a loss must be a number, got "2"'));
    expect(errorOf(of(1, '2' as unknown as number).pipe(smoothLoss()))).toEqual(new TypeError('smoothLoss: a loss must be a number, got "2"'));
    expect(errorOf(of(null as unknown as number).pipe(stopOnDivergence()))).toEqual(new TypeError('stopOnDivergence: a loss must be a number, got null'));
    expect(collect(of(1, NaN, 1).pipe(lrRangeTest({ steps: 5 }))).map((p) => p.step)).toEqual([0]);
  });

  it('divergence with stopDiv: false is refused, as it would never be used', () => {
    expect(() => lrRangeTest({ stopDiv: false, divergence: 3 })).toThrow(new TypeError('lrRangeTest: divergence applies only with stopDiv: true; leave divergence out, got divergence 3 with stopDiv false'));
    expect(() => lrRangeTest({ stopDiv: false })).not.toThrow();
  });
});
