import type { Observer } from 'rxjs';
import { show } from '../internal/validate.js';
import { declare } from '../internal/options.js';
import type { ParamNames } from '../internal/paramNames.js';
import { checkedSink, type SinkInput, type SinkOptions, sinkShape } from './checkedSink.js';

const tfjsSinkOptions = declare('tfjsOptimizerSink', sinkShape);

/** Any TF.js optimizer, typed structurally so that importing rx-policy never loads TF.js. */
export interface TfjsOptimizerLike {
  /**
   * The optimizer's class name (`'SGD'`, `'Adam'`, …): tells the sink which fields hold its hyper-parameters.
   * @returns the TF.js class name.
   */
  getClassName(): string;
}

// The hyper-parameters each TF.js optimizer reads on every `applyGradients` (tfjs-core 4.x).
// `lr` is accepted as an alias of `learningRate`.
const KNOWN = {
  SGD: ['learningRate'],
  Momentum: ['learningRate', 'momentum'],
  Adam: ['learningRate', 'beta1', 'beta2', 'epsilon'],
  Adamax: ['learningRate', 'beta1', 'beta2', 'epsilon', 'decay'],
  RMSProp: ['learningRate', 'decay', 'momentum', 'epsilon'],
  Adagrad: ['learningRate'],
  Adadelta: ['learningRate', 'rho', 'epsilon'],
} as const;
const FIELDS: Readonly<Record<string, readonly string[]>> = KNOWN;

/**
 * The hyper-parameters `tfjsOptimizerSink` can write: those of any TF.js optimizer, and `lr` for
 * `learningRate` (each optimizer's own are checked when the sink is made).
 * @example
 * import * as tf from '@tensorflow/tfjs';
 * import { tfjsOptimizerSink, type TfjsParam } from 'rx-policy';
 * const params: TfjsParam[] = ['lr', 'beta1'];
 * const adam = tf.train.adam(0.1);
 * tfjsOptimizerSink(adam, { params }).next!({ lr: 0.01, beta1: 0.8 });
 * adam.getConfig(); // → { learningRate: 0.01, beta1: 0.8, beta2: 0.999, epsilon: 1e-7 }
 */
export type TfjsParam = 'lr' | (typeof KNOWN)[keyof typeof KNOWN][number];

const fieldOf = (name: string): string => (name === 'lr' ? 'learningRate' : name);

/** What to do instead, for a parameter an optimizer does not have. */
function hint(className: string, name: string): string {
  const fields = FIELDS[className]!;
  if (name === 'momentum' && fields.includes('beta1')) {
    return `. ${className}'s counterpart of momentum is beta1, which PyTorch's OneCycleLR and CyclicLR cycle on Adam: build the policy with momentumName: 'beta1' (pytorch.oneCycleLR, pytorch.cyclicLR), or leave momentum out with params`;
  }
  if (name === 'momentum' && className === 'SGD') return '. For SGD with momentum use tf.train.momentum(lr, momentum), or leave momentum out with params';
  return '';
}

interface ScalarHolder {
  c: unknown;
  learningRate: number;
}

interface MomentumInternals {
  m: unknown;
  momentum: number;
  setLearningRate(this: ScalarHolder, lr: number): void;
}

const followed = new WeakSet<object>();

/** A TF.js scalar variable, with the tensor methods `@tensorflow/tfjs` adds (its chained ops). */
interface ScalarVariable {
  mul(x: number): ScalarVariable;
  add(x: number): ScalarVariable;
  assign(value: ScalarVariable): void;
  dispose(): void;
}

// Adam and Adamax divide their moments by 1 − accBeta, a variable TF.js starts at the β the
// optimizer was built with and multiplies by the β field after each step (β^t for a constant β).
const ACCUMULATORS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  Adam: { beta1: 'accBeta1', beta2: 'accBeta2' },
  Adamax: { beta1: 'accBeta1' },
};

