// Declared options: each option is written once, as data (type, default, range, whether it is
// required, a one-line doc, the mode it belongs to), and its TypeScript type, its check, its
// default and its printed and JSON forms all derive from that one entry. Two forms of the same
// idea: a plain table (`OptionTable`, what spaces declare, read by `readOptions`) and field
// builders (`declare`, `number`, `integer`, …: what presets, sinks and operators declare, with
// bounds, lists and cross-option rules), both describable as `FieldInfo` data for docs and forms.
// Errors keep the core's form: `fn: option must be …, got X`.
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

/** The options bag a caller passes for a table: required options required, the others optional. */
export type TableOptionsOf<T extends OptionTable> = Flat<
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
  // After the unknown keys: a misspelt required option is named as a typo, not as missing.
  for (const name of c.required) if (bag[name] === undefined) checkOption(fn, name, table[name]!, undefined);
  if (kept === undefined) return { resolved: (resolved ?? c.frozenDefaults) as ResolvedOf<T>, given: none };
  // In the table's order, whatever the caller's: printouts and JSON forms are canonical.
  const ordered: Record<string, unknown> = {};
  for (const name of c.names) if (hasOwn.call(kept, name)) ordered[name] = kept[name];
  return { resolved: resolved as ResolvedOf<T>, given: ordered };
}

// ── Field builders ───────────────────────────────────────────────────────────────────────────

/** Whether an option must be given, has a default, or may be left out (meaning "not used"). */
export type Presence = 'required' | 'default' | 'optional';

/** The kinds of value an option takes, as a form would offer them. */
export type FieldType = 'number' | 'integer' | 'boolean' | 'enum' | 'string' | 'numbers' | 'integers' | 'object' | 'function';

/** One option, described as plain data (JSON-safe except a function default, which never occurs). */
export interface FieldInfo {
  readonly name: string;
  readonly type: FieldType;
  /** One line: what the option means. */
  readonly doc: string;
  readonly required: boolean;
  /** The value used when the option is left out (absent for required options and "unused" ones). */
  readonly default?: unknown;
  /** Bounds of a number, or of every element of a list of numbers. */
  readonly min?: number;
  readonly max?: number;
  /** Whether `min` / `max` themselves are excluded. */
  readonly exclusiveMin?: boolean;
  readonly exclusiveMax?: boolean;
  /** The allowed values of an enum. */
  readonly values?: readonly string[];
  /** The exact length of a list (a pair is 2). */
  readonly length?: number;
  /** The mode the option belongs to (e.g. `'exp_range'`, `'noise'`), when it does not always apply. */
  readonly mode?: string;
  /** Another option this one needs: giving this one alone is an error. */
  readonly requires?: string;
  /** Whether the value survives `JSON.stringify` (a function does not). */
  readonly json: boolean;
  /** The phrase errors use: `must be <expected>`. */
  readonly expected: string;
}

/** A declared option: its description and its check. `T` is the checked value's type. */
export interface Field<T, P extends Presence = Presence> {
  readonly info: Omit<FieldInfo, 'name'>;
  readonly presence: P;
  /** Checks a given (not undefined) value in the name of `fn`, as option `arg`. */
  readonly parse: (fn: string, arg: string, value: unknown) => T;
  /** Carries `T` for the type helpers; never set. */
  readonly _type?: T;
}

/** What every option declaration takes. */
export interface Common<T> {
  readonly doc: string;
  readonly default?: T;
  readonly required?: true;
  readonly mode?: string;
  readonly requires?: string;
}

type PresenceOf<O> = O extends { readonly required: true } ? 'required' : O extends { readonly default: unknown } ? 'default' : 'optional';

/** Any declared option. */
export type AnyField = Field<unknown, Presence>;
/** The declared options of one function, by name. */
export type Shape = Readonly<Record<string, AnyField>>;

type TypeOf<F> = F extends Field<infer T, Presence> ? T : never;
type RequiredFields<S> = { [K in keyof S]: S[K] extends Field<unknown, 'required'> ? K : never }[keyof S];
type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** The options bag a user writes: required options required, the others optional. */
export type ShapeOptionsOf<S extends Shape> = Simplify<
  { readonly [K in RequiredFields<S>]: TypeOf<S[K]> } & { readonly [K in Exclude<keyof S, RequiredFields<S>>]?: TypeOf<S[K]> }
