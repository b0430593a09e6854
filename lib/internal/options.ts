// Declared options: each option is written once, as data (type, default, range, a one-line doc),
// and its TypeScript type, its check, its default and its printed and JSON forms all derive from
// that one entry. Spaces declare their arguments and options this way; so can any options bag.
import { count, finite, knownKeys, plainObject, positive, positiveCount, show } from './validate.js';

/**
 * The allowed range of a number:
 * `finite`, `positive` (> 0), `nonNegative` (≥ 0), `integer` (a safe integer), `count` (an integer
 * ≥ 0) or `positiveCount` (an integer ≥ 1).
 */
export type NumberRange = 'finite' | 'positive' | 'nonNegative' | 'integer' | 'count' | 'positiveCount';

/** A number option (or positional argument). */
export interface NumberOption {
  readonly type: 'number';
  readonly range: NumberRange;
  readonly default?: number;
  /** Whether the caller must give it (no default). */
  readonly required?: boolean;
  readonly doc: string;
}

/** A boolean option. */
export interface BooleanOption {
  readonly type: 'boolean';
  readonly default: boolean;
  readonly doc: string;
}

/** One of a few strings. */
export interface ChoiceOption<V extends string = string> {
  readonly type: 'choice';
  readonly values: readonly V[];
  readonly default: V;
  readonly doc: string;
}

/** A range of steps `[from]` or `[from, to)` (integers ≥ 0; `to` omitted: to the end). */
export interface StepRangeOption {
  readonly type: 'stepRange';
  readonly required?: boolean;
  readonly doc: string;
}

/** One declared option. `json` renames its key in JSON forms (where `type` is taken). */
export type OptionDecl = (NumberOption | BooleanOption | ChoiceOption | StepRangeOption) & { readonly json?: string };

/** The options of one function, by name, in the order they are documented. */
export type OptionTable = Readonly<Record<string, OptionDecl>>;

/** The TypeScript type of a declared option's value. */
export type ValueOf<D> = D extends NumberOption
  ? number
  : D extends BooleanOption
    ? boolean
    : D extends ChoiceOption<infer V>
      ? V
      : D extends StepRangeOption
        ? readonly [number, number?]
        : never;

type RequiredKeys<T> = { [K in keyof T]: T[K] extends { readonly required: true } ? K : never }[keyof T];
type Flat<T> = { [K in keyof T]: T[K] } & {};

/** The options bag a caller passes: required options required, the others optional. */
export type OptionsOf<T extends OptionTable> = Flat<
  { readonly [K in RequiredKeys<T>]: ValueOf<T[K]> } & { readonly [K in Exclude<keyof T, RequiredKeys<T>>]?: ValueOf<T[K]> }
>;

/** The options after defaults: an option with a default is always there. */
export type ResolvedOf<T extends OptionTable> = Flat<{
  readonly [K in keyof T]: T[K] extends { readonly default: unknown } | { readonly required: true } ? ValueOf<T[K]> : ValueOf<T[K]> | undefined;
}>;

const rangeText: Record<NumberRange, string> = {
  finite: 'a finite number',
  positive: 'a finite number > 0',
  nonNegative: 'a finite number ≥ 0',
  integer: 'an integer',
  count: 'a non-negative integer',
  positiveCount: 'a positive integer',
};

/** Checks a number against its declared range, in the name of `fn` and `arg`. */
export function checkNumber(fn: string, arg: string, range: NumberRange, value: unknown): number {
  switch (range) {
    case 'finite':
      return finite(fn, arg, value);
    case 'positive':
      return positive(fn, arg, value);
    case 'count':
      return count(fn, arg, value);
    case 'positiveCount':
      return positiveCount(fn, arg, value);
    default: {
      if (typeof value !== 'number') throw new TypeError(`${fn}: ${arg} must be ${rangeText[range]}, got ${show(value)}`);
      const ok = range === 'integer' ? Number.isSafeInteger(value) : Number.isFinite(value) && value >= 0;
      if (!ok) throw new RangeError(`${fn}: ${arg} must be ${rangeText[range]}, got ${show(value)}`);
      return value;
    }
  }
}

