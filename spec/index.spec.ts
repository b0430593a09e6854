// The public surface, guarded as RxJS's own index-spec does: the exact runtime names of each
// entry point, so that adding, removing or leaking a name is a decision a reviewer sees here.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as rx from '../lib/index.js';
import type {
  OptaxCosineOnecycleOptions,
  PresetOptions,
  RatedOptions,
  KPolyOptions,
  TanhOptions,
  CyclicOptions,
  NoiseOptions,
  PolyCycleOptions,
  SpaceOptions,
  FastaiFitOneCycleOptions,
  PytorchStepLROptions,
  KerasCosineDecayOptions,
  HuggingfaceCosineOptions,
} from '../lib/index.js';

const curvesAndSpaces = [
  'EasedSpace', 'Sequence', 'Space', 'constant', 'cosineEase', 'cosinepowspace', 'cosinespace', 'cycle', 'cyclicspace', 'expspace', 'invsqrtspace',
  'invtimespace', 'kcosinespace', 'kpolyspace', 'linearEase', 'linspace', 'MIN_NOISE_PCT', 'noisy', 'polycyclespace', 'polyspace', 'powspace', 'tanhspace',
];
const phasesAndPolicies = ['join', 'MAX_PHASES', 'OptimizerPolicy', 'part', 'Phase', 'repeatPhases', 'splitSteps'];
const presetsByLibrary = ['fastai', 'huggingface', 'keras', 'oneCyclePhases', 'optax', 'piecewise', 'pytorch', 'sgdrPhases', 'timm'];
const training = ['Stepped', 'applyTo', 'applyToGroups', 'applyWith', 'epochsToSteps', 'fitCallbacks', 'fitSteps', 'kerasPlateau', 'reduceOnPlateau', 'schedule', 'tfjsOptimizerSink'];
const stateAndConfigs = ['buildPolicy', 'loadState', 'phaseFromJSON', 'policyFromJSON', 'presetOptions', 'presets', 'restorePolicy', 'resumeFromIterations', 'saveState', 'spaceFromJSON'];

function staticImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/^[ \t]*(?:import|export)\s[^'";*()]*?from\s+'([^']+)'/gm)].filter((m) => !/^\s*(?:import|export)\s+type\s/.test(m[0])).map((m) => m[1]!);
}

describe('rx-policy: the public door', () => {
  it('exports exactly these runtime names, by concept', () => {
    const expected = [...curvesAndSpaces, ...phasesAndPolicies, ...presetsByLibrary, ...training, ...stateAndConfigs].sort();
    expect(Object.keys(rx).sort()).toEqual(expected);
    for (const name of expected) expect((rx as Record<string, unknown>)[name], name).toBeDefined();
  });

  it('leaks nothing internal: no helper of the spaces, no stream class, no plotting hook', () => {
    const names = Object.keys(rx);
    for (const internal of ['createSpace', 'FormulaSpace', 'DeclaredSpace', 'curve', 'makeCurve', 'easedOptions', 'ratedOptions', 'rated', 'ParamStream', 'checkParams', 'registerPlotter', 'plotSchedule', 'readOptions', 'show', 'plot', 'heldPhases', 'warmupThenCosine']) {
      expect(names).not.toContain(internal);
    }
    expect(names.filter((n) => n.startsWith('_'))).toEqual([]);
  });

  it('every space factory carries its declaration, named after it', () => {
    for (const name of curvesAndSpaces.filter((n) => /^[a-z]/.test(n) && !n.endsWith('Ease'))) {
      const factory = (rx as unknown as Record<string, { definition?: { name: string } }>)[name]!;
      expect(factory.definition?.name, name).toBe(name);
    }
  });

  it('names the option types a user may need (checked at compile time)', () => {
    expectTypeOf<OptaxCosineOnecycleOptions>().toEqualTypeOf<PresetOptions<typeof rx.optax.cosineOnecycle>>();
    expectTypeOf<{ transitionSteps: 100; peakValue: 1; steps: 100 }>().toMatchTypeOf<OptaxCosineOnecycleOptions>();
    expectTypeOf<{ every: 2; staircase: true }>().toMatchTypeOf<RatedOptions>();
    expectTypeOf<{ k: 2; power: 1; endpoint: false }>().toMatchTypeOf<KPolyOptions>();
    expectTypeOf<{ lower: -5 }>().toMatchTypeOf<TanhOptions>();
    expectTypeOf<{ stepsUp: 2 }>().toMatchTypeOf<CyclicOptions>();
    expectTypeOf<{ range: readonly [0] }>().toMatchTypeOf<NoiseOptions>();
    expectTypeOf<{ period: 2 }>().toMatchTypeOf<PolyCycleOptions>();
    expectTypeOf<{ span: 3 }>().toMatchTypeOf<SpaceOptions>();
    expectTypeOf<FastaiFitOneCycleOptions>().toHaveProperty('lrMax');
    expectTypeOf<PytorchStepLROptions>().toHaveProperty('stepSize');
    expectTypeOf<KerasCosineDecayOptions>().toHaveProperty('decaySteps');
    expectTypeOf<HuggingfaceCosineOptions>().toHaveProperty('numCycles');
    // A typo in an option name is a compile error.
    // @ts-expect-error `stepsUpp` is not an option of cyclicspace
    const typo = () => rx.cyclicspace(0, 1, 3, { stepsUpp: 2 });
    expect(typo).toThrow(/cyclicspace: unknown option "stepsUpp"/);
  });
});
describe('module boundaries', () => {
  it('lib/index.ts reaches only lib files (never lib/plot or lib/cli) and rxjs', () => {
    const seen = new Set<string>();
    const external = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const spec of staticImports(file)) {
        if (spec.startsWith('.')) visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
        else external.add(spec);
      }
    };
    visit(resolve('lib/index.ts'));
    expect([...external]).toEqual(['rxjs']);
    const reached = [...seen].map((f) => f.slice(resolve('lib').length + 1));
    expect(reached.filter((f) => f.startsWith('plot') || f.startsWith('cli'))).toEqual([]);
    expect(reached.length).toBeGreaterThan(20);
  });
});
