// Plots of phases and policies, rendered without a browser (vega-lite → vega → SVG; PNG with
// resvg). Loaded only when a plot is made: importing rx-policy never loads a charting package.
import { randomBytes } from 'node:crypto';
import { rename, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { show } from '../internal/validate.js';
import { Phase } from '../phase.js';
import { OptimizerPolicy } from '../policy.js';
import { decimateParam, type Point } from './decimate.js';

/** What can be plotted: a phase, a policy, or several of them on one axes. */
export type Plottable = Phase | OptimizerPolicy;

/** Options of `plot`. */
export interface PlotOptions {
  /** The parameter(s) to draw; several make side-by-side panels (the seed's `plt.subplots(1, 2)`). Default `'lr'`. */
  readonly param?: string | readonly string[];
  /** Series names for several sources on one axes (default: each first space's `toString()`). */
  readonly labels?: readonly string[];
  readonly title?: string;
  /** Pixels of one panel. Default 600 × 300. */
  readonly width?: number;
  readonly height?: number;
  /** Write the figure here (`.svg` or `.png`), atomically: no partial file is left on failure. */
  readonly out?: string;
}

/** @internal Loads an optional charting package, or says which one to install. */
export async function load<T>(name: string, loader: () => Promise<T>): Promise<T> {
  try {
    return await loader();
  } catch (err) {
    throw new Error(`rx-policy plotting needs the optional package ${name}: npm install ${name}`, { cause: err });
  }
}

function paramsOf(source: Plottable): readonly string[] {
  return source instanceof Phase ? source.names : source.params;
}

function seriesOf(source: Plottable, param: string, columns: number): Point[] {
  if (source.length === 0) throw new RangeError(`plot: nothing to plot: the ${source instanceof Phase ? 'phase' : 'policy'} has 0 steps`);
  // Each column's min and max from the spaces' shapes: the cost does not grow with the length.
  const points = decimateParam(source, param, columns);
  for (const p of points) {
    if (!Number.isFinite(p.value)) throw new RangeError(`plot: ${param} at step ${p.step} is ${p.value}; only finite values can be plotted`);
  }
  return points;
}

/**
 * Draws one parameter (or several, side by side) of phases and policies as an SVG string, with
 * axes, ticks, labels (`steps`, the parameter), a legend when several sources share the axes, and a
 * title; writes it (SVG or PNG) when `out` is given. Long schedules are decimated per pixel column.
 *
 * @example
 * import { plot, Phase, linspace, cosinespace } from 'rx-policy';
 * await plot([new Phase({ lr: linspace(0.7, 0.7, 100) }), new Phase({ lr: linspace(0, 1, 100) }), new Phase({ lr: cosinespace(1, 0, 100) })], { out: 'phases.svg' });
 */
export async function plot(sources: Plottable | readonly Plottable[], options: PlotOptions = {}): Promise<string> {
  const list = Array.isArray(sources) ? (sources as readonly Plottable[]) : [sources as Plottable];
  if (list.length === 0) throw new RangeError('plot: give at least one phase or policy, got []');
  list.forEach((s, i) => {
    if (!(s instanceof Phase) && !(s instanceof OptimizerPolicy)) throw new TypeError(`plot: sources[${i}] must be a Phase or an OptimizerPolicy, got ${show(s)}`);
  });
  const params = typeof options.param === 'string' ? [options.param] : (options.param ?? ['lr']);
  if (params.length === 0) throw new RangeError('plot: param must name at least one parameter');
  for (const param of params) {
    if (!list.some((s) => paramsOf(s).includes(param))) {
      throw new RangeError(`plot: no parameter ${show(param)}; the ${list.length > 1 ? 'sources have' : list[0] instanceof Phase ? 'phase has' : 'policy has'}: ${[...new Set(list.flatMap(paramsOf))].join(', ')}`);
    }
  }
  const width = options.width ?? 600;
  const height = options.height ?? 300;
  const labels = options.labels ?? list.map((s, i) => (s instanceof Phase ? String(s.spaces[s.names[0]!]) : `policy ${i + 1}`));
  const panels = params.map((param) => {
    const values = list.flatMap((s, i) => (paramsOf(s).includes(param) ? seriesOf(s, param, width).map((p) => ({ ...p, series: labels[i] ?? `series ${i + 1}` })) : []));
    const color = list.length > 1 ? { color: { field: 'series', type: 'nominal', title: null, sort: null, legend: { orient: 'bottom', labelLimit: 0 } } } : {};
    return {
      width,
      height,
      ...(params.length > 1 && { title: param }),
      data: { values },
      mark: { type: 'line', strokeWidth: 1.5 },
      encoding: {
        x: { field: 'step', type: 'quantitative', title: 'steps' },
        y: { field: 'value', type: 'quantitative', title: param, scale: { zero: false } },
        ...color,
      },
    };
  });
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: options.title ?? (params.length === 1 ? params[0] : params.join(', ')),
    background: 'white',
    ...(panels.length === 1 ? panels[0] : { hconcat: panels }),
  };
  const vl = await load('vega-lite', () => import('vega-lite'));
  const vega = await load('vega', () => import('vega'));
  const view = new vega.View(vega.parse(vl.compile(spec as never).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  if (options.out !== undefined) await writeFigure(options.out, svg);
  return svg;
}

/** @internal Writes an SVG or PNG (by extension) through a temporary file and a rename. */
export async function writeFigure(out: string, svg: string): Promise<void> {
  const png = out.toLowerCase().endsWith('.png');
  if (!png && !out.toLowerCase().endsWith('.svg')) throw new RangeError(`plot: out must end in .svg or .png, got ${show(out)}`);
  let data: string | Uint8Array = svg;
  if (png) {
    const { Resvg } = await load('@resvg/resvg-js', () => import('@resvg/resvg-js'));
    data = new Resvg(svg, { background: 'white', font: { loadSystemFonts: true } }).render().asPng();
  }
  const tmp = join(dirname(out), `.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, data);
    await rename(tmp, out);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw new Error(`plot: cannot write ${out}: ${(err as Error).message}`, { cause: err });
  }
}
