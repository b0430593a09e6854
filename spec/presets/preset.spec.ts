// The preset contract, for every preset in the registry, from its declaration alone: random valid
// options give only finite values and `at(i)` equals the stream; random invalid options (a wrong
// type, null, a value out of range, a misspelt key) give a named error (function, option, value);
// and no input hangs: the inputs that used to loop forever finish with a named error.
import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  buildPolicy,
  constant,
  keras,
  MAX_PHASES,
  noisy,
  OptimizerPolicy,
  optax,
  presetOptions,
  presets,
  policyFromJSON,
  pytorch,
  restorePolicy,
  saveState,
  sgdrPhases,
  timm,
  type FieldInfo,
} from '../../lib/index.js';
import { range } from 'rxjs';
import { collect } from '../helpers.js';

/** Small, valid values for one option, from its declared type and range. */
function arbitrary(f: FieldInfo): fc.Arbitrary<unknown> {
  const lo = f.min ?? -5;
  const hi = f.max ?? Math.max(lo, 0) + 5;
  switch (f.type) {
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...f.values!);
    case 'string':
      return fc.constantFrom('momentum', 'beta1', 'm');
    case 'integer':
      return fc.integer({ min: f.min ?? 0, max: Math.min(f.max ?? (f.min ?? 0) + 12, (f.min ?? 0) + 12) });
    case 'number':
      return fc.double({ min: lo, max: Math.min(hi, lo + 10), noNaN: true, noDefaultInfinity: true, minExcluded: f.exclusiveMin === true, maxExcluded: f.exclusiveMax === true }).map((x) => (Object.is(x, -0) ? 0 : x));
    case 'numbers':
      return fc.array(fc.double({ min: f.min ?? -5, max: (f.min ?? -5) + 10, noNaN: true }), { minLength: f.length ?? 1, maxLength: f.length ?? 4 });
    case 'integers':
      return fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 4 }).map((a) => [...a].sort((x, y) => x - y));
    default:
      return fc.constant(undefined);
  }
}

const num = (v: unknown, fallback: number) => (typeof v === 'number' ? v : fallback);

// The options whose valid values depend on others, or that a type alone does not describe.
const special: Record<string, (o: Record<string, unknown>) => Record<string, unknown>> = {
  // Growth factors far from 1 overflow (or round cycles to 0 steps) within a dozen cycles: refused, rightly, but rarely useful here.
  sgdr: (o) => ({ ...o, cycleMult: 0.5 + (num(o['cycleMult'], 2) % 2.5) }),
  'pytorch.oneCycleLR': (o) => ({ ...o, epochs: undefined, stepsPerEpoch: undefined, totalSteps: num(o['totalSteps'], 20), pctStart: Math.min(Math.max(num(o['pctStart'], 0.3), 0.25), 0.45) }),
  'pytorch.cyclicLR': (o) => ({ ...o, scaleFn: undefined, scaleMode: undefined }),
  // A factor near 1, as schedules use: a random gamma-like factor would under- or overflow on purpose.
  'pytorch.multiplicativeLR': (o) => ({ ...o, lrLambda: (e: number) => 0.99 + 0.01 * Math.sin(e) }),
  'huggingface.polynomial': (o) => ({ ...o, lrEnd: num(o['lr'], 0) - 1 }),
  'huggingface.wsd': (o) => ({ ...o, numStableSteps: undefined, numTrainingSteps: num(o['numWarmupSteps'], 0) + num(o['numDecaySteps'], 0) + num(o['numTrainingSteps'], 0) }),
  'optax.warmupCosineDecay': (o) => ({ ...o, decaySteps: num(o['warmupSteps'], 0) + num(o['decaySteps'], 1), ...(o['peakValue'] === 0 && { endValue: 0 }) }),
  'optax.linearOnecycle': (o) => ({ ...o, pctFinal: Math.max(num(o['pctFinal'], 0.85), num(o['pctStart'], 0.3)) }),
  'optax.sgdr': (o) => ({ ...o, cycles: [{ initValue: 0, peakValue: 1, warmupSteps: 2, decaySteps: 5 }, { initValue: 1, peakValue: 0.5, warmupSteps: 0, decaySteps: 7, endValue: 0.1 }] }),
  'optax.piecewiseConstantSchedule': (o) => ({ ...o, boundariesAndScales: { 3: 0.5, 8: 2 } }),
  'keras.piecewiseConstantDecay': (o) => ({ ...o, boundaries: [2, 5, 9], values: [1, 0.5, 0.25, 0.1] }),
  'keras.cosineDecay': (o) => (o['warmupTarget'] === undefined ? { ...o, warmupSteps: undefined } : o),
  'keras.cosineDecayRestarts': (o) => ({ ...o, tMul: Math.max(num(o['tMul'], 2), 0.5) }),
  'timm.cosineLR': (o) => ({ ...o, cycleMul: Math.max(num(o['cycleMul'], 1), 1) }),
  'timm.polyLR': (o) => ({ ...o, cycleMul: Math.max(num(o['cycleMul'], 1), 1) }),
  'timm.tanhLR': (o) => ({ ...o, cycleMul: Math.max(num(o['cycleMul'], 1), 1) }),
};

