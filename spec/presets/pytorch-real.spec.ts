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

/** Builds a preset from JSON options, as a config file would (the options are checked by the preset). */
function build(c: Case): Phase[] {
  const preset = pytorch[c.preset] as (options: Record<string, unknown>) => Phase[];
  return preset(c.preset === 'oneCycleLR' ? c.options : { ...c.options, steps: c.steps });
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
