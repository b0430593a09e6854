import fc from 'fast-check';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { interval, Observable, observable, range, share, Subject, Subscriber, take, takeUntil, tap, throwError, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { constant, cosinespace, linspace, OptimizerPolicy, Phase, policyFromJSON, type ParamValues } from '../lib/index.js';
import { collect, expectNamedError } from './helpers.js';
import { TestScheduler } from 'rxjs/testing';

const constantPhases = () => [
  new Phase({ lr: linspace(0, 0, 2) }),
  new Phase({ lr: linspace(1, 1, 2) }),
  new Phase({ lr: linspace(2, 2, 2) }),
];

/** Drives `policy` with `n` steps of a Subject and returns what it emitted and whether it completed. */
function driveSteps<T>(policy: { drive(s: Observable<unknown>): Observable<T> }, n: number) {
  const step$ = new Subject<void>();
  const seen: T[] = [];
  let completed = false;
  const sub = policy.drive(step$).subscribe({ next: (v) => seen.push(v), complete: () => (completed = true) });
  for (let i = 0; i < n; i++) step$.next();
  sub.unsubscribe();
  return { seen, completed };
}

const arbPhases = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 12 }), fc.boolean()), { minLength: 1, maxLength: 6 })
  .map((specs) => specs.map(([n, cos], p) => new Phase({ lr: (cos ? cosinespace : linspace)(p + 1, p, n), momentum: 0.9 })));