function validOptions(name: string): fc.Arbitrary<Record<string, unknown>> {
  const fields = presetOptions(name);
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const f of fields) {
    if (f.type === 'function' || f.type === 'object') continue;
    const arb = arbitrary(f);
    record[f.name] = f.required ? arb : fc.option(arb, { nil: undefined });
  }
  return fc.record(record).map((o) => {
    const fixed = (special[name] ?? ((x) => x))(o);
    if ('noiseRangeT' in fixed) fixed['noiseRangeT'] = fixed['noiseRangeT'] === undefined ? undefined : [2, 9];
    // Growth rates above 1 overflow by design (and are refused, see below): keep them at most 1 here.
    for (const key of ['gamma', 'decayRate']) if (typeof fixed[key] === 'number') fixed[key] = Math.min(fixed[key] as number, 1);
    // Steps kept small: the contract is about every value, and each is checked.
    for (const key of ['steps', 'totalSteps', 'numTrainingSteps']) if (typeof fixed[key] === 'number') fixed[key] = Math.min(fixed[key] as number, 60);
    return Object.fromEntries(Object.entries(fixed).filter(([, v]) => v !== undefined));
  });
}

/** A bag the preset must accept, or the reason it refuses it (a cross-option rule of its library). */
function build(name: string, options: Record<string, unknown>): OptimizerPolicy | Error {
  try {
    return buildPolicy({ preset: name, options });
  } catch (e) {
    return e as Error;
  }
}

// The cross-option rules a random bag can still break; every other refusal is a failure.
const crossRules = /must not exceed|must be greater than|must fit in|makes phase \d span|would be (NaN|-?Infinity)|must be smaller than|overflow|has no value|cycles end|does not round|past the largest safe integer|more than 100000 phases/;

