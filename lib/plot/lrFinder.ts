// The LR range test's figure: smoothed loss against the rate on a log axis, fastai's
// suggestions marked; and its terminal chart.
import { show } from '../internal/validate.js';
import type { LrFinderResult } from '../lrFinder/lrFinder.js';
import { renderFigure } from './plot.js';
import { terminalChart } from './terminal.js';
import { lrFinderPlotOptions, lrFinderTerminalOptions, type LrFinderPlotOptions, type LrFinderTerminalOptions } from '../internal/plotOptions.js';

export type { LrFinderPlotOptions, LrFinderTerminalOptions } from '../internal/plotOptions.js';

function checked(fn: string, result: LrFinderResult, skipEnd: number): { lrs: readonly number[]; losses: readonly number[] } {
  if (typeof result !== 'object' || result === null || !Array.isArray(result.lrs) || !Array.isArray(result.losses)) {
    throw new TypeError(`${fn}: result must be what lrFinder returns ({ lrs, losses, suggestions }), got ${show(result)}`);
  }
  const n = result.lrs.length - skipEnd;
  if (n < 2) throw new RangeError(`${fn}: nothing to draw: ${result.lrs.length} points, ${skipEnd} skipped at the end (skipEnd)`);
  return { lrs: result.lrs.slice(0, n), losses: result.losses.slice(0, n) };
}

/**
 * Draws an LR range test as fastai's `plot_lr_find` does: the smoothed loss against the learning
 * rate on a log axis (the last `skipEnd` points left out), each of the four suggestions marked at
 * its point and named in the legend. Returns the SVG and writes it (or a PNG) when `out` is given.
 *
 * @param result what `lrFinder` returned.
 * @param options `out`, `title`, `width` (600) and `height` (300), pixels in [1, 10000], `skipEnd` (5).
 * @returns the SVG text.
 * @throws TypeError or RangeError for a result with too few points or a bad `out`, before anything is written.
 * @example
 * import * as tf from '@tensorflow/tfjs';
 * import { lrFinder } from 'rx-policy';
 * import { plotLrFinder } from 'rx-policy/plot';
 * const xs = tf.randomUniform([512, 1], -1, 1);
 * const ys = xs.mul(3).add(1);
 * const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1] })] });
 * model.compile({ optimizer: tf.train.sgd(0.01), loss: 'meanSquaredError' });
 * const svg = await plotLrFinder(await lrFinder(model, xs, ys), { out: 'lr-find.svg' });
 * svg.startsWith('<svg'); // → true
 */
export async function plotLrFinder(result: LrFinderResult, options: LrFinderPlotOptions = {}): Promise<string> {
  const fn = 'plotLrFinder';
  const o = lrFinderPlotOptions.read(options);
  const { lrs, losses } = checked(fn, result, o.skipEnd);
  const curve = lrs.map((lr, i) => ({ lr, loss: losses[i]! }));
  const marks = Object.entries(result.suggestions ?? {})
    .filter(([, s]) => s !== null)
    .map(([name, s]) => ({ name: `${name}: ${s!.lr.toPrecision(3)}`, lr: s!.point.lr, loss: s!.point.loss }));
  const x = { field: 'lr', type: 'quantitative', title: 'learning rate', scale: { type: 'log' }, axis: { format: '~e' } };
  const y = { field: 'loss', type: 'quantitative', title: 'loss (smoothed)', scale: { zero: false } };
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: o.title,
    background: 'white',
    width: o.width,
    height: o.height,
    layer: [
      { data: { values: curve }, mark: { type: 'line', strokeWidth: 1.5 }, encoding: { x, y } },
      {
        data: { values: marks },
        mark: { type: 'point', filled: true, size: 70 },
        encoding: { x, y, color: { field: 'name', type: 'nominal', title: 'suggestions', sort: null, legend: { orient: 'bottom', labelLimit: 0 } } },
      },
    ],
  };
  return renderFigure(spec, o.out);
}

/**
 * The LR range test as a text chart: one column per rate (resampled to `width` on the log axis
 * the rates already lie on), each column's lowest and highest loss, and the suggestions listed
 * underneath.
 *
 * @param result what `lrFinder` returned.
 * @param options `width` (72 columns, at most 1000), `height` (10 rows, 2 to 200), and `skipEnd` (5) as in `plotLrFinder`.
 * @returns the chart.
 * @throws TypeError or RangeError for a result with too few points.
 * @example
 * import * as tf from '@tensorflow/tfjs';
 * import { lrFinder } from 'rx-policy';
 * import { plotLrFinderTerminal } from 'rx-policy/plot';
 * const xs = tf.randomUniform([512, 1], -1, 1);
 * const ys = xs.mul(3).add(1);
 * const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1] })] });
 * model.compile({ optimizer: tf.train.sgd(0.01), loss: 'meanSquaredError' });
 * console.log(plotLrFinderTerminal(await lrFinder(model, xs, ys)));
 */
export function plotLrFinderTerminal(result: LrFinderResult, options: LrFinderTerminalOptions = {}): string {
  const fn = 'plotLrFinderTerminal';
  const o = lrFinderTerminalOptions.read(options);
  const { lrs, losses } = checked(fn, result, o.skipEnd);
  const width = Math.min(o.width, lrs.length);
  const columns = Array.from({ length: width }, (_, c) => {
    const from = Math.floor((c * lrs.length) / width);
    const to = Math.floor(((c + 1) * lrs.length) / width);
    const part = losses.slice(from, to);
    return { min: Math.min(...part), max: Math.max(...part) };
  });
  const lines = [terminalChart(columns, o.height), `${' '.repeat(10)}loss against lr, ${lrs[0]!.toPrecision(3)} … ${lrs.at(-1)!.toPrecision(3)} (log axis)`];
  for (const [name, s] of Object.entries(result.suggestions ?? {})) if (s !== null) lines.push(`${' '.repeat(10)}${name}: ${s.lr.toPrecision(3)}`);
  return lines.join('\n');
}
