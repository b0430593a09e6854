// Reference numbers: anchors.md §2.5 (transcription of timm/scheduler/cosine_lr.py; timm's tests
// were not checked there) and timm's formula written out below for other options. The noise's
// numbers come from real PyTorch (see spec/internal/torchGenerator.spec.ts).
import { describe, expect, it } from 'vitest';
import { OptimizerPolicy, timm, type TimmCosineOptions } from '../../lib/index.js';
import { expectClose } from '../helpers.js';

const lrs = (o: TimmCosineOptions) => [...new OptimizerPolicy(timm.cosineLR(o)).allSteps()].map((v) => v.lr);
const lrsOf = (phases: ReturnType<typeof timm.stepLR>) => [...new OptimizerPolicy(phases).allSteps()].map((v) => v.lr);

/** timm's _get_lr(t), transcribed from its documented algorithm. */
function timmLr(t: number, o: Required<Omit<TimmCosineOptions, 'steps' | 'noiseRangeT' | 'noisePct' | 'noiseType' | 'noiseSeed'>>): number {
  if (t < o.warmupT) return o.warmupLrInit + (t * (o.baseLr - o.warmupLrInit)) / o.warmupT;
  if (o.warmupPrefix) t -= o.warmupT;
  let i: number;
  let ti: number;
  let tCurr: number;
  if (o.cycleMul !== 1) {
    i = Math.floor(Math.log(1 - (t / o.tInitial) * (1 - o.cycleMul)) / Math.log(o.cycleMul));
    ti = o.cycleMul ** i * o.tInitial;
    tCurr = t - ((1 - o.cycleMul ** i) / (1 - o.cycleMul)) * o.tInitial;
  } else {
    i = Math.floor(t / o.tInitial);
    ti = o.tInitial;
    tCurr = t - o.tInitial * i;
  }
  if (i >= o.cycleLimit) return o.lrMin;
  const lrMax = o.baseLr * o.cycleDecay ** i;
  return o.lrMin + 0.5 * (lrMax - o.lrMin) * (1 + Math.cos((Math.PI * tCurr ** o.kDecay) / ti ** o.kDecay));
}

describe('timm.cosineLR', () => {
  it('warmup without prefix overlaps the cosine: [0, 0.333, 0.667, 0.793893, 0.654508, …]', () => {
    expectClose(lrs({ baseLr: 1, tInitial: 10, warmupT: 3, steps: 5 }), [0, 1 / 3, 2 / 3, 0.793893, 0.654508], 6);
  });

  it('with prefix the peak is applied, and lr_min after the cycle limit', () => {
    const v = lrs({ baseLr: 1, tInitial: 10, warmupT: 3, warmupPrefix: true, steps: 15 });
    expectClose(v.slice(0, 6), [0, 1 / 3, 2 / 3, 1.0, 0.975528, 0.904508], 6);
    expectClose(v.slice(12), [0.0244717, 0, 0], 6);
  });

  it('t_initial 4, lr_min 0.1, cycle_mul 2, cycle_limit 3 equals PyTorch\'s warm restarts, then 0.1', () => {
    const v = lrs({ baseLr: 1, tInitial: 4, lrMin: 0.1, cycleMul: 2, cycleLimit: 3, steps: 30 });
    expectClose(v.slice(0, 8), [1, 0.868198, 0.55, 0.231802, 1, 0.965746, 0.868198, 0.722208], 6);
    expectClose(v.slice(27), [0.108647, 0.1, 0.1], 6);
  });

  it('cycle_decay 0.5: the second cycle is [0.5, 0.484776, 0.441421, 0.376537, 0.3, 0.223463, 0.158579, 0.115224]', () => {
    const v = lrs({ baseLr: 1, tInitial: 4, lrMin: 0.1, cycleMul: 2, cycleDecay: 0.5, cycleLimit: 3, steps: 30 });
    expectClose(v.slice(4, 12), [0.5, 0.484776, 0.441421, 0.376537, 0.3, 0.223463, 0.158579, 0.115224], 6);
    expectClose([v[12]!], [0.25], 12);
  });

  it('real cycle_mul, k-decay, prefix: equal to timm\'s formula at every step (two lengths)', () => {
    for (const steps of [40, 97]) {
      const o = { baseLr: 0.8, tInitial: 5, lrMin: 0.05, cycleMul: 1.7, cycleDecay: 0.7, cycleLimit: 4, warmupT: 3, warmupLrInit: 0.01, warmupPrefix: true, kDecay: 1.5 };
      expectClose(lrs({ ...o, steps }), Array.from({ length: steps }, (_, t) => timmLr(t, o)), 9);
      const overlap = { ...o, warmupPrefix: false, kDecay: 1 };
      expectClose(lrs({ ...overlap, steps }), Array.from({ length: steps }, (_, t) => timmLr(t, overlap)), 9);
    }
  });

  it('validates its options by name', () => {
    expect(() => timm.cosineLR({ baseLr: 1, tInitial: 0, steps: 3 })).toThrow(/timm.cosineLR: tInitial must be a positive integer, got 0/);
    expect(() => timm.cosineLR({ baseLr: 1, tInitial: 3, noiseStd: 1, steps: 3 } as TimmCosineOptions)).toThrow(/unknown option "noiseStd"/);
    // A cycle whose peak or length overflows is named by the option that made it, when the schedule reaches it.
    expect(() => timm.cosineLR({ baseLr: 1, tInitial: 10, cycleDecay: 1e300, cycleLimit: 5, steps: 30 })).toThrow('timm.cosineLR: the peak of cycle 2 (baseLr · cycleDecay^2) would be Infinity (not a finite number), got cycleDecay 1e+300');
    expect(() => timm.polyLR({ baseLr: 1, tInitial: 10, cycleMul: Number.MAX_VALUE, cycleLimit: 5, steps: 30 })).toThrow(/^timm.polyLR: the length of cycle 1 \(tInitial · cycleMul\^1\) would be Infinity \(not a finite number\), got cycleMul 1.7976931348623157e\+308$/);
    expect(timm.tanhLR({ baseLr: 1, tInitial: 10, cycleDecay: 1e300, cycleLimit: 5, steps: 10 }).length).toBe(1);
  });
});

