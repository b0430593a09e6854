// Each preset at a second length, against its library's documented formula transcribed here
// (anchors.md §2.2–2.7 give the formulas; the first-length tables are in the other preset specs).
import { describe, it } from 'vitest';
import { fastai, huggingface, OptimizerPolicy, optax, pytorch, type Phase } from '../../lib/index.js';
import { expectClose } from '../helpers.js';

const lrs = (phases: readonly Phase[]) => [...new OptimizerPolicy(phases).allSteps()].map((v) => (v as { lr: number }).lr);
const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const cosAnneal = (s: number, e: number, p: number) => s + ((1 - Math.cos(Math.PI * p)) / 2) * (e - s); // fastai SchedCos

describe('second lengths', () => {
  it('pytorch.cosineAnnealingLR, T_max 7, 25 steps: η_min + (base − η_min)(1 + cos(πk/T))/2', () => {
    expectClose(lrs(pytorch.cosineAnnealingLR({ baseLr: 2, tMax: 7, etaMin: 0.2, steps: 25 })), range(25).map((k) => 0.2 + (1.8 * (1 + Math.cos((Math.PI * k) / 7))) / 2));
  });

  it('pytorch.cosineAnnealingWarmRestarts, T_0 3, T_mult 3, 50 steps (closed form with log base T_mult)', () => {
    const ref = range(50).map((k) => {
      const n = Math.floor(Math.log((k / 3) * (3 - 1) + 1) / Math.log(3));
      const tCur = k - (3 * (3 ** n - 1)) / (3 - 1);
      const tI = 3 * 3 ** n;
      return 0.1 + (0.9 * (1 + Math.cos((Math.PI * tCur) / tI))) / 2;
    });
    expectClose(lrs(pytorch.cosineAnnealingWarmRestarts({ baseLr: 1, t0: 3, tMult: 3, etaMin: 0.1, steps: 50 })), ref, 9);
  });

  it('fastai.fitOneCycle N=33, pct 0.3, and fitFlatCos N=33 (pos = k/N, combined_cos)', () => {
    const combined = (pct: number, s: number, m: number, e: number) => (pos: number) => (pos < pct ? cosAnneal(s, m, pos / pct) : cosAnneal(m, e, (pos - pct) / (1 - pct)));
    const lr = combined(0.3, 0.5 / 25, 0.5, 0.5 / 1e5);
    expectClose(lrs(fastai.fitOneCycle({ steps: 33, lrMax: 0.5, pctStart: 0.3 })), range(33).map((k) => lr(k / 33)), 12);
    const flat = combined(0.75, 2, 2, 2 / 1e5);
    expectClose(lrs(fastai.fitFlatCos({ steps: 33, lr: 2 })), range(33).map((k) => flat(k / 33)), 12);
  });

  it('fastai.fitSgdr(2 cycles, cycle_len 2, mult 3) with 2 batches an epoch: SchedCos(lr_max, 0) per cycle', () => {
    const lengths = [2 * 2, 2 * 3 * 2];
    const ref = lengths.flatMap((n) => range(n).map((i) => cosAnneal(0.7, 0, i / n)));
    expectClose(lrs(fastai.fitSgdr({ nCycles: 2, cycleLen: 2, lrMax: 0.7, cycleMult: 3, stepsPerEpoch: 2 })), ref, 12);
  });

  it('optax.warmupCosineDecay (0.1 → 2, W 5, decay 30, end 0.2), 40 steps', () => {
    const ref = range(40).map((k) => {
      if (k < 5) return 0.1 + (k / 5) * 1.9;
      const t = Math.min(k - 5, 25);
      const alpha = 0.2 / 2;
      return 2 * ((1 - alpha) * 0.5 * (1 + Math.cos((Math.PI * t) / 25)) + alpha);
    });
    expectClose(lrs(optax.warmupCosineDecay({ initValue: 0.1, peakValue: 2, warmupSteps: 5, decaySteps: 30, endValue: 0.2, steps: 40 })), ref, 12);
  });

  it('optax.warmupCosineDecay with exponent 2: init·((1 − α)·(½(1 + cos(π·t/T)))^2 + α)', () => {
    const ref = range(14).map((k) => (k < 2 ? k / 2 : 0.1 + 0.9 * (0.5 * (1 + Math.cos((Math.PI * Math.min(k - 2, 10)) / 10))) ** 2));
    expectClose(lrs(optax.warmupCosineDecay({ initValue: 0, peakValue: 1, warmupSteps: 2, decaySteps: 12, endValue: 0.1, exponent: 2, steps: 14 })), ref, 12);
  });

  it('optax.sgdr with warmups (join_schedules: each cycle sees step − boundary)', () => {
    const cycleA = { initValue: 0, peakValue: 1, warmupSteps: 2, decaySteps: 8, endValue: 0.1 };
    const cycleB = { initValue: 0.5, peakValue: 0.8, warmupSteps: 3, decaySteps: 10, endValue: 0 };
    const wcd = (c: typeof cycleA, t: number) => (t < c.warmupSteps ? c.initValue + (t / c.warmupSteps) * (c.peakValue - c.initValue) : c.endValue + (c.peakValue - c.endValue) * 0.5 * (1 + Math.cos((Math.PI * Math.min(t - c.warmupSteps, c.decaySteps - c.warmupSteps)) / (c.decaySteps - c.warmupSteps))));
    expectClose(lrs(optax.sgdr({ cycles: [cycleA, cycleB], steps: 22 })), range(22).map((k) => (k < 8 ? wcd(cycleA, k) : wcd(cycleB, k - 8))), 12);
  });

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
