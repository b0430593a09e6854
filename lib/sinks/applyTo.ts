import type { Observer } from 'rxjs';
import { custom, declare, type ShapeOptionsOf } from '../internal/options.js';
import { plainObject, show } from '../internal/validate.js';
import type { ParamNames } from '../internal/paramNames.js';
import { checkedSink, type NumericFields, type SinkInput, type SinkOptions, sinkShape } from './checkedSink.js';

export type { NumericFields, ParamNames, SinkOptions, Values } from './checkedSink.js';

const applyToOptions = declare('applyTo', sinkShape);
const applyWithOptions = declare('applyWith', sinkShape);

/** Whether `target.key = v` would be refused: a read-only field or a getter without a setter, own or inherited. */
function readOnly(target: object, key: string): boolean {
  for (let o: object | null = target; o !== null; o = Object.getPrototypeOf(o)) {
    const d = Object.getOwnPropertyDescriptor(o, key);
    if (d !== undefined) return 'value' in d ? d.writable !== true : d.set === undefined;
  }
  return false;
}

function numericKeys(target: object): string[] {
  const out: string[] = [];
  for (const key in target) if (typeof (target as Record<string, unknown>)[key] === 'number') out.push(key);
  return out;
}

/**
 * A sink that writes each value into a field of `target` (`target.lr = lr`). A parameter the
 * target has no numeric field for is an error naming the fields it has.
 *
 * @param target The object whose numeric fields are written, such as `{ lr, momentum }`.
 * @param options `params`: the names to write (checked now), e.g. `policy.params`.
 * @returns An observer to subscribe to a stream of values (or `Stepped` values). An error while
 *   writing a value goes to an `error` handler spread beside it (`{ ...sink, error: fail }`), or is thrown without one.
 * @throws TypeError for a target that is not an object, a bad option, a parameter the target has no numeric field for or a read-only one;
 *   for a TF.js optimizer, whose update reads cached tensors rather than some of its fields (use `tfjsOptimizerSink`).
 * @example
 * import { Subject } from 'rxjs';
 * import { OptimizerPolicy, Phase, linspace, applyTo } from 'rx-policy';
 * const policy = new OptimizerPolicy([new Phase({ lr: linspace(0.1, 0.2, 3), momentum: 0.9 })]);
 * const optimizer = { lr: 0.1, momentum: 0.9 };
 * const step$ = new Subject<void>();
 * policy.drive(step$).subscribe(applyTo(optimizer));
 * step$.next();
 * step$.next();
 * optimizer; // → { lr: 0.15, momentum: 0.9 }
 */
export function applyTo<T extends object, N extends string = never>(target: T, options: SinkOptions<ParamNames<N, NumericFields<T>>> = {}): Partial<Observer<SinkInput>> {
  if (typeof target !== 'object' || target === null) throw new TypeError(`applyTo: target must be an object, got ${show(target)}`);
  const optimizer = target as { getClassName?: unknown; applyGradients?: unknown };
  if (typeof optimizer.getClassName === 'function' && typeof optimizer.applyGradients === 'function') {
    // SGD and Momentum train on scalars cached from their fields, and Adam's bias correction on a
    // variable made from its betas: field writes would change what getConfig() shows, not training.
    throw new TypeError(`applyTo: the target is a TF.js optimizer (${show((optimizer.getClassName as () => unknown).call(target))}), whose training does not read every field written; use tfjsOptimizerSink(optimizer)`);
  }
  const o = applyToOptions.read(options);
  const record = target as Record<string, number>;
  return checkedSink(
    {
      fn: 'applyTo',
      check(name) {
        if (typeof record[name] !== 'number') {
          throw new TypeError(`applyTo: the target has no numeric field ${show(name)}; it has: ${numericKeys(target).join(', ') || 'none'}`);
        }
        if (readOnly(target, name)) throw new TypeError(`applyTo: the target's field ${show(name)} is read-only (frozen, or a getter without a setter)`);
      },
      write(name, value) {
        record[name] = value;
      },
    },
    o,
  );
}

/** Per-group values: one multiplier per group, or a function of the value and the group index. */
export type PerGroup = readonly number[] | ((value: number, group: number) => number);

