import { Phase } from '../phase.js';
import type { OptimizerPolicy } from '../policy.js';
import { mustBe, show } from '../internal/validate.js';
import { checkParam, extentOf, scanExtent, type Extent } from './extent.js';

/** The most steps `decimate` reads (it reads every one): a few seconds at most. */
export const MAX_READ = 10_000_000;

/** One plotted point. */
export interface Point {
  /** The step, 0-based: the x coordinate. */
  readonly step: number;
  /** The parameter's value at that step: the y coordinate. */
  readonly value: number;
}

/** One pixel column: steps `[from, to)` and the parameter's extent over them. */
export interface Column extends Extent {
  /** The column's first step. */
  readonly from: number;
  /** The step after the column's last (exclusive end). */
  readonly to: number;
}

/** The steps of column `c` of `columns` over `length` steps: `[floor(c·length/columns), floor((c+1)·length/columns))`. */
const bounds = (c: number, length: number, columns: number): [number, number] => [Math.floor((c * length) / columns), Math.floor(((c + 1) * length) / columns)];

/** A column's extent as at most two points, in step order (one when min and max are at one step). */
function pointsOf(e: Extent, out: Point[]): void {
  if (e.minAt === e.maxAt) out.push({ step: e.minAt, value: e.min });
  else if (e.minAt < e.maxAt) out.push({ step: e.minAt, value: e.min }, { step: e.maxAt, value: e.max });
  else out.push({ step: e.maxAt, value: e.max }, { step: e.minAt, value: e.min });
}

/**
 * Reduces `length` values to at most two a pixel column, keeping each column's minimum and maximum
 * in step order, by reading every step with `valueAt`: the reference decimation, O(length).
 * Plots use `decimateParam`, which gives the same columns from each space's shape.
 *
 * @param valueAt The value at step `i`, for `i` in [0, length).
 * @param length The number of steps.
 * @param columns The pixel columns of the chart.
 * @returns Every point when `length ≤ 2·columns`, else each column's minimum and maximum, in step order.
 * @throws TypeError or RangeError for a `valueAt` that is not a function, a `length` that is not an
 *   integer in [0, 10^7] (every step is read), or `columns` that is not a positive integer.
 * @example
 * import { decimate } from 'rx-policy/plot';
 * decimate((i) => Math.sin(i), 1_000_000, 600).length; // → 1200
 * decimate((i) => i, 10, 2); // → [{ step: 0, value: 0 }, { step: 4, value: 4 }, { step: 5, value: 5 }, { step: 9, value: 9 }]
 */
export function decimate(valueAt: (i: number) => number, length: number, columns: number): Point[] {
  if (typeof valueAt !== 'function') throw new TypeError(`decimate: valueAt must be a function (i) => number, got ${show(valueAt)}`);
  if (!Number.isSafeInteger(length) || length < 0 || length > MAX_READ) mustBe('decimate', 'length', `an integer in [0, ${MAX_READ}] (every step is read)`, length);
  if (!Number.isSafeInteger(columns) || columns < 1) mustBe('decimate', 'columns', 'a positive integer', columns);
  const out: Point[] = [];
  if (length <= 2 * columns) {
    for (let i = 0; i < length; i++) out.push({ step: i, value: valueAt(i) });
    return out;
  }
  for (let c = 0; c < columns; c++) {
    const [from, to] = bounds(c, length, columns);
    pointsOf(scanExtent(valueAt, from, to), out);
  }
  return out;
}

/**
 * Each pixel column's exact minimum and maximum of one parameter, from the spaces' shapes
 * (`paramExtent`): O(columns × log phases) for the built-in spaces, whatever the length, so a
 * 10^9-step schedule decimates as fast as a 10^3-step one. Columns where no phase has the
 * parameter are left out.
 *
 * @param source a phase or a policy.
 * @param param the parameter, one of the source's (typed: another is a compile error).
 * @param columns pixel columns (at most `length` columns are made).
 * @returns the columns, in step order.
 * @throws RangeError for a name the source does not have, or `columns` that is not an integer in [1, 10^7].
 * @example
 * import { OptimizerPolicy, oneCyclePhases } from 'rx-policy';
 * import { columnExtents } from 'rx-policy/plot';
 * const policy = new OptimizerPolicy(oneCyclePhases({ steps: 500 }));
 * columnExtents(policy, 'lr', 4).map((c) => c.max); // → [0.598214285714, 1, 0.899553571429, 0.397321428571]
 */
export function columnExtents<S extends Phase | OptimizerPolicy>(source: S, param: S['params'][number], columns: number): Column[] {
  checkParam('columnExtents', source, param);
  checkColumns('columnExtents', columns);
  return extentsOf(source, param, columns);
}

/** NaN, 0 or a fraction of a column would give an empty or silently rounded chart; more than `MAX_READ` columns, a run that never ends. */
function checkColumns(fn: string, columns: number): void {
  if (!Number.isSafeInteger(columns) || columns < 1 || columns > MAX_READ) mustBe(fn, 'columns', `an integer in [1, ${MAX_READ}]`, columns);
}

function extentsOf(source: Phase | OptimizerPolicy, param: string, columns: number): Column[] {
  const length = source.length;
  const n = Math.min(columns, length);
  const out: Column[] = [];
  for (let c = 0; c < n; c++) {
    const [from, to] = bounds(c, length, n);
    const e = extentOf(source, param, from, to);
    if (e !== undefined) out.push({ from, to, ...e });
  }
  return out;
}

/**
 * The points `decimate` gives for one parameter (each column's minimum and maximum, in step
 * order; every step when there are at most two a column), computed from the spaces' shapes.
 *
 * @param source a phase or a policy.
 * @param param the parameter, one of the source's (typed: another is a compile error).
 * @param columns pixel columns.
 * @returns the points, in step order; steps where no phase has the parameter are left out.
 * @throws RangeError for a name the source does not have, or `columns` that is not an integer in [1, 10^7].
 * @example
 * import { OptimizerPolicy, pytorch } from 'rx-policy';
 * import { decimateParam } from 'rx-policy/plot';
 * const policy = new OptimizerPolicy(pytorch.cosineAnnealingWarmRestarts({ baseLr: 1, t0: 1000, tMult: 2, steps: 1e9 }));
 * decimateParam(policy, 'lr', 600).length; // → 1200
 */
export function decimateParam<S extends Phase | OptimizerPolicy>(source: S, param: S['params'][number], columns: number): Point[] {
  checkParam('decimateParam', source, param);
  checkColumns('decimateParam', columns);
  const length = source.length;
  const out: Point[] = [];
  if (length <= 2 * columns) {
    const at = source instanceof Phase ? (i: number) => source._at(i) : (i: number) => source._at(i);
    for (let i = 0; i < length; i++) {
      const v = (at(i) as Record<string, number>)[param];
      if (v !== undefined) out.push({ step: i, value: v });
    }
    return out;
  }
  for (const column of extentsOf(source, param, columns)) pointsOf(column, out);
  return out;
}
