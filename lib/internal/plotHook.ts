// The meeting point of `phase.plot()` / `policy.plot()` and the plotting module: the core never
// imports the plotting code (it needs vega and, for files, Node); the plotting module, once
// loaded (`import 'rx-policy/plot'`), registers itself here.
import { show } from './validate.js';

/** What can be plotted: anything with a length and values by step (a phase, a policy, a space's phase…). */
export interface Schedule {
  readonly length: number;
  /** The parameter names; read from `at(0)` when absent. */
  readonly params?: readonly string[];
  at(step: number): Readonly<Record<string, number>>;
}

/** Options of `plot`. */
export interface PlotOptions {
  /** The parameter(s) to draw; several make side-by-side panels. Default `'lr'`. */
  readonly param?: string | readonly string[];
  /** Series names for several sources on one axes (default: each phase's first space, `policy 1`, …). */
  readonly labels?: readonly string[];
  /** The figure's title; default none. */
  readonly title?: string;
  /** Pixels of one panel, an integer in [1, 10000]. Default 600 × 300. */
  readonly width?: number;
  /** Pixels of one panel's height, an integer in [1, 10000]. Default 300. */
  readonly height?: number;
  /** Write the figure here (`.svg` or `.png`), atomically: no partial file is left on failure. */
  readonly out?: string;
}

/** Draws schedules to an SVG string. */
export type Plotter = (sources: Schedule | readonly Schedule[], options?: PlotOptions) => Promise<string>;

let plotter: Plotter | undefined;

/** Called by the plotting module when it loads. */
export function registerPlotter(plot: Plotter): void {
  plotter = plot;
}

/**
 * `phase.plot()` and `policy.plot()`: checks the parameters in the caller's name, then hands the
 * schedule to the registered plotter.
 */
export async function plotSchedule(fn: string, source: Schedule & { readonly params: readonly string[] }, param: string | readonly string[], options: Omit<PlotOptions, 'param'>): Promise<string> {
  const params = typeof param === 'string' ? [param] : param;
  if (!Array.isArray(params) || params.length === 0) throw new TypeError(`${fn}: param must be a parameter name or a non-empty array of them, got ${show(param)}`);
  for (const name of params) {
    if (!source.params.includes(name)) {
      throw new RangeError(`${fn}: no parameter ${show(name)}; the ${fn.startsWith('Phase') ? 'phase' : 'policy'} has: ${source.params.join(', ')}`);
    }
  }
  if (plotter === undefined) {
    throw new Error(`${fn}: the plotting module is not loaded; import 'rx-policy/plot' once in your app (it registers itself), then plot`);
  }
  return plotter(source, { ...options, param });
}