describe('every preset, from its declaration', () => {
  it('declares every option with a type, a doc and whether it is required; the registry lists them', () => {
    for (const [name, entry] of Object.entries(presets)) {
      expect(entry.options).toEqual(entry.fields.map((f) => f.name));
      for (const f of entry.fields) {
        expect(f.doc.length, `${name}.${f.name}`).toBeGreaterThan(5);
        expect(typeof f.required).toBe('boolean');
        if (f.required) expect(f.default).toBeUndefined();
      }
    }
    expect(presetOptions('pytorch.stepLR').map((f) => [f.name, f.required, f.default])).toEqual([
      ['baseLr', true, undefined],
      ['stepSize', true, undefined],
      ['gamma', false, 0.1],
      ['steps', true, undefined],
    ]);
    // @ts-expect-error not a preset: a compile error too
    expect(() => presetOptions('constructor')).toThrow(/presetOptions: unknown preset "constructor"/);
  });

  for (const name of Object.keys(presets)) {
    it(`${name}: random valid options give finite values, and at(i) equals the stream`, () => {
      let built = 0;
      fc.assert(
        fc.property(validOptions(name), (options) => {
          const policy = build(name, options);
          if (policy instanceof Error) {
            if (!crossRules.test(policy.message)) throw policy;
            return;
          }
          built++;
          // A schedule too long to read whole (fastai's cycles grow as cycleMult^i) is read at its ends.
          if (policy.length > 5000) {
            for (const i of [0, 1, policy.length - 2, policy.length - 1]) for (const v of Object.values(policy.at(i))) expect(Number.isFinite(v)).toBe(true);
            return;
          }
          const streamed = collect(policy.allSteps());
          expect(streamed.length).toBe(policy.length);
          streamed.forEach((values, i) => {
            for (const v of Object.values(values)) expect(Number.isFinite(v), `step ${i}: ${v}`).toBe(true);
            expect(policy.at(i)).toEqual(values);
          });
        }),
        { numRuns: 80 },
      );
      // The generator must mostly give buildable bags (a third to a half of them, for the presets
      // with the most cross-option rules); 10 of 80 leaves room for chance.
      expect(built).toBeGreaterThan(10);
    });

    it(`${name}: random invalid options give a named error (function, option, value)`, () => {
      const fields = presetOptions(name).filter((f) => f.type !== 'function');
      const bad = fc.record({
        field: fc.constantFrom(...fields),
        kind: fc.constantFrom('null', 'string', 'nan', 'infinity', 'below', 'above', 'float', 'typo', 'object'),
      });
      fc.assert(
        fc.property(validOptions(name), bad, (options, { field, kind }) => {
          let value: unknown;
          let key = field.name;
          switch (kind) {
            case 'null': value = null; break;
            case 'string': value = field.type === 'enum' || field.type === 'string' ? 42 : 'x'; break;
            case 'nan': value = field.type === 'boolean' ? 'true' : NaN; break;
            case 'infinity': value = field.type === 'boolean' ? 0 : Infinity; break;
            case 'below': value = field.min === undefined ? [] : field.min - 1; break;
            case 'above': value = field.max !== undefined ? field.max + 1 : field.type === 'object' ? 'x' : {}; break;
            case 'float': value = field.type === 'integer' ? 2.5 : field.type === 'enum' ? 'nope' : { x: 1 }; break;
            case 'typo': key = `${field.name}x`; value = 1; break;
            case 'object': value = [1, 'a']; break;
          }
          if (field.type === 'number' && kind === 'object' && field.name !== key) return;
          const result = build(name, { ...options, [key]: value });
          expect(result).toBeInstanceOf(Error);
          const e = result as Error;
          expect([TypeError, RangeError]).toContain(e.constructor);
          const fn = name === 'oneCycle' ? 'oneCyclePhases' : name === 'sgdr' ? 'sgdrPhases' : name;
          expect(e.message.startsWith(fn), e.message).toBe(true);
          expect(e.message, e.message).toContain(key);
          expect(e.message, e.message).toMatch(/got |did you mean|accepted:/);
          expect(e.message.length).toBeLessThan(2000);
        }),
        { numRuns: 60 },
      );
    });
  }
});

/** The steps a law reads: all of a short schedule, both ends and a few in between of a long one. */
function sampled(length: number): number[] {
  if (length <= 300) return Array.from({ length }, (_, i) => i);
  const picks = new Set([0, 1, length - 2, length - 1]);
  for (let k = 1; k < 40; k++) picks.add(Math.floor((k * length) / 40));
  return [...picks].sort((a, b) => a - b);
}

/** What driving a policy emits until it completes. */
const driven = (policy: OptimizerPolicy) => collect(policy.drive(range(0, policy.length + 1)));

