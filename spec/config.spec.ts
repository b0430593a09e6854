import { describe, expect, it } from 'vitest';
import { buildPolicy, OptimizerPolicy, oneCyclePhases, presetOptions, presets, sgdrPhases, type PresetName } from '../lib/index.js';
import { expectNamedError } from './helpers.js';

describe('buildPolicy and the presets registry', () => {
  it('builds a preset by name with its options', () => {
    const policy = buildPolicy({ preset: 'oneCycle', options: { steps: 500 } });
    expect(policy.length).toBe(500);
    expect([...policy.allSteps()]).toEqual([...new OptimizerPolicy(oneCyclePhases({ steps: 500 })).allSteps()]);
    expect(buildPolicy({ preset: 'sgdr', options: { baseCycleLength: 200, cycles: 3, cycleMult: 2 } }).length).toBe(1400);
  });

  it('builds a list of phases and passes the policy options', () => {
    const policy = buildPolicy({ phases: [{ lr: { type: 'linspace', start: 0, end: 1, steps: 3 } }] }, { initialStep: 1 });
    expect(policy.at(1)).toEqual({ lr: 0.5 });
    expect(policy.currentStep).toBe(1);
  });

  it('lists the registry with summaries and option names', () => {
    expect(Object.keys(presets)).toEqual(expect.arrayContaining(['oneCycle', 'sgdr']));
    for (const entry of Object.values(presets)) {
      expect(entry.summary.length).toBeGreaterThan(0);
      expect(entry.options.length).toBeGreaterThan(0);
    }
  });

  it('unknown presets and options are errors listing the accepted ones', () => {
    expect(() => buildPolicy({ preset: 'triangle' })).toThrow(/buildPolicy: unknown preset "triangle"; accepted: .*oneCycle.*sgdr/);
    expect(() => buildPolicy({ preset: 'pytorch.onecyclelr' })).toThrow(/^buildPolicy: unknown preset "pytorch.onecyclelr" \(did you mean "pytorch.oneCycleLR"\?\); accepted: /);
    expect(() => buildPolicy({ preset: 'constructor' })).toThrow(/^buildPolicy: unknown preset "constructor"; accepted: /);
    expect(() => buildPolicy({ preset: '__proto__', options: {} })).toThrow(/^buildPolicy: unknown preset "__proto__"; accepted: /);
    expect(() => buildPolicy({ preset: 'oneCycle', options: { step: 5 } })).toThrow(
      /^oneCyclePhases: unknown option "step" \(did you mean "steps"\?\); accepted: steps, lr, momentum, finetuneLr, finetuneFraction/,
    );
    expect(() => buildPolicy({ preset: 'oneCycle', options: { steps: 0 } })).toThrow(/oneCyclePhases: steps must be a positive integer, got 0/);
    expect(() => buildPolicy({ preset: 'oneCycle', extra: true })).toThrow(/buildPolicy: unknown key "extra"; accepted: preset, options/);
    expect(() => buildPolicy('oneCycle')).toThrow(/buildPolicy: config must be an object, got "oneCycle"/);
  });

  it('the sgdr preset by name equals sgdrPhases, and options pass initialStep through', () => {
    const byName = buildPolicy({ preset: 'sgdr', options: { baseCycleLength: 4, cycles: 3, cycleMult: 1.5 } }, { initialStep: 5 });
    const direct = new OptimizerPolicy(sgdrPhases({ baseCycleLength: 4, cycles: 3, cycleMult: 1.5 }));
    expect([...byName.allSteps()]).toEqual([...direct.allSteps()]);
    expect(byName.currentStep).toBe(5);
  });

  it('the core presets list exactly the option names their builders accept', () => {
    // Every listed option is passed once: a name the builder rejected would throw "unknown option".
    expect(presets['oneCycle']!.options).toEqual(['steps', 'lr', 'momentum', 'finetuneLr', 'finetuneFraction']);
    expect(presets['sgdr']!.options).toEqual(['baseCycleLength', 'cycles', 'lr', 'cycleMult']);
    expect(buildPolicy({ preset: 'oneCycle', options: { steps: 30, lr: [0.2, 2], momentum: [0.9, 0.8], finetuneLr: 0.001, finetuneFraction: 0.2 } }).length).toBe(30);
    expect(buildPolicy({ preset: 'sgdr', options: { baseCycleLength: 3, cycles: 2, lr: [1, 0], cycleMult: 1 } }).length).toBe(6);
  });

  it('bad configs: the error class, and a message naming buildPolicy (or the builder), the key and the value', () => {
    expectNamedError(() => buildPolicy('oneCycle'), TypeError, { fn: 'buildPolicy', arg: 'config', got: '"oneCycle"' });
    expectNamedError(() => buildPolicy(null), TypeError, { fn: 'buildPolicy', arg: 'config', got: 'null' });
    expectNamedError(() => buildPolicy({ preset: 'oneCycle', options: [500] }), TypeError, { fn: 'buildPolicy', arg: 'options', got: '[500]' });
    expectNamedError(() => buildPolicy({ preset: 'oneCycle', options: { steps: 0 } }), RangeError, { fn: 'oneCyclePhases', arg: 'steps', got: '0' });
    expectNamedError(() => buildPolicy({ preset: 'oneCycle', options: { steps: 10, finetuneFraction: 2 } }), RangeError, { fn: 'oneCyclePhases', arg: 'finetuneFraction', got: '2' });
    expectNamedError(() => buildPolicy({ preset: 'oneCycle' }), TypeError, { fn: 'oneCyclePhases', arg: 'steps', got: 'undefined' });
    expectNamedError(() => buildPolicy({ preset: 'sgdr', options: { baseCycleLength: 10, cycles: 2 } }, { initialStep: 0.5 }), RangeError, { fn: 'OptimizerPolicy', arg: 'initialStep', got: '0.5' });
    expect(() => buildPolicy({ preset: 42 })).toThrow(TypeError);
    expect(() => buildPolicy({ preset: 42 })).toThrow(/^buildPolicy: unknown preset 42; accepted: /);
    expect(() => buildPolicy({ preset: 'toString' })).toThrow(/^buildPolicy: unknown preset "toString"/); // not an inherited property
    expect(() => buildPolicy({ phases: [{ lr: { type: 'linspace', start: 0, end: 1, steps: 3 } }], preset2: 1 })).toThrow(
      /^buildPolicy: unknown key "preset2" \(did you mean "preset"\?\); accepted: preset, options, phases$/,
    );
  });

  it('a phases config: its errors name buildPolicy, the key and the phase, not the reader it delegates to', () => {
    expect(() => buildPolicy({ prest: 'oneCycle' })).toThrow(/^buildPolicy: unknown key "prest" \(did you mean "preset"\?\); accepted: preset, options, phases$/);
    expectNamedError(() => buildPolicy({}), TypeError, { fn: 'buildPolicy', arg: 'config', got: '{}' });
    // An inherited `preset` is not the config's own: the config has neither form.
    expect(() => buildPolicy(Object.create({ preset: 'oneCycle' }))).toThrow(/^buildPolicy: config must have a preset \(with its options\) or phases, got \{\}$/);
    expectNamedError(() => buildPolicy({ phases: 'x' }), TypeError, { fn: 'buildPolicy', arg: 'phases', got: '"x"' });
    expect(() => buildPolicy({ phases: [], options: {} })).toThrow(/^buildPolicy: unknown key of a phases config "options"; accepted: phases$/);
    expect(() => buildPolicy({ preset: 'oneCycle', phases: [] })).toThrow(/^buildPolicy: unknown key of a preset config "phases"; accepted: preset, options$/);
    expect(() => buildPolicy({ phases: [{ lr: { type: 'linspac', start: 0, end: 1, steps: 3 } }] })).toThrow(
      /^buildPolicy: phases\[0\]: lr: unknown space type "linspac" \(did you mean "linspace"\?\)/,
    );
    expect(() => buildPolicy({ phases: [{ lr: { type: 'linspace', start: 0, end: 1, steps: 3 } }, { lr: { type: 'linspace', start: 0, end: 1, steps: -1 } }] })).toThrow(
      /^buildPolicy: phases\[1\]: lr: linspace: steps must be a non-negative integer, got -1$/,
    );
  });
});