>;

/** A checked bag: defaults filled in; options without a default that were left out are `undefined`. */
export type ValuesOf<S extends Shape> = {
  readonly [K in keyof S]: S[K] extends Field<infer T, 'optional'> ? T | undefined : TypeOf<S[K]>;
};

/** What a field builder works out on first use: the error phrase, the check and the extra data. */
interface Built<T> {
  readonly expected: string;
  readonly parse: (fn: string, arg: string, value: unknown) => T;
  readonly extra?: Partial<FieldInfo>;
}

// A field is built on first use: importing the package declares every option of every preset,
// and most of them are never read, so the phrase, the check and the description wait until
// `info` or `parse` is first needed. `presence` is cheap, and `read` needs it for every option.
// (Closures rather than a class with private fields: their names minify, for small bundles.)
function field<T, O extends Common<T>>(type: FieldType, o: O, make: () => Built<T>): Field<T, PresenceOf<O>> {
  const presence = (o.required ? 'required' : o.default !== undefined ? 'default' : 'optional') as PresenceOf<O>;
  let info: Omit<FieldInfo, 'name'> | undefined;
  let check: ((fn: string, arg: string, value: unknown) => T) | undefined;
  const build = () => {
    const b = make();
    check = b.parse;
    return (info = {
      type,
      doc: o.doc,
      required: presence === 'required',
      ...(o.default !== undefined && { default: o.default }),
      ...(o.mode !== undefined && { mode: o.mode }),
      ...(o.requires !== undefined && { requires: o.requires }),
      json: type !== 'function',
      expected: b.expected,
      ...b.extra,
    });
  };
  return {
    presence,
    get info() {
      return info ?? build();
    },
    parse: (fn, arg, value) => {
      if (check === undefined) build();
      return check!(fn, arg, value);
    },
  };
}

/** Bounds of a number: `min`/`max` included, `above`/`below` excluded. */
export interface Bounds {
  readonly min?: number;
  readonly max?: number;
  readonly above?: number;
  readonly below?: number;
}

const fmt = (x: number): string => (Object.is(x, -0) ? '0' : String(x));

/** The phrase for a finite number within `b`: "a finite number > 0", "a number in [0, 1)". */
export function describeBounds(b: Bounds): string {
  const lo = b.above ?? b.min;
  const hi = b.below ?? b.max;
  if (lo !== undefined && hi !== undefined) return `a number in ${b.above !== undefined ? '(' : '['}${fmt(lo)}, ${fmt(hi)}${b.below !== undefined ? ')' : ']'}`;
  if (lo !== undefined) return `a finite number ${b.above !== undefined ? '>' : '≥'} ${fmt(lo)}`;
  if (hi !== undefined) return `a finite number ${b.below !== undefined ? '<' : '≤'} ${fmt(hi)}`;
  return 'a finite number';
}

function within(x: number, b: Bounds): boolean {
  return !(
    (b.min !== undefined && x < b.min) ||
    (b.above !== undefined && x <= b.above) ||
    (b.max !== undefined && x > b.max) ||
    (b.below !== undefined && x >= b.below)
  );
}

function boundsInfo(b: Bounds): Partial<FieldInfo> {
  const lo = b.above ?? b.min;
  const hi = b.below ?? b.max;
  return {
    ...(lo !== undefined && { min: lo }),
    ...(b.above !== undefined && { exclusiveMin: true }),
    ...(hi !== undefined && { max: hi }),
    ...(b.below !== undefined && { exclusiveMax: true }),
  };
}

/** Checks a finite number within `b`, in the name of `fn` and option `arg`. */
export function checkBounded(fn: string, arg: string, value: unknown, b: Bounds = {}, expected = describeBounds(b)): number {
  if (typeof value !== 'number') throw new TypeError(`${fn}: ${arg} must be ${expected}, got ${show(value)}`);
  if (!Number.isFinite(value) || !within(value, b)) throw new RangeError(`${fn}: ${arg} must be ${expected}, got ${show(value)}`);
  return value;
}

