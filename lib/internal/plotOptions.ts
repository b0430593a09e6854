// The options of the plotting functions, declared once: `plot` (which `phase.plot()` and
// `policy.plot()` hand theirs to), the terminal charts and the LR range test's figures. They sit
// in internal/ so that the core can name their type without loading any plotting code.
import { custom, declare, integer, type ShapeOptionsOf } from './options.js';
import { mustBe } from './validate.js';

const text = (fn: string, arg: string, v: unknown): string => (typeof v === 'string' ? v : mustBe(fn, arg, 'a string', v, TypeError));

const outPhrase = 'a file name ending in .svg or .png';
const out = custom<string, { readonly doc: string }>('string', outPhrase, { doc: 'Write the figure here (`.svg` or `.png`), atomically: no partial file is left on failure.' }, (fn, arg, v) =>
  typeof v === 'string' && /\.(svg|png)$/i.test(v) ? v : mustBe(fn, arg, outPhrase, v, TypeError),
);

// Pixels and characters are bounded: a figure is drawn per column, so its size is its cost.
/** The widest terminal chart, in characters. */
export const MAX_COLUMNS = 1_000;
const pixels = (doc: string, fallback: number) => integer({ doc, min: 1, max: 10_000, default: fallback });
const columns = integer({ doc: 'Columns of the chart.', min: 1, max: MAX_COLUMNS, default: 72 });
const rows = (fallback: number) => integer({ doc: 'Rows of the chart.', min: 2, max: 200, default: fallback });

const paramPhrase = 'a parameter name or a non-empty array of them';
const isName = (v: unknown): v is string => typeof v === 'string' && v !== '';

/** `plot`'s options. */
export const plotOptions = declare('plot', {
  param: custom<string | readonly string[], { readonly doc: string; readonly default: 'lr' }>(
    'names',
    paramPhrase,
    { doc: 'The parameter(s) to draw; several make side-by-side panels.', default: 'lr' },
    (fn, arg, v) => (isName(v) || (Array.isArray(v) && v.length > 0 && v.every(isName)) ? (v as string | readonly string[]) : mustBe(fn, arg, paramPhrase, v, TypeError)),
  ),
  labels: custom<readonly string[], { readonly doc: string }>('names', 'an array of strings', { doc: "Series names for several sources on one axes (default: each phase's first space, `policy 1`, …)." }, (fn, arg, v) =>
    Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as readonly string[]) : mustBe(fn, arg, 'an array of strings', v, TypeError),
  ),
  title: custom<string, { readonly doc: string }>('string', 'a string', { doc: 'The figure\'s title; default: the parameter names.' }, text),
  width: pixels('Pixels of one panel\'s width.', 600),
  height: pixels('Pixels of one panel\'s height.', 300),
  out,
});

/** Options of `plot`: `param` (default `'lr'`; several make panels), `labels`, `title`, `width` (600), `height` (300), `out`. */
export type PlotOptions = ShapeOptionsOf<typeof plotOptions.shape>;

/** The terminal charts' options, in the name of `fn`, whose charts are `height` rows by default. */
export const terminalOptions = (fn: string, height: number) => declare(fn, { width: columns, height: rows(height) });

/** Options of the terminal charts: `width` (72 columns), `height` (rows). */
export type TerminalOptions = ShapeOptionsOf<ReturnType<typeof terminalOptions>['shape']>;

const skipEnd = integer({ doc: "Points left out at the end (fastai's `skip_end`: the last ones have diverged).", default: 5 });

/** `plotLrFinder`'s options. */
export const lrFinderPlotOptions = declare('plotLrFinder', {
  out,
  title: custom<string, { readonly doc: string; readonly default: string }>('string', 'a string', { doc: "The figure's title.", default: 'LR range test' }, text),
  width: pixels('Width of the plot area in pixels.', 600),
  height: pixels('Height of the plot area in pixels.', 300),
  skipEnd,
});

/** Options of `plotLrFinder`: `out`, `title` (`'LR range test'`), `width` (600), `height` (300), `skipEnd` (5). */
export type LrFinderPlotOptions = ShapeOptionsOf<typeof lrFinderPlotOptions.shape>;

/** `plotLrFinderTerminal`'s options. */
export const lrFinderTerminalOptions = declare('plotLrFinderTerminal', { width: columns, height: rows(10), skipEnd });

/** Options of `plotLrFinderTerminal`: `width` (72), `height` (10), `skipEnd` (5). */
export type LrFinderTerminalOptions = ShapeOptionsOf<typeof lrFinderTerminalOptions.shape>;
