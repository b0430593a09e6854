import { describe, expect, it } from 'vitest';
import { buildPolicy, compare, comparablePresets, formatComparison } from '../lib/index.js';

const lr = (policy: { allSteps(): Iterable<unknown> }) => [...policy.allSteps()].map((v) => (v as { lr: number }).lr);

describe('compare', () => {
  const oneCycles = ['pytorch.oneCycleLR', 'fastai.fitOneCycle', 'optax.cosineOnecycle'];

  it('translates the neutral options into each preset and shows how', () => {
    const c = compare(oneCycles, { steps: 1000, peak: 0.1, warmup: 0.25, final: 1e-6 });
    expect(c.translations.map((t) => t.options)).toEqual([
      { maxLr: 0.1, totalSteps: 1000, pctStart: 0.25, finalDivFactor: 0.1 / (0.1 / 25) / 1e-6 },
      { lrMax: 0.1, steps: 1000, pctStart: 0.25, divFinal: 0.1 / 1e-6 },
      { peakValue: 0.1, transitionSteps: 1000, steps: 1000, pctStart: 0.25, finalDivFactor: 0.1 / (0.1 / 25) / 1e-6 },
    ]);
    expect(c.translations[0]!.lines).toContain('maxLr = peak = 0.1');
    expect(c.translations[0]!.lines).toContain('divFactor: PyTorch default 25 (start = peak / 25)');
    expect(c.translations[1]!.lines).toContain('pctStart = warmup = 0.25');
  });

  it('reports the first step that differs, the largest difference and the finals, as reading every step gives them', () => {
    const c = compare(oneCycles, { steps: 1000, peak: 0.1, warmup: 0.25 });
    const curves = c.translations.map((t) => lr(buildPolicy({ preset: t.preset, options: t.options })));
    const spread = curves[0]!.map((_, i) => Math.max(...curves.map((v) => v[i]!)) - Math.min(...curves.map((v) => v[i]!)));
    const first = spread.findIndex((d, i) => d > 1e-9 * Math.max(...curves.map((v) => Math.abs(v[i]!))));
    // PyTorch peaks at pct·N − 1, fastai and optax at pct·N: they part at once, after step 0.
    expect(first).toBe(1);
    expect(c.firstDifference!.step).toBe(first);
    expect(c.firstDifference!.values).toEqual(curves.map((v) => v[first]));
    const largest = spread.indexOf(Math.max(...spread));
    expect(c.largestDifference).toEqual({ step: largest, difference: spread[largest], values: curves.map((v) => v[largest]) });
    expect(c.finals).toEqual(curves.map((v) => v.at(-1)));
    // PyTorch and optax end at peak / (25 · 1e4); fastai's last step stops short of its own end.
    expect(c.finals[0]).toBeCloseTo(0.1 / 25e4, 18);
    expect(c.finals[2]).toBeGreaterThan(c.finals[0]!);
  });

  it('the warmup-cosine schedules of optax, Keras and Hugging Face agree once translated; timm warms up differently', () => {
    const agree = compare(['optax.warmupCosineDecay', 'keras.cosineDecay', 'huggingface.cosine'], { steps: 1000, peak: 0.1, warmup: 0.1 });
    expect(agree.firstDifference).toBeNull();
    const timm = compare(['optax.warmupCosineDecay', 'timm.cosineLR'], { steps: 1000, peak: 0.1, warmup: 0.1 });
    expect(timm.firstDifference).not.toBeNull();
  });

  it('formats the report', () => {
    const text = formatComparison(compare(oneCycles, { steps: 100, peak: 1 }));
    expect(text).toContain('translation of the neutral options:');
    expect(text).toMatch(/first step that differs: \d+ \(pytorch\.oneCycleLR /);
    expect(text).toMatch(/largest difference: .* at step \d+/);
    expect(text).toMatch(/final values: pytorch\.oneCycleLR 4e-6, /);
  });

  it('bad input: named errors', () => {
    // Names read at run time (the CLI's) are checked here.
    const fromCli: string[] = ['pytorch.oneCycleLR', 'fastai.fitOneCycl'];
    expect(() => compare(fromCli, { steps: 10, peak: 1 })).toThrow(/compare: unknown preset "fastai.fitOneCycl" \(did you mean "fastai.fitOneCycle"\?\)/);
    expect(() => compare(['pytorch.oneCycleLR', 'pytorch.oneCycleLR'], { steps: 10, peak: 1 })).toThrow('compare: preset "pytorch.oneCycleLR" is given twice; compare different presets');
    // @ts-expect-error not a preset name: a compile error too
    expect(() => compare(['pytorch.oneCycleLR', 'torch.oneCycle'], { steps: 10, peak: 1 })).toThrow(`compare: unknown preset "torch.oneCycle" (did you mean "pytorch.oneCycleLR"?); compare knows: ${comparablePresets.join(', ')}`);
    // @ts-expect-error not a preset name: a compile error too
    expect(() => compare(['pytorch.oneCycleLR', 'fastai.fitOneCycl'], { steps: 10, peak: 1 })).toThrow('compare: unknown preset "fastai.fitOneCycl" (did you mean "fastai.fitOneCycle"?); compare knows: ');
    // @ts-expect-error not a preset name: a compile error too
    expect(() => compare(['pytorch.oneCycleLR', 'nope.schedule'], { steps: 10, peak: 1 })).toThrow(`compare: unknown preset "nope.schedule"; compare knows: ${comparablePresets.join(', ')}`);
    expect(() => compare(['pytorch.oneCycleLR', 'pytorch.stepLR'], { steps: 10, peak: 1 })).toThrow('compare: no neutral translation for preset "pytorch.stepLR"');
    expect(() => compare(['pytorch.oneCycleLR'], { steps: 10, peak: 1 })).toThrow('compare: give at least two presets to compare, got ["pytorch.oneCycleLR"]');
    expect(() => compare(oneCycles, { steps: 10, peak: 1, lr: 1 } as never)).toThrow('compare: unknown option "lr"');
    expect(() => compare(oneCycles, { steps: 10, peak: 1, warmup: 1.5 })).toThrow('compare: warmup must be a fraction in [0, 1), got 1.5');
    expect(() => compare(['huggingface.cosine', 'optax.warmupCosineDecay'], { steps: 10, peak: 1, start: 0.1 })).toThrow('compare: huggingface.cosine always starts its warmup at 0; leave start out');
    expect(() => compare(oneCycles, { steps: 10, peak: 1, presetOptions: { 'keras.cosineDecay': {} } })).toThrow('compare: presetOptions names "keras.cosineDecay", which is not compared');
    // @ts-expect-error a misspelt preset name in presetOptions is a compile error
    expect(() => compare(oneCycles, { steps: 10, peak: 1, presetOptions: { 'pytorch.oneCycleLr': {} } })).toThrow('compare: presetOptions names "pytorch.oneCycleLr", which is not compared');
    expect(() => compare(oneCycles, { steps: 10, peak: 1, presetOptions: { 'pytorch.oneCycleLR': 3 as never } })).toThrow('compare: presetOptions["pytorch.oneCycleLR"] must be an object, got 3');
    expect(() => compare(oneCycles, { steps: 10, peak: 1, tolerance: -1 })).toThrow(new RangeError('compare: tolerance must be a finite number ≥ 0, got -1'));
    expect(() => compare(oneCycles, { steps: 10, peak: 1, param: '' })).toThrow(new TypeError('compare: param must be a non-empty name without surrounding spaces, got ""'));
  });

  it('hostile input: null is not a default, a preset\'s own options must be an object, an endless horizon is refused at once', () => {
    expect(() => compare(oneCycles, { steps: 10, peak: 1, param: null } as never)).toThrow(new TypeError('compare: param must be a non-empty name without surrounding spaces, got null'));
    expect(() => compare(oneCycles, { steps: 10, peak: 1, tolerance: null } as never)).toThrow(new TypeError('compare: tolerance must be a finite number ≥ 0, got null'));
    expect(() => compare(oneCycles, { steps: 10, peak: 1, presetOptions: null } as never)).toThrow(new TypeError('compare: presetOptions must be an object, got null'));
    expect(() => compare(oneCycles, { steps: 10, peak: 1, presetOptions: { 'pytorch.oneCycleLR': 5 } } as never)).toThrow(new TypeError('compare: presetOptions["pytorch.oneCycleLR"] must be an object, got 5'));
    // Every step is read: 10^15 of them would never return.
    expect(() => compare(oneCycles, { steps: 1e15, peak: 1 })).toThrow(new RangeError('compare: steps must be at most 1000000 (every step is read; the conventions show at any length), got 1000000000000000 steps common to the presets'));
    expect(() => formatComparison(null as never)).toThrow(new TypeError('formatComparison: c must be what compare returned, got null'));
  });
});
