import { knownKeys, plainObject, show, count } from './internal/validate.js';
import type { Phase } from './phase.js';
import type { OptimizerPolicy } from './policy.js';
import { policyFromJSON } from './serialize.js';

/**
 * A policy's checkpoint: its step and the configuration that rebuilds it, as plain JSON.
 * @typeParam P the policy's phases, which type its parameter names: `saveState` gives them and
 * `restorePolicy` keeps them. A state read back from JSON is `PolicyState` (any names).
 */
export interface PolicyState<P extends Phase = Phase> {
  /** Marks the object as an rx-policy state; anything else is refused when restoring. */
  readonly format: 'rx-policy/state';
  /** The layout's version; this rx-policy reads version 1. */
  readonly version: 1;
  /** The policy's `currentStep` when saved: the step whose values the resumed run emits first. */
  readonly step: number;
  /** The policy's configuration, as `policy.toJSON()` writes it (the JSON schedule format). */
  readonly policy: {
    /** The phases in the order they run, each a parameter's space spec by name. */
    readonly phases: readonly (P extends Phase<infer K> ? Readonly<Record<K, unknown>> : never)[];
  };
  /**
   * Where the configuration holds `-0`, which `JSON.stringify` writes as `0`: each a path of keys
   * from `policy`. Present only when there is one, so that a restored schedule is the same bits.
   */
  readonly negativeZeros?: readonly (readonly (string | number)[])[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The paths of every `-0` in a JSON value. */
function negativeZerosOf(value: unknown, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (Object.is(value, -0)) out.push([...path]);
  else if (Array.isArray(value)) value.forEach((v, i) => negativeZerosOf(v, [...path, i], out));
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) negativeZerosOf(v, [...path, k], out);
  return out;
}

/**
 * The policy's state, to save next to a model checkpoint (`JSON.stringify` it).
 * @param policy The policy to save.
 * @returns Its step and configuration, plain JSON.
 * @throws TypeError when a space has no JSON form (an `fnspace`, which holds code).
 * @example
 * import { OptimizerPolicy, oneCyclePhases, saveState } from 'rx-policy';
 * const policy = new OptimizerPolicy(oneCyclePhases({ steps: 100 }), { initialStep: 40 });
 * const saved = JSON.stringify(saveState(policy));
 * saveState(policy).step; // → 40
 */
export function saveState<P extends Phase>(policy: OptimizerPolicy<P>): PolicyState<P> {
  const config: { readonly phases: readonly unknown[] } = policy.toJSON();
  const zeros = negativeZerosOf(config);
  // Each phase's JSON form has that phase's names, as the state's type says.
  return { format: 'rx-policy/state', version: 1, step: policy.currentStep, policy: config as PolicyState<P>['policy'], ...(zeros.length > 0 && { negativeZeros: zeros }) };
}

function readState(fn: string, state: unknown): { step: number; config: unknown } {
  const obj = plainObject(fn, 'state', state);
  if (obj['format'] !== 'rx-policy/state') throw new TypeError(`${fn}: not an rx-policy state (format ${show(obj['format'])}, expected "rx-policy/state")`);
  if (obj['version'] !== 1) throw new RangeError(`${fn}: unsupported state version ${show(obj['version'])}; this rx-policy reads version 1`);
  knownKeys(fn, 'key of the state', obj, ['format', 'version', 'step', 'policy', 'negativeZeros']);
  const step = count(fn, 'state.step', obj['step']);
  // A copy: the caller's object is left as it was.
  const config = structuredClone(obj['policy']) as Json;
  const zeros = obj['negativeZeros'];
  if (zeros !== undefined) {
    if (!Array.isArray(zeros)) throw new TypeError(`${fn}: state.negativeZeros must be an array of paths, got ${show(zeros)}`);
    zeros.forEach((path: unknown, i) => setNegativeZero(fn, config, path, i));
  }
  return { step, config };
}

function setNegativeZero(fn: string, config: Json, path: unknown, i: number): void {
  const bad = () => new TypeError(`${fn}: state.negativeZeros[${i}] must be the path of a 0 in state.policy, got ${show(path)}`);
  if (!Array.isArray(path) || path.length === 0) throw bad();
  let node: Json = config;
  for (let k = 0; k < path.length - 1; k++) {
    const key = path[k] as string | number;
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) throw bad();
    node = (node as Record<string | number, Json>)[key]!;
  }
  const last = path.at(-1) as string | number;
  if (typeof node !== 'object' || node === null || !Object.hasOwn(node, last) || (node as Record<string | number, Json>)[last] !== 0) throw bad();
  (node as Record<string | number, Json>)[last] = -0;
}

