import { Subject } from 'rxjs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { buildPolicy, constant, linspace, loadState, OptimizerPolicy, Phase, policyFromJSON, presets, pytorch, restorePolicy, resumeFromIterations, saveState, type PolicyState } from '../lib/index.js';

// Small options for every preset in the registry; a preset added without an entry fails below.
const smallOptions: Record<string, Record<string, unknown>> = {
  oneCycle: { steps: 37 },
  sgdr: { baseCycleLength: 5, cycles: 3, cycleMult: 1.5 },
  'pytorch.oneCycleLR': { maxLr: 1, totalSteps: 23, threePhase: true },
  'pytorch.cyclicLR': { baseLr: 0.1, maxLr: 1, stepSizeUp: 3, stepSizeDown: 2, mode: 'triangular2', steps: 23 },
  'pytorch.cosineAnnealingLR': { baseLr: 1, tMax: 7, steps: 20 },
  'pytorch.cosineAnnealingWarmRestarts': { baseLr: 1, t0: 3, tMult: 2, etaMin: 0.1, steps: 30 },
  'pytorch.stepLR': { baseLr: 1, stepSize: 4, steps: 15 },
  'pytorch.multiStepLR': { baseLr: 1, milestones: [3, 9], steps: 15 },
  'pytorch.exponentialLR': { baseLr: 1, gamma: 0.9, steps: 15 },
  'pytorch.linearLR': { baseLr: 1, steps: 12 },
  'pytorch.polynomialLR': { baseLr: 1, power: 2, steps: 12 },
  'huggingface.linear': { lr: 1, numWarmupSteps: 3, numTrainingSteps: 17 },
  'huggingface.cosine': { lr: 1, numWarmupSteps: 3, numTrainingSteps: 17 },
  'huggingface.cosineWithHardRestarts': { lr: 1, numWarmupSteps: 3, numTrainingSteps: 17, numCycles: 2.5 },
  'huggingface.polynomial': { lr: 1, numWarmupSteps: 3, numTrainingSteps: 17, power: 2 },
  'huggingface.constant': { lr: 1, numWarmupSteps: 3, numTrainingSteps: 17 },
  'fastai.fitOneCycle': { steps: 23, lrMax: 1 },
  'fastai.fitFlatCos': { steps: 23, lr: 1 },
  'fastai.fitSgdr': { nCycles: 3, cycleLen: 1, lrMax: 1, stepsPerEpoch: 3 },
  'optax.cosineOnecycle': { transitionSteps: 17, peakValue: 1, steps: 20 },
  'optax.linearOnecycle': { transitionSteps: 17, peakValue: 1, steps: 20 },
  'optax.warmupCosineDecay': { initValue: 0, peakValue: 1, warmupSteps: 3, decaySteps: 15, endValue: 0.1, steps: 20 },
  'optax.sgdr': { cycles: [{ initValue: 1, peakValue: 1, warmupSteps: 0, decaySteps: 5, endValue: 0.1 }, { initValue: 0, peakValue: 1, warmupSteps: 2, decaySteps: 9 }], steps: 20 },
  'keras.cosineDecay': { initialLearningRate: 0, decaySteps: 9, alpha: 0.1, warmupTarget: 1, warmupSteps: 3, steps: 16 },
  'keras.cosineDecayRestarts': { initialLearningRate: 1, firstDecaySteps: 3, tMul: 1.5, mMul: 0.5, alpha: 0.1, steps: 25 },
  'huggingface.inverseSqrt': { lr: 1, numWarmupSteps: 3, numTrainingSteps: 17 },
  'timm.cosineLR': { baseLr: 1, tInitial: 4, lrMin: 0.1, cycleMul: 1.5, cycleDecay: 0.5, cycleLimit: 3, warmupT: 2, kDecay: 2, noiseRangeT: [5, 20], noiseSeed: 3, steps: 25 },
  'huggingface.wsd': { lr: 1, numWarmupSteps: 3, numDecaySteps: 5, numTrainingSteps: 17, minLrRatio: 0.1 },
  'optax.constantSchedule': { value: 0.3, steps: 12 },
  'optax.linearSchedule': { initValue: 1, endValue: 0.1, transitionSteps: 8, transitionBegin: 3, steps: 16 },
  'optax.polynomialSchedule': { initValue: 1, endValue: 0.1, power: 2, transitionSteps: 8, transitionBegin: 3, steps: 16 },
  'optax.exponentialDecay': { initValue: 1, transitionSteps: 2, decayRate: 0.5, transitionBegin: 2, endValue: 0.1, steps: 20 },
  'optax.cosineDecaySchedule': { initValue: 1, decaySteps: 10, alpha: 0.1, exponent: 2, steps: 14 },
  'optax.piecewiseConstantSchedule': { initValue: 1, boundariesAndScales: { 4: 0.5, 9: 0.1 }, steps: 14 },
  'keras.exponentialDecay': { initialLearningRate: 1, decaySteps: 3, decayRate: 0.5, staircase: true, steps: 14 },
  'keras.inverseTimeDecay': { initialLearningRate: 1, decaySteps: 2, decayRate: 0.5, steps: 14 },
  'keras.piecewiseConstantDecay': { boundaries: [3, 8], values: [1, 0.5, 0.1], steps: 14 },
  'keras.polynomialDecay': { initialLearningRate: 1, decaySteps: 4, endLearningRate: 0.1, power: 2, cycle: true, steps: 18 },
  'timm.polyLR': { baseLr: 1, tInitial: 5, power: 2, lrMin: 0.1, cycleMul: 1.5, cycleLimit: 3, warmupT: 2, kDecay: 2, noiseRangeT: [4, 12], steps: 22 },
  'timm.tanhLR': { baseLr: 1, tInitial: 6, lrMin: 0.1, cycleLimit: 3, warmupT: 3, steps: 22 },
  'timm.stepLR': { baseLr: 1, decayT: 2.5, decayRate: 0.5, warmupT: 3, warmupPrefix: false, steps: 16 },
  'timm.multiStepLR': { baseLr: 1, decayT: [4, 9, 9], decayRate: 0.5, warmupT: 2, noiseRangeT: [3], noiseType: 'uniform', steps: 16 },
  'pytorch.swaLR': { baseLr: 1, swaLr: 0.1, annealEpochs: 5, annealStrategy: 'linear', steps: 12 },
  'pytorch.multiplicativeLR': { baseLr: 1, lrLambda: (e: number) => 0.9 + 0.01 * (e % 3), steps: 12 },
};
// Presets built from a function: no JSON form, so no resume from JSON (resumed in code with initialStep).
const codeOnly = new Set(['pytorch.multiplicativeLR']);

