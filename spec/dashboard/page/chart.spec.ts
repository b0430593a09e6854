import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinSeries } from '../../../lib/dashboard/page/chart.js';

describe('joinSeries', () => {
  it('puts series on the union of their steps, null where one has no point', () => {
    expect(joinSeries([{ steps: [0, 2, 4], values: [1, 2, 3] }, { steps: [1, 2], values: [9, 8] }])).toEqual([
      [0, 1, 2, 4],
      [1, null, 2, 3],
      [null, 9, 8, null],
    ]);
  });

  it('keeps every point of every series, in step order (property)', () => {
    const series = fc.uniqueArray(fc.nat(200), { maxLength: 30 }).map((steps) => {
      const sorted = [...steps].sort((a, b) => a - b);
      return { steps: sorted, values: sorted.map((s) => s * 0.5) };
    });
    fc.assert(
      fc.property(fc.array(series, { minLength: 1, maxLength: 4 }), (all) => {
        const [xs, ...ys] = joinSeries(all) as [number[], ...(number | null)[][]];
        for (let i = 1; i < xs.length; i++) expect(xs[i]!).toBeGreaterThan(xs[i - 1]!);
        all.forEach((s, k) => {
          const kept = xs.flatMap((x, i) => (ys[k]![i] === null ? [] : [[x, ys[k]![i]]]));
          expect(kept).toEqual(s.steps.map((x, i) => [x, s.values[i]]));
        });
      }),
    );
  });
});
