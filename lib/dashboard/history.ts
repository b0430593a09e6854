/**
 * A series as the dashboard sends it: `columns` buckets of `width` steps each, bucket `c`
 * covering steps `[c·width, (c+1)·width)`, flattened as `[minStep, min, maxStep, max]` per bucket
 * (`null`s for a bucket that holds nothing). Drawn in step order, the minimum and maximum of every
 * bucket keep each peak and trough visible, however long the run.
 */
export interface Columns {
  readonly width: number;
  /** The first bucket in `data` (0 for a whole series, later for a patch). */
  readonly from: number;
  readonly data: readonly (number | null)[];
}

/** How many buckets a history keeps at most: two points each, enough for a wide screen. */
export const HISTORY_COLUMNS = 1024;

/**
 * The bounded history of one live series (a parameter's applied values, a metric): points pushed
 * in any step order land in buckets of `width` steps; when a step falls past the last bucket the
 * width doubles and neighbouring buckets merge, so memory stays at `capacity` buckets whatever
 * the run's length, and the extremes of every stretch survive the merge.
 */
export class History {
  /** Steps per bucket: `width` as constructed, then doubling as the run grows past its buckets. */
  width: number;
  /** Buckets in use: one past the highest bucket that holds a point. */
  used = 0;
  /** Points pushed (not kept: the buckets are what is kept). */
  count = 0;
  lastStep = Number.NaN;
  lastValue = Number.NaN;
  // Four numbers per bucket: minStep, min, maxStep, max; minStep NaN marks an empty bucket.
  #cells: Float64Array;
  // The lowest bucket changed since the last patch (Infinity: nothing changed).
  #dirtyFrom = Infinity;

  /**
   * @param capacity the most buckets kept.
   * @param width the first bucket width, a power of two: a run of known length starts at the
   *   width its whole length needs (`bucketWidth`), since the page draws it across that length,
   *   and finer buckets would only be sent to be merged later.
   */
  constructor(
    readonly capacity: number = HISTORY_COLUMNS,
    width = 1,
  ) {
    this.width = width;
    this.#cells = new Float64Array(capacity * 4).fill(Number.NaN);
  }