function readPerGroup(fn: string, arg: string, value: unknown): Readonly<Record<string, PerGroup>> {
  const perGroup = plainObject(fn, arg, value);
  for (const [name, spec] of Object.entries(perGroup)) {
    if (Array.isArray(spec)) {
      spec.forEach((x, g) => {
        if (!Number.isFinite(x)) throw new RangeError(`${fn}: ${arg}.${name}[${g}] must be a finite number, got ${show(x)}`);
      });
    } else if (typeof spec !== 'function') {
      throw new TypeError(`${fn}: ${arg}.${name} must be an array of numbers or a function, got ${show(spec)}`);
    }
  }
  return perGroup as Readonly<Record<string, PerGroup>>;
}

const groupOptions = declare('applyToGroups', {
  ...sinkShape,
  perGroup: custom<Readonly<Record<string, PerGroup>>, { readonly doc: string }>('object', 'an object of per-group arrays of numbers or functions', { doc: 'Per-parameter transforms for each group, e.g. `{ lr: [0.01, 0.1, 1] }` for discriminative rates.' }, readPerGroup),
});

/**
 * Options of `applyToGroups`: `params`, and `perGroup`, per-parameter transforms for each group (`{ lr: [0.01, 0.1, 1] }`).
 * @typeParam K the names `params` may hold.
 * @typeParam G the names `perGroup` may hold: the groups' numeric fields.
 */
export interface GroupSinkOptions<K extends string = string, G extends string = K> extends Omit<ShapeOptionsOf<typeof groupOptions.shape>, 'params' | 'perGroup'>, SinkOptions<K> {
  /** Per-parameter transforms for each group, e.g. `{ lr: [0.01, 0.1, 1] }` for discriminative rates. */
  readonly perGroup?: Readonly<Partial<Record<G, PerGroup>>>;
}

/**
 * A sink for PyTorch-style optimizers that keep hyper-parameters in `paramGroups` (an array of
 * objects): every group gets the value, or its own through `perGroup`. Every group must have the
 * field already; a per-group array must have one entry per group.
 *
 * @param optimizer An object with a non-empty `paramGroups` array.
 * @param options `params`, and `perGroup`: per parameter, one multiplier per group or a function of the value and the group index.
 * @returns An observer to subscribe to a stream of values (or `Stepped` values). An error while
 *   writing a value goes to an `error` handler spread beside it (`{ ...sink, error: fail }`), or is thrown without one.
 * @throws TypeError for an empty or missing `paramGroups`, a bad option, or a group without the field; RangeError for a `perGroup` array of the wrong length, and, on a value, for a group value that `perGroup` makes non-finite.
 * @example
 * import { Subject } from 'rxjs';
 * import { OptimizerPolicy, Phase, linspace, applyToGroups } from 'rx-policy';
 * const policy = new OptimizerPolicy([new Phase({ lr: linspace(0.1, 0.2, 3) })]);
 * const optimizer = { paramGroups: [{ lr: 0 }, { lr: 0 }] };
 * const step$ = new Subject<void>();
 * policy.drive(step$).subscribe(applyToGroups(optimizer, { perGroup: { lr: [0.1, 1] } })); // multipliers
 * step$.next();
 * step$.next();
 * optimizer.paramGroups; // → [{ lr: 0.015 }, { lr: 0.15 }]
 */
