import type { FieldInfo } from './internal/options.js';
import type { ParamNames } from './internal/paramNames.js';
import { didYouMean, knownKeys, plainObject, show } from './internal/validate.js';
import type { Phase } from './phase.js';
import { OptimizerPolicy, type PolicyOptions } from './policy.js';
import { fastai } from './presets/fastai.js';
import { huggingface } from './presets/huggingface.js';
import { keras } from './presets/keras.js';
import { oneCyclePhases } from './presets/oneCycle.js';
import { optax } from './presets/optax.js';
import { fieldsOf, type PresetInfo } from './presets/preset.js';
import { pytorch } from './presets/pytorch.js';
import { sgdrPhases } from './presets/sgdr.js';
import { timm } from './presets/timm.js';
import { readPolicy, type PolicySpec } from './serialize.js';

export type { FieldInfo } from './internal/options.js';

/** A preset known by name to `buildPolicy`, the CLI and the dashboard. */
export interface PresetEntry {
  /** Builds the phases from options read at run time; the preset validates them (an unknown or bad one is a named error). */
  readonly build: (options: unknown) => Phase[];
  /** The option names it accepts, in declaration order. */
  readonly options: readonly string[];
  /** Each option as data: type, default, range, whether required, doc, mode. */
  readonly fields: readonly FieldInfo[];
  /** One line for help texts. */
  readonly summary: string;
}

type Preset = ((options: never) => Phase[]) & PresetInfo;

const entry = (p: Preset): PresetEntry => {
  const fields = fieldsOf(p);
  // Each preset checks its options at run time, whatever their static type.
  const build = (options: unknown): Phase[] => p(options as never);
  return Object.freeze({ build, options: Object.freeze(fields.map((f) => f.name)), fields, summary: p.summary });
};

// Each entry is made on first read: its fields come from the preset's declaration, which is
// itself built on first use, so importing the package describes no preset until one is asked for.
function add(out: Record<string, PresetEntry>, key: string, p: Preset): void {
  let made: PresetEntry | undefined;
  Object.defineProperty(out, key, { enumerable: true, get: () => (made ??= entry(p)) });
}

// The preset families by their config prefix: `registry` lists their members, `PresetName` names them.
const families = { pytorch, huggingface, timm, fastai, optax, keras };

/**
 * A preset's config name, a key of `presets`: `'oneCycle'`, `'sgdr'`, or a family's member as
 * `'pytorch.oneCycleLR'`. Where a function takes one, a misspelt literal is a compile error.
 * @example
 * import { presetOptions, type PresetName } from 'rx-policy';
 * const name: PresetName = 'pytorch.stepLR';
 * presetOptions(name).length; // → 4
 */
export type PresetName = 'oneCycle' | 'sgdr' | { [F in keyof typeof families]: `${F}.${keyof (typeof families)[F] & string}` }[keyof typeof families];

function registry(): Readonly<Record<string, PresetEntry>> {
  // No prototype: a preset named `constructor` or `__proto__` is simply unknown.
  const out = Object.create(null) as Record<string, PresetEntry>;
  add(out, 'oneCycle', oneCyclePhases);
  add(out, 'sgdr', sgdrPhases);
  for (const [family, members] of Object.entries(families as Record<string, Readonly<Record<string, Preset>>>)) {
    for (const [name, p] of Object.entries(members)) {
      // A preset is a declared function: its options are data the registry, CLI and forms read.
      if (p.declaration === undefined) throw new TypeError(`presets: ${family}.${name} has no declaration; build it with preset(declare('${family}.${name}', { … }), summary, fn) from presets/preset.ts`);
      add(out, `${family}.${name}`, p);
    }
  }
  return Object.freeze(out);
}

/**
 * Every preset by its config name (`'oneCycle'`, `'pytorch.oneCycleLR'`, …), each with its options
 * as data. A preset family added to `registry` appears here, in the CLI and in the dashboard.
 * @example
 * import { presets } from 'rx-policy';
 * Object.keys(presets).slice(0, 3); // → ['oneCycle', 'sgdr', 'pytorch.oneCycleLR']
 * presets['pytorch.stepLR']!.fields.length; // → 4
 */
