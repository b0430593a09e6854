import { knownKeys, plainObject, show, count } from './internal/validate.js';
import type { Phase } from './phase.js';
import type { OptimizerPolicy } from './policy.js';
import { policyFromJSON } from './serialize.js';

/** A policy's checkpoint: its step and the configuration that rebuilds it, as plain JSON. */
export interface PolicyState {
  readonly format: 'rx-policy/state';
  readonly version: 1;
  readonly step: number;
  readonly policy: { readonly phases: readonly Record<string, unknown>[] };
}

/**
 * The policy's state, to save next to a model checkpoint (`JSON.stringify` it).
 * @example
 * import { OptimizerPolicy, oneCyclePhases, saveState } from 'rx-policy';
 * const policy = new OptimizerPolicy(oneCyclePhases({ steps: 100 }), { initialStep: 40 });
 * const saved = JSON.stringify(saveState(policy));
 * saveState(policy).step; // → 40
 */
export function saveState(policy: OptimizerPolicy): PolicyState {
  return { format: 'rx-policy/state', version: 1, step: policy.currentStep, policy: policy.toJSON() };
}

function readState(fn: string, state: unknown): { step: number; config: unknown } {
  const obj = plainObject(fn, 'state', state);
  if (obj['format'] !== 'rx-policy/state') throw new TypeError(`${fn}: not an rx-policy state (format ${show(obj['format'])}, expected "rx-policy/state")`);
  if (obj['version'] !== 1) throw new RangeError(`${fn}: unsupported state version ${show(obj['version'])}; this rx-policy reads version 1`);
  knownKeys(fn, 'key of the state', obj, ['format', 'version', 'step', 'policy']);
  return { step: count(fn, 'state.step', obj['step']), config: obj['policy'] };
}

/**
 * Rebuilds a policy from a saved state, its cursor at the saved step: the resumed run emits
 * exactly what the uninterrupted run would have.
 * @example
 * import { OptimizerPolicy, oneCyclePhases, restorePolicy, saveState } from 'rx-policy';
 * const saved = JSON.stringify(saveState(new OptimizerPolicy(oneCyclePhases({ steps: 100 }), { initialStep: 40 })));
 * const policy = restorePolicy(JSON.parse(saved));
 * policy.currentStep; // → 40
 */
export function restorePolicy(state: unknown): OptimizerPolicy {
  const { step, config } = readState('restorePolicy', state);
  return policyFromJSON(config, { initialStep: step });
}

/**
 * Moves an existing policy to a saved state's step, after checking the state was saved from the
 * same configuration. On any error the policy is left unchanged.
 * @example
 * import { OptimizerPolicy, oneCyclePhases, loadState, saveState } from 'rx-policy';
 * const saved = JSON.stringify(saveState(new OptimizerPolicy(oneCyclePhases({ steps: 100 }), { initialStep: 40 })));
 * const policy = new OptimizerPolicy(oneCyclePhases({ steps: 100 }));
 * loadState(policy, JSON.parse(saved));
 * policy.currentStep; // → 40
 */
export function loadState<P extends Phase>(policy: OptimizerPolicy<P>, state: unknown): void {
  const { step, config } = readState('loadState', state);
  if (JSON.stringify(config) !== JSON.stringify(policy.toJSON())) {
    throw new RangeError('loadState: the state was saved from a different policy configuration; use restorePolicy to rebuild it');
  }
  policy.seek(step);
}

/**
 * Resumes from a TF.js optimizer's `iterations` (saved with its weights by `getWeights()`): one
 * optimizer iteration is one policy step.
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
  policy.seek(count('resumeFromIterations', 'optimizer.iterations', optimizer?.iterations));
}
