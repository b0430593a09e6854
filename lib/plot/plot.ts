// Plots of phases and policies, rendered without a browser (vega-lite → vega → SVG; PNG with
// resvg). Loaded only when a plot is made: importing rx-policy never loads a charting package.
import { registerPlotter, type PlotOptions, type Schedule } from '../internal/plotHook.js';
import { plotOptions } from '../internal/plotOptions.js';
import { show } from '../internal/validate.js';
import { Phase } from '../phase.js';
import { OptimizerPolicy } from '../policy.js';
import { decimate, decimateParam, MAX_READ, type Point } from './decimate.js';

export type { PlotOptions, Schedule } from '../internal/plotHook.js';

/** What can be plotted: a phase, a policy, or any schedule with a `length` and `at(step)`. */
export type Plottable = Schedule;

/** The keys of each member of a union of dicts (the union of their keys, not only the common ones). */
type KeysOf<V> = V extends unknown ? keyof V & string : never;

/** The parameter names of a schedule, from the values its `at(step)` returns (every phase's, for a policy of mixed phases). */
export type ParamOf<S extends Plottable> = KeysOf<ReturnType<S['at']>>;

/** `plot`'s options for sources `S`: `param` is typed by their parameter names, so a misspelt one is a compile error. */
export type PlotOptionsFor<S extends Plottable> = Omit<PlotOptions, 'param'> & {
  /** The parameter(s) to draw, among the sources' names; several make side-by-side panels. Default `'lr'`. */
  readonly param?: ParamOf<S> | readonly ParamOf<S>[];
};

/** @internal Loads an optional charting package, or says which one to install. */
export async function load<T>(name: string, loader: () => Promise<T>): Promise<T> {
  try {
    return await loader();
  } catch (err) {
    throw new Error(`rx-policy plotting needs the optional package ${name}: npm install ${name}`, { cause: err });
  }
}

function paramsOf(source: Plottable): readonly string[] {
  return source.params ?? (source.length > 0 ? Object.keys(source.at(0)) : []);
}

function isSchedule(value: unknown): value is Plottable {
  return typeof value === 'object' && value !== null && typeof (value as Plottable).length === 'number' && typeof (value as Plottable).at === 'function';
}

/** A phase, by its public shape: its spaces, named. */
function firstSpace(source: Plottable): string | undefined {
  const { names, spaces } = source as { names?: readonly string[]; spaces?: Readonly<Record<string, unknown>> };
  return names !== undefined && spaces !== undefined ? String(spaces[names[0]!]) : undefined;
}

/** How an error names a source: a phase is what has spaces. */
const kind = (source: Plottable): string => (firstSpace(source) !== undefined ? 'phase' : 'policy');

function seriesOf(source: Plottable, param: string, columns: number): Point[] {
  const length = source.length;
  if (length === 0) throw new RangeError(`plot: nothing to plot: the ${kind(source)} has 0 steps`);
  if (source instanceof Phase || source instanceof OptimizerPolicy) {
    // Each column's min and max from the spaces' shapes: the cost does not grow with the length.
    const points = decimateParam(source, param, columns);
    for (const p of points) {
      if (!Number.isFinite(p.value)) throw new RangeError(`plot: ${param} at step ${p.step} is ${p.value}; only finite values can be plotted`);
    }
    return points;
  }
  // Any other schedule is known only by its at(): read step by step.
  if (!Number.isSafeInteger(length) || length < 0) throw new RangeError(`plot: a schedule's length must be a non-negative integer, got ${show(length)}`);
  if (length > MAX_READ) throw new RangeError(`plot: a schedule known only by at() is read step by step, so it may have at most ${MAX_READ} steps, got ${length}; plot a Phase or an OptimizerPolicy (drawn from their shapes at any length)`);
  return decimate(
    (i) => {
      const v = source.at(i)[param];
      if (v !== undefined && !Number.isFinite(v)) throw new RangeError(`plot: ${param} at step ${i} is ${v}; only finite values can be plotted`);
      return v ?? NaN;
    },
    length,
    columns,
  ).filter((p) => !Number.isNaN(p.value));
}