describe('OptimizerPolicy', () => {
  it('concatenates phases: length, at, phaseIndexAt', () => {
    const policy = new OptimizerPolicy(constantPhases());
    expect(policy.length).toBe(6);
    expect([0, 1, 2, 3, 4, 5].map((k) => policy.at(k).lr)).toEqual([0, 0, 1, 1, 2, 2]);
    expect([0, 1, 2, 3, 4, 5].map((k) => policy.phaseIndexAt(k))).toEqual([0, 0, 1, 1, 2, 2]);
    expect(policy.phaseStarts).toEqual([0, 2, 4]);
  });

  it('law: lengths add up and at(k) equals the k-th value of allSteps(), skipping empty phases', () => {
    fc.assert(
      fc.property(arbPhases, (phases) => {
        const policy = new OptimizerPolicy(phases);
        expect(policy.length).toBe(phases.reduce((s, p) => s + p.length, 0));
        const chained = phases.flatMap((p) => [...p]);
        expect(collect(policy.allSteps())).toEqual(chained);
        chained.forEach((d, k) => expect(policy.at(k)).toEqual(d));
      }),
    );
  });

  it('law: a policy restarted at k emits exactly the suffix from k, then completes', () => {
    fc.assert(
      fc.property(arbPhases, fc.nat(), (phases, seed) => {
        const full = [...new OptimizerPolicy(phases).allSteps()];
        const k = full.length === 0 ? 0 : seed % (full.length + 2);
        const { seen, completed } = driveSteps(new OptimizerPolicy(phases, { initialStep: k }), full.length + 3);
        expect(seen).toEqual(full.slice(k));
        expect(completed).toBe(true);
      }),
    );
  });

  it('drive: each step emits the next dict and advances currentStep; completes after the last', () => {
    const policy = new OptimizerPolicy(constantPhases());
    const step$ = new Subject<void>();
    const seen: number[] = [];
    let completed = false;
    policy.drive(step$).subscribe({ next: ({ lr }) => seen.push(lr), complete: () => (completed = true) });
    step$.next();
    expect(seen).toEqual([0]);
    expect(policy.currentStep).toBe(1);
    for (let i = 0; i < 5; i++) step$.next();
    expect(seen).toEqual([0, 0, 1, 1, 2, 2]);
    expect(completed).toBe(true);
    step$.next(); // later steps change nothing
    expect(seen).toHaveLength(6);
    expect(policy.currentStep).toBe(6);
  });

  it('an optimizer keeps the last values once the phases run out (Poutyne swallows StopIteration)', () => {
    const policy = new OptimizerPolicy([new Phase({ lr: linspace(1, 0.5, 2) })]);
    const optimizer = { lr: NaN };
    const step$ = new Subject<void>();
    policy.drive(step$).subscribe(({ lr }) => (optimizer.lr = lr));
    for (let i = 0; i < 10; i++) step$.next();
    expect(optimizer.lr).toBe(0.5);
  });

  it('initialStep at or past the end is valid: the driven stream completes at once', () => {
    for (const initialStep of [6, 100]) {
      const { seen, completed } = driveSteps(new OptimizerPolicy(constantPhases(), { initialStep }), 0);
      expect(seen).toEqual([]);
      expect(completed).toBe(true);
    }
  });

  it('one driver at a time: a second concurrent subscription errors, and works after the first ends', () => {
    const policy = new OptimizerPolicy(constantPhases());
    const step$ = new Subject<void>();
    const first = policy.drive(step$).subscribe();
    let error: unknown;
    policy.drive(step$).subscribe({ error: (e) => (error = e) });
    expect(String(error)).toMatch(/already driven by another subscription; share\(\)/);
    step$.next();
    expect(policy.currentStep).toBe(1); // stepped once, not twice
    first.unsubscribe();
    const seen: number[] = [];
    policy.drive(step$).subscribe(({ lr }) => seen.push(lr));
    step$.next();
    expect(seen).toEqual([0]);
    expect(policy.currentStep).toBe(2);
  });

  it('share() feeds two sinks from one cursor', () => {
    const policy = new OptimizerPolicy(constantPhases());
    const step$ = new Subject<void>();
    const shared$ = policy.drive(step$).pipe(share());
    const a: number[] = [];
    const b: number[] = [];
    shared$.subscribe(({ lr }) => a.push(lr));
    shared$.subscribe(({ lr }) => b.push(lr));
    for (let i = 0; i < 3; i++) step$.next();
    expect(a).toEqual([0, 0, 1]);
    expect(b).toEqual(a);
    expect(policy.currentStep).toBe(3);
  });

  it('a synchronous endless step$ stops at the end of the policy', () => {
    const policy = new OptimizerPolicy(constantPhases());
    let out: ParamValues<'lr'>[] = [];
    policy.drive(range(0, 1e12)).pipe(toArray()).subscribe((v) => (out = v));
    expect(out.map((d) => d.lr)).toEqual([0, 0, 1, 1, 2, 2]);
  });

  it('unsubscribed from outside next during a synchronous step$, the policy takes no further step', () => {
    const policy = new OptimizerPolicy([new Phase({ lr: linspace(0, 1, 100) })]);
    const stop$ = new Subject<void>();
    let pulled = 0;
    // The step source itself signals the stop, before its fourth step reaches the policy.
    const step$ = range(0, 100).pipe(
      tap((i) => {
        pulled++;
        if (i === 3) stop$.next();
      }),
    );
    const seen = collect(policy.drive(step$).pipe(takeUntil(stop$)));
    expect(seen).toHaveLength(3);
    expect(policy.currentStep).toBe(3);
    expect(pulled).toBe(4);
  });

  it('unsubscribed from inside next during a synchronous step$, the cursor is free at once: a new drive may start there', () => {
    const policy = new OptimizerPolicy([new Phase({ lr: linspace(0, 9, 10) })]);
    const step$ = new Subject<void>();
    const first: number[] = [];
    const second: number[] = [];
    const errors: unknown[] = [];
    // A Subscriber exists before the source runs, so it can unsubscribe itself mid-loop.
    const subscriber: Subscriber<ParamValues<'lr'>> = new Subscriber({
      next: (v: ParamValues<'lr'>) => {
        first.push(v.lr);
        if (first.length < 3) return;
        subscriber.unsubscribe();
        policy.drive(step$).subscribe({ next: (w) => second.push(w.lr), error: (e) => errors.push(e) });
      },
      error: () => undefined,
      complete: () => undefined,
    });
    policy.drive(range(0, 100)).subscribe(subscriber);
    step$.next();
    step$.next();
    expect(errors).toEqual([]);
    expect(first).toEqual([0, 1, 2]);
    expect(second).toEqual([3, 4]);
  });

  it('an asynchronous step$ (interval) is unsubscribed at the end', () => {
    const scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
    scheduler.run(({ expectObservable }) => {
      const policy = new OptimizerPolicy(constantPhases());
      const lr = { a: { lr: 0 }, b: { lr: 1 }, c: { lr: 2 } };
      expectObservable(policy.drive(interval(10))).toBe('10ms a 9ms a 9ms b 9ms b 9ms c 9ms (c|)', lr);
    });
    // The run ended: had the interval stayed subscribed, the virtual clock would still be ticking.
    expect(scheduler.frame).toBe(60);
  });

  it('step$ completing or erroring passes through, and frees the cursor', () => {
    const policy = new OptimizerPolicy(constantPhases());
    let completed = false;
    policy.drive(range(0, 2)).subscribe({ complete: () => (completed = true) });
    expect(completed).toBe(true);
    expect(policy.currentStep).toBe(2);
    let error: unknown;
    policy.drive(throwError(() => new Error('boom'))).subscribe({ error: (e) => (error = e) });
    expect((error as Error).message).toBe('boom');
    const { seen } = driveSteps(policy, 1);
    expect(seen).toEqual([{ lr: 1 }]);
  });

  it('drives from a Subject of another copy of RxJS (its UMD bundle), as from() would', () => {
    const require = createRequire(import.meta.url);
    const cjs = require(join(dirname(require.resolve('rxjs')), '..', 'bundles', 'rxjs.umd.js')) as typeof import('rxjs');
    const step$ = new cjs.Subject<void>();
    expect(step$ instanceof Observable).toBe(false);
    const policy = new OptimizerPolicy(constantPhases());
    const seen: number[] = [];
    let completed = false;
    policy.drive(step$).subscribe({ next: ({ lr }) => seen.push(lr), complete: () => (completed = true) });
    for (let i = 0; i < 8; i++) step$.next();
    expect(seen).toEqual([0, 0, 1, 1, 2, 2]);
    expect(completed).toBe(true);
    expect(step$.observed).toBe(false);
    // A synchronous endless stream of that copy is stopped at the end too.
    const again = new OptimizerPolicy(constantPhases());
    expect(collect(again.drive(cjs.range(0, 1e12))).map((d) => d.lr)).toEqual([0, 0, 1, 1, 2, 2]);
  });

  it('drives from a minimal interop observable ([Symbol.observable]), and unsubscribes from it at once', () => {
    const observers: { next(v: unknown): void }[] = [];
    let unsubscribed = 0;
    const foreign = {
      [observable]() {
        return {
          subscribe(observer: { next(v: unknown): void }) {
            observers.push(observer);
            return { unsubscribe: () => unsubscribed++ };
          },
        };
      },
    };
    const policy = new OptimizerPolicy(constantPhases());
    const seen: number[] = [];
    const sub = policy.drive(foreign as unknown as Observable<unknown>).subscribe(({ lr }) => seen.push(lr));
    observers[0]!.next(1);
    observers[0]!.next(1);
    observers[0]!.next(1);
    expect(seen).toEqual([0, 0, 1]);
    sub.unsubscribe();
    expect(unsubscribed).toBe(1);
    observers[0]!.next(1);
    expect(seen).toEqual([0, 0, 1]);
    expect(policy.currentStep).toBe(3);
  });

  it('refuses what is not observable, even what from() would take (arrays, promises, strings)', () => {
    const policy = new OptimizerPolicy(constantPhases());
    for (const [input, got] of [
      [[1, 2], '[1,2]'],
      ['abc', '"abc"'],
      [Promise.resolve(1), '{}'],
      [{ subscribe: () => undefined }, '{}'],
    ] as const) {
      expectNamedError(() => policy.drive(input as unknown as Observable<unknown>), TypeError, { fn: 'OptimizerPolicy.drive', arg: 'step$', got });
    }
  });

  it('takeUntil-style early stop: unsubscribing stops stepping', () => {
    const policy = new OptimizerPolicy(constantPhases());
    const step$ = new Subject<void>();
    policy.drive(step$).pipe(take(2)).subscribe();
    for (let i = 0; i < 5; i++) step$.next();
    expect(policy.currentStep).toBe(2);
  });

  it('seek moves the cursor, also while driven', () => {
    const policy = new OptimizerPolicy(constantPhases());
    const step$ = new Subject<void>();
    const seen: number[] = [];
    policy.drive(step$).subscribe(({ lr }) => seen.push(lr));
    step$.next();
    policy.seek(4);
    step$.next();
    policy.seek(2);
    step$.next();
    expect(seen).toEqual([0, 2, 1]);
    expect(() => policy.seek(-1)).toThrow(new RangeError('OptimizerPolicy.seek: step must be a non-negative integer, got -1'));
  });

  it('iteration advances the cursor like Poutyne\'s iter(policy); allSteps() does not', () => {
    const policy = new OptimizerPolicy(constantPhases(), { initialStep: 1 });
    expect([...policy.allSteps()].map((d) => d.lr)).toEqual([0, 0, 1, 1, 2, 2]);
    expect(policy.currentStep).toBe(1);
    const it = policy[Symbol.iterator]();
    expect(it.next().value).toEqual({ lr: 0 });
    expect(policy.currentStep).toBe(2);
    expect([...{ [Symbol.iterator]: () => it }].map((d) => d.lr)).toEqual([1, 1, 2, 2]);
    expect(policy.currentStep).toBe(6);
  });

  it('resumes at 10^9 - 1 without replaying', () => {
    const n = 1e9;
    const policy = new OptimizerPolicy([new Phase({ lr: linspace(0, 1, n / 2) }), new Phase({ lr: cosinespace(1, 0, n / 2) })], { initialStep: n - 1 });
    const { seen, completed } = driveSteps(policy, 1);
    expect(seen).toEqual([{ lr: 0 }]);
    expect(completed).toBe(true);
  });

  it('toString has the right labels (Poutyne swaps them)', () => {
    const policy = new OptimizerPolicy(constantPhases(), { initialStep: 1 });
    expect(String(policy)).toBe('OptimizerPolicy:\n    phases: 3\n    steps: 6\n    currentStep: 1');
  });

  it('rejects bad input at construction, naming the argument and value', () => {
    expect(() => new OptimizerPolicy(3 as never)).toThrow(new TypeError('OptimizerPolicy: phases must be an array of Phase, got 3'));
    // eslint-disable-next-line no-sparse-arrays
    expect(() => new OptimizerPolicy([constantPhases()[0]!, , constantPhases()[0]!] as Phase[])).toThrow(/OptimizerPolicy: phases\[1\] must be a Phase, got undefined/);
    expect(() => new OptimizerPolicy([linspace(0, 1, 2)] as unknown as Phase[])).toThrow(/OptimizerPolicy: phases\[0\] must be a Phase, got/);
    expect(() => new OptimizerPolicy(constantPhases(), { initialStep: -1 })).toThrow(new RangeError('OptimizerPolicy: initialStep must be a non-negative integer, got -1'));
    expect(() => new OptimizerPolicy(constantPhases(), { initialStep: 1.5 })).toThrow(new RangeError('OptimizerPolicy: initialStep must be a non-negative integer, got 1.5'));
    const policy = new OptimizerPolicy(constantPhases());
    expect(() => policy.at(6)).toThrow(new RangeError('OptimizerPolicy.at: step must be an integer in [0, 6), got 6'));
    expect(() => policy.at('1' as never)).toThrow(new TypeError('OptimizerPolicy.at: step must be an integer in [0, 6), got "1"'));
    expect(() => policy.at(undefined as never)).toThrow(new TypeError('OptimizerPolicy.at: step must be an integer in [0, 6), got undefined'));
    expect(() => policy.drive([1, 2] as unknown as Observable<unknown>)).toThrow(/OptimizerPolicy.drive: step\$ must be an Observable, got \[1,2\]/);
  });

  it('Poutyne\'s restart fixture, driven: phases [0,0],[1,1],[2,2] with initialStep 3 emit 1, 2, 2 then complete', () => {
    const policy = new OptimizerPolicy(constantPhases(), { initialStep: 3 });
    const step$ = new Subject<void>();
    const seen: number[] = [];
    let completed = false;
    policy.drive(step$).subscribe({ next: ({ lr }) => seen.push(lr), complete: () => (completed = true) });
    step$.next();
    step$.next();
    expect(completed).toBe(false);
    step$.next();
    expect(seen).toEqual([1, 2, 2]);
    expect(completed).toBe(true);
    step$.next();
    expect(seen).toEqual([1, 2, 2]);
    expect(policy.currentStep).toBe(6);
  });

  it('law: driving emits at(k) for k = currentStep, currentStep + 1, …, and iteration (Poutyne\'s iter) gives the same suffix', () => {
    fc.assert(
      fc.property(arbPhases, fc.nat(), (phases, seed) => {
        const policy = new OptimizerPolicy(phases);
        const k = seed % (policy.length + 1);
        const expected = Array.from({ length: policy.length - k }, (_, j) => policy.at(k + j));
        expect([...new OptimizerPolicy(phases, { initialStep: k })]).toEqual(expected);
        expect(driveSteps(new OptimizerPolicy(phases, { initialStep: k }), policy.length).seen).toEqual(expected);
      }),
    );
  });

  it('empty phases inside a policy are skipped by at, phaseIndexAt and drive', () => {
    const policy = new OptimizerPolicy([
      new Phase({ lr: linspace(0, 0, 0) }),
      new Phase({ lr: linspace(1, 2, 2) }),
      new Phase({ lr: linspace(5, 5, 0) }),
      new Phase({ lr: linspace(5, 5, 0) }),
      new Phase({ lr: linspace(3, 4, 2) }),
      new Phase({ lr: linspace(9, 9, 0) }),
    ]);
    expect(policy.length).toBe(4);
    expect(policy.phaseStarts).toEqual([0, 0, 2, 2, 2, 4]);
    expect([0, 1, 2, 3].map((k) => policy.phaseIndexAt(k))).toEqual([1, 1, 4, 4]);
    expect([0, 1, 2, 3].map((k) => policy.at(k).lr)).toEqual([1, 2, 3, 4]);
    const { seen, completed } = driveSteps(policy, 10);
    expect(seen.map((d) => d.lr)).toEqual([1, 2, 3, 4]);
    expect(completed).toBe(true);
  });

  it('a policy whose phases are all empty has length 0: drive completes at once', () => {
    const policy = new OptimizerPolicy([new Phase({ lr: linspace(0, 1, 0) })]);
    expect(policy.length).toBe(0);
    expect(collect(policy.allSteps())).toEqual([]);
    expect(driveSteps(policy, 3)).toEqual({ seen: [], completed: true });
  });

  it('a synchronous endless step$ is pulled exactly length times, then unsubscribed', () => {
    let pulled = 0;
    const endless$ = new Observable<void>((subscriber) => {
      while (!subscriber.closed) {
        pulled++;
        subscriber.next();
      }
    });
    const policy = new OptimizerPolicy(constantPhases());
    const seen = collect(policy.drive(endless$));
    expect(seen.map((d) => d.lr)).toEqual([0, 0, 1, 1, 2, 2]);
    expect(pulled).toBe(6);
  });

  it('after completing, the cursor is free: seek back and drive again', () => {
    const policy = new OptimizerPolicy(constantPhases());
    expect(driveSteps(policy, 6).completed).toBe(true);
    policy.seek(4);
    expect(driveSteps(policy, 5).seen.map((d) => d.lr)).toEqual([2, 2]);
  });

  it('re-subscribing the driven stream continues from the cursor (it is the training state, not a replay)', () => {
    const policy = new OptimizerPolicy(constantPhases());
    const step$ = new Subject<void>();
    const driven$ = policy.drive(step$);
    const first: number[] = [];
    const sub = driven$.subscribe(({ lr }) => first.push(lr));
    step$.next();
    step$.next();
    step$.next();
    sub.unsubscribe();
    const second: number[] = [];
    driven$.subscribe(({ lr }) => second.push(lr));
    step$.next();
    expect(first).toEqual([0, 0, 1]);
    expect(second).toEqual([1]);
  });

  it('seek to or past the end: the next step completes without emitting', () => {
    for (const target of [6, 50]) {
      const policy = new OptimizerPolicy(constantPhases());
      const step$ = new Subject<void>();
      const seen: unknown[] = [];
      let completed = false;
      policy.drive(step$).subscribe({ next: (v) => seen.push(v), complete: () => (completed = true) });
      step$.next();
      policy.seek(target);
      step$.next();
      expect(seen).toEqual([{ lr: 0 }]);
      expect(completed).toBe(true);
      expect(policy.currentStep).toBe(target);
    }
  });

  it('allSteps() is a cold sequence that never moves the cursor, even mid-drive', () => {
    const policy = new OptimizerPolicy(constantPhases());
    const step$ = new Subject<void>();
    const seen: number[] = [];
    policy.drive(step$).subscribe(({ lr }) => seen.push(lr));
    step$.next();
    step$.next();
    const all = policy.allSteps();
    expect(collect(all).map((d) => d.lr)).toEqual([0, 0, 1, 1, 2, 2]);
    expect(collect(all)).toEqual(collect(all));
    expect(all.at(5)).toEqual({ lr: 2 });
    expect(policy.allSteps()).toBe(all);
    expect(policy.currentStep).toBe(2);
    step$.next();
    expect(seen).toEqual([0, 0, 1]);
  });

  it('at() does not move the cursor', () => {
    const policy = new OptimizerPolicy(constantPhases(), { initialStep: 2 });
    policy.at(5);
    policy.at(0);
    expect(policy.currentStep).toBe(2);
  });

  it('toString follows the cursor and keeps each label on its own number', () => {
    const policy = new OptimizerPolicy([...constantPhases(), new Phase({ lr: linspace(3, 3, 5) })]);
    driveSteps(policy, 2);
    // 4 phases, 11 steps, cursor 2: three different numbers, so a swap would show.
    expect(String(policy)).toBe('OptimizerPolicy:\n    phases: 4\n    steps: 11\n    currentStep: 2');
  });

  it('toJSON lists the phases (not the cursor) and round-trips through policyFromJSON', () => {
    const policy = new OptimizerPolicy([new Phase({ lr: linspace(0, 1, 3) }), new Phase({ lr: cosinespace(1, 0, 4), momentum: 0.9 })], { initialStep: 2 });
    expect(policy.toJSON()).toEqual({
      phases: [{ lr: { type: 'linspace', start: 0, end: 1, steps: 3 } }, { lr: { type: 'cosinespace', start: 1, end: 0, steps: 4 }, momentum: { type: 'constant', value: 0.9 } }],
    });
    const copy = policyFromJSON(JSON.parse(JSON.stringify(policy)));
    expect(copy.currentStep).toBe(0);
    expect([...copy.allSteps()]).toEqual([...policy.allSteps()]);
    expect(copy.phases.map(String)).toEqual(policy.phases.map(String));
  });

  it('bad input: the error class, and a message naming the function, the argument and the value', () => {
    expect(new OptimizerPolicy([]).length).toBe(0); // the empty schedule
    expectNamedError(() => new OptimizerPolicy(new Phase({ lr: linspace(0, 1, 2) }) as unknown as Phase[]), TypeError, { fn: 'OptimizerPolicy', arg: 'phases', got: '{"lr"' });
    expectNamedError(() => new OptimizerPolicy([new Phase({ lr: linspace(0, 1, 2) }), { lr: 1 }] as unknown as Phase[]), TypeError, { fn: 'OptimizerPolicy', arg: 'phases[1]', got: '{"lr":1}' });
    expectNamedError(() => new OptimizerPolicy([linspace(0, 1, 2)] as unknown as Phase[]), TypeError, { fn: 'OptimizerPolicy', arg: 'phases[0]', got: '{"type":"linspace"' });
    for (const [initialStep, kind, got] of [
      [-1, RangeError, '-1'],
      [1.5, RangeError, '1.5'],
      [NaN, RangeError, 'NaN'],
      [Infinity, RangeError, 'Infinity'],
      ['3', TypeError, '"3"'],
    ] as const) {
      expectNamedError(() => new OptimizerPolicy(constantPhases(), { initialStep: initialStep as number }), kind, { fn: 'OptimizerPolicy', arg: 'initialStep', got });
    }
    const huge = Number.MAX_SAFE_INTEGER;
    expectNamedError(() => new OptimizerPolicy([new Phase({ lr: constant(1, huge) }), new Phase({ lr: constant(1, huge) })]), RangeError, {
      fn: 'OptimizerPolicy',
      arg: "phases' total length",
      got: String(2 * huge),
    });
    const policy = new OptimizerPolicy(constantPhases());
    expectNamedError(() => policy.at(-1), RangeError, { fn: 'OptimizerPolicy.at', arg: 'step', got: '-1' });
    expectNamedError(() => policy.at(0.5), RangeError, { fn: 'OptimizerPolicy.at', arg: 'step', got: '0.5' });
    expectNamedError(() => policy.seek(2.5), RangeError, { fn: 'OptimizerPolicy.seek', arg: 'step', got: '2.5' });
    expectNamedError(() => policy.seek('1' as unknown as number), TypeError, { fn: 'OptimizerPolicy.seek', arg: 'step', got: '"1"' });
    expectNamedError(() => policy.drive(42 as unknown as Observable<unknown>), TypeError, { fn: 'OptimizerPolicy.drive', arg: 'step$', got: '42' });
    expectNamedError(() => policy.drive(undefined as unknown as Observable<unknown>), TypeError, { fn: 'OptimizerPolicy.drive', arg: 'step$', got: 'undefined' });
  });

  it('a second concurrent driver gets an Error naming OptimizerPolicy.drive and the share() remedy', () => {
    const policy = new OptimizerPolicy(constantPhases());
    const step$ = new Subject<void>();
    policy.drive(step$).subscribe();
    let error: unknown;
    policy.drive(step$).subscribe({ error: (e) => (error = e) });
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^OptimizerPolicy\.drive: this policy is already driven by another subscription; share\(\)/);
  });
});