/** The phrase for a safe integer ≥ `min` (and ≤ `max`). */
export function describeInteger(min = 0, max?: number): string {
  if (max !== undefined) return `an integer in [${min}, ${max}]`;
  return min === 0 ? 'a non-negative integer' : min === 1 ? 'a positive integer' : `an integer ≥ ${min}`;
}

/** Checks a safe integer ≥ `min` (and ≤ `max`). */
export function checkInteger(fn: string, arg: string, value: unknown, min = 0, max?: number): number {
  const expected = describeInteger(min, max);
  if (typeof value !== 'number') throw new TypeError(`${fn}: ${arg} must be ${expected}, got ${show(value)}`);
  if (!Number.isSafeInteger(value) || value < min || (max !== undefined && value > max)) throw new RangeError(`${fn}: ${arg} must be ${expected}, got ${show(value)}`);
  return value;
}

/**
 * A finite number, optionally bounded.
 * @example
 * // fragment: an internal helper, not exported by the package
 * number({ doc: 'peak lr', required: true });
 * number({ doc: 'decay', default: 0.1, above: 0 });
 */
export function number<O extends Common<number> & Bounds & { readonly expected?: string }>(o: O): Field<number, PresenceOf<O>> {
  return field('number', o, () => {
    const expected = o.expected ?? describeBounds(o);
    return { expected, parse: (fn, arg, v) => checkBounded(fn, arg, v, o, expected), extra: boundsInfo(o) };
  });
}

/** A safe integer ≥ `min` (default 0), optionally ≤ `max`. */
export function integer<O extends Common<number> & { readonly min?: number; readonly max?: number }>(o: O): Field<number, PresenceOf<O>> {
  return field('integer', o, () => {
    const min = o.min ?? 0;
    return { expected: describeInteger(min, o.max), parse: (fn, arg, v) => checkInteger(fn, arg, v, min, o.max), extra: { min, ...(o.max !== undefined && { max: o.max }) } };
  });
}

/** `true` or `false`; a string such as `'false'` is an error. */
export function boolean<O extends Common<boolean>>(o: O): Field<boolean, PresenceOf<O>> {
  return field('boolean', o, () => ({
    expected: 'a boolean',
    parse: (fn, arg, v) => {
      if (typeof v !== 'boolean') throw new TypeError(`${fn}: ${arg} must be a boolean, got ${show(v)}`);
      return v;
    },
  }));
}

/** One of a few strings. */
export function oneOf<const V extends readonly string[], O extends Common<V[number]>>(values: V, o: O): Field<V[number], PresenceOf<O>> {
  return field('enum', o, () => {
    const expected = `one of ${values.map((v) => `'${v}'`).join(', ')}`;
    return {
      expected,
      parse: (fn, arg, v) => {
        if (typeof v !== 'string' || !values.includes(v)) throw new TypeError(`${fn}: ${arg} must be ${expected}, got ${show(v)}`);
        return v as V[number];
      },
      extra: { values },
    };
  });
}

/** A non-empty string without surrounding spaces (a parameter name such as `'momentum'`). */
export function name<O extends Common<string>>(o: O): Field<string, PresenceOf<O>> {
  const expected = 'a non-empty name without surrounding spaces';
  return field('string', o, () => ({
    expected,
    parse: (fn, arg, v) => {
      if (typeof v !== 'string' || v === '' || v.trim() !== v) throw new TypeError(`${fn}: ${arg} must be ${expected}, got ${show(v)}`);
      return v;
    },
  }));
}

/** Checks an array (dense, of at most `maxLength` elements) and each element with `item`. */
export function checkList<T>(fn: string, arg: string, value: unknown, expected: string, item: (fn: string, arg: string, v: unknown) => T, length?: number, minLength = 0, maxLength = 1e6): T[] {
  if (!Array.isArray(value) || (length !== undefined && value.length !== length) || value.length < minLength || value.length > maxLength) {
    throw new TypeError(`${fn}: ${arg} must be ${expected}, got ${show(value)}`);
  }
  const out: T[] = [];
  for (let i = 0; i < value.length; i++) {
    if (!(i in value)) throw new TypeError(`${fn}: ${arg} must be ${expected}, got ${show(value)} (no element ${i})`);
    out.push(item(fn, `${arg}[${i}]`, value[i]));
  }
  return out;
}

