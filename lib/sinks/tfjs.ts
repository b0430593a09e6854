import type { Observer } from 'rxjs';
import { show } from '../internal/validate.js';
import type { SinkOptions, Values } from './applyTo.js';
import { checkedSink } from './checkedSink.js';

/** A TF.js tensor, as far as the sink needs one (the momentum scalar it replaces). */
interface ScalarLike {
  mul(x: number): ScalarLike;
  add(x: number): ScalarLike;
  dispose(): void;
}

/** Any TF.js optimizer, typed structurally so that importing rx-policy never loads TF.js. */
export interface TfjsOptimizerLike {
  getClassName(): string;
}

// The hyper-parameters each TF.js optimizer reads on every `applyGradients` (tfjs-core 4.x).
// `lr` is accepted as an alias of `learningRate`.
const FIELDS: Readonly<Record<string, readonly string[]>> = {
  SGD: ['learningRate'],
  Momentum: ['learningRate', 'momentum'],
  Adam: ['learningRate', 'beta1', 'beta2', 'epsilon'],
  Adamax: ['learningRate', 'beta1', 'beta2', 'epsilon', 'decay'],
  RMSProp: ['learningRate', 'decay', 'momentum', 'epsilon'],
  Adagrad: ['learningRate'],
  Adadelta: ['learningRate', 'rho', 'epsilon'],
};

const fieldOf = (name: string): string => (name === 'lr' ? 'learningRate' : name);

/**
 * A sink that schedules a TF.js optimizer (`tf.train.sgd`, `momentum`, `adam`, `adamax`,
 * `rmsprop`, `adagrad`, `adadelta`): the learning rate (`lr` or `learningRate`) and each
 * optimizer's own hyper-parameters (Adam's `beta1`/`beta2`/`epsilon`, RMSProp's `decay`/`momentum`,
 * Adadelta's `rho`, …), including the fields TF.js keeps protected, with no `as any` cast.
 *
 * Two TF.js details it handles: SGD and Momentum read a cached `-lr` scalar that only
 * `setLearningRate` refreshes, and `MomentumOptimizer.setMomentum` updates a field its update
 * never reads (it reads a cached scalar), so the sink replaces that scalar too.
 * A parameter the optimizer does not read is an error naming the ones it does.
 *
 * @example
 * const optimizer = tf.train.adam(1e-3);
 * events$.pipe(schedule(policy)).subscribe(tfjsOptimizerSink(optimizer, { params: policy.params }));
 */
export function tfjsOptimizerSink(optimizer: TfjsOptimizerLike, options: SinkOptions = {}): Partial<Observer<Values>> {
  if (typeof optimizer?.getClassName !== 'function') {
    throw new TypeError(`tfjsOptimizerSink: optimizer must be a TF.js optimizer (from tf.train.*), got ${show(optimizer)}`);
  }
  const className = optimizer.getClassName();
  const fields = FIELDS[className];
  if (fields === undefined) {
    throw new TypeError(`tfjsOptimizerSink: unsupported optimizer class ${show(className)}; supported: ${Object.keys(FIELDS).join(', ')}`);
  }
  const target = optimizer as unknown as Record<string, unknown> & { setLearningRate?(lr: number): void; m?: ScalarLike };
  const check = (name: string) => {
    if (!fields.includes(fieldOf(name))) {
      throw new TypeError(`tfjsOptimizerSink: ${className} has no hyper-parameter ${show(name)}; it has: ${fields.join(', ')} (lr is an alias of learningRate)`);
    }
  };
  const write = (values: Values) => {
    for (const name in values) {
      const value = values[name]!;
      const field = fieldOf(name);
      if (field === 'learningRate' && typeof target.setLearningRate === 'function') target.setLearningRate(value);
      else target[field] = value;
      if (className === 'Momentum' && field === 'momentum' && target.m !== undefined) {
        const old = target.m;
        target.m = old.mul(0).add(value);
        old.dispose();
      }
    }
  };
  return checkedSink(check, write, options);
}
