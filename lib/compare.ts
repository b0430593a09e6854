// Comparing presets across libraries: one neutral set of options (peak, steps, warmup, start,
// final) translated into each preset's own, the curves side by side, and where they part.
import { buildPolicy, presets, type PresetName } from './config.js';
import type { ParamNames } from './internal/paramNames.js';
import { custom, declare, integer, name, number, type ShapeOptionsOf } from './internal/options.js';
import { didYouMean, plainObject, show } from './internal/validate.js';
import type { OptimizerPolicy } from './policy.js';

/** The most steps `compare` reads (it reads each one): about a second. */
const MAX_COMPARED = 1_000_000;

/** The options that mean the same in every library (as far as each preset has them), declared once. */
const neutralShape = {
  steps: integer({ doc: 'Total steps.', min: 1, required: true }),
  peak: number({ doc: 'The highest rate.', above: 0, required: true }),
  warmup: number({ doc: "Fraction of the steps spent rising to `peak`, in [0, 1): a one-cycle's `pctStart`, a warmup's length / steps.", min: 0, below: 1, expected: 'a fraction in [0, 1)' }),
  start: number({ doc: "The rate at step 0, in (0, peak]: a one-cycle's `peak / div`, a warmup's initial value.", above: 0 }),
  final: number({ doc: "The rate the schedule ends at, in (0, peak]: a one-cycle's final division, a decay's floor.", above: 0 }),
};

const compareOptions = declare('compare', {
  ...neutralShape,
  param: name({ doc: 'The parameter compared.', default: 'lr' }),
  tolerance: number({ doc: 'Values closer than `tolerance × max(|a|, |b|)` count as equal (rounding, not a difference).', min: 0, default: 1e-9 }),
  presetOptions: custom<Readonly<Partial<Record<PresetName, Readonly<Record<string, unknown>>>>>, { readonly doc: string }>(
    'object',
    "an object of preset names to their own options",
    { doc: "Each preset's own options, merged over the translation (e.g. `{ 'pytorch.oneCycleLR': { threePhase: true } }`)." },
    (fn, arg, v) => {
      const byPreset = plainObject(fn, arg, v);
      for (const [preset, own] of Object.entries(byPreset)) plainObject(fn, `${arg}[${show(preset)}]`, own);
      return byPreset as Readonly<Partial<Record<PresetName, Readonly<Record<string, unknown>>>>>;
    },
  ),
});

/** The neutral options: `steps`, `peak` (required), `warmup`, `start`, `final`. */
export type NeutralOptions = ShapeOptionsOf<typeof neutralShape>;

/** Options of `compare`: the neutral options, then `param` (default `'lr'`), `tolerance` (default 1e-9) and `presetOptions`. */
export type CompareOptions = ShapeOptionsOf<typeof compareOptions.shape>;

/** How the neutral options became one preset's options. */
export interface Translation {
  /** The preset's registry name, e.g. `'pytorch.oneCycleLR'`. */
  readonly preset: string;
  /** The preset options built. */
  readonly options: Readonly<Record<string, unknown>>;
  /** One line per option: `maxLr = peak = 0.1`, or what the preset does without a neutral one. */
  readonly lines: readonly string[];
}

/** Where the presets' curves differ. */
export interface Comparison {
  /** The parameter compared: `options.param`, `'lr'` by default. */
  readonly param: string;
  /** How each preset's options were made from the neutral ones, in the order the presets were named. */
  readonly translations: readonly Translation[];
  /** The policies built from those options, in the same order. */
  readonly policies: readonly OptimizerPolicy[];
  /** Each preset's length (they may differ: the libraries count steps differently). */
  readonly lengths: readonly number[];
  /**
   * The first step where two presets' values differ by more than the tolerance, with every
   * preset's value there; `null` if none does within the shortest preset's length.
   */
  readonly firstDifference: {
    /** The step, 0-based. */
    readonly step: number;
    /** Each preset's value of `param` at `step`, in the order the presets were named. */
    readonly values: readonly number[];
  } | null;
  /** The largest spread (max − min across presets) and its first step, within the shortest preset's length. */
  readonly largestDifference: {
    /** The first step where the spread is largest. */
    readonly step: number;
    /** The spread there: the highest preset value minus the lowest (0 when the presets agree everywhere). */
    readonly difference: number;
    /** Each preset's value of `param` at `step`, in the order the presets were named. */
    readonly values: readonly number[];
  };
  /** Each preset's last value. */
  readonly finals: readonly number[];
}

type Neutral = NeutralOptions;

/** One preset's translation: the option it sets from a neutral value, or a note when it has none. */
type Rule = (n: Neutral) => { options: Record<string, unknown>; lines: string[] };

