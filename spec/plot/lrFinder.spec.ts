import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lrFinderSchedule, suggestLrs, type LrFinderResult } from '../../lib/index.js';
import { plotLrFinder, plotLrFinderTerminal } from '../../lib/plot/index.js';

// A recorded-looking curve: flat, a descent, a minimum near 1e-2, then divergence.
const lrs = [...lrFinderSchedule({ startLr: 1e-7, endLr: 10, steps: 100 })].slice(0, 90);
const losses = lrs.map((lr) => 2.3 - 1.6 / (1 + Math.exp(-2.2 * (Math.log10(lr) + 3.5))) + (lr < 0.05 ? 0 : 8 * (Math.log10(lr) + 1.3) ** 2));
const result: LrFinderResult = { lrs, losses, rawLosses: losses, suggestions: suggestLrs(lrs, losses, 100), steps: 100, diverged: true };

describe('plotLrFinder', () => {
  it('draws loss against lr on a log axis, each suggestion marked and named', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rxp-lrfind-'));
    const out = join(dir, 'lr-find.svg');
    const svg = await plotLrFinder(result, { out });
    expect(readFileSync(out, 'utf8')).toBe(svg);
    for (const name of ['valley', 'minimum', 'steep', 'slide']) expect(svg).toContain(`${name}: ${result.suggestions![name as 'valley']!.lr.toPrecision(3)}`);
    expect(svg).toContain('learning rate');
    // Log ticks: powers of ten across the range.
    expect(svg).toMatch(/1e-6/);
    expect(svg).toMatch(/1e-2/);
  });

  it('bad input: named errors, nothing written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rxp-lrfind-'));
    await expect(plotLrFinder(result, { out: join(dir, 'x.pdf') })).rejects.toThrow('plotLrFinder: out must be a file name ending in .svg or .png, got');
    await expect(plotLrFinder(result, { skipEnd: -1 })).rejects.toThrow(new RangeError('plotLrFinder: skipEnd must be a non-negative integer, got -1'));
    await expect(plotLrFinder(result, { skip: 2 } as never)).rejects.toThrow(/^plotLrFinder: unknown option "skip"/);
    expect(() => plotLrFinderTerminal(result, { width: 2.5 })).toThrow(new RangeError('plotLrFinderTerminal: width must be an integer in [1, 1000], got 2.5'));
    expect(existsSync(join(dir, 'x.pdf'))).toBe(false);
    await expect(plotLrFinder({ ...result, lrs: lrs.slice(0, 6), losses: losses.slice(0, 6) })).rejects.toThrow('plotLrFinder: nothing to draw: 6 points, 5 skipped at the end (skipEnd)');
    await expect(plotLrFinder({} as never)).rejects.toThrow('plotLrFinder: result must be what lrFinder returns');
    await expect(plotLrFinder(result, { width: 1e9 })).rejects.toThrow(new RangeError('plotLrFinder: width must be an integer in [1, 10000], got 1000000000'));
    await expect(plotLrFinder(result, { skip: 2 } as never)).rejects.toThrow(/^plotLrFinder: unknown option "skip"/);
    expect(() => plotLrFinderTerminal(result, { height: 1e7 })).toThrow(new RangeError('plotLrFinderTerminal: height must be an integer in [2, 200], got 10000000'));
  });
});

describe('plotLrFinderTerminal', () => {
  it('draws the curve and lists the suggestions', () => {
    const text = plotLrFinderTerminal(result, { width: 40, height: 8 });
    expect(text).toContain('loss against lr, 1.00e-7');
    expect(text).toMatch(/valley: \d/);
    const axis = text.split('\n').slice(0, 9).map((l) => Number(l.slice(0, 9)));
    expect(axis[0]).toBeCloseTo(Math.max(...losses.slice(0, 85)), 2);
    expect(axis[8]).toBeCloseTo(Math.min(...losses), 2);
  });
});