/**
 * Keeps Adam's bias correction in step with a β written between steps: the last factor of the
 * accumulator (the β the coming step runs with) is replaced by the new β, so the correction is
 * 1 − the product of the β each step ran with. Before the first step the accumulator is the new
 * β itself, as in an optimizer built with it. After steps run with β = 0 the product is 0 and stays so.
 */
function followAccumulator(optimizer: Record<string, unknown>, name: string, old: number, value: number): void {
  const variable = optimizer[name] as ScalarVariable;
  const fresh = optimizer['iterations'] === 0;
  if (!fresh && old === 0) return;
  const scaled = variable.mul(fresh ? 0 : value / old);
  const next = fresh ? scaled.add(value) : scaled;
  variable.assign(next);
  if (next !== scaled) scaled.dispose();
  next.dispose();
}

/**
 * `MomentumOptimizer` multiplies by a scalar `m` made once in its constructor: `setMomentum`
 * changes a field its update never reads. From now on `m` follows the field: on the first read
 * after the momentum changed (by this sink or by `setMomentum`), the old scalar is disposed and
 * a new one made, so one scalar exists at a time and no work is done on steps where the
 * momentum is unchanged. The scalar is made by SGD's own `setLearningRate` (with `-momentum`,
 * exact) on a holder object: TF.js's way to make a kept scalar, without importing TF.js.
 */
function momentumFollowsField(optimizer: object): void {
  if (followed.has(optimizer)) return;
  followed.add(optimizer);
  const internals = optimizer as MomentumInternals;
  const makeScalar = internals.setLearningRate;
  const holder: ScalarHolder = { c: internals.m, learningRate: 0 };
  let value = internals.momentum;
  Object.defineProperty(optimizer, 'm', {
    configurable: true,
    enumerable: true,
    get(this: MomentumInternals) {
      const momentum = this.momentum;
      if (momentum !== value) {
        makeScalar.call(holder, -momentum);
        value = momentum;
      }
      return holder.c;
    },
    set(this: MomentumInternals, tensor: unknown) {
      holder.c = tensor;
      value = this.momentum;
    },
  });
}

/**
 * A sink that schedules a TF.js optimizer (`tf.train.sgd`, `momentum`, `adam`, `adamax`,
 * `rmsprop`, `adagrad`, `adadelta`): the learning rate (`lr` or `learningRate`) and each
 * optimizer's own hyper-parameters (Adam's `beta1`/`beta2`/`epsilon`, RMSProp's `decay`/`momentum`,
 * Adadelta's `rho`, …), including the fields TF.js keeps protected, with no `as any` cast.
 *
 * A value is written only when it differs from the one this sink wrote last, so steps where
 * nothing changed (a step schedule, a held momentum) cost a comparison. No tensor is leaked:
 * SGD and Momentum get their learning rate through TF.js's `setLearningRate` (which replaces the
 * cached `-lr` scalar their update reads), and Momentum's momentum scalar, which
 * `setMomentum` alone never refreshes, is replaced when the optimizer next reads it. Adam's and
 * Adamax's bias correction follows a written `beta1`/`beta2`: it is 1 − the product of the β each
 * step ran with (β^t for a constant β, as TF.js has it), so a β set before the first step gives
 * the steps of an optimizer built with it.
 *
 * With `params`, only those names are written and other names in a value are left alone. A
 * parameter the optimizer does not read is an error naming the ones it does, and the option
 * that maps it when there is one (Adam has `beta1` where SGD has `momentum`).
 *
 * @param optimizer A TF.js optimizer from `tf.train.*`.
 * @param options `params`: the names to write (checked now), e.g. `policy.params`.
 * @returns An observer to subscribe to a stream of values (or `Stepped` values). An error while
 *   writing a value goes to an `error` handler spread beside it (`{ ...sink, error: fail }`), or is thrown without one.
 * @throws TypeError for a non-optimizer, an unsupported optimizer class, a parameter it lacks, or
 *   a β of Adam/Adamax where TF.js's tensor methods are not loaded (tfjs-core alone). On a value: RangeError for
 *   an Adam/Adamax β outside [0, 1) (β = 1 would divide the bias correction by 0), TypeError for a β written into a disposed optimizer.
 * @example
 * import * as tf from '@tensorflow/tfjs';
 * import { Subject } from 'rxjs';
 * import { OptimizerPolicy, pytorch, tfjsOptimizerSink } from 'rx-policy';
 * const policy = new OptimizerPolicy(pytorch.oneCycleLR({ maxLr: 0.01, totalSteps: 100, momentumName: 'beta1' }));
 * const optimizer = tf.train.adam(1e-3);
 * const step$ = new Subject<void>(); // or events$.pipe(schedule(policy)) from fitCallbacks
 * policy.drive(step$).subscribe(tfjsOptimizerSink(optimizer, { params: policy.params }));
 * step$.next();
 * optimizer.getConfig(); // → { learningRate: 0.0004, beta1: 0.95, beta2: 0.999, epsilon: 1e-7 }
 */
