import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyColumns, bucketWidth, columnPoints, History, plannedColumns } from '../../lib/dashboard/history.js';

const plusZero = (x: number | null | undefined) => (x === 0 ? 0 : x);

describe('History', () => {
  it('keeps every point while the run fits in its buckets', () => {
    const h = new History(8);
    [3, 1, 4, 1, 5].forEach((v, step) => h.push(step, v));
    expect(h.width).toBe(1);
    expect(columnPoints(h.columns())).toEqual({ steps: [0, 1, 2, 3, 4], values: [3, 1, 4, 1, 5] });
  });

  it('a 10^7-step run keeps a bounded history whose buckets hold each stretch’s min and max', () => {
    const h = new History(1024);
    const n = 10_000_000;
    for (let step = 0; step < n; step++) {
      // A slow wave, with one spike and one dip that a skipping decimation would lose.
      const v = step === 6_543_210 ? 50 : step === 1_234_567 ? -50 : Math.sin(step / 1e6);
      h.push(step, v);
    }
    expect(h.count).toBe(n);
    expect(h.used).toBeLessThanOrEqual(1024);
    expect(h.width).toBe(16_384); // the first power of two with 1024 buckets covering 10^7 steps
    const { steps, values } = columnPoints(h.columns());
    expect(steps.length).toBeLessThanOrEqual(2048);
    expect(Math.max(...values)).toBe(50);
    expect(Math.min(...values)).toBe(-50);
    expect(steps[values.indexOf(50)]).toBe(6_543_210);
    expect(steps[values.indexOf(-50)]).toBe(1_234_567);
    // Steps stay in order, so the line is drawn left to right.
    for (let i = 1; i < steps.length; i++) expect(steps[i]!).toBeGreaterThan(steps[i - 1]!);
  }, 60_000);

  it('every bucket holds the true min and max of its steps, in any push order, from any first width (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(5000), fc.double({ min: -1e3, max: 1e3, noNaN: true })), { minLength: 1, maxLength: 400 }), fc.constantFrom(1, 2, 8, 64), (points, width) => {
        const h = new History(16, width);
        expect(h.width).toBeGreaterThanOrEqual(width);
        for (const [s, v] of points) h.push(s, v);
        const cols = h.columns();
        for (let c = 0; c < h.used; c++) {
          const inBucket = points.filter(([s]) => Math.floor(s / cols.width) === c).map(([, v]) => v);
          const cell = cols.data.slice(4 * c, 4 * c + 4);
          if (inBucket.length === 0) expect(cell).toEqual([null, null, null, null]);
          else {
            // −0 and 0 are one point on a chart: which of them a bucket keeps is not asserted.
            expect(plusZero(cell[1])).toBe(plusZero(Math.min(...inBucket)));
            expect(plusZero(cell[3])).toBe(plusZero(Math.max(...inBucket)));
          }
        }
        expect(h.used).toBeLessThanOrEqual(16);
      }),
    );
  });

  it('patches rebuild on the page exactly what the history holds', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { maxLength: 60 }), { maxLength: 12 }), (batches) => {
        const h = new History(16);
        let page = undefined as ReturnType<History['columns']> | undefined;
        let step = 0;
        for (const batch of batches) {
          for (const v of batch) h.push(step++, v);
          const patch = h.patch();
          if (patch) page = applyColumns(page, patch);
        }
        expect(h.patch()).toBeUndefined();
        if (h.used > 0) expect(page).toEqual(h.columns());
      }),
    );
  });
});

describe('bucketWidth', () => {
  it('is the narrowest power of two that fits the steps in the buckets', () => {
    expect([1, 1024, 1025, 100_000, 10_000_000].map((n) => bucketWidth(n, 1024))).toEqual([1, 1, 2, 128, 16_384]);
  });
});

describe('plannedColumns', () => {
  it('gives each parameter’s min and max per bucket over the whole schedule', () => {
    const cols = plannedColumns(10, ['a', 'b'], (k) => ({ a: k, b: 1 - k }), 4);
    expect(cols['a']!.width).toBe(4);
    expect(columnPoints(cols['a']!)).toEqual({ steps: [0, 3, 4, 7, 8, 9], values: [0, 3, 4, 7, 8, 9] });
    expect(columnPoints(cols['b']!).values).toEqual([1, -2, -3, -6, -7, -8]);
  });

  it('above its budget, samples each bucket but keeps its last step', () => {
    const calls: number[] = [];
    const cols = plannedColumns(1_000_000, ['lr'], (k) => (calls.push(k), { lr: k === 999_999 ? 9 : 0 }), 100, 10_000);
    expect(calls.length).toBeLessThan(12_000);
    expect(Math.max(...columnPoints(cols['lr']!).values)).toBe(9);
  });
});
