import { knownKeys, plainObject, show } from './internal/validate.js';
import type { Phase } from './phase.js';
import { OptimizerPolicy, type PolicyOptions } from './policy.js';
import { oneCyclePhases } from './presets/oneCycle.js';
import { sgdrPhases } from './presets/sgdr.js';
import { policyFromJSON, type PolicySpec } from './serialize.js';

/** A preset known by name to `buildPolicy` and the CLI. */
export interface PresetEntry {
  /** Builds the phases; it validates its own options. */
  readonly build: (options: never) => Phase[];
  /** The option names it accepts (listed in errors). */
  readonly options: readonly string[];
  /** One line for help texts. */
  readonly summary: string;
}

/**
 * Every preset by its config name. A new preset family adds its entries here.
 * @example Object.keys(presets); // ['oneCycle', 'sgdr', …]
 */
export const presets: Readonly<Record<string, PresetEntry>> = {
  oneCycle: {
    build: oneCyclePhases as PresetEntry['build'],
    options: ['steps', 'lr', 'momentum', 'finetuneLr', 'finetuneFraction'],
    summary: "Poutyne's one_cycle_phases: three linear phases (up, down, fine-tune)",
  },
  sgdr: {
    build: sgdrPhases as PresetEntry['build'],
    options: ['baseCycleLength', 'cycles', 'lr', 'cycleMult'],
    summary: "Poutyne's sgdr_phases: cosine cycles, each cycleMult times longer",
  },
};

/** A schedule as it lives in a config file: a preset with its options, or a list of phases. */
export type PolicyConfig = { readonly preset: string; readonly options?: Readonly<Record<string, unknown>> } | PolicySpec;

/**
 * Validates a config and builds its policy.
 * @example
 * buildPolicy({ preset: 'oneCycle', options: { steps: 500 } }).length; // 500
 * buildPolicy({ phases: [{ lr: { type: 'linspace', start: 0, end: 1, steps: 3 } }] }).at(1); // { lr: 0.5 }
 */
export function buildPolicy(config: unknown, options?: PolicyOptions): OptimizerPolicy {
  const obj = plainObject('buildPolicy', 'config', config);
  if (!('preset' in obj)) return policyFromJSON(obj, options);
  knownKeys('buildPolicy', 'key', obj, ['preset', 'options']);
  const name = obj['preset'];
  const entry = typeof name === 'string' && Object.hasOwn(presets, name) ? presets[name] : undefined;
  if (entry === undefined) {
    throw new TypeError(`buildPolicy: unknown preset ${show(name)}; accepted: ${Object.keys(presets).join(', ')}`);
  }
  const presetOptions = plainObject('buildPolicy', 'options', obj['options'] ?? {});
  knownKeys(`buildPolicy: preset ${name}`, 'option', presetOptions, entry.options);
  return new OptimizerPolicy(entry.build(presetOptions as never), options);
}
