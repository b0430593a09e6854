import { didYouMean, knownKeys, plainObject, show } from './internal/validate.js';
import { Phase } from './phase.js';
import { OptimizerPolicy, type PolicyOptions } from './policy.js';
import { createSpace, type Space, type SpaceDefinition, type SpaceSpec } from './space.js';
import * as factories from './spaces/index.js';

/** The JSON form of a phase: each parameter's space spec. */
export type PhaseSpec = Readonly<Record<string, SpaceSpec>>;

/** The JSON form of a policy: its phases, in order. */
export interface PolicySpec {
  /** The phases in the order they run, each a parameter's space spec by name. */
  readonly phases: readonly PhaseSpec[];
}

// Every factory of the catalogue carries its definition: the readers come from them.
const definitions = new Map<string, SpaceDefinition>();
for (const value of Object.values(factories)) {
  const definition = (value as { definition?: SpaceDefinition }).definition;
  if (definition !== undefined) definitions.set(definition.name, definition);
}

/**
 * Runs `build`, naming `where` (the spec's place in the file, e.g. `policyFromJSON: phases[1]: lr`)
 * in the error a bad value raises, so that a file with many phases says which one is wrong. A spec
 * read on its own (`where` is just the reader's name) keeps the factory's error as it is.
 */
function within<T>(where: string, build: () => T): T {
  if (!where.includes(': ')) return build();
  try {
    return build();
  } catch (err) {
    if (err instanceof RangeError) throw new RangeError(`${where}: ${err.message}`, { cause: err });
    if (err instanceof TypeError) throw new TypeError(`${where}: ${err.message}`, { cause: err });
    throw err;
  }
}

/** Reads a spec by its definition: positional arguments by name, the rest as options. */
function readSpace(definition: SpaceDefinition, spec: Readonly<Record<string, unknown>>, where: string): Space {
  const name = definition.name;
  const optionKeys = Object.entries(definition.options).map(([key, decl]) => [key, decl.json ?? key] as const);
  knownKeys(where, `key of ${/^[aeiou]/.test(name) ? 'an' : 'a'} ${name} spec`, spec, ['type', ...definition.args.map((a) => a.name), ...optionKeys.map(([, json]) => json)]);
  const args = definition.args.map((decl) => (decl.type === 'space' ? spaceFromJSON(spec[decl.name], `${where}: ${decl.name}`) : spec[decl.name]));
  const options: Record<string, unknown> = {};
  for (const [key, json] of optionKeys) if (spec[json] !== undefined) options[key] = spec[json];
  return within(where, () => createSpace(definition, args, options));
}

/**
 * Rebuilds a space from its `toJSON()` form.
 * @param spec A space's JSON, `{ type, ...arguments and options }`.
 * @param where The name errors are given in (default `spaceFromJSON`).
 * @returns The space.
 * @throws TypeError/RangeError for an unknown type or key, naming the accepted ones, or a bad value;
 *   RangeError for spaces nested more than 1000 deep (a cyclic spec is one).
 * @example
 * import { spaceFromJSON } from 'rx-policy';
 * spaceFromJSON({ type: 'linspace', start: 0, end: 1, steps: 3 }).at(1); // → 0.5
 */
export function spaceFromJSON(spec: unknown, where = 'spaceFromJSON'): Space {
  if (nesting === 0) outermost = where;
  if (nesting >= MAX_NESTING) {
    const type = typeof spec === 'object' && spec !== null ? (spec as { type?: unknown }).type : spec;
    throw new RangeError(`${outermost}: the spec must nest at most ${MAX_NESTING} spaces (a spec that contains itself never ends), got a ${show(type)} spec at depth ${MAX_NESTING + 1}`);
  }
  nesting++;
  try {
    return readSpec(spec, where);
  } finally {
    nesting--;
  }
}

