// Reference numbers: HF transformers tests/optimization/test_optimization.py ScheduleInitTest
// fixtures (lr 10, W=2, N=10), as quoted in anchors.md §2.7, checked with HF's tolerance 1e-2, and its WSD values.
import { describe, expect, it } from 'vitest';
import { buildPolicy, huggingface, OptimizerPolicy } from '../../lib/index.js';
import { expectClose, expectWithin } from '../helpers.js';

const lrs = (phases: ConstructorParameters<typeof OptimizerPolicy>[0]) => [...new OptimizerPolicy(phases).allSteps()].map((v) => v.lr!);
const base = { lr: 10, numWarmupSteps: 2, numTrainingSteps: 10 };


const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('huggingface schedules (HF fixtures)', () => {
  it('linear', () => expectClose(lrs(huggingface.linear(base)), [0, 5, 10, 8.75, 7.5, 6.25, 5, 3.75, 2.5, 1.25], 10));
  it('cosine', () => expectWithin(lrs(huggingface.cosine(base)), [0, 5, 10, 9.61, 8.53, 6.91, 5, 3.08, 1.46, 0.38], 1e-2));
  it('cosine with hard restarts, 2 cycles', () => expectWithin(lrs(huggingface.cosineWithHardRestarts({ ...base, numCycles: 2 })), [0, 5, 10, 8.53, 5, 1.46, 10, 8.53, 5, 1.46], 1e-2));
  it('cosine with hard restarts, 2.5 cycles: HF\'s 0.5(1 + cos(π·((c·p) mod 1)))', () => {
    const k = Array.from({ length: 30 }, (_, i) => i);
    const p = (i: number) => (i - 3) / 27;
    expectClose(lrs(huggingface.cosineWithHardRestarts({ lr: 1, numWarmupSteps: 3, numTrainingSteps: 30, numCycles: 2.5 })), k.map((i) => (i < 3 ? i / 3 : 0.5 * (1 + Math.cos(Math.PI * ((2.5 * p(i)) % 1))))), 12);
  });
  it('polynomial, power 2 (lr_end 1e-7)', () => expectWithin(lrs(huggingface.polynomial({ ...base, power: 2 })), [0, 5, 10, 7.656, 5.625, 3.906, 2.5, 1.406, 0.625, 0.156], 1e-2));
  it('constant with warmup', () => expectClose(lrs(huggingface.constant({ ...base, numWarmupSteps: 4 })), [0, 2.5, 5, 7.5, 10, 10, 10, 10, 10, 10], 12));
  it('wsd: (W=2, S=5, D=3, cosine, r=0) and linear decay with r=0.1 (anchors.md §2.7)', () => {
    const o = { lr: 1, numWarmupSteps: 2, numStableSteps: 5, numDecaySteps: 3, numTrainingSteps: 12 };
    expectClose(lrs(huggingface.wsd(o)), [0, 0.5, 1, 1, 1, 1, 1, 1, 0.75, 0.25, 0, 0], 12);
    expectClose(lrs(huggingface.wsd({ ...o, decayType: 'linear', minLrRatio: 0.1 })), [0.1, 0.55, 1, 1, 1, 1, 1, 1, 0.7, 0.4, 0.1, 0.1], 12);
    expectClose(lrs(huggingface.wsd({ ...o, warmupType: '1-sqrt' })).slice(0, 2), [0, 1 - Math.sqrt(0.5)], 12);
    // 1-sqrt decay with r = 0.1: ((1 − √p)(1 − r) + r) for p = 0, 1/3, 2/3.
    expectClose(lrs(huggingface.wsd({ ...o, decayType: '1-sqrt', minLrRatio: 0.1 })).slice(7, 10), [0, 1 / 3, 2 / 3].map((p) => (1 - Math.sqrt(p)) * 0.9 + 0.1), 12);
  });
  it('a second length: linear, N=21, W=3 from HF\'s formula max(0, (N − k)/max(1, N − W))', () => {
    const k = Array.from({ length: 21 }, (_, i) => i);
    expectClose(lrs(huggingface.linear({ lr: 1, numWarmupSteps: 3, numTrainingSteps: 21 })), k.map((i) => (i < 3 ? i / 3 : Math.max(0, (21 - i) / 18))));
  });
  it('validates with HF\'s constraints', () => {
    expect(() => huggingface.polynomial({ ...base, lr: 1e-8 })).toThrow(/lrEnd \(1e-7\) must be smaller than initial lr \(1e-8\)/);
    expect(() => huggingface.wsd({ lr: 1, numWarmupSteps: 2, numDecaySteps: 3, numTrainingSteps: 4 })).toThrow('huggingface.wsd: numWarmupSteps + numDecaySteps (2 + 3) must fit in numTrainingSteps (4), got 5');
    expect(() => huggingface.wsd({ lr: 1, numWarmupSteps: 2, numStableSteps: 1, numDecaySteps: 3, numTrainingSteps: 4 })).toThrow('huggingface.wsd: warmup + stable + decay steps (2 + 1 + 3) must fit in numTrainingSteps (4), got 6');
    // So many cycles that the period underflows to 0: an error, not a curve of cos(π·k/0).
    expect(() => huggingface.cosine({ ...base, numCycles: Number.MAX_VALUE })).toThrow(/^huggingface.cosine: the cosine period would be 0 \(not a finite number > 0\), got numCycles 1.7976931348623157e\+308$/);
    expect(() => huggingface.wsd({ lr: 1, numWarmupSteps: 2, numDecaySteps: 3, numTrainingSteps: 8, numCycles: Number.MAX_VALUE })).toThrow(/^huggingface.wsd: the cosine period would be 0/);
    expect(() => huggingface.wsd({ lr: 1, numWarmupSteps: 2, numDecaySteps: 3, numTrainingSteps: 8, decayType: 'sqrt' as 'linear' })).toThrow(/huggingface.wsd: decayType must be one of 'cosine', 'linear', '1-sqrt', got "sqrt"/);
    expect(() => buildPolicy({ preset: 'huggingface.cosine', options: { ...base, num_cycles: 1 } })).toThrow(/unknown option "num_cycles"/);
  });
});

