import { knownKeys, plainObject, show } from './internal/validate.js';
import { Phase } from './phase.js';
import { OptimizerPolicy, type PolicyOptions } from './policy.js';
import type { Space, SpaceSpec } from './space.js';
import { constant } from './spaces/constant.js';
import { cosinepowspace } from './spaces/cosinepowspace.js';
import { cosinespace } from './spaces/cosinespace.js';
import { cycle } from './spaces/cycle.js';
import { cyclicspace, type CyclicOptions } from './spaces/cyclicspace.js';
import type { SpaceOptions } from './spaces/eased.js';
import { expspace, type ExpOptions } from './spaces/expspace.js';
import { invtimespace } from './spaces/invtimespace.js';
import { polycyclespace } from './spaces/polycyclespace.js';
import { invsqrtspace } from './spaces/invsqrtspace.js';
import { kcosinespace } from './spaces/kcosinespace.js';
import { kpolyspace } from './spaces/kpolyspace.js';
import { linspace } from './spaces/linspace.js';
import { noisy } from './spaces/noisy.js';
import { tanhspace } from './spaces/tanhspace.js';
import { polyspace } from './spaces/polyspace.js';
import { powspace } from './spaces/powspace.js';
import { product } from './spaces/product.js';
import { slice } from './spaces/slice.js';

/** The JSON form of a phase: each parameter's space spec. */
export type PhaseSpec = Readonly<Record<string, SpaceSpec>>;

/** The JSON form of a policy: its phases, in order. */
export interface PolicySpec {
  readonly phases: readonly PhaseSpec[];
}

type SpaceReader = (spec: Readonly<Record<string, unknown>>, where: string) => Space;

const easedOptions = (spec: Readonly<Record<string, unknown>>): SpaceOptions => {
  const out: { endpoint?: boolean; offset?: number; span?: number; wrap?: boolean } = {};
  if (spec['wrap'] !== undefined) out.wrap = spec['wrap'] as boolean;
  if (spec['endpoint'] !== undefined) out.endpoint = spec['endpoint'] as boolean;
  if (spec['offset'] !== undefined) out.offset = spec['offset'] as number;
  if (spec['span'] !== undefined) out.span = spec['span'] as number;
  return out;
};

const readEased =
  (make: (start: number, end: number, steps: number, ...rest: never[]) => Space, type: string, params: readonly string[] = []): SpaceReader =>
  (spec, where) => {
    knownKeys(where, `key of a ${type} spec`, spec, ['type', 'start', 'end', 'steps', ...params, 'endpoint', 'offset', 'span', 'wrap']);
    const args = params.map((name) => spec[name]) as never[];
    return make(spec['start'] as number, spec['end'] as number, spec['steps'] as number, ...args, easedOptions(spec) as never);
  };

/** Reads the spaces shaped `(start, rate, steps, { every, staircase })`. */
const readRated =
  (make: (start: number, rate: number, steps: number, options: ExpOptions) => Space, type: string): SpaceReader =>
  (spec, where) => {
    knownKeys(where, `key of an ${type} spec`, spec, ['type', 'start', 'rate', 'steps', 'every', 'staircase', 'offset']);
    const options: { every?: number; staircase?: boolean; offset?: number } = {};
    if (spec['every'] !== undefined) options.every = spec['every'] as number;
    if (spec['staircase'] !== undefined) options.staircase = spec['staircase'] as boolean;
    if (spec['offset'] !== undefined) options.offset = spec['offset'] as number;
    return make(spec['start'] as number, spec['rate'] as number, spec['steps'] as number, options);
  };