describe('PresetName: the registry\'s names as a type', () => {
  it('is exactly the keys of presets (a missing or extra key here is a compile error)', () => {
    const all: Record<PresetName, null> = { "oneCycle": null, "sgdr": null, "pytorch.oneCycleLR": null, "pytorch.cyclicLR": null, "pytorch.cosineAnnealingLR": null, "pytorch.cosineAnnealingWarmRestarts": null, "pytorch.stepLR": null, "pytorch.multiStepLR": null, "pytorch.exponentialLR": null, "pytorch.linearLR": null, "pytorch.polynomialLR": null, "pytorch.multiplicativeLR": null, "pytorch.swaLR": null, "huggingface.linear": null, "huggingface.cosine": null, "huggingface.cosineWithHardRestarts": null, "huggingface.polynomial": null, "huggingface.constant": null, "huggingface.inverseSqrt": null, "huggingface.wsd": null, "timm.cosineLR": null, "timm.polyLR": null, "timm.tanhLR": null, "timm.stepLR": null, "timm.multiStepLR": null, "fastai.fitOneCycle": null, "fastai.fitFlatCos": null, "fastai.fitSgdr": null, "optax.constantSchedule": null, "optax.linearSchedule": null, "optax.polynomialSchedule": null, "optax.exponentialDecay": null, "optax.cosineDecaySchedule": null, "optax.piecewiseConstantSchedule": null, "optax.cosineOnecycle": null, "optax.linearOnecycle": null, "optax.warmupCosineDecay": null, "optax.sgdr": null, "keras.exponentialDecay": null, "keras.inverseTimeDecay": null, "keras.piecewiseConstantDecay": null, "keras.polynomialDecay": null, "keras.cosineDecay": null, "keras.cosineDecayRestarts": null };
    expect(Object.keys(all)).toEqual(Object.keys(presets));
  });

  it("an entry's build takes options read at run time and checks them", () => {
    const entry = presets['pytorch.stepLR']!;
    expect(new OptimizerPolicy(entry.build({ baseLr: 1, stepSize: 2, steps: 4 })).at(2)).toEqual({ lr: 0.1 });
    expect(() => entry.build({ baseLr: 1, stepSize: 2, steps: 4, gama: 0.5 })).toThrow(/pytorch.stepLR: unknown option "gama" \(did you mean "gamma"\?\)/);
  });

  it('a misspelt preset name is a compile error; a name read at run time is checked there', () => {
    // @ts-expect-error `pytorch.stepLr` is not a preset; `pytorch.stepLR` is
    expect(() => presetOptions('pytorch.stepLr')).toThrow(/presetOptions: unknown preset "pytorch.stepLr" \(did you mean "pytorch.stepLR"\?\)/);
    const fromCli: string = ['timm.cosineLR'][0]!;
    expect(presetOptions(fromCli).map((f) => f.name)).toContain('tInitial');
  });
});