  /** Records `value` at `step` (a non-negative integer; the caller checks both). */
  push(step: number, value: number): void {
    this.count++;
    this.lastStep = step;
    this.lastValue = value;
    let c = this.width === 1 ? step : Math.floor(step / this.width);
    while (c >= this.capacity) {
      this.#coarsen();
      c = Math.floor(step / this.width);
    }
    const cells = this.#cells;
    const i = c * 4;
    const minStep = cells[i]!;
    if (minStep !== minStep) {
      cells[i] = step;
      cells[i + 1] = value;
      cells[i + 2] = step;
      cells[i + 3] = value;
    } else {
      if (value < cells[i + 1]!) {
        cells[i] = step;
        cells[i + 1] = value;
      }
      if (value > cells[i + 3]!) {
        cells[i + 2] = step;
        cells[i + 3] = value;
      }
    }
    if (c + 1 > this.used) this.used = c + 1;
    if (c < this.#dirtyFrom) this.#dirtyFrom = c;
  }

  /** Whether anything changed since the last `patch()`. */
  get dirty(): boolean {
    return this.#dirtyFrom !== Infinity;
  }

  /** Every bucket in use; does not touch what `patch` sends next. */
  columns(): Columns {
    return { width: this.width, from: 0, data: this.#slice(0) };
  }

  /** The buckets changed since the last patch (from the first changed one on), or undefined. */
  patch(): Columns | undefined {
    const from = this.#dirtyFrom;
    if (from === Infinity) return undefined;
    this.#dirtyFrom = Infinity;
    return { width: this.width, from, data: this.#slice(from) };
  }

  #slice(from: number): (number | null)[] {
    const cells = this.#cells;
    const out: (number | null)[] = new Array((this.used - from) * 4);
    for (let i = from * 4, j = 0; i < this.used * 4; i++, j++) {
      const v = cells[i]!;
      out[j] = v === v ? v : null;
    }
    return out;
  }

  // Halves the resolution: bucket c becomes the merge of buckets 2c and 2c+1.
  #coarsen(): void {
    const cells = this.#cells;
    const half = this.capacity >> 1;
    for (let c = 0; c < half; c++) {
      const a = 8 * c;
      const b = a + 4;
      const o = 4 * c;
      let minStep = cells[a]!;
      let min = cells[a + 1]!;
      let maxStep = cells[a + 2]!;
      let max = cells[a + 3]!;
      const bMinStep = cells[b]!;
      if (bMinStep === bMinStep) {
        if (minStep !== minStep || cells[b + 1]! < min) {
          minStep = bMinStep;
          min = cells[b + 1]!;
        }
        if (maxStep !== maxStep || cells[b + 3]! > max) {
          maxStep = cells[b + 2]!;
          max = cells[b + 3]!;
        }
      }
      cells[o] = minStep;
      cells[o + 1] = min;
      cells[o + 2] = maxStep;
      cells[o + 3] = max;
    }
    cells.fill(Number.NaN, half * 4);
    this.width *= 2;
    this.used = Math.ceil(this.used / 2);
    // The page merges its own copy the same way (coarsenColumns), so only the buckets that were
    // already changed need sending: those that hold them after the merge.
    if (this.#dirtyFrom !== Infinity) this.#dirtyFrom = Math.floor(this.#dirtyFrom / 2);
  }
}

/** The narrowest power-of-two bucket width that fits `length` steps into `columns` buckets. */
export function bucketWidth(length: number, columns: number = HISTORY_COLUMNS): number {
  let width = 1;
  while (Math.ceil(length / width) > columns) width *= 2;
  return width;
}

/**
 * Min/max buckets of every parameter of a whole planned schedule, in one pass over `valuesAt`
 * (one call per step, all parameters at once). Above `budget` steps, each bucket is sampled at
 * `budget / columns` evenly spread steps plus its first and last step, which keeps the pass
 * bounded for 10^7-step runs; below it every step is read.
 */
export function plannedColumns(
  length: number,
  params: readonly string[],
  valuesAt: (step: number) => Readonly<Record<string, number>>,
  columns: number = HISTORY_COLUMNS,
  budget = 1 << 21,
): Record<string, Columns> {
  const width = bucketWidth(length, columns);
  const used = Math.ceil(length / width);
  const cells = params.map(() => new Array<number | null>(used * 4).fill(null));
  const stride = length > budget ? Math.max(1, Math.floor((width * columns) / budget)) : 1;
  const visit = (c: number, step: number): void => {
    const values = valuesAt(step);
    for (let p = 0; p < params.length; p++) {
      const v = values[params[p]!];
      if (typeof v !== 'number' || !Number.isFinite(v)) continue;
      const out = cells[p]!;
      const i = c * 4;
      if (out[i] === null || v < (out[i + 1] as number)) {
        out[i] = step;
        out[i + 1] = v;
      }
      if (out[i + 2] === null || v > (out[i + 3] as number)) {
        out[i + 2] = step;
        out[i + 3] = v;
      }
    }
  };
  for (let c = 0; c < used; c++) {
    const first = c * width;
    const last = Math.min(length, first + width) - 1;
    for (let step = first; step <= last; step += stride) visit(c, step);
    if ((last - first) % stride !== 0) visit(c, last);
  }
  const out: Record<string, Columns> = {};
  params.forEach((name, p) => (out[name] = { width, from: 0, data: cells[p]! }));
  return out;
}

/**
 * Halves a bucket array's resolution in place, bucket `c` becoming the merge of `2c` and `2c+1`,
 * exactly as `History` does when its width doubles (the earlier extreme wins a tie).
 */
export function coarsenColumns(data: (number | null)[]): void {
  const buckets = Math.ceil(data.length / 4);
  const half = Math.ceil(buckets / 2);
  for (let c = 0; c < half; c++) {
    const a = 8 * c;
    const b = a + 4;
    let minStep = data[a] ?? null;
    let min = data[a + 1] ?? null;
    let maxStep = data[a + 2] ?? null;
    let max = data[a + 3] ?? null;
    const bMinStep = data[b] ?? null;
    if (bMinStep !== null) {
      if (minStep === null || (data[b + 1] as number) < (min as number)) {
        minStep = bMinStep;
        min = data[b + 1] as number;
      }
      if (maxStep === null || (data[b + 3] as number) > (max as number)) {
        maxStep = data[b + 2] as number;
        max = data[b + 3] as number;
      }
    }
    data[4 * c] = minStep;
    data[4 * c + 1] = min;
    data[4 * c + 2] = maxStep;
    data[4 * c + 3] = max;
  }
  data.length = half * 4;
}

/**
 * Applies a patch to the buckets a page keeps, in place: a patch from bucket 0 replaces them; a
 * wider one first merges them to its width; then the buckets from `patch.from` on are replaced.
 */
export function mergeColumns(current: { width: number; data: (number | null)[] }, patch: Columns): void {
  if (patch.from === 0 || patch.width < current.width) {
    current.width = patch.width;
    current.data = [...patch.data];
    return;
  }
  while (current.width < patch.width) {
    coarsenColumns(current.data);
    current.width *= 2;
  }
  const data = current.data;
  const start = patch.from * 4;
  while (data.length < start) data.push(null);
  data.length = start;
  for (const v of patch.data) data.push(v);
}

/** `mergeColumns` on a copy. */
export function applyColumns(current: Columns | undefined, patch: Columns): Columns {
  const next = { width: current?.width ?? patch.width, data: [...(current?.data ?? [])] };
  mergeColumns(next, patch);
  return { width: next.width, from: 0, data: next.data };
}

/** The points of a bucket array in step order: each bucket's min and max, the earlier first. */
export function columnPoints(cols: Columns): { steps: number[]; values: number[] } {
  const steps: number[] = [];
  const values: number[] = [];
  const d = cols.data;
  for (let i = 0; i + 3 < d.length; i += 4) {
    const minStep = d[i];
    if (minStep === null || minStep === undefined) continue;
    const min = d[i + 1] as number;
    const maxStep = d[i + 2] as number;
    const max = d[i + 3] as number;
    if (minStep === maxStep) {
      steps.push(minStep);
      values.push(min);
    } else if (minStep < maxStep) {
      steps.push(minStep, maxStep);
      values.push(min, max);
    } else {
      steps.push(maxStep, minStep);
      values.push(max, min);
    }
  }
  return { steps, values };
}