/** A list of finite numbers (each within bounds), of a fixed `length` when given (a pair is 2). */
export function numbers<O extends Common<readonly number[]> & Bounds & { readonly length?: number; readonly minLength?: number; readonly expected?: string }>(o: O): Field<readonly number[], PresenceOf<O>> {
  return field('numbers', o, () => {
    const each = describeBounds(o).replace(/^an? (finite )?number/, '');
    const expected = o.expected ?? (o.length === 2 ? `a pair [start, end] of finite numbers${each}` : o.length !== undefined ? `${o.length} finite numbers${each}` : `an array of finite numbers${each}`);
    return {
      expected,
      parse: (fn, arg, v) => Object.freeze(checkList(fn, arg, v, expected, (f, a, x) => checkBounded(f, a, x, o), o.length, o.minLength)),
      extra: { ...boundsInfo(o), ...(o.length !== undefined && { length: o.length }) },
    };
  });
}

/** A pair `[a, b]` of finite numbers (Poutyne's `(start, end)` tuples). */
export function pair<O extends Common<readonly [number, number]>>(o: O): Field<readonly [number, number], PresenceOf<O>> {
  return numbers({ ...o, length: 2 }) as unknown as Field<readonly [number, number], PresenceOf<O>>;
}

/** A list of non-negative integers (steps, milestones), `sorted` (non-decreasing) when asked. */
export function integers<O extends Common<readonly number[]> & { readonly min?: number; readonly sorted?: boolean; readonly strict?: boolean; readonly maxLength?: number }>(o: O): Field<readonly number[], PresenceOf<O>> {
  return field('integers', o, () => {
    const min = o.min ?? 0;
    const order = o.strict ? ', strictly increasing' : o.sorted ? ', non-decreasing' : '';
    const expected = `an array of ${describeInteger(min).replace(/^an? /, '')}s${order}`;
    return {
      expected,
      parse: (fn, arg, v) => {
        const list = checkList(fn, arg, v, expected, (f, a, x) => checkInteger(f, a, x, min), undefined, 0, o.maxLength);
        list.forEach((x, i) => {
          if (i > 0 && (o.strict ? !(x > list[i - 1]!) : o.sorted ? x < list[i - 1]! : false)) throw new RangeError(`${fn}: ${arg} must be ${expected}, got ${show(v)}`);
        });
        return Object.freeze(list);
      },
      extra: { min },
    };
  });
}

/** Any other value, with its own check and phrase. */
export function custom<T, O extends Common<T>>(type: FieldType, expected: string, o: O, parse: (fn: string, arg: string, value: unknown) => T): Field<T, PresenceOf<O>> {
  return field(type, o, () => ({ expected, parse }));
}

/** A function (not JSON-serialisable: a schedule built with one cannot be saved); never required, no default. */
export function fn<T extends (...args: never[]) => unknown>(o: Omit<Common<T>, 'default' | 'required'> & { readonly signature: string }): Field<T, 'optional'> {
  return field('function', o, () => {
    const expected = `a function ${o.signature}`;
    return {
      expected,
      parse: (f, arg, v) => {
        if (typeof v !== 'function') throw new TypeError(`${f}: ${arg} must be ${expected}, got ${show(v)}`);
        return v as T;
      },
    };
  }) as Field<T, 'optional'>;
}

/** The declared options of one public function: checks bags, and describes them. */
export interface Declaration<S extends Shape> {
  /** The public function the errors name. */
  readonly fn: string;
  readonly shape: S;
  /** The options in declaration order, as data. */
  readonly fields: readonly FieldInfo[];
  /**
   * Checks a bag: an object (not null, not an array), only declared keys (a typo names the
   * closest one), each value of its declared type and range (`null` is an error, not a
   * default), options that need another only with it. Returns the values, defaults filled in.
   */
  read(given: unknown): ValuesOf<S>;
}

/**
 * Declares the options of the public function `fn`.
 * @example
 * // fragment: an internal helper, not exported by the package
 * const decl = declare('pytorch.stepLR', { baseLr: number({ doc: 'initial lr', required: true }) });
 * type Options = OptionsOf<typeof decl.shape>; // { readonly baseLr: number }
 * decl.read({ baseLr: 0.1 }).baseLr; // 0.1
 */
