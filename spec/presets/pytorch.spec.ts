// Reference numbers: anchors.md §2.3 (transcription of torch/optim/lr_scheduler.py, checked there
// against PyTorch's own test fixtures) and PyTorch's test_lrscheduler.py fixture for OneCycleLR;
// the other tables are the closed forms in PyTorch's docs, written out here.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { buildPolicy, OptimizerPolicy, pytorch, type CyclicLROptions, type OneCycleLROptions } from '../../lib/index.js';
import { expectClose } from '../helpers.js';

const lrs = (phases: ConstructorParameters<typeof OptimizerPolicy>[0]) => [...new OptimizerPolicy(phases).allSteps()].map((v) => v.lr!);

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('pytorch.oneCycleLR', () => {
  it('N=10, max_lr 1, cos, two phases: anchors.md §2.3 (peak at k = 0.3·10 − 1 = 2, last 4e-6)', () => {
    const all = [...new OptimizerPolicy(pytorch.oneCycleLR({ maxLr: 1, totalSteps: 10 })).allSteps()];
    expectClose(all.map((v) => v.lr), [0.04, 0.52, 1.0, 0.950485, 0.811746, 0.611262, 0.388742, 0.188258, 0.0495194, 4e-6], 6);
    expectClose(all.map((v) => v.momentum), [0.95, 0.9, 0.85, 0.854952, 0.868826, 0.888874, 0.911126, 0.931174, 0.945048, 0.95], 6);
  });

  it('three-phase and linear variants: anchors.md §2.3', () => {
    expectClose(lrs(pytorch.oneCycleLR({ maxLr: 1, totalSteps: 10, threePhase: true })), [0.04, 0.52, 1.0, 0.52, 0.04, 0.0361807, 0.0261817, 0.0138223, 0.00382328, 4e-6], 6);
    expectClose(lrs(pytorch.oneCycleLR({ maxLr: 1, totalSteps: 10, annealStrategy: 'linear' })), [0.04, 0.52, 1.0, 0.857143, 0.714287, 0.57143, 0.428574, 0.285717, 0.142861, 4e-6], 5);
  });

  it('PyTorch\'s own fixture (test_onecycle_lr_linear_annealing_three_phases)', () => {
    const all = [...new OptimizerPolicy(pytorch.oneCycleLR({ maxLr: 25, totalSteps: 10, divFactor: 25, finalDivFactor: 4, pctStart: 0.4, annealStrategy: 'linear', threePhase: true, baseMomentum: 1, maxMomentum: 22 })).allSteps()];
    expectClose(all.map((v) => v.lr), [1, 9, 17, 25, 17, 9, 1, 0.75, 0.5, 0.25], 10);
    expectClose(all.map((v) => v.momentum), [22, 15, 8, 1, 8, 15, 22, 22, 22, 22], 10);
  });

  it('a second length with a fractional phase end (N=15, pct 0.3: phase 1 ends at 3.5)', () => {
    const N = 15;
    const end1 = 0.3 * N - 1;
    const ref = Array.from({ length: N }, (_, k) => {
      const cos = (s: number, e: number, p: number) => e + ((s - e) / 2) * (Math.cos(Math.PI * p) + 1);
      return k <= end1 ? cos(0.04, 1, k / end1) : cos(1, 0.04 / 1e4, (k - end1) / (N - 1 - end1));
    });
    expectClose(lrs(pytorch.oneCycleLR({ maxLr: 1, totalSteps: N })), ref, 12);
  });

  it('epochs × stepsPerEpoch, beta1 instead of momentum, no momentum', () => {
    const phases = pytorch.oneCycleLR({ maxLr: 1, epochs: 2, stepsPerEpoch: 5, momentumName: 'beta1' });
    expect(new OptimizerPolicy(phases).at(2)).toEqual({ lr: 1, beta1: 0.85 });
    expect(new OptimizerPolicy(pytorch.oneCycleLR({ maxLr: 1, totalSteps: 10, cycleMomentum: false })).at(0)).toEqual({ lr: 0.04 });
  });

  it('validates with PyTorch\'s messages', () => {
    expect(() => pytorch.oneCycleLR({ maxLr: 1, totalSteps: 10, pctStart: 1.5 })).toThrow(/pytorch.oneCycleLR: pctStart must be a number in \[0, 1\], got 1.5/);
    // @ts-expect-error the length is required: totalSteps, or epochs with stepsPerEpoch
    expect(() => pytorch.oneCycleLR({ maxLr: 1 })).toThrow(/pytorch.oneCycleLR: totalSteps must be given \(or epochs and stepsPerEpoch\), got/);
    expect(() => pytorch.oneCycleLR({ maxLr: 1, totalSteps: 0 })).toThrow(/pytorch.oneCycleLR: totalSteps must be a positive integer, got 0/);
    expect(() => pytorch.oneCycleLR({ maxLr: 1, totalSteps: 10, annealStrategy: 'exp' as 'cos' })).toThrow(/annealStrategy must be one of 'cos', 'linear', got "exp"/);
    expect(() => pytorch.oneCycleLR({ maxLr: 1, totalSteps: 10, pctStart: 0.1 })).toThrow(/pctStart 0.1 makes phase 1 span 0 steps/);
  });
});

