import { describe, expect, it } from 'vitest';
import { cosinespace, cycle, expspace, huggingface, linspace, OptimizerPolicy, polyspace, spaceFromJSON, tanhspace } from '../../lib/index.js';
import { expectClose } from '../helpers.js';

describe('cycle, expspace, polyspace', () => {
  it('cycle repeats a space for `steps` values, in O(1) at any index', () => {
    expect([...cycle(linspace(0, 2, 3), 7)]).toEqual([0, 1, 2, 0, 1, 2, 0]);
    expect(cycle(cosinespace(1, 0, 4, { endpoint: false }), 1e12).at(1e12 - 2)).toBe(cosinespace(1, 0, 4, { endpoint: false }).at(2));
    expect(() => cycle(linspace(0, 1, 0), 3)).toThrow(/cycle: space must have a positive finite length, got 0/);
  });

  it('expspace: start·rate^(i/every), staircase with floor', () => {
    expectClose([...expspace(1, 0.5, 4)], [1, 0.5, 0.25, 0.125]);
    expectClose([...expspace(1, 0.1, 5, { every: 2, staircase: true })], [1, 1, 0.1, 0.1, 0.01]);
    expectClose([...expspace(2, 0.1, 3, { every: 2 })], [2, 2 * 0.1 ** 0.5, 0.2]);
    expect(() => expspace(1, 0, 3)).toThrow(/expspace: rate must be a finite number > 0, got 0/);
  });

  it('polyspace: end + (start − end)(1 − t)^power, exact at the ends', () => {
    expectClose([...polyspace(1, 0, 5, { power: 2 })], [1, 0.5625, 0.25, 0.0625, 0]);
    expect(polyspace(3, 1, 4, { power: 0.5 }).at(3)).toBe(1);
    expect(() => polyspace(1, 0, 5, { power: 0 })).toThrow(/polyspace: power must be a finite number > 0, got 0/);
  });

  it('offset and span place a curve\'s ends between steps', () => {
    // PyTorch OneCycleLR's second phase for N=10: k = 3..9, progress (k − 2)/7.
    expectClose([...cosinespace(1, 0, 7, { offset: 1, span: 7 })].slice(0, 1), [(1 + Math.cos(Math.PI / 7)) / 2]);
    expect(() => linspace(0, 1, 3, { span: 0 })).toThrow(/linspace: span must be a finite number > 0, got 0/);
  });

  it('every new space round-trips through JSON', () => {
    for (const s of [cycle(linspace(0, 2, 3), 7), expspace(1, 0.1, 5, { every: 2, staircase: true }), polyspace(1, 0, 5, { power: 2, span: 8 }), cosinespace(1, 0, 7, { offset: 1, span: 7 })]) {
      const copy = spaceFromJSON(JSON.parse(JSON.stringify(s)));
      expect(String(copy)).toBe(String(s));
      expect([...copy]).toEqual([...s]);
    }
  });
});

describe('tanhspace, invsqrtspace', () => {
  it('tanhspace is timm\'s lr_min + ½(lr_max − lr_min)(1 − tanh(lb(1 − tr) + ub·tr))', () => {
    const ref = Array.from({ length: 11 }, (_, k) => 0.1 + 0.5 * (1 - 0.1) * (1 - Math.tanh(-7 * (1 - k / 10) + 3 * (k / 10))));
    expectClose([...tanhspace(1, 0.1, 11)], ref, 12);
    expect(String(tanhspace(1, 0.1, 11))).toBe('tanhspace(1, 0.1, 11)');
    const copy = spaceFromJSON(JSON.parse(JSON.stringify(tanhspace(1, 0.1, 11, { lower: -5, upper: 2 }))));
    expect([...copy]).toEqual([...tanhspace(1, 0.1, 11, { lower: -5, upper: 2 })]);
  });

  it('HF inverse sqrt, W=4: [0, 0.25, 0.5, 0.75, 1, 0.894427, 0.816497] (anchors.md §2.7)', () => {
    const v = [...new OptimizerPolicy(huggingface.inverseSqrt({ lr: 1, numWarmupSteps: 4, numTrainingSteps: 7 })).allSteps()].map((d) => d.lr);
    expectClose(v, [0, 0.25, 0.5, 0.75, 1, 0.894427, 0.816497], 6);
  });
});

describe('errors name the factory', () => {
  it('at() out of range says which space', () => {
    expect(() => cycle(linspace(0, 1, 2), 3).at(3)).toThrow(/^cycle\.at: index must be an integer in \[0, 3\), got 3$/);
    expect(() => expspace(1, 0.5, 2).at(2)).toThrow(/^expspace\.at:/);
  });
});
