import fc from 'fast-check';
import { Subscriber, take, tap } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { cosinespace, linspace, OptimizerPolicy, Phase, Sequence } from '../lib/index.js';
import { collect, expectNamedError } from './helpers.js';

class Squares extends Sequence<number> {
  constructor(readonly length: number) {
    super();
  }
  _at(i: number): number {
    return i * i;
  }
}

const anySequence = fc.oneof(
  fc.tuple(fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: -5, max: 5, noNaN: true }), fc.integer({ min: 0, max: 60 })).map(([a, b, n]) => linspace(a, b, n) as Sequence<unknown>),
  fc.tuple(fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: -5, max: 5, noNaN: true }), fc.integer({ min: 0, max: 60 })).map(([a, b, n]) => cosinespace(a, b, n) as Sequence<unknown>),
  fc.integer({ min: 1, max: 40 }).map((n) => new Phase({ lr: linspace(0, 1, n), momentum: cosinespace(0.9, 0.8, n) }) as Sequence<unknown>),
  fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 5 }).map(
    (lengths) => new OptimizerPolicy(lengths.map((n, p) => new Phase({ lr: linspace(p, p + 1, n) }))).allSteps() as Sequence<unknown>,
  ),
);

describe('Sequence: the stream, iterator and index faces agree', () => {
  it('law: at(i) equals the i-th value emitted and the i-th value iterated', () => {
    fc.assert(
      fc.property(anySequence, (seq) => {
        const emitted = collect(seq);
        const iterated = [...seq];
        expect(emitted.length).toBe(seq.length);
        expect(iterated).toEqual(emitted);
        emitted.forEach((v, i) => expect(seq.at(i)).toEqual(v));
      }),
    );
  });

  it('law: re-subscription replays (cold)', () => {
    fc.assert(
      fc.property(anySequence, (seq) => {
        expect(collect(seq)).toEqual(collect(seq));
      }),
    );
  });

  it('law: unsubscribe stops emission at once, counted upstream of take (10^12-step space, phase, policy)', () => {
    const huge: Sequence<unknown>[] = [
      linspace(0, 1, 1e12),
      cosinespace(1, 0, 1e12),
      new Phase({ lr: linspace(0, 1, 1e12), momentum: 0.9 }),
      new OptimizerPolicy([new Phase({ lr: linspace(0, 1, 1e12) }), new Phase({ lr: cosinespace(1, 0, 1e12) })]).allSteps(),
    ];
    fc.assert(
      fc.property(fc.constantFrom(...huge), fc.integer({ min: 0, max: 5 }), (seq, k) => {
        let produced = 0;
        let received = 0;
        let completed = false;
        seq.pipe(tap(() => produced++), take(k)).subscribe({ next: () => received++, complete: () => (completed = true) });
        // take(0) unsubscribes before the source runs; take(k) closes the subscriber after the k-th value.
        expect(produced).toBe(k);
        expect(received).toBe(k);
        expect(completed).toBe(true);
      }),
      { numRuns: 24 },
    );
  });

  it('an explicit unsubscribe from inside next stops the loop (no take)', () => {
    let produced = 0;
    // A Subscriber exists before the source runs, so it can unsubscribe itself mid-loop.
    const subscriber: Subscriber<number> = new Subscriber({
      next: () => {
        produced++;
        if (produced === 4) subscriber.unsubscribe();
      },
      error: () => undefined,
      complete: () => undefined,
    });
    linspace(0, 1, 1e12).subscribe(subscriber);
    expect(produced).toBe(4);
    expect(subscriber.closed).toBe(true);
  });

  it('completes after the last value', () => {
    let completed = false;
    linspace(0, 1, 3).subscribe({ complete: () => (completed = true) });
    expect(completed).toBe(true);
  });

  it('custom sequences implement _at and get the three faces', () => {
    const s = new Squares(4);
    expect([...s]).toEqual([0, 1, 4, 9]);
    expect(collect(s)).toEqual([0, 1, 4, 9]);
    expect(s.at(3)).toBe(9);
  });

  it('at rejects indices out of range, fractional or negative, naming the value (Poutyne: IndexError)', () => {
    const s = linspace(2, 1, 3);
    expect(() => s.at(4)).toThrow(new RangeError('linspace.at: index must be an integer in [0, 3), got 4'));
    expect(() => s.at(3)).toThrow(RangeError);
    expect(() => s.at(-1)).toThrow(/got -1/);
    expect(() => s.at(1.5)).toThrow(/got 1.5/);
    // Not a number at all: a TypeError, as every other check gives one.
    expect(() => s.at('1' as never)).toThrow(new TypeError('linspace.at: index must be an integer in [0, 3), got "1"'));
    expect(() => s.at(1n as never)).toThrow(new TypeError('linspace.at: index must be an integer in [0, 3), got 1n'));
  });

  it('at errors name what the user built: the factory, Phase, or the policy view', () => {
    expectNamedError(() => cosinespace(1, 0, 5).at(5), RangeError, { fn: 'cosinespace.at', arg: 'index', got: '5' });
    expectNamedError(() => new Phase({ lr: linspace(0, 1, 2) }).at(-1), RangeError, { fn: 'Phase.at', arg: 'index', got: '-1' });
    expectNamedError(() => new OptimizerPolicy([new Phase({ lr: linspace(0, 1, 2) })]).allSteps().at(NaN), RangeError, {
      fn: 'OptimizerPolicy.allSteps().at',
      arg: 'index',
      got: 'NaN',
    });
    expectNamedError(() => new Squares(2).at(2), RangeError, { fn: 'Squares.at', arg: 'index', got: '2' });
  });
});