describe('types of pytorch.oneCycleLR and pytorch.cyclicLR: what the run refuses, the compiler refuses; the values are typed as they come', () => {
  it('the length is totalSteps, or epochs with stepsPerEpoch, never both', () => {
    // @ts-expect-error epochs without stepsPerEpoch
    expect(() => pytorch.oneCycleLR({ maxLr: 1, epochs: 2 })).toThrow('pytorch.oneCycleLR: epochs applies only with stepsPerEpoch; give stepsPerEpoch or leave epochs out, got epochs 2 without stepsPerEpoch');
    // @ts-expect-error stepsPerEpoch beside totalSteps
    expect(() => pytorch.oneCycleLR({ maxLr: 1, totalSteps: 10, stepsPerEpoch: 5 })).toThrow('pytorch.oneCycleLR: stepsPerEpoch applies only with epochs; give epochs or leave stepsPerEpoch out, got stepsPerEpoch 5 without epochs');
    // @ts-expect-error both lengths
    expect(() => pytorch.oneCycleLR({ maxLr: 1, totalSteps: 10, epochs: 2, stepsPerEpoch: 5 })).toThrow('pytorch.oneCycleLR: give totalSteps or epochs with stepsPerEpoch, not both, got totalSteps 10 and epochs 2');
    // @ts-expect-error a misspelt option
    expect(() => pytorch.oneCycleLR({ maxLr: 1, totalSteps: 10, pctStrat: 0.2 })).toThrow(/pytorch.oneCycleLR: unknown option "pctStrat" \(did you mean "pctStart"\?\)/);
    const byEpochs: OneCycleLROptions = { maxLr: 1, epochs: 2, stepsPerEpoch: 5 };
    expect(pytorch.oneCycleLR(byEpochs).reduce((n, p) => n + p.length, 0)).toBe(10);
  });

  it('cyclicLR: the amplitude is mode (with gamma) or scaleFn (with scaleMode), never both', () => {
    // @ts-expect-error gamma is not for scaleFn
    expect(() => pytorch.cyclicLR({ baseLr: 0.1, maxLr: 1, steps: 4, scaleFn: () => 1, gamma: 0.9 })).toThrow('pytorch.cyclicLR: gamma means nothing with scaleFn (PyTorch ignores it); leave it out, got gamma 0.9');
    // @ts-expect-error scaleMode without scaleFn
    expect(() => pytorch.cyclicLR({ baseLr: 0.1, maxLr: 1, steps: 4, mode: 'triangular', scaleMode: 'iterations' })).toThrow(/pytorch.cyclicLR: scaleMode applies only with scaleFn/);
    const custom: CyclicLROptions = { baseLr: 0.1, maxLr: 1, steps: 4, stepSizeUp: 2, scaleFn: (x) => 0.5 ** x, scaleMode: 'cycle' };
    expect(lrs(pytorch.cyclicLR(custom))).toEqual([0.1, 0.1 + 0.9 * 0.5 * 0.5, 0.1 + 0.9 * 0.5, 0.1 + 0.9 * 0.5 * 0.5]);
  });

  it('without cycleMomentum there is no momentum, whatever momentumName says; a cycleMomentum known at run time gives either', () => {
    const off = new OptimizerPolicy(pytorch.oneCycleLR({ maxLr: 1, totalSteps: 10, cycleMomentum: false, momentumName: 'beta1' })).at(0);
    expectTypeOf(off).toEqualTypeOf<{ lr: number }>();
    expect(off).toEqual({ lr: 0.04 });
    const cyclicOff = new OptimizerPolicy(pytorch.cyclicLR({ baseLr: 0.1, maxLr: 1, steps: 4, cycleMomentum: false, momentumName: 'beta1' })).at(0);
    expectTypeOf(cyclicOff).toEqualTypeOf<{ lr: number }>();
    expect(cyclicOff).toEqual({ lr: 0.1 });
    expectTypeOf(new OptimizerPolicy(pytorch.cyclicLR({ baseLr: 0.1, maxLr: 1, steps: 4, momentumName: 'beta1' })).at(0)).toEqualTypeOf<{ lr: number; beta1: number }>();
    const at0 = (cycleMomentum: boolean) => new OptimizerPolicy(pytorch.oneCycleLR({ maxLr: 1, totalSteps: 10, cycleMomentum })).at(0);
    expectTypeOf(at0).returns.toEqualTypeOf<{ lr: number } | { lr: number; momentum: number }>();
    expect([at0(true), at0(false)]).toEqual([{ lr: 0.04, momentum: 0.95 }, { lr: 0.04 }]);
  });
});

