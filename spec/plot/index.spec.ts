// The plotting entry point's surface, guarded like the main door's (spec/index.spec.ts).
import { describe, expect, it } from 'vitest';
import * as plotEntry from '../../lib/plot/index.js';

describe('rx-policy/plot: the plotting door', () => {
  it('exports exactly plot, plotTerminal and decimate', () => {
    expect(Object.keys(plotEntry).sort()).toEqual(['decimate', 'plot', 'plotTerminal']);
  });
});
