// The plotting entry point, `rx-policy/plot`: separate from the core so that importing rx-policy
// never loads a charting package.
export { plot, type ParamOf, type PlotOptions, type PlotOptionsFor, type Plottable } from './plot.js';
export { plotTerminal, plotTerminalOverlay, terminalChart, type TerminalOptions } from './terminal.js';
export { decimate, decimateParam, columnExtents, type Point, type Column } from './decimate.js';
export { spaceExtent, paramExtent, joinExtents, type Extent } from './extent.js';
export { plotLrFinder, plotLrFinderTerminal, type LrFinderPlotOptions, type LrFinderTerminalOptions } from './lrFinder.js';