export function applyToGroups<G extends object, N extends string = never>(optimizer: { readonly paramGroups: readonly G[] }, options: GroupSinkOptions<ParamNames<N, NumericFields<G>>, NumericFields<G>> = {}): Partial<Observer<SinkInput>> {
  const o = groupOptions.read(options);
  const groups = optimizer?.paramGroups;
  if (!Array.isArray(groups) || groups.length === 0 || !Array.from(groups).every((g) => typeof g === 'object' && g !== null)) {
    throw new TypeError(`applyToGroups: optimizer.paramGroups must be a non-empty array of objects, got ${show(groups)}`);
  }
  const perGroup = o.perGroup ?? {};
  for (const [name, spec] of Object.entries(perGroup)) {
    if (Array.isArray(spec) && spec.length !== groups.length) {
      throw new RangeError(`applyToGroups: perGroup.${name} must have one entry per group (${groups.length}), got ${spec.length}: ${show(spec)}`);
    }
  }
  const records = groups as Record<string, number>[];
  const pending = new Float64Array(records.length);
  const check = (name: string): void => {
    records.forEach((group, g) => {
      if (typeof group[name] !== 'number') {
        throw new TypeError(`applyToGroups: paramGroups[${g}] has no numeric field ${show(name)}; it has: ${numericKeys(group).join(', ') || 'none'}`);
      }
      if (readOnly(group, name)) throw new TypeError(`applyToGroups: paramGroups[${g}]'s field ${show(name)} is read-only (frozen, or a getter without a setter)`);
    });
  };
  // A perGroup entry for a name never written would be silently unused.
  for (const name of Object.keys(perGroup)) {
    if (o.params !== undefined && !o.params.includes(name)) {
      throw new TypeError(`applyToGroups: perGroup.${name} names a parameter params leaves out; params: ${o.params.join(', ') || 'none'}`);
    }
    check(name);
  }
  return checkedSink(
    {
      fn: 'applyToGroups',
      check,
      write(name, value) {
        const spec = perGroup[name];
        if (spec === undefined) {
          for (let g = 0; g < records.length; g++) records[g]![name] = value;
          return;
        }
        // A group's factor or function may overflow or return anything: every group's value is
        // checked before any is written, so a refused step leaves the optimizer as it was.
        for (let g = 0; g < records.length; g++) {
          const v: unknown = typeof spec === 'function' ? spec(value, g) : value * spec[g]!;
          if (typeof v !== 'number' || !Number.isFinite(v)) throw new RangeError(`applyToGroups: perGroup.${name} gives ${show(v)} for group ${g} from ${name} ${value}; a group's value must be a finite number`);
          pending[g] = v;
        }
        for (let g = 0; g < records.length; g++) records[g]![name] = pending[g]!;
      },
    },
    o,
  );
}

/**
 * A sink that calls a setter per parameter, for optimizers with methods such as
 * `setLearningRate`. A parameter with no setter is an error naming the setters there are. For a
 * TF.js optimizer prefer `tfjsOptimizerSink`: TF.js's own `setMomentum` does not reach
 * Momentum's update, which the sink fixes.
 *
 * @param setters One function per parameter name, called with each new value.
 * @param options `params`: the names to write (checked now), e.g. `policy.params`.
 * @returns An observer to subscribe to a stream of values (or `Stepped` values). An error while
 *   writing a value goes to an `error` handler spread beside it (`{ ...sink, error: fail }`), or is thrown without one.
 * @throws TypeError for a setter that is not a function, a bad option, or a parameter with no setter.
 * @example
 * import * as tf from '@tensorflow/tfjs';
 * import { Subject } from 'rxjs';
 * import { OptimizerPolicy, Phase, linspace, applyWith } from 'rx-policy';
 * const policy = new OptimizerPolicy([new Phase({ lr: linspace(0.1, 0.2, 3) })]);
 * const optimizer = tf.train.sgd(0.1);
 * const step$ = new Subject<void>();
 * policy.drive(step$).subscribe(applyWith({ lr: (v) => optimizer.setLearningRate(v) }));
 * step$.next();
 * step$.next();
 * optimizer.getConfig(); // → { learningRate: 0.15 }
 */
export function applyWith<K extends string, N extends string = never>(setters: Readonly<Record<K, (value: number) => void>>, options: SinkOptions<ParamNames<N, NoInfer<K>>> = {}): Partial<Observer<SinkInput>> {
  const o = applyWithOptions.read(options);
  // Looked up by the names of the values, which are only strings.
  const byName: Readonly<Record<string, (value: number) => void>> = setters;
  if (typeof setters !== 'object' || setters === null) throw new TypeError(`applyWith: setters must be an object of functions, got ${show(setters)}`);
  for (const [name, fn] of Object.entries(setters)) {
    if (typeof fn !== 'function') throw new TypeError(`applyWith: setters.${name} must be a function, got ${show(fn)}`);
  }
  return checkedSink(
    {
      fn: 'applyWith',
      check(name) {
        if (!Object.hasOwn(byName, name) || typeof byName[name] !== 'function') {
          throw new TypeError(`applyWith: no setter for ${show(name)}; setters: ${Object.keys(setters).join(', ') || 'none'}`);
        }
      },
      write(name, value) {
        byName[name]!(value);
      },
    },
    o,
  );
}