describe("every preset's policy keeps the laws of a schedule", () => {
  for (const name of Object.keys(presets)) {
    it(`${name}: round-trips through JSON to the same values and form; resumes at any step to the tail of a full run`, () => {
      let built = 0;
      fc.assert(
        fc.property(validOptions(name), fc.double({ min: 0, max: 1, noNaN: true }), (options, at) => {
          const policy = build(name, options);
          if (policy instanceof Error) {
            if (!crossRules.test(policy.message)) throw policy;
            return;
          }
          built++;
          const text = String(policy.phases.map(String));
          let spec: unknown;
          try {
            spec = JSON.parse(JSON.stringify(policy));
          } catch (e) {
            // A policy holding code (an lrLambda) has no JSON form, and says so.
            expect((e as Error).message).toMatch(/has no JSON form/);
            spec = undefined;
          }
          if (spec !== undefined) {
            const copy = policyFromJSON(spec);
            expect(copy.length).toBe(policy.length);
            expect(JSON.parse(JSON.stringify(copy))).toEqual(spec);
            expect(String(copy.phases.map(String))).toBe(text);
            // JSON writes -0 as 0, so the copy is compared with ===; a saved state keeps -0 itself.
            for (const i of sampled(policy.length)) {
              const [a, b] = [policy.at(i), copy.at(i)];
              for (const key of Object.keys(a)) expect(b[key] === a[key], `step ${i} ${key}: ${b[key]} vs ${a[key]}`).toBe(true);
            }
          }
          if (policy.length > 5000) return;
          const full = collect(policy.allSteps());
          expect(driven(policy)).toEqual(full);
          const k = Math.round(at * policy.length);
          const resumed = build(name, options) as OptimizerPolicy;
          resumed.seek(k);
          // at() reads no cursor: the same values before and after the seek and the drive.
          for (const i of sampled(policy.length)) expect(resumed.at(i)).toEqual(full[i]);
          expect(driven(resumed)).toEqual(full.slice(k));
          expect(String(policy.phases.map(String))).toBe(text);
          if (spec !== undefined) {
            const fresh = build(name, options) as OptimizerPolicy;
            fresh.seek(k);
            const restored = restorePolicy(JSON.parse(JSON.stringify(saveState(fresh))));
            expect(restored.currentStep).toBe(k);
            const tail = driven(restored);
            expect(tail.length).toBe(policy.length - k);
            tail.forEach((v, j) => {
              for (const key of Object.keys(v)) expect(Object.is(v[key], full[k + j]![key]), `step ${k + j} ${key}`).toBe(true);
            });
          }
        }),
        { numRuns: 30 },
      );
      expect(built).toBeGreaterThan(4);
    });
  }
});

/** Options of any magnitude, down to 1e-300 and up to the largest double, inside each option's declared range. */
function extremeOptions(name: string): fc.Arbitrary<Record<string, unknown>> {
  const magnitude = fc.constantFrom(1, 1e-300, 1e10, 1e150, 1e300, 1.7e308);
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const f of presetOptions(name)) {
    let arb: fc.Arbitrary<unknown>;
    if (f.type === 'boolean' || f.type === 'enum') arb = arbitrary(f);
    else if (f.type === 'integer') arb = fc.integer({ min: f.min ?? 0, max: Math.min(f.max ?? 1e6, (f.min ?? 0) + 40) });
    else if (f.type === 'number') {
      const [lo, hi] = [f.min ?? -Infinity, f.max ?? Infinity];
      arb = fc
        .tuple(fc.double({ min: -1, max: 1, noNaN: true }), magnitude)
        .map(([x, m]) => Math.min(Math.max(x * m, lo), hi))
        .filter((x) => !(f.exclusiveMin && x <= lo) && !(f.exclusiveMax && x >= hi));
    } else continue;
    record[f.name] = f.required ? arb : fc.option(arb, { nil: undefined });
  }
  return fc.record(record).map((o) => {
    const options = Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
    for (const key of ['steps', 'totalSteps', 'numTrainingSteps']) if (typeof options[key] === 'number') options[key] = Math.min(options[key] as number, 200);
    return options;
  });
}

describe('every preset, at any magnitude its declaration allows', () => {
  for (const name of Object.keys(presets)) {
    it(`${name}: every value is finite, or the call is refused in the preset's name`, () => {
      const fn = name === 'oneCycle' ? 'oneCyclePhases' : name === 'sgdr' ? 'sgdrPhases' : name;
      fc.assert(
        fc.property(extremeOptions(name), (options) => {
          const policy = build(name, options);
          if (policy instanceof Error) {
            expect(policy.message.startsWith(`${fn}: `), policy.message).toBe(true);
            return;
          }
          let spec: unknown;
          try {
            spec = JSON.parse(JSON.stringify(policy));
          } catch {
            spec = undefined; // a policy holding code (an lrLambda) has no JSON form
          }
          if (spec !== undefined) {
            const copy = policyFromJSON(spec);
            for (const i of sampled(policy.length)) {
              const [a, b] = [policy.at(i), copy.at(i)];
              for (const key of Object.keys(a)) expect(b[key] === a[key], `${JSON.stringify(options)}: copy's ${key} at step ${i}`).toBe(true);
            }
          }
          if (policy.length > 5000) return;
          let step = 0;
          for (const values of policy.allSteps()) {
            for (const [key, v] of Object.entries(values)) expect(Number.isFinite(v), `${JSON.stringify(options)}: ${key} at step ${step} is ${v}`).toBe(true);
            step++;
          }
        }),
        { numRuns: 60 },
      );
    });
  }
});

