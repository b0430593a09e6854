// The plotting entry point's surface, guarded like the main door's (spec/index.spec.ts).
import { describe, expect, it } from 'vitest';
import * as plotEntry from '../../lib/plot/index.js';

describe('rx-policy/plot: the plotting door', () => {
  it('exports exactly the figures, the terminal charts, decimation and the extents', () => {
    const figures = ['plot', 'plotLrFinder'];
    const terminal = ['plotLrFinderTerminal', 'plotTerminal', 'plotTerminalOverlay', 'terminalChart'];
    const decimation = ['columnExtents', 'decimate', 'decimateParam', 'joinExtents', 'paramExtent', 'spaceExtent'];
    expect(Object.keys(plotEntry).sort()).toEqual([...figures, ...terminal, ...decimation].sort());
  });
});