describe('OptimizerPolicy.drive: timing, in marble diagrams (rxjs TestScheduler)', () => {
  const testScheduler = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
  const v = { a: { lr: 0 }, b: { lr: 0 }, c: { lr: 1 }, d: { lr: 1 }, e: { lr: 2 }, f: { lr: 2 } };

  it('emits on each step, completes with the last, and unsubscribes from step$ in that same frame', () => {
    testScheduler().run(({ hot, expectObservable, expectSubscriptions }) => {
      const step$ = hot('--s-s-s-s-s-s-s-s|');
      expectObservable(new OptimizerPolicy(constantPhases()).drive(step$)).toBe('--a-b-c-d-e-(f|)', v);
      expectSubscriptions(step$.subscriptions).toBe('^-----------!');
    });
  });

  it('unsubscribing stops at once: no later step reaches the policy', () => {
    testScheduler().run(({ hot, expectObservable, expectSubscriptions }) => {
      const step$ = hot('--s-s-s-s-s-s-s-s|');
      const policy = new OptimizerPolicy(constantPhases());
      expectObservable(policy.drive(step$), '^----!').toBe('--a-b-', v);
      expectSubscriptions(step$.subscriptions).toBe('^----!');
    });
  });

  it('step$ completing or erroring ends the driven stream in the same frame', () => {
    testScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const done$ = cold('-s-s|');
      expectObservable(new OptimizerPolicy(constantPhases()).drive(done$)).toBe('-a-b|', v);
      expectSubscriptions(done$.subscriptions).toBe('^---!');
      const failing$ = cold('-s-#', undefined, new Error('boom'));
      expectObservable(new OptimizerPolicy(constantPhases()).drive(failing$)).toBe('-a-#', v, new Error('boom'));
      expectSubscriptions(failing$.subscriptions).toBe('^--!');
    });
  });

  it('a cursor at the end completes at subscription without subscribing to step$', () => {
    testScheduler().run(({ hot, expectObservable, expectSubscriptions }) => {
      const step$ = hot('--s-s|');
      expectObservable(new OptimizerPolicy(constantPhases(), { initialStep: 6 }).drive(step$)).toBe('|');
      expectSubscriptions(step$.subscriptions).toBe([]);
    });
  });

  it('one driver at a time: a second subscriber errors in its own frame; after the first ends, a new one goes on from the cursor', () => {
    testScheduler().run(({ hot, expectObservable, expectSubscriptions }) => {
      const step$ = hot('--s-s-s-s-s-s-s-s|');
      const driven$ = new OptimizerPolicy(constantPhases()).drive(step$);
      expectObservable(driven$, '^--!').toBe('--a', v);
      expectObservable(driven$, '-^').toBe('-#', undefined, new Error('OptimizerPolicy.drive: this policy is already driven by another subscription; share() the driven stream to feed several sinks'));
      // The first driver stepped once (frame 2): the third starts at step 1.
      expectObservable(driven$, '-----^').toBe('------b-c-d-e-(f|)', v);
      expectSubscriptions(step$.subscriptions).toBe(['^--!', '-----^--------!']);
    });
  });
});