const fmt = (x: number) => {
  const r = +x.toPrecision(6);
  return r !== 0 && Math.abs(r) < 1e-3 ? r.toExponential() : String(r);
};
const warmupSteps = (n: Neutral) => Math.round((n.warmup ?? 0) * n.steps);

/** Builds a rule from `[option, from neutral, text]` entries; an entry's `from` returning undefined keeps the preset's default. */
function rule(entries: readonly (readonly [string, (n: Neutral) => unknown, string, string?])[]): Rule {
  return (n) => {
    const options: Record<string, unknown> = {};
    const lines: string[] = [];
    for (const [option, from, text, fallback] of entries) {
      const value = from(n);
      if (value === undefined) {
        if (fallback !== undefined) lines.push(`${option}: ${fallback}`);
        continue;
      }
      options[option] = value;
      lines.push(`${option} = ${text} = ${typeof value === 'number' ? fmt(value) : JSON.stringify(value)}`);
    }
    return { options, lines };
  };
}

const ifWarmup = (f: (n: Neutral) => unknown) => (n: Neutral) => (n.warmup === undefined ? undefined : f(n));
const ifStart = (f: (n: Neutral) => unknown) => (n: Neutral) => (n.start === undefined ? undefined : f(n));
const ifFinal = (f: (n: Neutral) => unknown) => (n: Neutral) => (n.final === undefined ? undefined : f(n));
const notApplicable = (key: keyof NeutralOptions, what: string) => (n: Neutral) => {
  if (n[key] !== undefined) throw new RangeError(`compare: ${what}`);
  return undefined;
};

// Hugging Face's warmup schedules take the same options, and always run from 0 back to 0.
const huggingfaceRule = (name: string): Rule =>
  rule([
    ['lr', (n) => n.peak, 'peak'],
    ['numWarmupSteps', (n) => warmupSteps(n), 'round(warmup · steps)'],
    ['numTrainingSteps', (n) => n.steps, 'steps'],
    ['start', notApplicable('start', `${name} always starts its warmup at 0; leave start out`), '', 'always 0 (Hugging Face)'],
    ['final', notApplicable('final', `${name} always ends at 0; leave final out`), '', 'always 0 (Hugging Face)'],
  ]);

// The presets compare knows, and how each reads the neutral options. The one-cycles put the
// peak at pctStart; the warmup schedules count warmup in steps.
const RULES: Readonly<Record<string, Rule>> = {
  'pytorch.oneCycleLR': rule([
    ['maxLr', (n) => n.peak, 'peak'],
    ['totalSteps', (n) => n.steps, 'steps'],
    ['pctStart', ifWarmup((n) => n.warmup), 'warmup', 'PyTorch default 0.3'],
    ['divFactor', ifStart((n) => n.peak / n.start!), 'peak / start', 'PyTorch default 25 (start = peak / 25)'],
    ['finalDivFactor', ifFinal((n) => n.peak / (n.start ?? n.peak / 25) / n.final!), 'start / final', 'PyTorch default 1e4 (final = start / 1e4)'],
  ]),
  'fastai.fitOneCycle': rule([
    ['lrMax', (n) => n.peak, 'peak'],
    ['steps', (n) => n.steps, 'steps'],
    ['pctStart', ifWarmup((n) => n.warmup), 'warmup', 'fastai default 0.25'],
    ['div', ifStart((n) => n.peak / n.start!), 'peak / start', 'fastai default 25 (start = peak / 25)'],
    ['divFinal', ifFinal((n) => n.peak / n.final!), 'peak / final', 'fastai default 1e5 (final = peak / 1e5)'],
  ]),
  'optax.cosineOnecycle': rule([
    ['peakValue', (n) => n.peak, 'peak'],
    ['transitionSteps', (n) => n.steps, 'steps'],
    ['steps', (n) => n.steps, 'steps'],
    ['pctStart', ifWarmup((n) => n.warmup), 'warmup', 'optax default 0.3'],
    ['divFactor', ifStart((n) => n.peak / n.start!), 'peak / start', 'optax default 25 (start = peak / 25)'],
    ['finalDivFactor', ifFinal((n) => n.peak / (n.start ?? n.peak / 25) / n.final!), 'start / final', 'optax default 1e4 (final = start / 1e4)'],
  ]),
  'optax.warmupCosineDecay': rule([
    ['peakValue', (n) => n.peak, 'peak'],
    ['warmupSteps', (n) => warmupSteps(n), 'round(warmup · steps)'],
    ['decaySteps', (n) => n.steps, 'steps (optax counts the warmup in them)'],
    ['steps', (n) => n.steps, 'steps'],
    ['initValue', (n) => n.start ?? 0, 'start (0 if not given: optax requires it)'],
    ['endValue', ifFinal((n) => n.final), 'final', 'optax default 0'],
  ]),
  'keras.cosineDecay': rule([
    ['initialLearningRate', (n) => (n.warmup ? (n.start ?? 0) : n.peak), 'start with a warmup (0 if not given), peak without'],
    ['warmupTarget', ifWarmup((n) => n.peak), 'peak', 'no warmup: starts at the peak'],
    ['warmupSteps', ifWarmup((n) => warmupSteps(n)), 'round(warmup · steps)'],
    ['decaySteps', (n) => n.steps - warmupSteps(n), 'steps − warmup steps (Keras counts them apart)'],
    ['steps', (n) => n.steps, 'steps'],
    ['alpha', ifFinal((n) => n.final! / n.peak), 'final / peak', 'Keras default 0'],
  ]),
  'huggingface.cosine': huggingfaceRule('huggingface.cosine'),
  'huggingface.linear': huggingfaceRule('huggingface.linear'),
  'timm.cosineLR': rule([
    ['baseLr', (n) => n.peak, 'peak'],
    ['tInitial', (n) => n.steps, 'steps'],
    ['steps', (n) => n.steps, 'steps'],
    ['warmupT', ifWarmup((n) => warmupSteps(n)), 'round(warmup · steps)', 'no warmup'],
    ['warmupLrInit', ifStart((n) => n.start), 'start', 'timm default 0'],
    ['lrMin', ifFinal((n) => n.final), 'final', 'timm default 0'],
  ]),
  'pytorch.cosineAnnealingLR': rule([
    ['baseLr', (n) => n.peak, 'peak'],
    ['tMax', (n) => n.steps, 'steps'],
    ['steps', (n) => n.steps, 'steps'],
    ['etaMin', ifFinal((n) => n.final), 'final', 'PyTorch default 0'],
    ['warmup', notApplicable('warmup', 'pytorch.cosineAnnealingLR has no warmup; leave warmup out (or compare a warmup preset)'), '', 'none (starts at the peak)'],
    ['start', notApplicable('start', 'pytorch.cosineAnnealingLR starts at the peak; leave start out'), '', 'the peak'],
  ]),
};