export const presets: Readonly<Record<string, PresetEntry>> = /* @__PURE__ */ registry();

/**
 * The options of a preset, as data a form can be generated from: for each option its name,
 * `type` (`'number'`, `'integer'`, `'boolean'`, `'enum'`, …), `doc`, `required`, `default`,
 * `min`/`max` (with `exclusiveMin`/`exclusiveMax`), enum `values`, `mode`, `requires`, and
 * whether it survives JSON.
 * @param name A preset's config name, a key of `presets` (`'pytorch.stepLR'`); typed, so a misspelt literal is a compile error (a `string` is checked here).
 * @returns One `FieldInfo` per option, in declaration order.
 * @throws TypeError for an unknown preset, listing the known ones.
 * @example
 * import { presetOptions } from 'rx-policy';
 * presetOptions('pytorch.stepLR').map((f) => f.name); // → ['baseLr', 'stepSize', 'gamma', 'steps']
 */
export function presetOptions<N extends string = never>(name: ParamNames<N, PresetName>): readonly FieldInfo[] {
  return lookup('presetOptions', name).fields;
}

function lookup(fn: string, name: unknown): PresetEntry {
  const found = typeof name === 'string' && Object.hasOwn(presets, name) ? presets[name] : undefined;
  if (found === undefined) throw new TypeError(`${fn}: unknown preset ${show(name)}${didYouMean(name, Object.keys(presets))}; accepted: ${Object.keys(presets).join(', ')}`);
  return found;
}

/** A schedule as it lives in a config file: a preset with its options, or a list of phases. */
export type PolicyConfig =
  | {
      /** A registered preset's name, as `presets()` lists it (`'pytorch.oneCycleLR'`). */
      readonly preset: string;
      /** The preset's options; the preset's declaration checks them. */
      readonly options?: Readonly<Record<string, unknown>>;
    }
  | PolicySpec;

/**
 * Validates a config and builds its policy. The preset's own declaration checks the options (its
 * errors name the preset function, e.g. `pytorch.stepLR: gamma must be …`).
 * @param config `{ preset, options? }` (a name of `presets`) or `{ phases: [...] }` (as `policyFromJSON` reads).
 * @param options The policy's own options (`initialStep`).
 * @returns The policy, its cursor at `initialStep` (0 by default). As the config is read at run
 * time, it is an `OptimizerPolicy` of any names (`policy.params` is `readonly string[]`, a value is
 * read as `v['lr']`, `number | undefined`).
 * @throws TypeError/RangeError naming the key or option, for an unknown preset, an unknown key or a bad option.
 * @example
 * import { buildPolicy } from 'rx-policy';
 * buildPolicy({ preset: 'oneCycle', options: { steps: 500 } }).length; // → 500
 * buildPolicy({ phases: [{ lr: { type: 'linspace', start: 0, end: 1, steps: 3 } }] }).at(1); // → { lr: 0.5 }
 */
export function buildPolicy(config: unknown, options?: PolicyOptions): OptimizerPolicy {
  const obj = plainObject('buildPolicy', 'config', config);
  // A misspelt key is named first, so that `{ prest: … }` is not reported as a missing one.
  knownKeys('buildPolicy', 'key', obj, ['preset', 'options', 'phases']);
  if (!Object.hasOwn(obj, 'preset')) {
    if (!Object.hasOwn(obj, 'phases')) throw new TypeError(`buildPolicy: config must have a preset (with its options) or phases, got ${show(config)}`);
    knownKeys('buildPolicy', 'key of a phases config', obj, ['phases']);
    return readPolicy('buildPolicy', obj, options);
  }
  knownKeys('buildPolicy', 'key of a preset config', obj, ['preset', 'options']);
  const found = lookup('buildPolicy', obj['preset']);
  const presetOptions = obj['options'] === undefined ? {} : plainObject('buildPolicy', 'options', obj['options']);
  return new OptimizerPolicy(found.build(presetOptions), options);
}