describe('timm noise', () => {
  const base = { baseLr: 1, tInitial: 50, lrMin: 0.01, steps: 60 };
  it('is PyTorch\'s noise, bit for bit: lr + lr·n with n = torch.randn(1) after manual_seed(noiseSeed + t)', () => {
    // n for seeds 41…44 at noise_pct 0.67 from real PyTorch (spec/internal/torchGenerator.spec.ts):
    // seed 41 redraws once (its first normal is outside ±0.67).
    const torchNoise = [-0.6409721970558167, 0.33669036626815796, -0.6484010815620422, 0.058945026248693466];
    const clean = lrs(base);
    const noisy = lrs({ ...base, noiseRangeT: [0, 4], noiseSeed: 41 });
    torchNoise.forEach((n, t) => expect(noisy[t]).toBe(clean[t]! + clean[t]! * n));
    expect(noisy.slice(4)).toEqual(clean.slice(4));
    // The documented example: a flat lr of 1 with noise from step 0, seed 42.
    expect(lrs({ baseLr: 1, tInitial: 10, lrMin: 1, steps: 10, noiseRangeT: [0] })[0]).toBe(1.336690366268158);
  });

  it('multiplies by 1 + n on [from, to) only, with |n| < pct, the same on every build', () => {
    const clean = lrs(base);
    const a = lrs({ ...base, noiseRangeT: [10, 40], noisePct: 0.3, noiseSeed: 5 });
    const b = lrs({ ...base, noiseRangeT: [10, 40], noisePct: 0.3, noiseSeed: 5 });
    expect(a).toEqual(b);
    a.forEach((v, t) => {
      if (t < 10 || t >= 40) expect(v).toBe(clean[t]);
      else expect(Math.abs(v / clean[t]! - 1)).toBeLessThan(0.3);
    });
    expect(a.slice(10, 40).some((v, i) => v !== clean[i + 10])).toBe(true);
    expect(lrs({ ...base, noiseRangeT: [10, 40], noiseSeed: 6 })).not.toEqual(lrs({ ...base, noiseRangeT: [10, 40], noiseSeed: 5 }));
  });

  it('normal noise looks standard normal inside ±pct; uniform stays inside ±pct', () => {
    const n = lrs({ baseLr: 1, tInitial: 5000, lrMin: 1, steps: 5000, noiseRangeT: [0], noisePct: 10 }).map((v) => v - 1);
    const mean = n.reduce((s, x) => s + x, 0) / n.length;
    const sd = Math.sqrt(n.reduce((s, x) => s + (x - mean) ** 2, 0) / n.length);
    expect(Math.abs(mean)).toBeLessThan(0.05);
    expect(Math.abs(sd - 1)).toBeLessThan(0.05);
    const u = lrs({ baseLr: 1, tInitial: 1000, lrMin: 1, steps: 1000, noiseRangeT: [0], noisePct: 0.2, noiseType: 'uniform' }).map((v) => v - 1);
    expect(Math.max(...u.map(Math.abs))).toBeLessThan(0.2);
  });
});

