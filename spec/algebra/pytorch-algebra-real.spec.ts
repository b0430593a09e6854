// Reference numbers: real PyTorch 1.13 (Debian's python3-torch), recorded by
// scripts/pytorch-algebra-reference.py into spec/fixtures/pytorch-algebra.json: the rate in the
// optimizer's param group before each scheduler.step(), for LambdaLR, ChainedScheduler,
// MultiplicativeLR and SWALR. The factor functions are the script's, written again here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fnspace, OptimizerPolicy, Phase, presetOptions, product, pytorch, scalePolicy } from '../../lib/index.js';

interface Case {
  readonly id: string;
  readonly torch: string;
  readonly steps: number;
  readonly options: Record<string, unknown>;
  readonly lr: number[];
}

const fixture = JSON.parse(readFileSync(new URL('../fixtures/pytorch-algebra.json', import.meta.url), 'utf8')) as { torch: string; cases: Case[] };
const byId = (id: string): Case => fixture.cases.find((c) => c.id === id)!;

const FACTORS: Record<string, (e: number) => number> = {
  warmup5: (e) => Math.min(1, (e + 1) / 5),
  cosine20: (e) => 0.5 * (1 + Math.cos((Math.PI * e) / 20)),
  constant095: () => 0.95,
  every3: (e) => (e % 3 === 0 ? 0.9 : 1),
  wobble: (e) => 1 - 1e-4 * (e % 7) + 5e-5 * (e % 3),
};

const lrs = (policy: OptimizerPolicy): number[] => [...policy.allSteps()].map((v) => (v as { lr: number }).lr);

function expectRelative(actual: readonly number[], expected: readonly number[], tol: number, what: string): void {
  expect(actual.length).toBe(expected.length);
  expected.forEach((e, k) => {
    if (!(Math.abs(actual[k]! - e) <= tol * Math.abs(e))) throw new Error(`${what}: step ${k} is ${actual[k]}, PyTorch has ${e}`);
  });
}

describe(`schedule algebra against real PyTorch ${fixture.torch}`, () => {
  it(`${byId('lambda:warmup5').torch}: product(0.1, fnspace(lr_lambda)), bit for bit`, () => {
    const c = byId('lambda:warmup5');
    expect([...product(0.1, fnspace(FACTORS['warmup5']!, c.steps))]).toEqual(c.lr);
  });

  it(`${byId('lambda:cosine20').torch}: product(0.1, fnspace(lr_lambda)), to V8's Math.cos against libm's`, () => {
    const c = byId('lambda:cosine20');
    const got = [...product(0.1, fnspace(FACTORS['cosine20']!, c.steps))];
    c.lr.forEach((e, k) => expect(Math.abs(got[k]! - e)).toBeLessThanOrEqual(1e-15 * 0.1));
  });

  it(`${byId('chained:linear+exponential').torch}: a policy scaled by another`, () => {
    const c = byId('chained:linear+exponential');
    const exponential = new OptimizerPolicy(pytorch.exponentialLR({ baseLr: 0.1, gamma: 0.9, steps: c.steps }));
    const warmup = pytorch.linearLR({ baseLr: 1, startFactor: 0.1, totalIters: 5, steps: c.steps });
    const chained = scalePolicy(exponential, warmup);
    // PyTorch multiplies recursively; the closed forms agree to rounding.
    expectRelative(lrs(chained), c.lr, 1e-13, c.torch);
  });

  for (const id of ['multiplicative:constant095', 'multiplicative:every3', 'multiplicative:wobble']) {
    it(`${byId(id).torch}: the same doubles, read in any order`, () => {
      const c = byId(id);
      const policy = new OptimizerPolicy(pytorch.multiplicativeLR({ baseLr: 0.1, lrLambda: FACTORS[id.split(':')[1]!]!, steps: c.steps }));
      expect(lrs(policy)).toEqual(c.lr);
      // A fresh policy read backwards, then at random: checkpoints give the same values.
      const fresh = new OptimizerPolicy(pytorch.multiplicativeLR({ baseLr: 0.1, lrLambda: FACTORS[id.split(':')[1]!]!, steps: c.steps }));
      for (let k = c.steps - 1; k >= 0; k -= 97) expect(fresh.at(k).lr).toBe(c.lr[k]);
      for (let n = 0; n < 50; n++) {
        const k = (n * 7919) % c.steps;
        expect(fresh.at(k).lr).toBe(c.lr[k]);
      }
    });
  }

  for (const c of fixture.cases.filter((x) => x.id.startsWith('swa:'))) {
    it(c.torch, () => {
      const policy = new OptimizerPolicy(pytorch.swaLR(c.options as never));
      // PyTorch recovers the initial rate from the previous one at each step: rounding only.
      expectRelative(lrs(policy), c.lr, 1e-14, c.torch);
    });
  }
});

describe('pytorch.multiplicativeLR and pytorch.swaLR: bad input', () => {
  it('names the option and the value', () => {
    expect(() => pytorch.multiplicativeLR({ baseLr: 0.1, lrLambda: 0.95 as never, steps: 3 })).toThrow('pytorch.multiplicativeLR: lrLambda must be a function (epoch: number) => number, got 0.95');
    expect(() => pytorch.multiplicativeLR({ baseLr: 0.1, lrLambda: () => 1, steps: 3, gamma: 1 } as never)).toThrow('pytorch.multiplicativeLR: unknown option "gamma"');
    // lrLambda is required, and its declaration says so (the options reference, the CLI, the explorer).
    expect(() => pytorch.multiplicativeLR({ baseLr: 0.1, steps: 3 } as never)).toThrow(new TypeError('pytorch.multiplicativeLR: lrLambda must be a function (epoch: number) => number, got undefined'));
    expect(presetOptions('pytorch.multiplicativeLR').find((f) => f.name === 'lrLambda')).toMatchObject({ required: true, json: false });
    expect(() => pytorch.swaLR({ baseLr: 0.1, swaLr: 0.05, annealStrategy: 'exp' as never, steps: 3 })).toThrow("pytorch.swaLR: annealStrategy must be one of 'cos', 'linear', got \"exp\"");
    expect(() => pytorch.swaLR({ baseLr: 0.1, swaLr: 0.05, annealEpochs: -1, steps: 3 })).toThrow('pytorch.swaLR: annealEpochs must be a non-negative integer, got -1');
  });

  it('a factor that returns NaN is an error naming the step, not a NaN rate', () => {
    const policy = new OptimizerPolicy(pytorch.multiplicativeLR({ baseLr: 0.1, lrLambda: function decay(e) { return e === 5 ? NaN : 0.9; }, steps: 10 }));
    expect(policy.at(4).lr).toBeCloseTo(0.1 * 0.9 ** 4, 15);
    expect(() => policy.at(7)).toThrow('pytorch.multiplicativeLR: decay(5) must return a finite number, got NaN');
  });

  it('has no JSON form, and says so', () => {
    const policy = new OptimizerPolicy(pytorch.multiplicativeLR({ baseLr: 0.1, lrLambda: () => 0.9, steps: 10 }));
    expect(() => JSON.stringify(policy)).toThrow(/has no JSON form: it holds a function/);
  });

  it('a phase of SWALR is the closed form', () => {
    const [anneal] = pytorch.swaLR({ baseLr: 1, swaLr: 0, annealEpochs: 4, annealStrategy: 'linear', steps: 2 });
    expect([...(anneal as Phase<'lr'>)].map((v) => v.lr)).toEqual([1, 0.75]);
  });
});
