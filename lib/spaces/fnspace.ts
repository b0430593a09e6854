import { count, show } from '../internal/validate.js';
import { Space, type SpaceSpec } from '../space.js';

/** Options of `fnspace`. */
export interface FnSpaceOptions {
  /** How `toString()` and errors name the curve; default the function's own name, or `'anonymous'`. */
  readonly name?: string;
}

/**
 * A space from any function of the step: value `i` is `fn(i)`, for `i` in `[0, steps)` (PyTorch
 * `LambdaLR`'s `lr_lambda`, optax's "any callable" schedule). `at(i)` is one call of `fn`, O(1)
 * if `fn` is. Each value is checked: a non-number or a non-finite number is an error naming the
 * step, never a NaN in the optimizer.
 *
 * A function space holds code, so it has no JSON form: `toJSON()` (and so `JSON.stringify` of a
 * phase or policy holding one) throws a `TypeError` saying so. Rebuild it in code on resume; the
 * policy's `initialStep` resumes it in O(1).
 *
 * @param fn the value at each step; called with integer steps only, in any order.
 * @param steps a non-negative integer.
 * @param options `name` for `toString()` and errors.
 * @returns a space of `steps` values.
 * @throws TypeError if `fn` is not a function; RangeError for a bad `steps`; on access, TypeError
 *   or RangeError naming the step when `fn` returns a non-number or a non-finite number.
 * @example
 * import { fnspace } from 'rx-policy';
 * const warmup = fnspace((s) => Math.min(1, (s + 1) / 4), 6, { name: 'warmup' });
 * [...warmup];      // → [0.25, 0.5, 0.75, 1, 1, 1]
 * String(warmup);   // → 'fnspace(warmup, 6)'
 */
export function fnspace(fn: (step: number) => number, steps: number, options: FnSpaceOptions = {}): Space {
  if (typeof fn !== 'function') throw new TypeError(`fnspace: fn must be a function (step) => number, got ${show(fn)}`);
  count('fnspace', 'steps', steps);
  if (typeof options !== 'object' || options === null || Array.isArray(options)) throw new TypeError(`fnspace: options must be an object, got ${show(options)}`);
  // `for in` also visits inherited keys: an inherited option is as unknown as a misspelt one.
  for (const key in options) if (key !== 'name' || !Object.hasOwn(options, key)) throw new TypeError(`fnspace: unknown option ${show(key)}; accepted: name`);
  if (options.name !== undefined && (typeof options.name !== 'string' || options.name === '')) {
    throw new TypeError(`fnspace: name must be a non-empty string, got ${show(options.name)}`);
  }
  return new FnSpace(fn, steps, options.name ?? (fn.name || 'anonymous'));
}

class FnSpace extends Space {
  protected override get label(): string {
    return `fnspace(${this.name})`;
  }

  constructor(
    readonly fn: (step: number) => number,
    readonly length: number,
    readonly name: string,
  ) {
    super();
  }

  _at(i: number): number {
    const v: unknown = this.fn(i);
    if (typeof v !== 'number') throw new TypeError(`fnspace(${this.name}): fn(${i}) must return a finite number, got ${show(v)}`);
    if (!Number.isFinite(v)) throw new RangeError(`fnspace(${this.name}): fn(${i}) must return a finite number, got ${show(v)}`);
    return v;
  }

  override toString(): string {
    return `fnspace(${this.name}, ${this.length})`;
  }

  toJSON(): SpaceSpec {
    throw new TypeError(`fnspace(${this.name}, ${this.length}) has no JSON form: it holds a function. Rebuild it in code (a resumed policy takes initialStep), or use a built-in space`);
  }
}