describe('no input hangs: each of these finishes with a named error or a value', () => {
  it('cycle series that converge (tMul, cycleMul < 1) are refused past their limit point, in closed form', () => {
    expect(() => keras.cosineDecayRestarts({ initialLearningRate: 1, firstDecaySteps: 4, tMul: 0.5, steps: 100 })).toThrow(
      'keras.cosineDecayRestarts: with tMul 0.5 < 1 the cycles end at step 8 (Keras gives NaN from step 8 on), so steps must be ≤ 8, got steps 100',
    );
    // Up to the limit point: Keras' own closed form, cycles of 4, 2, 1, 0.5, … steps.
    const lr = collect(new OptimizerPolicy(keras.cosineDecayRestarts({ initialLearningRate: 1, firstDecaySteps: 4, tMul: 0.5, steps: 8 })).allSteps()).map((v) => v.lr);
    const kerasLr = (step: number) => {
      const f = step / 4;
      const i = Math.floor(Math.log(1 - f * 0.5) / Math.log(0.5));
      const sum = (1 - 0.5 ** i) / 0.5;
      const frac = (f - sum) / 0.5 ** i;
      return 0.5 * (1 + Math.cos(Math.PI * frac));
    };
    lr.forEach((v, k) => expect(v).toBeCloseTo(kerasLr(k), 12));
    expect(() => timm.cosineLR({ baseLr: 1, tInitial: 10, cycleMul: 0.5, cycleLimit: 2 ** 53 - 1, steps: 100 })).toThrow(/^timm.cosineLR: with cycleMul 0.5 < 1 the cycles end at clock step 20/);
    expect(timm.tanhLR({ baseLr: 1, tInitial: 10, cycleMul: 0.5, cycleLimit: 2 ** 53 - 1, warmupT: 5, steps: 19 }).length).toBeGreaterThan(0);
    // Equal cycles are one periodic space, whatever the limit and the length.
    expect(timm.cosineLR({ baseLr: 1, tInitial: 1, cycleLimit: 2 ** 53 - 1, steps: 1e9 })).toHaveLength(1);
  });

  it('more than MAX_PHASES phases is a named error, found without building them all', () => {
    expect(MAX_PHASES).toBe(100_000);
    expect(() => sgdrPhases({ baseCycleLength: 1, cycles: 1e8 })).toThrow('sgdrPhases: cycles must be an integer in [1, 100000], got 100000000');
    expect(() => keras.cosineDecayRestarts({ initialLearningRate: 1, firstDecaySteps: 1, tMul: 1, mMul: 0.5, steps: 1e9 })).toThrow(/^keras.cosineDecayRestarts: the schedule would have more than 100000 phases \(MAX_PHASES\)/);
  });

  it("noise needs no unbounded redraw: a pct below MIN_NOISE_PCT is refused, timm's draws kept above it", () => {
    expect(() => noisy(constant(1, 10), { range: [0], pct: 1e-30 }).at(0)).toThrow(/^noisy: pct must be a finite number ≥ 0.001/);
    expect(() => timm.stepLR({ baseLr: 1, decayT: 1, noiseRangeT: [0], noisePct: 1e-30, steps: 3 })).toThrow(/^timm.stepLR: noisePct must be a finite number ≥ 0.001, got 1e-30/);
    expect(() => timm.stepLR({ baseLr: 1, decayT: 1, noisePct: -5, steps: 3 })).toThrow(/^timm.stepLR: noisePct must be a finite number ≥ 0.001, got -5/);
  });
});

