// The plotting entry point, `rx-policy/plot`: separate from the core so that importing rx-policy
// never loads a charting package.
export { plot, type PlotOptions, type Plottable } from './plot.js';
export { plotTerminal } from './terminal.js';
export { decimate, type Point } from './decimate.js';
