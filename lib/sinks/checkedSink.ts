import type { Observer } from 'rxjs';
import { Stepped } from '../events/stepped.js';
import { names, type ShapeOptionsOf } from '../internal/options.js';
import { checkParams, type ParamChecker } from '../internal/paramStream.js';
import { show } from '../internal/validate.js';

export type { ParamNames } from '../internal/paramNames.js';

/** What a sink accepts: one step's values. */
export type Values = Readonly<Record<string, number>>;

/** The option every sink takes, declared once; each sink declares it in its own name. */
export const sinkShape = {
  params: names({
    doc: 'The parameter names to write, checked when the sink is made (pass `policy.params`); other names in a value are left alone. Without it, every name is written, checked when the sink subscribes to `policy.drive(…)` or `schedule(policy)`, which carry their names, or else on the first value that brings them.',
  }),
};

/**
 * Options shared by the sinks: `params`, the parameter names to write (checked when the sink is made).
 * @typeParam K the names `params` may hold: each sink types them by what it can write.
 */
export interface SinkOptions<K extends string = string> extends Omit<ShapeOptionsOf<typeof sinkShape>, 'params'> {
  /**
   * The parameter names to write, checked when the sink is made (pass `policy.params`); other
   * names in a value are left alone. Without it, every name of a value is written.
   */
  readonly params?: readonly K[];
}

/**
 * The names of `T`'s numeric fields, what a sink can write into; any name for a target typed `object`.
 * @example
 * import { applyTo, type NumericFields } from 'rx-policy';
 * const optimizer = { lr: 0.1, momentum: 0.9, name: 'sgd' };
 * const names: NumericFields<typeof optimizer>[] = ['lr', 'momentum']; // 'name' is not one
 * applyTo(optimizer, { params: names }).next!({ lr: 0.2, momentum: 0.8 });
 * optimizer; // → { lr: 0.2, momentum: 0.8, name: 'sgd' }
 */
export type NumericFields<T> = [keyof T] extends [never] ? string : { [K in keyof T]-?: Exclude<T[K], undefined> extends number ? K : never }[keyof T] & string;

/** What a sink accepts: one step's values, bare or with their step (`schedule(…, { withStep: true })`). */
export type SinkInput = Values | Stepped<Values>;

/** How a sink writes: one parameter at a time. */
export interface SinkWriter {
  /** The public sink, as errors name it (`applyTo`). */
  readonly fn: string;
  /** Throws, naming what the target has, when `name` cannot be written. */
  check(name: string): void;
  write(name: string, value: number): void;
  /** Throws when the target cannot take this finite `value` for `name`; called for every name of a value before any is written. */
  validate?(name: string, value: number): void;
  /** Skip a write when the value is the one this sink wrote last (writes that cost). */
  readonly onlyChanged?: boolean;
}

/**
 * Builds an observer that checks each parameter name once, then writes. Checking up front is the
 * point: Poutyne writes `momentum` into Adam's param groups, where nothing reads it.
 *
 * With `params`, those names are checked when the sink is made and only they are written: other
 * names in a value are left alone (a dict with `weightDecay` can feed an optimizer without it).
 * Without `params`, every name is checked when the sink subscribes to a stream that knows its
 * names (`policy.drive`, `schedule`), or at the first value that brings it, before anything of
 * that value is written.
 *
 * An error while writing a value (a name the target lacks, a non-finite value, a setter that
 * throws) goes to the observer's own `error` handler when one is spread beside the sink
 * (`{ ...sink, error: fail }`): RxJS would otherwise report an error thrown by `next` as
 * unhandled, from a timer, and the stream would go on. Without a handler it is thrown.
 */
export function checkedSink(writer: SinkWriter, options: SinkOptions): Partial<Observer<SinkInput>> {
  const { check, write, fn } = writer;
  const validate = writer.validate?.bind(writer);
  // A value that is not a finite number (a stream other than a policy's) is refused before any
  // parameter of its step is written: an optimizer never trains with NaN or ±Infinity.
  const refuse = (name: string, value: unknown): never => {
    throw new RangeError(`${fn}: ${name} must be a finite number, got ${show(value)}`);
  };
  const known = new Set<string>();
  const expect = (names: readonly string[]) => {
    for (const name of names) {
      if (!known.has(name)) {
        check(name);
        known.add(name);
      }
    }
  };
  const only = options.params === undefined ? undefined : [...new Set(options.params)];
  if (only !== undefined) expect(only);
  const onlyChanged = writer.onlyChanged === true;
  const last = onlyChanged ? new Map<string, number>() : undefined;
  // With params, the last written values sit in an array by position: one comparison a name.
  const lastOfOnly = only === undefined ? undefined : new Float64Array(only.length).fill(NaN);
  const put = last === undefined
    ? write
    : (name: string, value: number) => {
        if (last.get(name) === value) return;
        write(name, value);
        last.set(name, value);
      };
  const writeValues = (input: SinkInput): void => {
    const values = input instanceof Stepped ? input.values : input;
    // null, a number or an array would write nothing: a stream other than a policy's, refused.
    if (typeof values !== 'object' || values === null || Array.isArray(values)) {
      throw new TypeError(`${fn}: a value must be an object of parameter values ({ lr: 0.1 }), got ${show(values)}`);
    }
    if (only !== undefined) {
      const lastWritten = lastOfOnly!;
      for (let i = 0; i < only.length; i++) {
        const value: unknown = values[only[i]!];
        if (value !== undefined) {
          if (!Number.isFinite(value)) refuse(only[i]!, value);
          validate?.(only[i]!, value as number);
        }
      }
      for (let i = 0; i < only.length; i++) {
        const name = only[i]!;
        const value = values[name];
        if (value === undefined) continue;
        if (onlyChanged) {
          if (lastWritten[i] === value) continue;
          write(name, value);
          lastWritten[i] = value;
        } else write(name, value);
      }
      return;
    }
    for (const name in values) {
      if (!known.has(name)) {
        check(name);
        known.add(name);
      }
      if (!Number.isFinite(values[name])) refuse(name, values[name]);
      validate?.(name, values[name]!);
    }
    for (const name in values) put(name, values[name]!);
  };
  const sink: Partial<Observer<SinkInput>> & ParamChecker = {
    // Given `params`, the stream's other names are not this sink's concern.
    [checkParams]: only === undefined ? expect : () => {},
    // `this` is the observer RxJS calls: the sink, or an object the sink was spread into.
    next(this: Partial<Observer<SinkInput>> | undefined, input: SinkInput) {
      try {
        writeValues(input);
      } catch (err) {
        const error = this?.error;
        if (typeof error !== 'function') throw err;
        error.call(this, err);
      }
    },
  };
  return sink;
}