/**
 * Draws one parameter (or several, side by side) of phases and policies as an SVG string, with
 * axes, ticks, labels (`steps`, the parameter), a legend when several sources share the axes, and a
 * title; writes it (SVG or PNG) when `out` is given. Long schedules are decimated per pixel column.
 *
 * @param sources A phase or policy (or any schedule `{ length, at(step) }`), or several to overlay.
 * @param options `param` (default `'lr'`, or several for side-by-side panels), `labels`, `title`, `width` (600) and
 *   `height` (300), pixels in [1, 10000], `out` (`.svg` or `.png`).
 * @returns The SVG text.
 * @throws RangeError for no sources, an empty schedule, a parameter no source has, a non-finite value or a bad `out`; TypeError for a source that is not a schedule; Error naming the optional package to install when one is missing.
 * @example
 * import { Phase, linspace, cosinespace } from 'rx-policy';
 * import { plot } from 'rx-policy/plot';
 * await plot([new Phase({ lr: linspace(0.7, 0.7, 100) }), new Phase({ lr: linspace(0, 1, 100) }), new Phase({ lr: cosinespace(1, 0, 100) })], { out: 'phases.svg' });
 */
export function plot<S extends Plottable>(sources: readonly S[], options?: NoInfer<PlotOptionsFor<S>>): Promise<string>;
export function plot<S extends Plottable>(source: S, options?: NoInfer<PlotOptionsFor<S>>): Promise<string>;
// Two signatures: a `{ length, at }` schedule looks like an array to the type checker (arrays have
// `at` too), so one signature taking `S | readonly S[]` would lose the schedule's own type.
export async function plot(sources: Plottable | readonly Plottable[], options: PlotOptions = {}): Promise<string> {
  const o = plotOptions.read(options);
  const list = Array.isArray(sources) ? (sources as readonly Plottable[]) : [sources as Plottable];
  if (list.length === 0) throw new RangeError('plot: give at least one phase or policy, got []');
  list.forEach((s, i) => {
    if (!isSchedule(s)) throw new TypeError(`plot: sources[${i}] must be a phase, a policy or a schedule { length, at(step) }, got ${show(s)}`);
  });
  const params = typeof o.param === 'string' ? [o.param] : o.param;
  for (const param of params) {
    if (!list.some((s) => paramsOf(s).includes(param))) {
      throw new RangeError(`plot: no parameter ${show(param)}; the ${list.length > 1 ? 'sources have' : `${kind(list[0]!)} has`}: ${[...new Set(list.flatMap(paramsOf))].join(', ')}`);
    }
  }
  const { width, height } = o;
  const labels = o.labels ?? list.map((s, i) => firstSpace(s) ?? `policy ${i + 1}`);
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
    title: o.title ?? (params.length === 1 ? params[0] : params.join(', ')),
    background: 'white',
    ...(panels.length === 1 ? panels[0] : { hconcat: panels }),
  };
  return renderFigure(spec, o.out);
}

/**
 * Renders a vega-lite spec to SVG with no browser, and writes it to `out` (`.svg` or `.png`) when given.
 * @internal
 */
export async function renderFigure(spec: object, out: string | undefined): Promise<string> {
  const vl = await load('vega-lite', () => import('vega-lite'));
  const vega = await load('vega', () => import('vega'));
  const view = new vega.View(vega.parse(vl.compile(spec as never).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  if (out !== undefined) await writeFigure(out, svg);
  return svg;
}

/**
 * A Node built-in, reached only to write a file: no `node:` import is written in this module, so
 * that an app bundled for the browser can draw to a string (with `@resvg/resvg-js`, the PNG
 * renderer, a native Node package, marked external).
 */
async function nodeModule<T>(name: string): Promise<T> {
  const builtin = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule;
  if (builtin !== undefined) return builtin(name) as T;
  if (typeof (globalThis as { process?: unknown }).process !== 'object') throw new Error(`plot: writing a file (out) needs Node; draw to a string instead`);
  return (await import(name)) as T;
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
  const [{ randomBytes }, { rename, unlink, writeFile }, { dirname, join }] = await Promise.all([nodeModule<typeof import('node:crypto')>('node:crypto'), nodeModule<typeof import('node:fs/promises')>('node:fs/promises'), nodeModule<typeof import('node:path')>('node:path')]);
  const tmp = join(dirname(out), `.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, data);
    await rename(tmp, out);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    // The system's message names the temporary file, which means nothing to the caller.
    throw new Error(`plot: cannot write ${out}: ${(err as Error).message.split(tmp).join(out)}`, { cause: err });
  }
}

registerPlotter(plot);