// Spaces inside spaces (cycle, noisy, slice, product) are read recursively: a spec that contains
// itself, or one nested past what the call stack holds, is a named error instead of a stack overflow.
const MAX_NESTING = 1000;
let nesting = 0;
let outermost = 'spaceFromJSON';

function readSpec(spec: unknown, where: string): Space {
  const obj = plainObject(where, 'spec', spec);
  const type = obj['type'];
  const definition = typeof type === 'string' ? definitions.get(type) : undefined;
  if (definition === undefined) {
    const accepted = [...definitions.keys()];
    throw new TypeError(`${where}: unknown space type ${show(type)}${didYouMean(type, accepted)}; accepted: ${accepted.join(', ')}`);
  }
  return readSpace(definition, obj, where);
}

/**
 * Rebuilds a phase from its `toJSON()` form.
 * @param spec An object of space specs, one per parameter.
 * @param where The name errors are given in (default `phaseFromJSON`).
 * @returns The phase.
 * @throws TypeError/RangeError as `spaceFromJSON`, naming the parameter.
 * @example
 * import { phaseFromJSON } from 'rx-policy';
 * phaseFromJSON({ lr: { type: 'cosinespace', start: 1, end: 0, steps: 5 } }).length; // → 5
 */
export function phaseFromJSON(spec: unknown, where = 'phaseFromJSON'): Phase {
  const obj = plainObject(where, 'spec', spec);
  // No prototype: a key `__proto__` (which JSON.parse makes an own key) stays a key, for Phase to refuse.
  const spaces = Object.create(null) as Record<string, Space>;
  for (const [name, space] of Object.entries(obj)) spaces[name] = spaceFromJSON(space, `${where}: ${name}`);
  return within(where, () => new Phase(spaces));
}

/**
 * Rebuilds a policy from its `toJSON()` form, so a schedule can live in a config file.
 * @param spec `{ phases: [...] }`, each phase as `phaseFromJSON` reads it.
 * @param options The policy's own options (`initialStep`).
 * @returns The policy, typed by the phases' names when the spec is typed (a literal, or
 * `policy.toJSON()`); from JSON (`unknown` or `any`) its names are known only at run time, so it
 * is an `OptimizerPolicy` of any names: `policy.params` is `readonly string[]` and a value is read
 * as `v['lr']` (`number | undefined`).
 * @throws TypeError/RangeError for an unknown key, a `phases` that is not an array, or a bad phase.
 * @example
 * import { OptimizerPolicy, oneCyclePhases, policyFromJSON } from 'rx-policy';
 * const policy = new OptimizerPolicy(oneCyclePhases({ steps: 100 }));
 * const copy = policyFromJSON(JSON.parse(JSON.stringify(policy)));
 * copy.at(42); // → policy.at(42)
 */
export function policyFromJSON<S extends PhaseSpec>(spec: { readonly phases: readonly S[] }, options?: PolicyOptions): OptimizerPolicy<S extends unknown ? Phase<keyof S & string> : never>;
export function policyFromJSON(spec: unknown, options?: PolicyOptions): OptimizerPolicy;
export function policyFromJSON(spec: unknown, options?: PolicyOptions): OptimizerPolicy {
  const obj = plainObject('policyFromJSON', 'spec', spec);
  knownKeys('policyFromJSON', 'key', obj, ['phases']);
  return readPolicy('policyFromJSON', obj, options);
}

/**
 * Builds a policy from the `phases` of a checked spec object; `fn` is the public function the
 * user called (`policyFromJSON`, `buildPolicy`), which every error names.
 */
export function readPolicy(fn: string, obj: Readonly<Record<string, unknown>>, options?: PolicyOptions): OptimizerPolicy {
  const phases = obj['phases'];
  if (!Array.isArray(phases)) throw new TypeError(`${fn}: phases must be an array, got ${show(phases)}`);
  return new OptimizerPolicy(
    phases.map((phase, p) => phaseFromJSON(phase, `${fn}: phases[${p}]`)),
    options,
  );
}