/** Whether two JSON values are equal by value: objects whatever their key order (`0` and `-0` alike). */
function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((v, i) => sameValue(v, (b as unknown[])[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * Rebuilds a policy from a saved state, its cursor at the saved step: the resumed run emits
 * exactly what the uninterrupted run would have.
 * @param state What `saveState` returned (parsed back from JSON).
 * @returns The policy, its cursor at the saved step. Typed by the state's phases when the state
 * is typed (`saveState`'s own result); from JSON (`unknown` or `any`), an `OptimizerPolicy` of any
 * names, whose values are read as `v['lr']` (`number | undefined`).
 * @throws TypeError/RangeError for something that is not a state, an unsupported version, or a bad configuration.
 * @example
 * import { OptimizerPolicy, oneCyclePhases, restorePolicy, saveState } from 'rx-policy';
 * const saved = JSON.stringify(saveState(new OptimizerPolicy(oneCyclePhases({ steps: 100 }), { initialStep: 40 })));
 * const policy = restorePolicy(JSON.parse(saved));
 * policy.currentStep; // → 40
 */
export function restorePolicy<P extends Phase>(state: PolicyState<P>): OptimizerPolicy<P>;
export function restorePolicy(state: unknown): OptimizerPolicy;
export function restorePolicy(state: unknown): OptimizerPolicy {
  const { step, config } = readState('restorePolicy', state);
  return policyFromJSON(config, { initialStep: step });
}

/**
 * Moves an existing policy to a saved state's step, after checking the state was saved from the
 * same configuration (compared by value: a state whose keys were reordered, as `jq -S` writes
 * it, is the same). On any error the policy is left unchanged.
 * @param policy The policy to move.
 * @param state What `saveState` returned (parsed back from JSON).
 * @throws RangeError when the state was saved from another configuration; TypeError/RangeError for something that is not a state.
 * @example
 * import { OptimizerPolicy, oneCyclePhases, loadState, saveState } from 'rx-policy';
 * const saved = JSON.stringify(saveState(new OptimizerPolicy(oneCyclePhases({ steps: 100 }), { initialStep: 40 })));
 * const policy = new OptimizerPolicy(oneCyclePhases({ steps: 100 }));
 * loadState(policy, JSON.parse(saved));
 * policy.currentStep; // → 40
 */
export function loadState<P extends Phase>(policy: OptimizerPolicy<P>, state: unknown): void {
  const { step, config } = readState('loadState', state);
  if (!sameValue(config, policy.toJSON())) {
    throw new RangeError('loadState: the state was saved from a different policy configuration; use restorePolicy to rebuild it');
  }
  policy.seek(step);
}

/**
 * Resumes from a TF.js optimizer's `iterations` (saved with its weights by `getWeights()`): one
 * optimizer iteration is one policy step.
 * @param policy The policy to move.
 * @param optimizer Any object with a non-negative integer `iterations`, such as a TF.js optimizer.
 * @throws TypeError/RangeError when `optimizer.iterations` is not a non-negative integer.
 * @example
 * import * as tf from '@tensorflow/tfjs';
 * import { OptimizerPolicy, oneCyclePhases, resumeFromIterations } from 'rx-policy';
 * const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1] })] });
 * model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
 * await model.fit(tf.ones([8, 1]), tf.zeros([8, 1]), { batchSize: 4, epochs: 2, verbose: 0 }); // 4 steps
 * const policy = new OptimizerPolicy(oneCyclePhases({ steps: 100 }));
 * resumeFromIterations(policy, model.optimizer);
 * policy.currentStep; // → 4
 */
export function resumeFromIterations<P extends Phase>(policy: OptimizerPolicy<P>, optimizer: { readonly iterations: number }): void {
  if (typeof optimizer !== 'object' || optimizer === null) throw new TypeError(`resumeFromIterations: optimizer must be an object with iterations, got ${show(optimizer)}`);
  policy.seek(count('resumeFromIterations', 'optimizer.iterations', optimizer.iterations));
}