describe('never a non-finite value: refused at construction, naming the first bad step', () => {
  it('overflowing decays and growths', () => {
    expect(() => pytorch.exponentialLR({ baseLr: 0.1, gamma: 1.5, steps: 2000 })).toThrow('pytorch.exponentialLR: lr would be Infinity at step 1751 (not a finite number)');
    // 0.1·1.5^1750 is still finite, 0.1·1.5^1751 is not.
    expect(Number.isFinite(0.1 * 1.5 ** 1750) && !Number.isFinite(0.1 * 1.5 ** 1751)).toBe(true);
    expect(() => pytorch.stepLR({ baseLr: 0.1, gamma: 10, stepSize: 1, steps: 400 })).toThrow(/^pytorch.stepLR: lr would be Infinity at step 309/);
    expect(() => keras.exponentialDecay({ initialLearningRate: 0.1, decayRate: 10, decaySteps: 1, steps: 400 })).toThrow(/^keras.exponentialDecay: lr would be Infinity at step 309/);
    expect(() => timm.stepLR({ baseLr: 0.1, decayRate: 10, decayT: 1, steps: 400 })).toThrow(/^timm.stepLR: lr would be Infinity at step 309/);
    expect(() => pytorch.cyclicLR({ baseLr: 0.1, maxLr: 1, mode: 'exp_range', gamma: 1.01, steps: 200_000 })).toThrow(/^pytorch.cyclicLR: gamma 1.01 makes the exp_range amplitude overflow at step 71333 of 200000/);
    expect(pytorch.cyclicLR({ baseLr: 0.1, maxLr: 1, mode: 'exp_range', gamma: 1.01, steps: 71_333 })).toHaveLength(1);
    expect(() => optax.exponentialDecay({ initValue: 1, transitionSteps: 1, decayRate: 2, steps: 2000 })).toThrow(/^optax.exponentialDecay: lr would be Infinity at step 1024/);
  });

  it("optax.warmupCosineDecay with peakValue 0 stays at 0, as optax's; an endValue there is refused", () => {
    const lr = collect(new OptimizerPolicy(optax.warmupCosineDecay({ initValue: 0.1, peakValue: 0, warmupSteps: 2, decaySteps: 5, steps: 8 })).allSteps()).map((v) => v.lr);
    expect(lr).toEqual([0.1, 0.05, 0, 0, 0, 0, 0, 0]);
    expect(() => optax.warmupCosineDecay({ initValue: 0.1, peakValue: 0, warmupSteps: 2, decaySteps: 5, endValue: 0.01, steps: 8 })).toThrow(/^optax.warmupCosineDecay: with peakValue 0 the decay stays at 0 \(optax sets alpha to 0 and ignores endValue\)/);
    expect(() => optax.sgdr({ cycles: [{ initValue: 0, peakValue: 0, warmupSteps: 1, decaySteps: 3, endValue: 1 }], steps: 5 })).toThrow(/^optax.sgdr: cycles\[0\]: with peakValue 0/);
  });
});

describe('the declarations type the options bags', () => {
  it('a misspelt or mistyped option is a compile error, and a runtime error naming the right one', () => {
    // @ts-expect-error `gama` is not an option of pytorch.stepLR
    expect(() => pytorch.stepLR({ baseLr: 1, stepSize: 1, steps: 1, gama: 0.5 })).toThrow(/^pytorch.stepLR: unknown option "gama" \(did you mean "gamma"\?\)/);
    // @ts-expect-error threePhase is a boolean, not a string
    expect(() => pytorch.oneCycleLR({ maxLr: 1, totalSteps: 10, threePhase: 'false' })).toThrow('pytorch.oneCycleLR: threePhase must be a boolean, got "false"');
    // @ts-expect-error baseLr is required
    expect(() => pytorch.stepLR({ stepSize: 1, steps: 1 })).toThrow('pytorch.stepLR: baseLr must be a finite number, got undefined');
    // momentumName types the emitted dict.
    // Written inline, as users do: the name is inferred as the literal, not widened to string.
    const v = new OptimizerPolicy(pytorch.cyclicLR({ baseLr: 0.1, maxLr: 1, steps: 4, momentumName: 'beta1' })).at(0);
    expectTypeOf(v).toEqualTypeOf<{ lr: number; beta1: number }>();
    expectTypeOf(new OptimizerPolicy(pytorch.oneCycleLR({ maxLr: 1, totalSteps: 4 })).at(0)).toEqualTypeOf<{ lr: number; momentum: number }>();
    expect(Object.keys(v)).toEqual(['lr', 'beta1']);
    const b1: number = v.beta1;
    expect(b1).toBe(0.9);
  });
});