describe('tanhspace, invsqrtspace', () => {
  it('HF inverse sqrt, W=4: [0, 0.25, 0.5, 0.75, 1, 0.894427, 0.816497] (anchors.md §2.7)', () => {
    const v = [...new OptimizerPolicy(huggingface.inverseSqrt({ lr: 1, numWarmupSteps: 4, numTrainingSteps: 7 })).allSteps()].map((d) => d.lr);
    expectClose(v, [0, 0.25, 0.5, 0.75, 1, 0.894427, 0.816497], 6);
  });
});

describe('second lengths', () => {
  it('Hugging Face schedules, W 5, N 37 (LambdaLR multipliers of lr 3)', () => {
    const W = 5;
    const N = 37;
    const lr = 3;
    const warm = (k: number) => k / Math.max(1, W);
    const p = (k: number) => (k - W) / Math.max(1, N - W);
    const o = { lr, numWarmupSteps: W, numTrainingSteps: N };
    expectClose(lrs(huggingface.cosine(o)), range(N).map((k) => lr * (k < W ? warm(k) : Math.max(0, 0.5 * (1 + Math.cos(Math.PI * 0.5 * 2 * p(k)))))), 12);
    expectClose(lrs(huggingface.cosineWithHardRestarts({ ...o, numCycles: 3 })), range(N).map((k) => lr * (k < W ? warm(k) : 0.5 * (1 + Math.cos(Math.PI * ((3 * p(k)) % 1))))), 12);
    expectClose(lrs(huggingface.polynomial({ ...o, lrEnd: 0.3, power: 3 })), range(N).map((k) => (k < W ? lr * warm(k) : (lr - 0.3) * (1 - (k - W) / (N - W)) ** 3 + 0.3)), 12);
    expectClose(lrs(huggingface.constant(o)), range(N).map((k) => lr * (k < W ? warm(k) : 1)), 12);
    expectClose(lrs(huggingface.inverseSqrt(o)), range(N).map((k) => lr * (k < W ? warm(k) : 1 / Math.sqrt((k + W - W) / W))), 12);
    const r = 0.2;
    const D = 12;
    expectClose(
      lrs(huggingface.wsd({ ...o, numDecaySteps: D, minLrRatio: r, warmupType: 'cosine', decayType: 'linear' })),
      range(N).map((k) => lr * (k < W ? 0.5 * (1 - Math.cos((Math.PI * k) / W)) * (1 - r) + r : k < N - D ? 1 : (1 - (k - (N - D)) / D) * (1 - r) + r)),
      12,
    );
  });
});
