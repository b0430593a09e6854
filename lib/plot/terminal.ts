import asciichart from 'asciichart';
import { checkInteger } from '../internal/options.js';
import { MAX_COLUMNS, terminalOptions, type TerminalOptions } from '../internal/plotOptions.js';
import { show } from '../internal/validate.js';
import { Phase } from '../phase.js';
import type { OptimizerPolicy } from '../policy.js';
import { columnExtents } from './decimate.js';
import { extentOf } from './extent.js';

export type { TerminalOptions } from '../internal/plotOptions.js';

const plotTerminalOptions = terminalOptions('plotTerminal', 10);
const overlayOptions = terminalOptions('plotTerminalOverlay', 12);

/**
 * Draws columns of `[min, max]` as text: two lines, the maxima and the minima, so peaks and
 * troughs both show (a column holding a restart reads its top and its bottom). The value axis on
 * the left spans the lowest minimum to the highest maximum.
 *
 * @param columns each column's lowest and highest value.
 * @param height rows.
 * @returns the chart, without a caption.
 * @example
 * import { terminalChart } from 'rx-policy/plot';
 * console.log(terminalChart([{ min: 0, max: 1 }, { min: 0.5, max: 0.5 }], 6));
 */
export function terminalChart(columns: readonly { readonly min: number; readonly max: number }[], height = 10): string {
  if (!Array.isArray(columns)) throw new TypeError(`terminalChart: columns must be an array of { min, max }, got ${show(columns)}`);
  if (columns.length === 0) throw new RangeError('terminalChart: nothing to draw: 0 columns');
  checkInteger('terminalChart', 'height', height, 2, 200);
  if (columns.length > MAX_COLUMNS) throw new RangeError(`terminalChart: columns must be at most ${MAX_COLUMNS}, got ${columns.length}`);
  columns.forEach((c, k) => {
    if (!Number.isFinite(c?.min) || !Number.isFinite(c?.max)) throw new RangeError(`terminalChart: columns[${k}] must have a finite min and max, got ${show(c)}`);
  });
  const max = columns.map((c) => c.max);
  const min = columns.map((c) => c.min);
  const same = min.every((v, k) => v === max[k]);
  return asciichart.plot(same ? [max] : [max, min], { height, format: (x: number) => x.toPrecision(3).padStart(9) });
}

/**
 * A compact text chart of one parameter, for a quick look in a shell: `width` columns, each
 * showing the minimum and the maximum of its steps (from the spaces' shapes, so a 10^9-step
 * schedule draws at once), `height` rows, the value axis on the left.
 *
 * @param source a phase or a policy.
 * @param param the parameter; default `'lr'`.
 * @param options `width` (72 columns, at most 1000), `height` (10 rows, 2 to 200).
 * @returns the chart and a caption line.
 * @throws RangeError for an unknown parameter or an empty schedule.
 * @example
 * import { OptimizerPolicy, oneCyclePhases } from 'rx-policy';
 * import { plotTerminal } from 'rx-policy/plot';
 * console.log(plotTerminal(new OptimizerPolicy(oneCyclePhases({ steps: 500 })), 'lr'));
 */
// `'lr'` is the default an untyped source shares with `plot`; a source without it says so at run time.
export function plotTerminal<S extends Phase | OptimizerPolicy>(source: S, param: S['params'][number] = 'lr', options: TerminalOptions = {}): string {
  const names = source instanceof Phase ? source.names : source.params;
  if (!names.includes(param)) throw new RangeError(`plotTerminal: no parameter ${show(param)}; it has: ${names.join(', ')}`);
  if (source.length === 0) throw new RangeError('plotTerminal: nothing to plot: 0 steps');
  const { width, height } = plotTerminalOptions.read(options);
  const chart = terminalChart(columnExtents(source, param, width), height);
  return `${chart}\n${' '.repeat(10)}${param} over ${source.length} steps (each column: its min and max)`;
}

const SYMBOLS = ['*', 'o', '+', 'x', '%', '@'];

/**
 * Several schedules of one parameter on one text chart, for comparing them in a shell: the same
 * step axis (the longest schedule's), each column spanning each schedule's min to max there, one
 * symbol per schedule, `#` where two overlap, and a legend.
 *
 * @param sources phases or policies (at most 6).
 * @param labels one name per source.
 * @param param the parameter; default `'lr'`.
 * @param options `width` (72 columns, at most 1000), `height` (12 rows, 2 to 200).
 * @returns the chart, the step range and the legend.
 * @throws RangeError for no sources, more than 6, mismatched labels, or a source without `param`.
 * @example
 * import { OptimizerPolicy, fastai, pytorch } from 'rx-policy';
 * import { plotTerminalOverlay } from 'rx-policy/plot';
 * const a = new OptimizerPolicy(pytorch.oneCycleLR({ maxLr: 1, totalSteps: 100 }));
 * const b = new OptimizerPolicy(fastai.fitOneCycle({ steps: 100, lrMax: 1 }));
 * console.log(plotTerminalOverlay([a, b], ['pytorch', 'fastai'], 'lr'));
 */
export function plotTerminalOverlay<S extends Phase | OptimizerPolicy>(sources: readonly S[], labels: readonly string[], param: S['params'][number] = 'lr', options: TerminalOptions = {}): string {
  const fn = 'plotTerminalOverlay';
  if (sources.length === 0 || sources.length > SYMBOLS.length) throw new RangeError(`${fn}: give 1 to ${SYMBOLS.length} sources, got ${sources.length}`);
  if (labels.length !== sources.length) throw new RangeError(`${fn}: give one label per source, got ${labels.length} labels for ${sources.length} sources`);
  sources.forEach((s, k) => {
    const names = s instanceof Phase ? s.names : s.params;
    if (!names.includes(param)) throw new RangeError(`${fn}: ${labels[k]} has no parameter ${show(param)}; it has: ${names.join(', ')}`);
  });
  const length = Math.max(...sources.map((s) => s.length));
  if (length === 0) throw new RangeError(`${fn}: nothing to plot: 0 steps`);
  const o = overlayOptions.read(options);
  const width = Math.min(o.width, length);
  const height = o.height;
  const extents = sources.map((s) =>
    Array.from({ length: width }, (_, c) => {
      const from = Math.floor((c * length) / width);
      const to = Math.min(s.length, Math.floor(((c + 1) * length) / width));
      return to > from ? extentOf(s, param, from, to) : undefined;
    }),
  );
  const all = extents.flat().filter((e) => e !== undefined);
  const lo = Math.min(...all.map((e) => e.min));
  const hi = Math.max(...all.map((e) => e.max));
  const span = hi - lo || 1;
  const row = (v: number) => Math.round(((hi - v) / span) * (height - 1));
  const grid = Array.from({ length: height }, () => new Array<string>(width).fill(' '));
  extents.forEach((columns, k) => {
    columns.forEach((e, c) => {
      if (e === undefined) return;
      for (let r = row(e.max); r <= row(e.min); r++) grid[r]![c] = grid[r]![c] === ' ' || grid[r]![c] === SYMBOLS[k] ? SYMBOLS[k]! : '#';
    });
  });
  const lines = grid.map((cells, r) => `${(hi - (r * span) / (height - 1)).toPrecision(3).padStart(9)} ┤${cells.join('')}`);
  lines.push(`${' '.repeat(10)}${param} over steps 0 … ${length - 1}`);
  lines.push(`${' '.repeat(10)}${labels.map((l, k) => `${SYMBOLS[k]} ${l}`).join('   ')}${sources.length > 1 ? '   # overlap' : ''}`);
  return lines.join('\n');
}