function drive(policy: OptimizerPolicy, n: number) {
  const step$ = new Subject<void>();
  const out: unknown[] = [];
  const sub = policy.drive(step$).subscribe((v) => out.push(v));
  for (let i = 0; i < n; i++) step$.next();
  sub.unsubscribe();
  return out;
}

describe('checkpoint and resume', () => {
  it.each(Object.keys(presets).filter((name) => !codeOnly.has(name)))('preset %s: stopped at k and resumed from JSON, emits what an uninterrupted run emits', (name) => {
    const options = smallOptions[name];
    expect(options, `no small options for preset ${name} in spec/state.spec.ts`).toBeDefined();
    const uninterrupted = drive(buildPolicy({ preset: name, options }), 1e6);
    for (const k of [0, 1, 7, uninterrupted.length - 1, uninterrupted.length]) {
      const first = buildPolicy({ preset: name, options });
      const before = drive(first, k);
      const saved = JSON.stringify(saveState(first));
      const after = drive(restorePolicy(JSON.parse(saved)), 1e6);
      expect([...before, ...after]).toEqual(uninterrupted);
    }
  });

  it('loadState moves a policy of the same configuration; a different one is refused and left unchanged', () => {
    const a = new OptimizerPolicy([new Phase({ lr: linspace(0, 1, 10) })]);
    drive(a, 4);
    const saved = JSON.parse(JSON.stringify(saveState(a)));
    const b = new OptimizerPolicy([new Phase({ lr: linspace(0, 1, 10) })]);
    loadState(b, saved);
    expect(b.currentStep).toBe(4);
    const other = new OptimizerPolicy([new Phase({ lr: linspace(0, 2, 10) })], { initialStep: 1 });
    expect(() => loadState(other, saved)).toThrow(/loadState: the state was saved from a different policy configuration/);
    expect(other.currentStep).toBe(1);
  });

  it('corrupted or foreign JSON is a named error', () => {
    const good = saveState(new OptimizerPolicy([new Phase({ lr: linspace(0, 1, 3) })]));
    expect(() => restorePolicy({ ...good, format: 'keras' })).toThrow(/restorePolicy: not an rx-policy state \(format "keras"/);
    expect(() => restorePolicy({ ...good, version: 2 })).toThrow(/unsupported state version 2/);
    expect(() => restorePolicy({ ...good, step: -1 })).toThrow(/restorePolicy: state.step must be a non-negative integer, got -1/);
    expect(() => restorePolicy({ ...good, policy: { phases: [{ lr: { type: 'bogus' } }] } })).toThrow(/unknown space type "bogus"/);
    expect(() => restorePolicy('{}')).toThrow(/restorePolicy: state must be an object/);
  });

  it('resumes from a TF.js optimizer\'s iterations', () => {
    const policy = new OptimizerPolicy([new Phase({ lr: linspace(0, 1, 11) })]);
    resumeFromIterations(policy, { iterations: 5 });
    expect(drive(policy, 1)).toEqual([{ lr: 0.5 }]);
    expect(() => resumeFromIterations(policy, { iterations: 1.5 })).toThrow(/resumeFromIterations: optimizer.iterations must be a non-negative integer, got 1.5/);
    expect(policy.currentStep).toBe(6);
  });
});

describe('types: a state keeps the policy\'s names; from JSON, a policy of any names', () => {
  it('saveState types the state by the phases, restorePolicy gives them back', () => {
    const policy = new OptimizerPolicy([new Phase({ lr: linspace(0, 1, 3) }), ...pytorch.oneCycleLR({ maxLr: 1, totalSteps: 10, momentumName: 'beta1' })], { initialStep: 4 });
    const state = saveState(policy);
    type P = (typeof policy.phases)[number];
    expectTypeOf(state).toEqualTypeOf<PolicyState<P>>();
    const restored = restorePolicy(state);
    expectTypeOf(restored).toEqualTypeOf<OptimizerPolicy<P>>();
    const v = restored.at(5);
    expect(v).toEqual(policy.at(5));
    // @ts-expect-error beta1 is in the one-cycle phases only
    void v.beta1;
    if ('beta1' in v) expectTypeOf(v.beta1).toBeNumber();
  });

  it('restorePolicy, policyFromJSON and buildPolicy of JSON give a policy of any names: each value may be missing', () => {
    const json = JSON.stringify(saveState(new OptimizerPolicy([new Phase({ lr: linspace(0, 1, 3) })])));
    const restored = restorePolicy(JSON.parse(json));
    expectTypeOf(restored).toEqualTypeOf<OptimizerPolicy>();
    expectTypeOf(restorePolicy(JSON.parse(json) as unknown)).toEqualTypeOf<OptimizerPolicy>();
    expectTypeOf(restored.at(1)['lr']).toEqualTypeOf<number | undefined>();
    expectTypeOf(restored.params).toEqualTypeOf<readonly string[]>();
    expectTypeOf(policyFromJSON(JSON.parse(JSON.stringify(restored)))).toEqualTypeOf<OptimizerPolicy>();
    expectTypeOf(buildPolicy({ preset: 'oneCycle', options: { steps: 10 } })).toEqualTypeOf<OptimizerPolicy>();
    expect(restored.at(1)).toEqual({ lr: 0.5 });
  });
});

describe('checkpoints compare by value and keep every bit', () => {
  const sortKeys = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(sortKeys) : typeof v === 'object' && v !== null ? Object.fromEntries(Object.keys(v).sort().reverse().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])])) : v;

  it('a state whose keys were reordered (as jq -S writes it) loads into the same policy', () => {
    const make = () => buildPolicy({ preset: 'timm.cosineLR', options: smallOptions['timm.cosineLR'] });
    const a = make();
    drive(a, 5);
    const reordered = sortKeys(JSON.parse(JSON.stringify(saveState(a))));
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(saveState(a)));
    const b = make();
    loadState(b, reordered);
    expect(b.currentStep).toBe(5);
    expect(drive(restorePolicy(reordered), 1e6)).toEqual(drive(a, 1e6));
  });

  it('-0 survives JSON: the restored schedule gives -0 where the saved one did', () => {
    const policy = new OptimizerPolicy([new Phase({ lr: linspace(-0, 1, 3), momentum: constant(-0, 3) })]);
    const text = JSON.stringify(saveState(policy));
    const restored = restorePolicy(JSON.parse(text));
    expect(Object.is(policy.at(2).momentum, -0)).toBe(true);
    expect(Object.is(restored.at(2).momentum, -0)).toBe(true);
    expect(restored.toJSON()).toEqual(policy.toJSON()); // toEqual tells -0 from 0
    expect(Object.is((restored.toJSON().phases[0]!['lr'] as unknown as { start: number }).start, -0)).toBe(true);
    loadState(policy, JSON.parse(text));
    // No -0, no extra key.
    expect(Object.keys(saveState(new OptimizerPolicy([new Phase({ lr: linspace(0, 1, 3) })])))).toEqual(['format', 'version', 'step', 'policy']);
    expect(() => restorePolicy({ ...JSON.parse(text), negativeZeros: [['phases', 0, 'lr', 'end']] })).toThrow(/restorePolicy: state.negativeZeros\[0\] must be the path of a 0 in state.policy, got \["phases",0,"lr","end"\]/);
  });

  it.each([...codeOnly])('preset %s holds a function: saving it says so; resumed in code it emits what an uninterrupted run emits', (name) => {
    const uninterrupted = drive(buildPolicy({ preset: name, options: smallOptions[name] }), 1e6);
    expect(() => saveState(buildPolicy({ preset: name, options: smallOptions[name] }))).toThrow(/has no JSON form: it holds a function/);
    for (const k of [0, 1, 7, uninterrupted.length]) {
      const first = buildPolicy({ preset: name, options: smallOptions[name] });
      const before = drive(first, k);
      const resumed = buildPolicy({ preset: name, options: smallOptions[name] }, { initialStep: first.currentStep });
      expect([...before, ...drive(resumed, 1e6)]).toEqual(uninterrupted);
    }
  });

  it('steps 0 is the empty schedule everywhere: built, saved, restored, driven', () => {
    for (const name of Object.keys(presets)) {
      const field = presets[name]!.options.find((o) => o === 'steps');
      if (field === undefined || name === 'oneCycle' || name.startsWith('fastai.')) continue;
      const policy = buildPolicy({ preset: name, options: { ...smallOptions[name], steps: 0 } });
      expect(policy.length, name).toBe(0);
      const restored = restorePolicy(JSON.parse(JSON.stringify(saveState(policy))));
      expect(restored.length).toBe(0);
      expect(drive(restored, 3)).toEqual([]);
    }
  });
});
