import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { constant, cosinespace, fnspace, linspace, OptimizerPolicy, Phase, policyFromJSON, pytorch, restorePolicy, saveState, scalePolicy } from '../../lib/index.js';

const randomPolicy = fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.double({ min: 0, max: 2, noNaN: true }), fc.boolean()), { minLength: 1, maxLength: 6 });

function build(parts: readonly (readonly [number, number, boolean])[], withMomentum: boolean): OptimizerPolicy {
  return new OptimizerPolicy(
    parts.map(([n, v, cos]) => {
      const lr = (cos ? cosinespace : linspace)(v, 1 - v, n);
      return withMomentum ? new Phase<string>({ lr, momentum: 0.9 }) : new Phase<string>({ lr });
    }),
  );
}

describe('scalePolicy', () => {
  it('multiplies lr by the factor and leaves the other parameters', () => {
    const cosine = new OptimizerPolicy([new Phase({ lr: cosinespace(1, 0, 100), momentum: 0.9 })]);
    const warmup = [new Phase({ lr: linspace(0.1, 1, 10) }), new Phase({ lr: constant(1, 90) })];
    const policy = scalePolicy(cosine, warmup);
    expect(policy.at(0)).toEqual({ lr: 0.1, momentum: 0.9 });
    expect(policy.at(5)).toEqual({ lr: cosine.at(5).lr * 0.6, momentum: 0.9 });
    expect(policy.at(50)).toEqual({ lr: cosine.at(50).lr, momentum: 0.9 });
    expect(policy.phases.length).toBe(2);
  });

  it('at every step is the product of the two schedules (a law), with phases cut at both boundaries', () => {
    fc.assert(
      fc.property(randomPolicy, randomPolicy, (a, b) => {
        const total = a.reduce((s, [n]) => s + n, 0);
        const bTotal = b.reduce((s, [n]) => s + n, 0);
        fc.pre(total > 0 && bTotal > 0);
        const policy = build(a, true);
        // Stretch b's phases to the policy's length: the last one takes the rest.
        const lengths = b.map(([n]) => Math.floor((n * total) / bTotal));
        lengths[lengths.length - 1]! += total - lengths.reduce((s, n) => s + n, 0);
        const factor = build(b.map(([, v, c], k) => [lengths[k]!, v, c] as const), false);
        const scaled = scalePolicy(policy, factor);
        expect(scaled.length).toBe(total);
        expect(scaled.phases.length).toBeLessThanOrEqual(policy.phases.length + factor.phases.length);
        for (let i = 0; i < total; i++) {
          const got = scaled.at(i) as { lr: number; momentum: number };
          expect(got.lr).toBe((policy.at(i) as { lr: number }).lr * (factor.at(i) as { lr: number }).lr);
          expect(got.momentum).toBe(0.9);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('law: scaling by the constant 1 leaves every value unchanged, bit for bit', () => {
    fc.assert(
      fc.property(randomPolicy, fc.boolean(), (a, withMomentum) => {
        const policy = build(a, withMomentum);
        const n = policy.length;
        const ones = [constant(1), ...(n > 0 ? [constant(1, n), [new Phase({ lr: constant(1, n) })]] : [])];
        for (const one of ones) {
          const scaled = scalePolicy(policy, one as never, { params: withMomentum ? ['lr', 'momentum'] : ['lr'] });
          expect(scaled.length).toBe(n);
          for (let i = 0; i < n; i++) {
            const [got, want] = [scaled.at(i), policy.at(i)];
            expect(Object.keys(got)).toEqual(Object.keys(want));
            for (const key of Object.keys(want)) expect(Object.is(got[key], want[key]), `${i} ${key}`).toBe(true);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('law: a scaled policy resumed at any step (seek, or a saved state) emits the tail of a full run, and round-trips through JSON', () => {
    fc.assert(
      fc.property(randomPolicy, fc.double({ min: 0, max: 1, noNaN: true }), (a, at) => {
        const policy = build(a, true);
        const n = policy.length;
        fc.pre(n > 0);
        const factor = [new Phase({ lr: linspace(0, 1, Math.ceil(n / 2)) }), new Phase({ lr: cosinespace(1, 0.5, n - Math.ceil(n / 2)) })];
        const scaled = scalePolicy(policy, factor);
        const full = [...scaled.allSteps()];
        const k = Math.round(at * n);
        scaled.seek(k);
        const restored = restorePolicy(JSON.parse(JSON.stringify(saveState(scaled))));
        expect([...scaled]).toEqual(full.slice(k));
        expect([...restored]).toEqual(full.slice(k));
        const copy = policyFromJSON(JSON.parse(JSON.stringify(scaled)));
        expect(JSON.parse(JSON.stringify(copy))).toEqual(JSON.parse(JSON.stringify(scaled)));
        expect([...copy.allSteps()]).toEqual(full);
      }),
      { numRuns: 60 },
    );
  });

  it('scales by a space, a number as an unbounded constant, or several params', () => {
    const policy = new OptimizerPolicy(pytorch.oneCycleLR({ maxLr: 1, totalSteps: 20 }));
    const half = scalePolicy(policy, constant(0.5), { params: ['lr', 'momentum'] });
    expect(half.at(7)).toEqual({ lr: policy.at(7).lr * 0.5, momentum: policy.at(7).momentum * 0.5 });
    const ramp = scalePolicy(policy, linspace(0, 1, 20));
    expect(ramp.at(19).lr).toBe(policy.at(19).lr);
    expect(ramp.at(0).lr).toBe(0);
  });

  it('round-trips through JSON and resumes from a saved state', () => {
    const policy = scalePolicy(new OptimizerPolicy(pytorch.cosineAnnealingWarmRestarts({ baseLr: 1, t0: 8, tMult: 2, steps: 50 })), [new Phase({ lr: linspace(0, 1, 5) }), new Phase({ lr: constant(1, 45) })]);
    const copy = policyFromJSON(JSON.parse(JSON.stringify(policy)));
    expect([...copy.allSteps()]).toEqual([...policy.allSteps()]);
    policy.seek(33);
    const resumed = restorePolicy(JSON.parse(JSON.stringify(saveState(policy))));
    expect([...resumed]).toEqual([...policy]);
  });

  it('keeps at O(log phases) on a long schedule: a 10^9-step policy scaled by a warmup function', () => {
    const long = new OptimizerPolicy(pytorch.cosineAnnealingWarmRestarts({ baseLr: 1, t0: 1000, tMult: 2, steps: 1e9 }));
    const warmup = fnspace((s) => Math.min(1, (s + 1) / 1e4), 1e9, { name: 'warmup' });
    const policy = scalePolicy(long, warmup);
    expect(policy.phases.length).toBe(long.phases.length);
    expect(policy.at(999_999_999).lr).toBe(long.at(999_999_999).lr);
    expect(policy.at(4_999).lr).toBe(long.at(4_999).lr * 0.5);
  });

  it('bad input: named errors', () => {
    const policy = new OptimizerPolicy([new Phase({ lr: linspace(0, 1, 10) })]);
    expect(() => scalePolicy(policy, linspace(0, 1, 9))).toThrow("scalePolicy: factor must have the policy's 10 steps, got 9");
    expect(() => scalePolicy(policy, constant(1), { params: ['momentum' as 'lr'] })).toThrow('scalePolicy: the policy has no parameter "momentum"; it has: lr');
    expect(() => scalePolicy(policy, new OptimizerPolicy([new Phase({ lr: linspace(0, 1, 10), momentum: 0.9 })]))).toThrow('scalePolicy: a factor policy must have exactly one parameter, got lr, momentum');
    expect(() => scalePolicy(policy, 2 as never)).toThrow('scalePolicy: factor must be a space, an OptimizerPolicy or an array of phases, got 2');
    expect(() => scalePolicy(policy, constant(1), { param: 'lr' } as never)).toThrow(/^scalePolicy: unknown option "param"/);
    expect(() => scalePolicy(policy, constant(1), { params: [] })).toThrow(new TypeError('scalePolicy: params must be a non-empty array of parameter names, got []'));
    expect(() => scalePolicy(policy, constant(1), { params: 'lr' as never })).toThrow(new TypeError('scalePolicy: params must be a non-empty array of parameter names, got "lr"'));
  });
});