/**
 * The presets `compare` can translate the neutral options for, by their registry names.
 * @example
 * import { comparablePresets } from 'rx-policy';
 * comparablePresets.includes('pytorch.oneCycleLR'); // → true
 */
export const comparablePresets: readonly string[] = Object.keys(RULES);

function neutralOf(fn: string, r: ReturnType<typeof compareOptions.read>): Neutral {
  for (const key of ['start', 'final'] as const) {
    const v = r[key];
    if (v !== undefined && !(v <= r.peak)) throw new RangeError(`${fn}: ${key} must be a finite number in (0, peak], got ${show(v)}`);
  }
  const out: { -readonly [K in keyof Neutral]: Neutral[K] } = { steps: r.steps, peak: r.peak };
  if (r.warmup !== undefined) out.warmup = r.warmup;
  if (r.start !== undefined) out.start = r.start;
  if (r.final !== undefined) out.final = r.final;
  return out;
}

/**
 * Translates one neutral option set into each preset's own options (showing how), builds the
 * presets, and reports where their curves of `param` part: the first step where two differ,
 * the largest spread and its step, and each one's final value. For catching the libraries'
 * conventions (where a one-cycle peaks, whether a warmup counts in the decay, what a restart
 * resets) before production does. O(steps × presets).
 *
 * @param names at least two different presets of `comparablePresets` (typed: a misspelt literal is a compile error).
 * @param options the neutral set (`steps`, `peak` required; `warmup`, `start`, `final`), `param`,
 *   `tolerance`, `presetOptions`.
 * @returns the translations, the policies and the differences.
 * @throws RangeError or TypeError for an unknown preset, a preset given twice, fewer than two
 *   presets, an unknown or bad option, a neutral option a preset cannot take, or more than 10^6
 *   common steps.
 * @example
 * import { compare } from 'rx-policy';
 * const c = compare(['pytorch.oneCycleLR', 'fastai.fitOneCycle', 'optax.cosineOnecycle'], { steps: 1000, peak: 0.1, warmup: 0.25 });
 * c.firstDifference?.step; // → 1
 * c.largestDifference?.step; // → 161
 * c.finals; // → [4e-7, 1.43864405663e-6, 8.3864668858e-7]
 */
