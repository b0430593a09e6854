// fastai's four suggestion rules. Reference values: scripts/fastai-suggestions-reference.py, which
// evaluates fastai's rules (`fastai/callback/schedule.py` in fastai/fastai: valley, slide, minimum, steep) as
// `Learner.lr_find` does (window [num_it // 10 : -5], float32 tensors, numpy's gradient and interp)
// on fixed curves, into spec/fixtures/fastai-suggestions.json. rx-policy works in doubles, so
// the two agree to float32 rounding.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { suggestLrs, suggestMinimum, suggestSlide, suggestSteep, suggestValley, type Suggestion } from '../../lib/index.js';

interface Curve {
  readonly name: string;
  readonly numIt: number;
  readonly lrs: number[];
  readonly losses: number[];
  readonly suggestions: Record<'valley' | 'minimum' | 'steep' | 'slide', Suggestion | null>;
}
const fixture = JSON.parse(readFileSync(new URL('../fixtures/fastai-suggestions.json', import.meta.url), 'utf8')) as { curves: Curve[] };

const close = (a: number, e: number) => Math.abs(a - e) <= 1e-6 * Math.abs(e);

describe("fastai's suggestions on recorded curves", () => {
  for (const curve of fixture.curves) {
    it(curve.name, () => {
      const got = suggestLrs(curve.lrs, curve.losses, curve.numIt)!;
      for (const rule of ['valley', 'minimum', 'steep', 'slide'] as const) {
        const e = curve.suggestions[rule];
        const a = got[rule];
        if (e === null) {
          expect(a, rule).toBeNull();
          continue;
        }
        expect(a, rule).not.toBeNull();
        if (!close(a!.lr, e.lr) || !close(a!.point.lr, e.point.lr) || !close(a!.point.loss, e.point.loss)) {
          throw new Error(`${curve.name}: ${rule} is ${JSON.stringify(a)}, fastai gives ${JSON.stringify(e)}`);
        }
      }
    });
  }
});

describe('each rule by hand', () => {
  const lrs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

  it('valley: two thirds into the longest run of ever-lower losses', () => {
    // The longest run is 6, 5, 4, … 1 (indices 1..8, length 8); fastai records its start as
    // 8 − 8 = 0, so s = 8/3 and the index is 0 + int(8/3) + int(8/9) = 3.
    const v = suggestValley(lrs, [5, 6, 5, 4, 3, 2.5, 2, 1.5, 1, 9]);
    expect(v).toEqual({ lr: 4, point: { lr: 4, loss: 4 } });
  });

  it("minimum: a tenth of the rate at the lowest loss, marked at the minimum", () => {
    expect(suggestMinimum([1, 2, 3], [3, 1, 2])).toEqual({ lr: 0.2, point: { lr: 2, loss: 1 } });
    // The first of equal minima, as argmin.
    expect(suggestMinimum([1, 2, 3], [1, 3, 1]).point.lr).toBe(1);
  });

  it('steep: the left end of the steepest fall against log(lr)', () => {
    expect(suggestSteep([1, 10, 100, 1000], [4, 3.5, 1, 0.8])).toEqual({ lr: 10, point: { lr: 10, loss: 3.5 } });
  });

  it('slide: the gradient window walks left while its ends differ by more than thresh', () => {
    // A straight fall then flat: numpy.gradient is -1 on the fall, 0 on the flat (±0.5 at the bend).
    const n = 40;
    const x = Array.from({ length: n }, (_, i) => 10 ** (i / 10));
    const y = Array.from({ length: n }, (_, i) => (i < 20 ? 30 - i : 10));
    const s = suggestSlide(x, y);
    // Window ends: right at 39 (gradient 0), left at 24 (0): equal at once, so the first left edge.
    expect(s.lr).toBe(x[24]);
    // A rising end (gradient 1 from index 30, 0.5 at 29, 0 before): the window walks left while
    // its right end is on the rise; the last left edge visited is 14 (right end 29, at 0.5).
    const z = Array.from({ length: n }, (_, i) => (i < 30 ? 10 : 10 + (i - 29)));
    expect(suggestSlide(x, z).lr).toBe(x[14]);
  });

  it('bad curves: named errors', () => {
    expect(() => suggestSteep([1], [1])).toThrow('suggestSteep: needs at least 2 points, got 1');
    expect(() => suggestValley([1, 2], [1])).toThrow('suggestValley: lrs and losses must have equal lengths, got 2 and 1');
    expect(() => suggestMinimum([1, 2], [1, NaN])).toThrow('suggestMinimum: losses[1] must be a finite number, got NaN');
    expect(() => suggestValley(['1', 2] as never, [2, 1])).toThrow(new TypeError('suggestValley: lrs[0] must be a finite number > 0, got "1"'));
    // eslint-disable-next-line no-sparse-arrays
    expect(() => suggestMinimum([1, 2], [1, ,] as never)).toThrow(new TypeError('suggestMinimum: losses[1] must be a finite number, got undefined'));
    expect(() => suggestSlide(lrs, lrs)).toThrow('suggestSlide: needs at least 16 points, got 10');
  });

  it("suggestSlide's options: fastai's three, checked, none ignored", () => {
    const x = Array.from({ length: 40 }, (_, i) => 10 ** (i / 10));
    const y = x.map((_, i) => (i < 20 ? 30 - i : 10));
    expect(() => suggestSlide(x, y, { thresh: NaN })).toThrow(new RangeError('suggestSlide: thresh must be a finite number ≥ 0, got NaN'));
    expect(() => suggestSlide(x, y, { trhesh: 1 } as never)).toThrow(/^suggestSlide: unknown option "trhesh" \(did you mean "thresh"\?\)/);
    expect(() => suggestSlide(x, y, { lrDiff: 0 })).toThrow(new RangeError('suggestSlide: lrDiff must be a positive integer, got 0'));
    expect(() => suggestSlide(x, y, { adjustValue: Infinity })).toThrow(new RangeError('suggestSlide: adjustValue must be a finite number > 0, got Infinity'));
    expect(() => suggestSlide(x, y, { adjustValue: 1e307 })).toThrow(/^suggestSlide: the suggested rate × adjustValue would be Infinity/);
    expect(() => suggestSlide(x, y, { lrdiff: 5 } as never)).toThrow('suggestSlide: unknown option "lrdiff" (did you mean "lrDiff"?); accepted: lrDiff, thresh, adjustValue');
    expect(() => suggestSlide(x, y, null as never)).toThrow(new TypeError('suggestSlide: options must be an object, got null'));
    expect(() => suggestSlide(x, y, { adjustValue: -1 })).toThrow(new RangeError('suggestSlide: adjustValue must be a finite number > 0, got -1'));
    expect(() => suggestSlide(x, y, { adjustValue: Number.MAX_VALUE })).toThrow(/^suggestSlide: the suggested rate × adjustValue would be Infinity \(not a finite number\), got adjustValue 1.7976931348623157e\+308$/);
    expect(() => suggestLrs(x, y, Number.NaN)).toThrow(new RangeError('suggestLrs: steps must be a non-negative integer, got NaN'));
    expect(suggestSlide(x, y, { adjustValue: 2 }).lr).toBe(2 * suggestSlide(x, y).lr);
  });

  it('suggestLrs: null when the window is too short to suggest from', () => {
    expect(suggestLrs([1, 2, 3, 4, 5, 6], [1, 1, 1, 1, 1, 1], 100)).toBeNull();
  });
});
