import fc from 'fast-check';
import { interval, Observable, range, share, Subject, take, throwError, toArray } from 'rxjs';
import { describe, expect, it, vi } from 'vitest';
import { cosinespace, linspace, OptimizerPolicy, Phase, type ParamValues } from '../lib/index.js';
import { collect } from './helpers.js';

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

  it('an asynchronous step$ (interval) is unsubscribed at the end', () => {
    vi.useFakeTimers();
    try {
      const policy = new OptimizerPolicy(constantPhases());
      const seen: number[] = [];
      let completed = false;
      policy.drive(interval(10)).subscribe({ next: ({ lr }) => seen.push(lr), complete: () => (completed = true) });
      vi.advanceTimersByTime(1000);
      expect(seen).toEqual([0, 0, 1, 1, 2, 2]);
      expect(completed).toBe(true);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
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
    expect(() => new OptimizerPolicy([])).toThrow(new RangeError('OptimizerPolicy: phases must be a non-empty array of Phase, got []'));
    expect(() => new OptimizerPolicy([linspace(0, 1, 2)] as unknown as Phase[])).toThrow(/OptimizerPolicy: phases\[0\] must be a Phase, got/);
    expect(() => new OptimizerPolicy(constantPhases(), { initialStep: -1 })).toThrow(new RangeError('OptimizerPolicy: initialStep must be a non-negative integer, got -1'));
    expect(() => new OptimizerPolicy(constantPhases(), { initialStep: 1.5 })).toThrow(new RangeError('OptimizerPolicy: initialStep must be a non-negative integer, got 1.5'));
    const policy = new OptimizerPolicy(constantPhases());
    expect(() => policy.at(6)).toThrow(new RangeError('OptimizerPolicy.at: step must be an integer in [0, 6), got 6'));
    expect(() => policy.drive([1, 2] as unknown as Observable<unknown>)).toThrow(/OptimizerPolicy.drive: step\$ must be an Observable, got \[1,2\]/);
  });
});
