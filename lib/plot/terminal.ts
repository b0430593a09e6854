import asciichart from 'asciichart';
import { show } from '../internal/validate.js';
import { Phase } from '../phase.js';
import type { OptimizerPolicy } from '../policy.js';
import { decimate } from './decimate.js';

/**
 * A compact text chart of one parameter, for a quick look in a shell: `width` columns (each the
 * maximum of its steps, so peaks show), `height` rows, with the value axis on the left.
 *
 * @example
 * import { OptimizerPolicy, oneCyclePhases } from 'rx-policy';
 * import { plotTerminal } from 'rx-policy/plot';
 * console.log(plotTerminal(new OptimizerPolicy(oneCyclePhases({ steps: 500 })), 'lr'));
 */
export function plotTerminal(source: Phase | OptimizerPolicy, param = 'lr', options: { readonly width?: number; readonly height?: number } = {}): string {
  const names = source instanceof Phase ? source.names : source.params;
  if (!names.includes(param)) throw new RangeError(`plotTerminal: no parameter ${show(param)}; it has: ${names.join(', ')}`);
  if (source.length === 0) throw new RangeError('plotTerminal: nothing to plot: 0 steps');
  const width = options.width ?? 72;
  const at = source instanceof Phase ? (i: number) => source._at(i) : (i: number) => source.allSteps()._at(i);
  const points = decimate((i) => (at(i) as Record<string, number>)[param] ?? NaN, source.length, width);
  // Two points a column from decimation: keep the larger, so every peak is drawn.
  const series: number[] = [];
  for (let c = 0, j = 0; c < Math.min(width, points.length); c++) {
    const from = Math.floor((c * points.length) / Math.min(width, points.length));
    const to = Math.floor(((c + 1) * points.length) / Math.min(width, points.length));
    let max = -Infinity;
    for (j = from; j < to; j++) max = Math.max(max, points[j]!.value);
    series.push(max);
  }
  const chart = asciichart.plot(series, { height: options.height ?? 10, format: (x: number) => x.toPrecision(3).padStart(9) });
  return `${chart}\n${' '.repeat(10)}${param} over ${source.length} steps`;
}