/** Checks one declared option's value (never `undefined`: that is handled by the caller). */
export function checkOption(fn: string, name: string, decl: OptionDecl, value: unknown): unknown {
  switch (decl.type) {
    case 'number':
      return checkNumber(fn, name, decl.range, value);
    case 'boolean':
      if (typeof value !== 'boolean') throw new TypeError(`${fn}: ${name} must be a boolean, got ${show(value)}`);
      return value;
    case 'choice':
      if (!decl.values.includes(value as string)) {
        throw new TypeError(`${fn}: ${name} must be ${decl.values.map((v) => `'${v}'`).join(', ').replace(/, ([^,]*)$/, ' or $1')}, got ${show(value)}`);
      }
      return value;
    case 'stepRange': {
      if (!Array.isArray(value) || value.length < 1 || value.length > 2) {
        throw new TypeError(`${fn}: ${name} must be [from] or [from, to], got ${show(value)}`);
      }
      const from = count(fn, `${name}[0]`, value[0]);
      if (value.length === 1 || value[1] === undefined) return [from];
      return [from, count(fn, `${name}[1]`, value[1])];
    }
  }
}

/** A table's names, required options and defaults, worked out once per table. */
interface Compiled {
  readonly names: readonly string[];
  readonly required: readonly string[];
  /** Every option at its default; copied, never handed out, so that copies share one shape. */
  readonly defaults: Record<string, unknown>;
  readonly frozenDefaults: Readonly<Record<string, unknown>>;
}

const compiled = new WeakMap<OptionTable, Compiled>();
const none: Readonly<Record<string, unknown>> = Object.freeze({});
// `Object.hasOwn` is not optimized like this in Node 20; it was a third of a space's construction.
const hasOwn = Object.prototype.hasOwnProperty;

function compile(table: OptionTable): Compiled {
  let c = compiled.get(table);
  if (c === undefined) {
    const names = Object.keys(table);
    const defaults: Record<string, unknown> = {};
    for (const name of names) {
      const decl = table[name]!;
      defaults[name] = 'default' in decl ? decl.default : undefined;
    }
    c = {
      names,
      required: names.filter((name) => 'required' in table[name]! && (table[name] as { required?: boolean }).required === true),
      defaults,
      frozenDefaults: Object.freeze({ ...defaults }),
    };
    compiled.set(table, c);
  }
  return c;
}

/**
 * Reads an options bag against its table: unknown keys and bad values are named errors, absent
 * options take their defaults. Returns the resolved options and, apart, those the caller gave
 * that differ from their defaults (what a printout or a JSON form needs to rebuild the call).
 */
export function readOptions<T extends OptionTable>(fn: string, table: T, given: unknown): { resolved: ResolvedOf<T>; given: Readonly<Record<string, unknown>> } {
  const c = compile(table);
  const bag = given === undefined ? none : plainObject(fn, 'options', given);
  for (const name of c.required) if (bag[name] === undefined) checkOption(fn, name, table[name]!, undefined);
  let resolved: Record<string, unknown> | undefined;
  let kept: Record<string, unknown> | undefined;
  // Only the keys the caller wrote are visited: most calls give one or two options of several.
  for (const key in bag) {
    const decl = hasOwn.call(table, key) ? table[key] : undefined;
    if (decl === undefined) knownKeys(fn, 'option', bag, c.names);
    const value = bag[key];
    if (value === undefined) continue;
    const checked = checkOption(fn, key, decl!, value);
    (resolved ??= { ...c.defaults })[key] = checked;
    if (!('default' in decl!) || !Object.is(checked, decl.default)) (kept ??= {})[key] = checked;
  }
  if (kept === undefined) return { resolved: (resolved ?? c.frozenDefaults) as ResolvedOf<T>, given: none };
  // In the table's order, whatever the caller's: printouts and JSON forms are canonical.
  const ordered: Record<string, unknown> = {};
  for (const name of c.names) if (hasOwn.call(kept, name)) ordered[name] = kept[name];
  return { resolved: resolved as ResolvedOf<T>, given: ordered };
}
