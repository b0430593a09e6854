// Reference numbers: timm's own schedulers (pytorch-image-models at aa4b5850, with Debian's
// PyTorch 1.13: Cosine, Poly, Tanh, Step and MultiStep LRScheduler), recorded by
// scripts/timm-reference.py into spec/fixtures/timm.json: the lr each writes at every
// `step_update(t)`, for warmups with and without prefix, cycle_mul, cycle_decay, cycle_limit,
// k_decay, power, lb/ub, fractional decay_t, repeated milestones, and normal and uniform noise
// (PyTorch's own draws).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OptimizerPolicy, type Phase, timm } from '../../lib/index.js';

interface Case {
  readonly preset: keyof typeof timm;
  readonly options: Record<string, unknown>;
  readonly timm: string;
  readonly lr: number[];
}
const fixture = JSON.parse(readFileSync(new URL('../fixtures/timm.json', import.meta.url), 'utf8')) as { cases: Case[] };

describe('timm presets against timm\'s own schedulers', () => {
  it('the fixture covers every timm preset', () => {
    expect(new Set(fixture.cases.map((c) => c.preset))).toEqual(new Set(Object.keys(timm)));
  });

  for (const c of fixture.cases) {
    it(c.timm, () => {
      const preset = timm[c.preset] as unknown as (options: Record<string, unknown>) => Phase<'lr'>[];
      const got = [...new OptimizerPolicy(preset(c.options)).allSteps()].map((v) => v.lr);
      if (got.length !== c.lr.length) throw new Error(`${got.length} steps, timm recorded ${c.lr.length}`);
      c.lr.forEach((e, t) => {
        // The same formula in the same order, but rx-policy's cosine goes through a space: a relative 1e-12.
        if (!(Math.abs(got[t]! - e) <= 1e-12 * Math.abs(e) + 1e-18)) throw new Error(`step ${t}: rx-policy ${got[t]}, timm ${e}`);
      });
    });
  }
});