describe('timm poly, tanh, step and multistep', () => {
  it('validate their options by name', () => {
    expect(() => timm.multiStepLR({ baseLr: 1, decayT: [10, 5], steps: 20 })).toThrow('timm.multiStepLR: decayT must be an array of non-negative integers, non-decreasing, got [10,5]');
    expect(() => timm.multiStepLR({ baseLr: 1, decayT: 10 as never, steps: 20 })).toThrow(/timm.multiStepLR: decayT must be an array of non-negative integers, non-decreasing, got 10/);
    expect(() => timm.stepLR({ baseLr: 1, decayT: 0, steps: 20 })).toThrow(/timm.stepLR: decayT must be a finite number > 0, got 0/);
    expect(() => timm.stepLR({ baseLr: 1, decayT: 3, warmupPrefix: 'no' as never, steps: 20 })).toThrow(/warmupPrefix must be a boolean, got "no"/);
    expect(() => timm.polyLR({ baseLr: 1, tInitial: 10, power: 0, steps: 20 })).toThrow(/timm.polyLR: power must be a finite number > 0, got 0/);
    expect(() => timm.tanhLR({ baseLr: 1, tInitial: 10, lb: Number.NaN, steps: 20 })).toThrow(/timm.tanhLR: lb must be a finite number, got NaN/);
    expect(() => timm.tanhLR({ baseLr: 1, tInitial: 10, steps: 20, k: 2 } as never)).toThrow(/unknown option "k"/);
    expect(() => timm.multiStepLR({ baseLr: 1, decayT: [5, 8], decayRate: 1e300, steps: 20 })).toThrow(/^timm.multiStepLR: lr would be Infinity at step 7 \(not a finite number\)/);
    // With noise: an overflow of the noise, or a bad value under it, is named for the preset.
    expect(() => timm.stepLR({ baseLr: 1, decayT: 1, decayRate: 0.5, warmupT: 30, warmupLrInit: Number.MAX_VALUE, noiseRangeT: [0], steps: 50 })).toThrow(/^timm.stepLR: lr: noisy: the value at step 0 overflows/);
    expect(() => timm.stepLR({ baseLr: -0, decayT: 1, decayRate: Number.MAX_VALUE, noiseRangeT: [2], steps: 50 })).toThrow(/^timm.stepLR: lr would be NaN at step 2 \(not a finite number\)/);
  });

  it('multiStepLR decays one step before each milestone (PyTorch\'s MultiStepLR at it); repeated milestones decay twice', () => {
    const lr = lrsOf(timm.multiStepLR({ baseLr: 1, decayT: [3, 5, 5], decayRate: 0.5, steps: 7 }));
    expect(lr).toEqual([1, 1, 0.5, 0.5, 0.125, 0.125, 0.125]);
  });

  it('tanhLR without a prefix warms up towards the tanh curve at warmupT, not towards baseLr, as timm does', () => {
    const lr = lrsOf(timm.tanhLR({ baseLr: 1, tInitial: 10, warmupT: 4, steps: 10 }));
    const target = lrsOf(timm.tanhLR({ baseLr: 1, tInitial: 10, steps: 10 }))[4]!;
    expectClose(lr.slice(0, 4), [0, 0.25, 0.5, 0.75].map((f) => f * target), 15);
    expect(lr[4]).toBe(target);
  });

  it('tanhLR: a warmup target whose cycle peak overflows is a named error of tanhLR; an empty schedule aims at nothing', () => {
    // At clock warmupT 1 the curve is in cycle 1, whose peak 1e10 · 1e300 overflows.
    expect(() => timm.tanhLR({ baseLr: 1e10, warmupT: 1, steps: 1, tInitial: 1, cycleDecay: 1e300, cycleLimit: 3 })).toThrow(
      new RangeError('timm.tanhLR: the peak of cycle 1 (baseLr · cycleDecay^1), which the warmup aims at, would be Infinity (not a finite number), got cycleDecay 1e+300'),
    );
    expect(timm.tanhLR({ baseLr: 1e10, warmupT: 1, steps: 0, tInitial: 1, cycleDecay: 1e300, cycleLimit: 3 })).toEqual([]);
    // At clock 17 the curve is in cycle 1, 17 · 1.06e307 steps long: too long for a double.
    expect(() => timm.tanhLR({ baseLr: 1, warmupT: 17, steps: 1, tInitial: 17, cycleMul: 1.0574665499190093e307, cycleLimit: 2 })).toThrow(
      /^timm.tanhLR: the length of cycle 1 \(tInitial · cycleMul\^1\), which the warmup aims into, would be Infinity \(not a finite number\), got cycleMul 1.0574665499190093e\+307$/,
    );
  });
});

