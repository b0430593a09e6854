import fc from 'fast-check';
import { take } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { cosinespace, linspace, OptimizerPolicy, Phase, Sequence } from '../lib/index.js';
import { collect } from './helpers.js';

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

  it('law: unsubscribe stops emission at once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 }), (k) => {
        let emitted = 0;
        const huge = linspace(0, 1, 1e12);
        let completed = false;
        huge.pipe(take(k)).subscribe({ next: () => emitted++, complete: () => (completed = true) });
        expect(emitted).toBe(k);
        expect(completed).toBe(true);
      }),
      { numRuns: 6 },
    );
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
    expect(() => s.at(4)).toThrow(new RangeError('EasedSpace.at: index must be an integer in [0, 3), got 4'));
    expect(() => s.at(3)).toThrow(RangeError);
    expect(() => s.at(-1)).toThrow(/got -1/);
    expect(() => s.at(1.5)).toThrow(/got 1.5/);
  });
});
