// Reference numbers: real PyTorch 1.13 schedulers (Debian's python3-torch), recorded by
// scripts/pytorch-reference.py into spec/fixtures/pytorch.json: the values in the optimizer's param
// group at each step, for lr and for momentum or Adam's beta1 where the scheduler drives them.
// PyTorch mostly computes recursively (each lr from the previous one) where rx-policy uses the
// closed form, so the two agree to rounding: a relative 1e-12, not bit for bit.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OptimizerPolicy, type Phase, pytorch } from '../../lib/index.js';

interface Case {
  readonly preset: keyof typeof pytorch;
  readonly options: Record<string, unknown>;
  readonly steps: number;
  readonly torch: string;
  readonly values: Record<string, number[]>;
}

const fixture = JSON.parse(readFileSync(new URL('../fixtures/pytorch.json', import.meta.url), 'utf8')) as { torch: string; cases: Case[] };

/** The scale functions scripts/pytorch-reference.py names, written the same way in JS. */
const scaleFns: Record<string, (x: number) => number> = { halving: (x) => 0.5 ** (x - 1), inverse: (x) => 1 / (1 + 0.01 * x) };

/** Builds a preset from JSON options, as a config file would (the options are checked by the preset). */
function build(c: Case): Phase[] {
  const preset = pytorch[c.preset] as unknown as (options: Record<string, unknown>) => Phase[];
  const options = typeof c.options['scaleFn'] === 'string' ? { ...c.options, scaleFn: scaleFns[c.options['scaleFn']] } : c.options;
  return preset(c.preset === 'oneCycleLR' ? options : { ...options, steps: c.steps });
}

describe(`pytorch presets against real PyTorch ${fixture.torch}`, () => {
  it('the fixture covers every PyTorch preset', () => {
    // multiplicativeLR and swaLR take functions or are checked in spec/algebra/pytorch-algebra-real.spec.ts.
    const elsewhere = ['multiplicativeLR', 'swaLR'];
    expect(new Set([...fixture.cases.map((c) => c.preset), ...elsewhere])).toEqual(new Set(Object.keys(pytorch)));
  });

  for (const c of fixture.cases) {
    it(c.torch, () => {
      const policy = new OptimizerPolicy(build(c));
      expect(policy.length).toBe(c.steps);
      const got = [...policy.allSteps()] as Record<string, number>[];
      for (const [name, expected] of Object.entries(c.values)) {
        expected.forEach((e, k) => {
          const a = got[k]![name]!;
          if (!(Math.abs(a - e) <= 1e-12 * Math.abs(e) + 1e-18)) {
            throw new Error(`${c.torch}: ${name} at step ${k} is ${a}, PyTorch has ${e}`);
          }
        });
      }
      // No parameter beyond the ones PyTorch drives.
      expect(Object.keys(got[0]!).sort()).toEqual(Object.keys(c.values).sort());
    });
  }
});

describe('pytorch.cyclicLR options beyond the fixture', () => {
  const cyclic = fixture.cases.find((c) => c.preset === 'cyclicLR' && c.options['mode'] === 'triangular2')!;

  it("momentumName 'beta1' cycles beta1 with PyTorch's momentum numbers (PyTorch ≥ 2.2 cycles betas[0] of Adam-like optimizers)", () => {
    const phases = pytorch.cyclicLR({ ...(cyclic.options as { baseLr: number; maxLr: number }), steps: cyclic.steps, momentumName: 'beta1' });
    const got = [...new OptimizerPolicy(phases).allSteps()];
    expect(got.map((v) => v.beta1)).toEqual(cyclic.values['momentum']);
    expect(got.map((v) => v.lr)).toEqual(cyclic.values['lr']);
    expect(Object.keys(got[0]!)).toEqual(['lr', 'beta1']);
    expect(() => pytorch.cyclicLR({ baseLr: 0.1, maxLr: 1, steps: 4, momentumName: 'lr' as 'beta1' })).toThrow('pytorch.cyclicLR: momentumName must differ from lr, which also names the parameter "lr", got "lr"');
    expect(() => pytorch.oneCycleLR({ maxLr: 1, totalSteps: 4, momentumName: 'lr' as 'beta1' })).toThrow(/^pytorch.oneCycleLR: momentumName must differ from lr/);
  });

  it('a scaleFn schedule cannot be saved: toJSON names the function and says how to resume', () => {
    const policy = new OptimizerPolicy(pytorch.cyclicLR({ baseLr: 0.1, maxLr: 1, stepSizeUp: 2, scaleFn: function halving(x) { return 0.5 ** x; }, steps: 8 }));
    expect(() => JSON.stringify(policy)).toThrow(/^pytorch.cyclicLR: a schedule with a custom scaleFn cannot be serialised \(toJSON, saveState\): a function has no JSON form, got scaleFn a function halving/);
    // @ts-expect-error scaleMode is only for scaleFn: a compile error too
    expect(() => pytorch.cyclicLR({ baseLr: 0.1, maxLr: 1, scaleMode: 'iterations', steps: 8 })).toThrow(/^pytorch.cyclicLR: scaleMode applies only with scaleFn/);
    // @ts-expect-error mode is not for scaleFn: a compile error too
    expect(() => pytorch.cyclicLR({ baseLr: 0.1, maxLr: 1, scaleFn: (x: number) => x, mode: 'triangular2', steps: 8 })).toThrow(/^pytorch.cyclicLR: mode means nothing with scaleFn/);
    // A function that returns a bad amplitude is refused at the step where it does.
    // A bad amplitude is refused at the step where it appears: at construction when it is at an
    // end of the schedule, by `at` (and the stream) elsewhere, never emitted.
    expect(() => pytorch.cyclicLR({ baseLr: 0.1, maxLr: 1, stepSizeUp: 2, scaleFn: (x) => (x > 1 ? NaN : 1), steps: 8 })).toThrow('pytorch.cyclicLR: scaleFn must return a finite number, got NaN for cycle 2 (step 7)');
    const bad = new OptimizerPolicy(pytorch.cyclicLR({ baseLr: 0.1, maxLr: 1, stepSizeUp: 2, scaleFn: (x) => (x === 2 ? Infinity : 1), steps: 12 }));
    expect(bad.at(3).lr).toBeCloseTo(0.55, 12);
    expect(() => bad.at(5)).toThrow('pytorch.cyclicLR: scaleFn must return a finite number, got Infinity for cycle 2 (step 5)');
  });
});