export function declare<S extends Shape>(fnName: string, shape: S): Declaration<S> {
  // Built on first use, as its fields are: the key list and `fields` wait for the first
  // `fields` or `read`.
  let keys: readonly string[] | undefined;
  let fields: readonly FieldInfo[] | undefined;
  const names = () => (keys ??= Object.keys(shape));
  return {
    fn: fnName,
    shape,
    get fields() {
      return (fields ??= Object.freeze(names().map((key) => Object.freeze({ name: key, ...shape[key]!.info }))));
    },
    read(given: unknown): ValuesOf<S> {
      if (typeof given !== 'object' || given === null || Array.isArray(given)) {
        throw new TypeError(`${fnName}: options must be an object, got ${show(given)}`);
      }
      const bag = given as Record<string, unknown>;
      const accepted = names();
      knownKeys(fnName, 'option', bag, accepted);
      const out: Record<string, unknown> = {};
      for (const key of accepted) {
        const f = shape[key]!;
        const value = bag[key];
        if (value === undefined) {
          if (f.presence === 'required') throw new TypeError(`${fnName}: ${key} must be ${f.info.expected}, got undefined`);
          out[key] = f.info.default;
        } else {
          out[key] = f.parse(fnName, key, value);
          const needs = f.info.requires;
          if (needs !== undefined && bag[needs] === undefined) {
            throw new TypeError(`${fnName}: ${key} applies only with ${needs}; give ${needs} or leave ${key} out, got ${key} ${show(value)} without ${needs}`);
          }
        }
      }
      return out as ValuesOf<S>;
    },
  };
}

/**
 * Checks that parameter names do not collide (`momentumName: 'lr'` would overwrite the lr).
 * `names` maps each option (or fixed parameter) to the name it gives.
 */
export function distinctNames(fnName: string, names: Readonly<Record<string, string>>): void {
  const seen = new Map<string, string>();
  for (const [option, value] of Object.entries(names)) {
    const other = seen.get(value);
    if (other !== undefined) throw new RangeError(`${fnName}: ${option} must differ from ${other}, which also names the parameter ${show(value)}, got ${show(value)}`);
    seen.set(value, option);
  }
}

/**
 * Checks a value computed from options (a ratio, a span) is finite, naming the option that made
 * it overflow: `fn: maxLr / divFactor would be Infinity (not a finite number), got divFactor 5e-324`.
 */
export function derivedFinite(fnName: string, value: number, expression: string, option: string, given: unknown): number {
  if (!Number.isFinite(value)) throw new RangeError(`${fnName}: ${expression} would be ${show(value)} (not a finite number), got ${option} ${show(given)}`);
  return value;
}

/**
 * The options bag a caller passes, for either form of declaration (a table or a shape of
 * fields): required options required, the others optional.
 */
export type OptionsOf<T extends OptionTable | Shape> = T extends Shape ? ShapeOptionsOf<T> : T extends OptionTable ? TableOptionsOf<T> : never;

/** A table's options as `FieldInfo` data, as the field builders describe theirs (for docs and forms). */
export function tableFields(table: OptionTable): readonly FieldInfo[] {
  return Object.entries(table).map(([name, d]) => {
    const base = { name, doc: d.doc, required: 'required' in d && d.required === true, json: true, ...('default' in d && d.default !== undefined && { default: d.default }) };
    switch (d.type) {
      case 'number': {
        const integer = d.range === 'integer' || d.range === 'count' || d.range === 'positiveCount';
        const min = d.range === 'positiveCount' ? 1 : d.range === 'count' || d.range === 'nonNegative' || d.range === 'positive' ? 0 : undefined;
        return { ...base, type: integer ? 'integer' : 'number', expected: rangeText[d.range], ...(min !== undefined && { min }), ...(d.range === 'positive' && { exclusiveMin: true }) } as FieldInfo;
      }
      case 'boolean':
        return { ...base, type: 'boolean', expected: 'a boolean' } as FieldInfo;
      case 'choice':
        return { ...base, type: 'enum', values: d.values, expected: `one of ${d.values.map((v) => `'${v}'`).join(', ')}` } as FieldInfo;
      case 'stepRange':
        return { ...base, type: 'integers', min: 0, expected: '[from] or [from, to] of non-negative integer steps' } as FieldInfo;
    }
  });
}
