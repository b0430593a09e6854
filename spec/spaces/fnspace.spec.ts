import fc from 'fast-check';
import { map, Subject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { fnspace, OptimizerPolicy, Phase } from '../../lib/index.js';

describe('fnspace', () => {
  it('is the function at each step, by index, stream and iterator', () => {
    const warmup = fnspace((s) => Math.min(1, (s + 1) / 4), 6, { name: 'warmup' });
    expect([...warmup]).toEqual([0.25, 0.5, 0.75, 1, 1, 1]);
    const seen: number[] = [];
    warmup.subscribe((v) => seen.push(v));
    expect(seen).toEqual([...warmup]);
    expect(warmup.at(1)).toBe(0.5);
    expect(String(warmup)).toBe('fnspace(warmup, 6)');
  });

  it('takes its name from the function, or says anonymous', () => {
    function halve(s: number) {
      return 0.5 ** s;
    }
    expect(String(fnspace(halve, 3))).toBe('fnspace(halve, 3)');
    expect(String(fnspace([(s: number) => s][0]!, 3))).toBe('fnspace(anonymous, 3)');
  });

  it('at(i) is one call: O(1), in any order, never a replay', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), (i) => {
        let calls = 0;
        const space = fnspace((s) => (calls++, s / 1e12), 1e12 + 1);
        expect(space.at(i)).toBe(i / 1e12);
        expect(calls).toBe(1);
      }),
    );
  });

  it('a non-number or non-finite value is an error naming the step', () => {
    const bad = fnspace((s) => (s === 3 ? NaN : s === 4 ? ('0.1' as never) : 1), 6, { name: 'lambda' });
    expect(bad.at(2)).toBe(1);
    expect(() => bad.at(3)).toThrow(new RangeError('fnspace(lambda): fn(3) must return a finite number, got NaN'));
    expect(() => bad.at(4)).toThrow(new TypeError('fnspace(lambda): fn(4) must return a finite number, got "0.1"'));
    expect(() => [...fnspace(() => Infinity, 2)]).toThrow('fn(0) must return a finite number, got Infinity');
  });

  it("an error thrown by fn is the stream's error notification, by subscription and by drive; the cursor stays at that step", () => {
    const boom = new Error('lookup table not loaded');
    const lambda = fnspace((s) => {
      if (s === 2) throw boom;
      return 1;
    }, 5);
    const seen: number[] = [];
    const errors: unknown[] = [];
    lambda.subscribe({ next: (v) => seen.push(v), error: (e) => errors.push(e) });
    expect(seen).toEqual([1, 1]);
    const policy = new OptimizerPolicy([new Phase({ lr: lambda })]);
    const step$ = new Subject<void>();
    const driven = policy.drive(step$).pipe(map((v) => v.lr)).subscribe({ error: (e) => errors.push(e) });
    for (let k = 0; k < 4; k++) step$.next();
    expect(errors).toEqual([boom, boom]);
    expect(driven.closed).toBe(true);
    expect(policy.currentStep).toBe(2);
  });

  it('has no JSON form: JSON.stringify of a policy holding one says why', () => {
    const policy = new OptimizerPolicy([new Phase({ lr: fnspace(() => 0.1, 3, { name: 'flat' }) })]);
    expect(() => JSON.stringify(policy)).toThrow(new TypeError('fnspace(flat, 3) has no JSON form: it holds a function. Rebuild it in code (a resumed policy takes initialStep), or use a built-in space'));
  });

  it('resumes at any step without calling the function for the skipped ones', () => {
    let calls = 0;
    const policy = new OptimizerPolicy([new Phase({ lr: fnspace((s) => (calls++, 1 / (1 + s)), 1e9) })], { initialStep: 999_999_999 });
    expect([...policy]).toEqual([{ lr: 1 / 1e9 }]);
    expect(calls).toBe(1);
  });

  it('bad arguments are named errors', () => {
    expect(() => fnspace(0.1 as never, 3)).toThrow('fnspace: fn must be a function (step) => number, got 0.1');
    expect(() => fnspace(() => 1, 2.5)).toThrow('fnspace: steps must be a non-negative integer, got 2.5');
    expect(() => fnspace(() => 1, 2, { label: 'x' } as never)).toThrow('fnspace: unknown option "label"; accepted: name');
    expect(() => fnspace(() => 1, 2, { name: '' })).toThrow('fnspace: name must be a non-empty name without surrounding spaces, got ""');
    expect(() => fnspace(() => 1, 2, null as never)).toThrow('fnspace: options must be an object, got null');
    // An array is not an options object.
    expect(() => fnspace(() => 1, 2, [] as never)).toThrow(new TypeError('fnspace: options must be an object, got []'));
  });
});
