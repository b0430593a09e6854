// Reference numbers: timm's own CosineLRScheduler (pytorch-image-models at aa4b5850, with Debian's
// PyTorch 1.13), recorded by scripts/timm-reference.py into spec/fixtures/timm.json: the lr it writes
// at each `step_update(t)`, for warmups with and without prefix, cycle_mul, cycle_decay,
// cycle_limit, k_decay, and normal and uniform noise (PyTorch's own draws).
import { readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { OptimizerPolicy, timm, type TimmCosineOptions } from '../../lib/index.js';

interface Case {
  readonly options: TimmCosineOptions;
  readonly timm: string;
  readonly lr: number[];
}
const fixture = JSON.parse(readFileSync(new URL('../fixtures/timm.json', import.meta.url), 'utf8')) as { cases: Case[] };

describe('timm.cosineLR against timm\'s CosineLRScheduler', () => {
  for (const c of fixture.cases) {
    it(c.timm, () => {
      const got = [...new OptimizerPolicy(timm.cosineLR(c.options)).allSteps()].map((v) => v.lr);
      if (got.length !== c.lr.length) throw new Error(`${got.length} steps, timm recorded ${c.lr.length}`);
      c.lr.forEach((e, t) => {
        // The same formula in the same order, but rx-policy's cosine goes through a space: a relative 1e-12.
        if (!(Math.abs(got[t]! - e) <= 1e-12 * Math.abs(e) + 1e-18)) throw new Error(`step ${t}: rx-policy ${got[t]}, timm ${e}`);
      });
    });
  }
});