// One entry per space factory; a new space shape adds its reader here.
const readers: Record<string, SpaceReader> = {
  linspace: readEased(linspace, 'linspace'),
  cosinespace: readEased(cosinespace, 'cosinespace'),
  polyspace: readEased(polyspace, 'polyspace', ['power']),
  powspace: readEased(powspace, 'powspace', ['power']),
  expspace: readRated(expspace, 'expspace'),
  invtimespace: readRated(invtimespace, 'invtimespace'),
  polycyclespace: (spec, where) => {
    knownKeys(where, 'key of a polycyclespace spec', spec, ['type', 'start', 'end', 'period', 'power', 'steps']);
    return polycyclespace(spec['start'] as number, spec['end'] as number, spec['steps'] as number, spec['power'] as number, spec['period'] as number);
  },
  cycle: (spec, where) => {
    knownKeys(where, 'key of a cycle spec', spec, ['type', 'space', 'steps']);
    return cycle(spaceFromJSON(spec['space'], `${where}: space`), spec['steps'] as number);
  },
  tanhspace: readEased(tanhspace, 'tanhspace', ['lb', 'ub']),
  cosinepowspace: readEased(cosinepowspace, 'cosinepowspace', ['exponent']),
  kcosinespace: readEased(kcosinespace, 'kcosinespace', ['k']),
  kpolyspace: readEased(kpolyspace, 'kpolyspace', ['power', 'k']),
  cyclicspace: (spec, where) => {
    knownKeys(where, 'key of a cyclicspace spec', spec, ['type', 'low', 'high', 'steps', 'stepsUp', 'stepsDown', 'mode', 'gamma']);
    return cyclicspace(spec['low'] as number, spec['high'] as number, spec['steps'] as number, spec as unknown as CyclicOptions);
  },
  noisy: (spec, where) => {
    knownKeys(where, 'key of a noisy spec', spec, ['type', 'space', 'range', 'pct', 'noise', 'seed', 'offset']);
    return noisy(spaceFromJSON(spec['space'], `${where}: space`), {
      range: spec['range'] as [number, number?],
      pct: spec['pct'] as number,
      type: spec['noise'] as 'normal' | 'uniform',
      seed: spec['seed'] as number,
      offset: spec['offset'] as number,
    });
  },
  invsqrtspace: (spec, where) => {
    knownKeys(where, 'key of an invsqrtspace spec', spec, ['type', 'start', 'timescale', 'steps']);
    return invsqrtspace(spec['start'] as number, spec['timescale'] as number, spec['steps'] as number);
  },
  product: (spec, where) => {
    knownKeys(where, 'key of a product spec', spec, ['type', 'factors']);
    const factors = spec['factors'];
    if (!Array.isArray(factors)) throw new TypeError(`${where}: factors must be an array of space specs and numbers, got ${show(factors)}`);
    return product(...factors.map((f: unknown, k) => (typeof f === 'number' ? f : spaceFromJSON(f, `${where}: factors[${k}]`))));
  },
  slice: (spec, where) => {
    knownKeys(where, 'key of a slice spec', spec, ['type', 'space', 'from', 'to']);
    return slice(spaceFromJSON(spec['space'], `${where}: space`), spec['from'] as number, spec['to'] as number);
  },
  constant: (spec, where) => {
    knownKeys(where, 'key of a constant spec', spec, ['type', 'value', 'steps']);
    return constant(spec['value'] as number, spec['steps'] as number | undefined);
  },
};

/**
 * Rebuilds a space from its `toJSON()` form.
 * @example spaceFromJSON({ type: 'linspace', start: 0, end: 1, steps: 3 }).at(1); // 0.5
 */
export function spaceFromJSON(spec: unknown, where = 'spaceFromJSON'): Space {
  const obj = plainObject(where, 'spec', spec);
  const type = obj['type'];
  const read = typeof type === 'string' && Object.hasOwn(readers, type) ? readers[type] : undefined;
  if (read === undefined) {
    throw new TypeError(`${where}: unknown space type ${show(type)}; accepted: ${Object.keys(readers).join(', ')}`);
  }
  return read(obj, where);
}

/**
 * Rebuilds a phase from its `toJSON()` form.
 * @example phaseFromJSON({ lr: { type: 'cosinespace', start: 1, end: 0, steps: 5 } }).length; // 5
 */
export function phaseFromJSON(spec: unknown, where = 'phaseFromJSON'): Phase {
  const obj = plainObject(where, 'spec', spec);
  const spaces: Record<string, Space> = {};
  for (const [name, space] of Object.entries(obj)) spaces[name] = spaceFromJSON(space, `${where}: ${name}`);
  return new Phase(spaces);
}

/**
 * Rebuilds a policy from its `toJSON()` form, so a schedule can live in a config file.
 * @example
 * const policy = new OptimizerPolicy(oneCyclePhases({ steps: 100 }));
 * const copy = policyFromJSON(JSON.parse(JSON.stringify(policy)));
 * copy.at(42); // equals policy.at(42)
 */
export function policyFromJSON(spec: unknown, options?: PolicyOptions): OptimizerPolicy {
  const obj = plainObject('policyFromJSON', 'spec', spec);
  knownKeys('policyFromJSON', 'key', obj, ['phases']);
  const phases = obj['phases'];
  if (!Array.isArray(phases)) throw new TypeError(`policyFromJSON: phases must be an array, got ${show(phases)}`);
  return new OptimizerPolicy(
    phases.map((phase, p) => phaseFromJSON(phase, `policyFromJSON: phases[${p}]`)),
    options,
  );
}
