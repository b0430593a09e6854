import { describe, expect, it } from 'vitest';
import { linspace, oneCyclePhases, OptimizerPolicy, Phase } from '../../lib/index.js';
import { plotTerminal } from '../../lib/plot/index.js';

describe('plotTerminal', () => {
  it('draws rows of the given height with the peak on the top row', () => {
    const text = plotTerminal(new OptimizerPolicy(oneCyclePhases({ steps: 500 })), 'lr', { width: 40, height: 8 });
    const lines = text.split('\n');
    expect(lines).toHaveLength(10);
    expect(lines[0]).toMatch(/^\s*1\.00 /);
    expect(text).toContain('lr over 500 steps');
    expect(() => plotTerminal(new Phase({ lr: linspace(0, 1, 3) }), 'wd')).toThrow(/plotTerminal: no parameter "wd"; it has: lr/);
  });
});
