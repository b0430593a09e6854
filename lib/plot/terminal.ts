import asciichart from 'asciichart';
import { show } from '../internal/validate.js';
import { Phase } from '../phase.js';
import type { OptimizerPolicy } from '../policy.js';
import { columnExtents } from './decimate.js';

/** Options of the terminal charts. */
export interface TerminalOptions {
  /** Columns of the chart; default 72. */
  readonly width?: number;
  /** Rows of the chart; default 10. */
  readonly height?: number;
}

/**
 * Draws columns of `[min, max]` as text: two lines, the maxima and the minima, so peaks and
 * troughs both show (a column holding a restart reads its top and its bottom). The value axis on
 * the left spans the lowest minimum to the highest maximum.
 *
 * @param columns each column's lowest and highest value.
 * @param height rows.
 * @returns the chart, without a caption.
 * @example terminalChart([{ min: 0, max: 1 }, { min: 0.5, max: 0.5 }], 6);
 */
export function terminalChart(columns: readonly { readonly min: number; readonly max: number }[], height = 10): string {
  if (columns.length === 0) throw new RangeError('terminalChart: nothing to draw: 0 columns');
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
 * @param options `width` (72), `height` (10).
 * @returns the chart and a caption line.
 * @throws RangeError for an unknown parameter or an empty schedule.
 * @example
 * import { OptimizerPolicy, oneCyclePhases } from 'rx-policy';
 * import { plotTerminal } from 'rx-policy/plot';
 * console.log(plotTerminal(new OptimizerPolicy(oneCyclePhases({ steps: 500 })), 'lr'));
 */
export function plotTerminal(source: Phase | OptimizerPolicy, param = 'lr', options: TerminalOptions = {}): string {
  const names = source instanceof Phase ? source.names : source.params;
  if (!names.includes(param)) throw new RangeError(`plotTerminal: no parameter ${show(param)}; it has: ${names.join(', ')}`);
  if (source.length === 0) throw new RangeError('plotTerminal: nothing to plot: 0 steps');
  const width = options.width ?? 72;
  if (!Number.isSafeInteger(width) || width < 1) throw new RangeError(`plotTerminal: width must be a positive integer, got ${show(width)}`);
  const chart = terminalChart(columnExtents(source, param, width), options.height ?? 10);
  return `${chart}\n${' '.repeat(10)}${param} over ${source.length} steps (each column: its min and max)`;
}
