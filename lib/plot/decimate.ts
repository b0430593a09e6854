/** One plotted point. */
export interface Point {
  readonly step: number;
  readonly value: number;
}

/**
 * Reduces `length` values to at most two a pixel column, keeping each column's minimum and maximum
 * in step order: every restart, peak and trough stays visible, where skipping points would lose
 * them. Values are read with `valueAt`, so nothing of the schedule is materialised but the result.
 *
 * @param valueAt The value at step `i`, for `i` in [0, length).
 * @param length The number of steps.
 * @param columns The pixel columns of the chart.
 * @returns Every point when `length ≤ 2·columns`, else each column's minimum and maximum, in step order.
 * @example
 * import { decimate } from 'rx-policy/plot';
 * decimate((i) => Math.sin(i), 1_000_000, 600).length; // → 1200
 * decimate((i) => i, 10, 2); // → [{ step: 0, value: 0 }, { step: 4, value: 4 }, { step: 5, value: 5 }, { step: 9, value: 9 }]
 */
export function decimate(valueAt: (i: number) => number, length: number, columns: number): Point[] {
  const out: Point[] = [];
  if (length <= 2 * columns) {
    for (let i = 0; i < length; i++) out.push({ step: i, value: valueAt(i) });
    return out;
  }
  for (let c = 0; c < columns; c++) {
    const from = Math.floor((c * length) / columns);
    const to = Math.floor(((c + 1) * length) / columns);
    let minI = from;
    let maxI = from;
    let min = Infinity;
    let max = -Infinity;
    for (let i = from; i < to; i++) {
      const v = valueAt(i);
      if (v < min) {
        min = v;
        minI = i;
      }
      if (v > max) {
        max = v;
        maxI = i;
      }
    }
    if (minI === maxI) out.push({ step: minI, value: min });
    else if (minI < maxI) out.push({ step: minI, value: min }, { step: maxI, value: max });
    else out.push({ step: maxI, value: max }, { step: minI, value: min });
  }
  return out;
}