export function tfjsOptimizerSink<N extends string = never>(optimizer: TfjsOptimizerLike, options: SinkOptions<ParamNames<N, TfjsParam>> = {}): Partial<Observer<SinkInput>> {
  if (typeof optimizer?.getClassName !== 'function') {
    throw new TypeError(`tfjsOptimizerSink: optimizer must be a TF.js optimizer (from tf.train.*), got ${show(optimizer)}`);
  }
  const o = tfjsSinkOptions.read(options);
  const className = optimizer.getClassName();
  const fields = typeof className === 'string' && Object.hasOwn(FIELDS, className) ? FIELDS[className]! : undefined;
  if (fields === undefined) {
    throw new TypeError(`tfjsOptimizerSink: unsupported optimizer class ${show(className)}; supported: ${Object.keys(FIELDS).join(', ')}`);
  }
  const target = optimizer as unknown as Record<string, unknown> & { setLearningRate?(lr: number): void };
  const setLearningRate = typeof target.setLearningRate === 'function' ? target.setLearningRate : undefined;
  const accumulators = Object.hasOwn(ACCUMULATORS, className) ? ACCUMULATORS[className]! : {};
  if (className === 'Momentum') momentumFollowsField(optimizer);
  return checkedSink(
    {
      fn: 'tfjsOptimizerSink',
      check(name) {
        if (!fields.includes(fieldOf(name))) {
          throw new TypeError(`tfjsOptimizerSink: ${className} has no hyper-parameter ${show(name)}; it has: ${fields.join(', ')} (lr is an alias of learningRate)${hint(className, name)}`);
        }
        const accumulator = accumulators[name];
        if (accumulator !== undefined && typeof (target[accumulator] as Partial<ScalarVariable> | undefined)?.mul !== 'function') {
          throw new TypeError(`tfjsOptimizerSink: writing ${name} into ${className} needs the tensor methods of '@tensorflow/tfjs' (its chained ops), to keep the bias correction in step`);
        }
      },
      validate(name, value) {
        const accumulator = accumulators[name];
        if (accumulator === undefined) return;
        // The bias correction divides by 1 − β^t: β = 1 divides by 0, a β outside [0, 1) flips its sign or blows it up.
        if (!(value >= 0 && value < 1)) throw new RangeError(`tfjsOptimizerSink: ${name} of ${className} must be a number in [0, 1), got ${show(value)}`);
        if ((target[accumulator] as { isDisposed?: unknown }).isDisposed === true) {
          throw new TypeError(`tfjsOptimizerSink: the ${className} optimizer is disposed (optimizer.dispose() was called), so ${name} cannot be written`);
        }
      },
      write(name, value) {
        const field = fieldOf(name);
        if (field === 'learningRate' && setLearningRate !== undefined) setLearningRate.call(target, value);
        else {
          const accumulator = accumulators[field];
          if (accumulator !== undefined) followAccumulator(target, accumulator, target[field] as number, value);
          target[field] = value;
        }
      },
      onlyChanged: true,
    },
    o,
  );
}