describe('pytorch warm restarts and cosine annealing', () => {
  it('CosineAnnealingWarmRestarts T_0=4, T_mult=2, eta_min=0.1: anchors.md §2.3', () => {
    expectClose(lrs(pytorch.cosineAnnealingWarmRestarts({ baseLr: 1, t0: 4, tMult: 2, etaMin: 0.1, steps: 28 })), [
      1, 0.868198, 0.55, 0.231802, 1, 0.965746, 0.868198, 0.722208, 0.55, 0.377792, 0.231802, 0.134254, 1, 0.991353, 0.965746, 0.924161, 0.868198, 0.800007,
      0.722208, 0.637791, 0.55, 0.462209, 0.377792, 0.299993, 0.231802, 0.175839, 0.134254, 0.108647,
    ], 5);
  });

  it('T_mult 1 is one periodic space, even for 10^9 steps', () => {
    const phases = pytorch.cosineAnnealingWarmRestarts({ baseLr: 1, t0: 4, etaMin: 0.1, steps: 1e9 });
    expect(phases).toHaveLength(1);
    const policy = new OptimizerPolicy(phases);
    expectClose([policy.at(0).lr, policy.at(1e9 - 3).lr], [1, 0.868198], 6); // 1e9 - 3 ≡ 1 (mod 4)
  });

  it('CosineAnnealingLR keeps oscillating past T_max: t=5..8 gives 0.2318, 0.55, 0.8682, 1.0 (anchors.md §2.3)', () => {
    expectClose(lrs(pytorch.cosineAnnealingLR({ baseLr: 1, tMax: 4, etaMin: 0.1, steps: 9 })).slice(5), [0.2318, 0.55, 0.8682, 1.0], 4);
  });

  it('validates T_0 and T_mult with PyTorch\'s messages', () => {
    expect(() => pytorch.cosineAnnealingWarmRestarts({ baseLr: 1, t0: 0, steps: 5 })).toThrow(/pytorch.cosineAnnealingWarmRestarts: t0 must be a positive integer, got 0/);
    expect(() => pytorch.cosineAnnealingWarmRestarts({ baseLr: 1, t0: 4, tMult: 0.5, steps: 5 })).toThrow(/tMult must be a positive integer, got 0.5/);
  });
});

