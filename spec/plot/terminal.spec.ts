import { describe, expect, it } from 'vitest';
import { cosinespace, cycle, linspace, oneCyclePhases, OptimizerPolicy, Phase, pytorch } from '../../lib/index.js';
import { plotTerminal, plotTerminalOverlay, terminalChart } from '../../lib/plot/index.js';

const axis = (text: string) => text.split('\n').slice(0, -1).map((line) => Number(line.slice(0, 9)));

describe('plotTerminal', () => {
  it("shows each column's min and max: one-cycle's final 0.01 reads 0.0100 on the axis", () => {
    const text = plotTerminal(new OptimizerPolicy(oneCyclePhases({ steps: 500 })), 'lr', { width: 40, height: 8 });
    const values = axis(text);
    expect(values).toHaveLength(9);
    expect(values[0]).toBe(1);
    expect(values.at(-1)).toBe(0.01);
    expect(text).toContain('lr over 500 steps');
  });

  it('troughs inside a column stay visible: restarts every 100 steps on 72 columns', () => {
    const policy = new OptimizerPolicy([new Phase({ lr: cycle(cosinespace(1, 0.001, 100), 1e9) })]);
    const values = axis(plotTerminal(policy, 'lr'));
    expect(values[0]).toBe(1);
    expect(values.at(-1)).toBe(0.001);
  });

  it('bad input: named errors', () => {
    // @ts-expect-error the phase has no wd: a compile error too
    expect(() => plotTerminal(new Phase({ lr: linspace(0, 1, 3) }), 'wd')).toThrow('plotTerminal: no parameter "wd"; it has: lr');
    const policy = new OptimizerPolicy(pytorch.stepLR({ baseLr: 1, stepSize: 2, steps: 10 }));
    expect(() => plotTerminal(policy, 'lr', { width: 0 })).toThrow(new RangeError('plotTerminal: width must be an integer in [1, 1000], got 0'));
    expect(() => plotTerminal(policy, 'lr', { height: NaN })).toThrow(new RangeError('plotTerminal: height must be an integer in [2, 200], got NaN'));
    expect(() => plotTerminal(policy, 'lr', { hieght: 3 } as never)).toThrow(/^plotTerminal: unknown option "hieght" \(did you mean "height"\?\)/);
    expect(() => plotTerminalOverlay([policy], ['a'], 'lr', { height: 1 })).toThrow(new RangeError('plotTerminalOverlay: height must be an integer in [2, 200], got 1'));
    expect(() => terminalChart([])).toThrow('terminalChart: nothing to draw: 0 columns');
    expect(() => terminalChart([{ min: 0, max: 1 }], 0.5)).toThrow(new RangeError('terminalChart: height must be an integer in [2, 200], got 0.5'));
  });

  it('hostile sizes and options: named errors, never 10^7 rows drawn or a key ignored', () => {
    const policy = new OptimizerPolicy(pytorch.stepLR({ baseLr: 1, stepSize: 2, steps: 10 }));
    expect(() => plotTerminal(policy, 'lr', { height: 1e7 })).toThrow(new RangeError('plotTerminal: height must be an integer in [2, 200], got 10000000'));
    expect(() => plotTerminal(policy, 'lr', { height: Number.NaN })).toThrow(new RangeError('plotTerminal: height must be an integer in [2, 200], got NaN'));
    expect(() => plotTerminal(policy, 'lr', { heigth: 3 } as never)).toThrow(/^plotTerminal: unknown option "heigth" \(did you mean "height"\?\)/);
    expect(() => plotTerminalOverlay([policy], ['a'], 'lr', { height: 1e7 })).toThrow(new RangeError('plotTerminalOverlay: height must be an integer in [2, 200], got 10000000'));
    expect(() => terminalChart([{ min: Number.NaN, max: 1 }])).toThrow(/^terminalChart: columns\[0\] must have a finite min and max/);
  });

  it('a cosine oscillating over 2^53 − 1 steps (CosineAnnealingLR past tMax) draws at once, from its first turns', () => {
    const long = new OptimizerPolicy(pytorch.cosineAnnealingLR({ baseLr: 1, tMax: 1000, steps: 2 ** 53 - 1 }));
    const rows = plotTerminal(long, 'lr', { width: 20, height: 4 }).split('\n');
    // Every column swings from 1 (top row) to 0 (bottom row).
    expect(rows[0]).toMatch(/^ +1\.00 ┼─{19}/);
    expect(rows[4]).toMatch(/^ +0\.00 ┼─{19}/);
  });
});

describe('plotTerminalOverlay', () => {
  it('draws each schedule with its own symbol on a common step axis, # where they overlap', () => {
    const up = new Phase({ lr: linspace(0, 1, 100) });
    const down = new Phase({ lr: linspace(1, 0, 50) });
    const text = plotTerminalOverlay([up, down], ['up', 'down'], 'lr', { width: 20, height: 5 });
    const rows = text.split('\n');
    expect(rows).toHaveLength(7);
    // The rising line ends top right; the falling one, half as long, starts top left.
    expect(rows[0]!.trimEnd().endsWith('*')).toBe(true);
    expect(rows[0]!.split('┤')[1]![0]).toBe('o');
    expect(rows[4]!.split('┤')[1]![0]).toBe('*');
    expect(text).toContain('* up   o down   # overlap');
    expect(text).toContain('lr over steps 0 … 99');
    expect(() => plotTerminalOverlay([up], ['a', 'b'])).toThrow('plotTerminalOverlay: give one label per source, got 2 labels for 1 sources');
    // @ts-expect-error no source has `lrr`
    expect(() => plotTerminalOverlay([up, down], ['up', 'down'], 'lrr')).toThrow(/plotTerminalOverlay: up has no parameter "lrr"; it has: lr/);
  });
});

describe('plotTerminal: the layout', () => {
  it('draws rows of the given height with the peak on the top row', () => {
    const text = plotTerminal(new OptimizerPolicy(oneCyclePhases({ steps: 500 })), 'lr', { width: 40, height: 8 });
    const lines = text.split('\n');
    expect(lines).toHaveLength(10);
    expect(lines[0]).toMatch(/^\s*1\.00 /);
    expect(text).toContain('lr over 500 steps');
    // @ts-expect-error the phase has no wd: a compile error too
    expect(() => plotTerminal(new Phase({ lr: linspace(0, 1, 3) }), 'wd')).toThrow(/plotTerminal: no parameter "wd"; it has: lr/);
  });
});