export function compare<N extends string = never>(names: readonly ParamNames<N, PresetName>[], options: CompareOptions): Comparison {
  const fn = 'compare';
  if (!Array.isArray(names) || names.length < 2) throw new RangeError(`${fn}: give at least two presets to compare, got ${show(names)}`);
  const seen = new Set<string>();
  for (const name of names) {
    if (typeof name !== 'string' || !Object.hasOwn(RULES, name)) {
      const known = typeof name === 'string' && Object.hasOwn(presets, name);
      throw new RangeError(
        `${fn}: ${known ? `no neutral translation for preset ${show(name)}` : `unknown preset ${show(name)}${didYouMean(name, comparablePresets)}`}; compare knows: ${comparablePresets.join(', ')}`,
      );
    }
    if (seen.has(name)) throw new RangeError(`${fn}: preset ${show(name)} is given twice; compare different presets`);
    seen.add(name);
  }
  const o = compareOptions.read(options);
  const neutral = neutralOf(fn, o);
  const { param, tolerance } = o;
  const extra: Readonly<Record<string, Readonly<Record<string, unknown>> | undefined>> = o.presetOptions ?? {};
  for (const key of Object.keys(extra)) if (!seen.has(key)) throw new RangeError(`${fn}: presetOptions names ${show(key)}, which is not compared; compared: ${names.join(', ')}`);

  const translations = names.map((preset): Translation => {
    const { options: built, lines } = RULES[preset]!(neutral);
    const own = extra[preset] ?? {};
    for (const [k, v] of Object.entries(own)) lines.push(`${k} = ${JSON.stringify(v)} (presetOptions)`);
    return { preset, options: { ...built, ...own }, lines };
  });
  const policies = translations.map((t) => buildPolicy({ preset: t.preset, options: t.options }));
  policies.forEach((p, k) => {
    if (!p.params.includes(param)) throw new RangeError(`${fn}: ${names[k]} has no parameter ${show(param)}; it has: ${p.params.join(', ')}`);
  });
  const lengths = policies.map((p) => p.length);
  const common = Math.min(...lengths);
  // Every common step is read: a horizon of 10^15 steps would never return.
  if (common > MAX_COMPARED) throw new RangeError(`${fn}: steps must be at most ${MAX_COMPARED} (every step is read; the conventions show at any length), got ${common} steps common to the presets`);
  let firstDifference: Comparison['firstDifference'] = null;
  let largest = { step: 0, difference: -1, values: [] as number[] };
  const iterators = policies.map((p) => p.allSteps()[Symbol.iterator]());
  for (let i = 0; i < common; i++) {
    const values = iterators.map((it) => (it.next().value as Record<string, number>)[param] ?? NaN);
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of values) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    if (firstDifference === null && hi - lo > tolerance * Math.max(Math.abs(lo), Math.abs(hi))) firstDifference = { step: i, values };
    if (hi - lo > largest.difference) largest = { step: i, difference: hi - lo, values };
  }
  const finals = policies.map((p) => (p.length === 0 ? NaN : ((p.at(p.length - 1) as Record<string, number>)[param] ?? NaN)));
  return { param, translations, policies, lengths, firstDifference, largestDifference: largest, finals };
}

/**
 * The comparison as text: the translation of each preset, then the first difference, the largest
 * and the final values, one preset a column.
 * @param c what `compare` returned.
 * @returns the report.
 * @throws TypeError when `c` is not a comparison.
 * @example
 * import { compare, formatComparison } from 'rx-policy';
 * const report = formatComparison(compare(['pytorch.oneCycleLR', 'fastai.fitOneCycle'], { steps: 100, peak: 1 }));
 * report.split('\n').at(-1); // → 'final values: pytorch.oneCycleLR 4e-6, fastai.fitOneCycle 4.48581e-4'
 */
export function formatComparison(c: Comparison): string {
  const given = c as Partial<Comparison> | null;
  if (typeof given !== 'object' || given === null || !Array.isArray(given.translations) || !Array.isArray(given.lengths) || !Array.isArray(given.finals)) {
    throw new TypeError(`formatComparison: c must be what compare returned, got ${show(c)}`);
  }
  const names = c.translations.map((t) => t.preset);
  const row = (values: readonly number[]) => names.map((n, k) => `${n} ${fmt(values[k]!)}`).join(', ');
  const out = ['translation of the neutral options:'];
  for (const t of c.translations) out.push(`  ${t.preset}:`, ...t.lines.map((l) => `    ${l}`));
  if (new Set(c.lengths).size > 1) out.push(`lengths differ: ${names.map((n, k) => `${n} ${c.lengths[k]}`).join(', ')} (compared over the first ${Math.min(...c.lengths)} steps)`);
  out.push(c.firstDifference === null ? `${c.param}: no step differs` : `first step that differs: ${c.firstDifference.step} (${row(c.firstDifference.values)})`);
  out.push(`largest difference: ${fmt(c.largestDifference.difference)} at step ${c.largestDifference.step} (${row(c.largestDifference.values)})`);
  out.push(`final values: ${row(c.finals)}`);
  return out.join('\n');
}