describe('pytorch step-wise schedulers (closed forms from the PyTorch docs)', () => {
  it.each([7, 20])('StepLR, MultiStepLR, ExponentialLR, LinearLR, PolynomialLR over %d steps', (N) => {
    const k = Array.from({ length: N }, (_, i) => i);
    expectClose(lrs(pytorch.stepLR({ baseLr: 0.5, stepSize: 3, gamma: 0.1, steps: N })), k.map((i) => 0.5 * 0.1 ** Math.floor(i / 3)));
    const bisectRight = (i: number) => [2, 5].filter((m) => m <= i).length;
    expectClose(lrs(pytorch.multiStepLR({ baseLr: 0.5, milestones: [5, 2], gamma: 0.5, steps: N })), k.map((i) => 0.5 * 0.5 ** bisectRight(i)));
    expectClose(lrs(pytorch.exponentialLR({ baseLr: 0.5, gamma: 0.9, steps: N })), k.map((i) => 0.5 * 0.9 ** i));
    expectClose(lrs(pytorch.linearLR({ baseLr: 0.5, steps: N })), k.map((i) => 0.5 * (1 / 3 + (1 - 1 / 3) * (Math.min(i, 5) / 5))));
    expectClose(lrs(pytorch.polynomialLR({ baseLr: 0.5, totalIters: 6, power: 2, steps: N })), k.map((i) => 0.5 * (1 - Math.min(i, 6) / 6) ** 2));
  });

  it('validates LinearLR factors with PyTorch\'s messages', () => {
    expect(() => pytorch.linearLR({ baseLr: 1, startFactor: 0, steps: 3 })).toThrow(/pytorch.linearLR: startFactor must be a number in \(0, 1\], got 0/);
    expect(() => pytorch.linearLR({ baseLr: 1, endFactor: 2, steps: 3 })).toThrow(/pytorch.linearLR: endFactor must be a number in \[0, 1\], got 2/);
  });

  it('a horizon up to 2^53 − 1 is a valid option; a milestone value that overflows is an error in the preset\'s name when reached', () => {
    expect(lrs(pytorch.linearLR({ baseLr: 1, totalIters: 2 ** 53 - 1, steps: 2 }))).toEqual([1 / 3, 1 / 3 + (2 / 3) / (2 ** 53 - 1)]);
    expect(lrs(pytorch.polynomialLR({ baseLr: 1, totalIters: 2 ** 53 - 1, power: 1, steps: 2 }))).toEqual([1, 1 - 1 / (2 ** 53 - 1)]);
    expect(() => pytorch.multiStepLR({ baseLr: 1, milestones: [2, 4], gamma: 1e300, steps: 6 })).toThrow(/^pytorch.multiStepLR: lr would be Infinity at step 4 \(not a finite number\)/);
    // Not reached within steps: no error.
    expect(lrs(pytorch.multiStepLR({ baseLr: 1, milestones: [2, 4], gamma: 1e300, steps: 4 }))).toEqual([1, 1, 1e300, 1e300]);
  });

  it('every PyTorch preset builds from a JSON config by name', () => {
    expect(buildPolicy({ preset: 'pytorch.oneCycleLR', options: { maxLr: 1, totalSteps: 10 } }).at(2).lr).toBe(1);
    expect(() => buildPolicy({ preset: 'pytorch.stepLR', options: { base_lr: 1 } })).toThrow(/unknown option "base_lr" \(did you mean "baseLr"\?\); accepted: baseLr, stepSize, gamma, steps/);
  });
});

describe('pytorch.cyclicLR (PyTorch CyclicLR.get_lr written out)', () => {
  const ref = (k: number, base: number, max: number, up: number, down: number, mode: string, gamma = 1) => {
    const total = up + down;
    const ratio = up / total;
    const cycle = Math.floor(1 + k / total);
    const x = 1 + k / total - cycle;
    const scale = x <= ratio ? x / ratio : (x - 1) / (ratio - 1);
    const amp = mode === 'triangular' ? 1 : mode === 'triangular2' ? 1 / 2 ** (cycle - 1) : gamma ** k;
    return base + (max - base) * scale * amp;
  };
  it.each([
    ['triangular', 2, 2],
    ['triangular2', 3, 2],
    ['exp_range', 4, 4],
  ] as const)('%s, up %d, down %d, two lengths', (mode, up, down) => {
    for (const N of [13, 40]) {
      const all = [...new OptimizerPolicy(pytorch.cyclicLR({ baseLr: 0.1, maxLr: 1, stepSizeUp: up, stepSizeDown: down, mode, gamma: 0.97, steps: N })).allSteps()];
      const k = Array.from({ length: N }, (_, i) => i);
      expectClose(all.map((v) => v.lr), k.map((i) => ref(i, 0.1, 1, up, down, mode, 0.97)), 12);
      expectClose(all.map((v) => v.momentum!), k.map((i) => ref(i, 0.9, 0.8, up, down, mode, 0.97)), 12);
    }
  });
  it('triangular with equal steps: [0.1, 0.55, 1, 0.55, 0.1, …]', () => {
    expectClose(lrs(pytorch.cyclicLR({ baseLr: 0.1, maxLr: 1, stepSizeUp: 2, steps: 6 })), [0.1, 0.55, 1, 0.55, 0.1, 0.55], 12);
    expect(() => pytorch.cyclicLR({ baseLr: 0.1, maxLr: 1, mode: 'sine' as 'triangular', steps: 6 })).toThrow(/pytorch.cyclicLR: mode must be one of 'triangular', 'triangular2', 'exp_range', got "sine"/);
  });
});

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
});
