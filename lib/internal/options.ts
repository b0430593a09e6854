// Declared options: each option is written once, as data (type, default, range, whether it is
// required, a one-line doc, the mode it belongs to), and its TypeScript type, its check, its
// default and its printed and JSON forms all derive from that one entry. Two forms of the same
// idea: a plain table (`OptionTable`, what spaces declare, read by `readOptions`) and field
// builders (`declare`, `number`, `integer`, …: what presets, sinks and operators declare, with
// bounds, lists and cross-option rules). This module holds what checking needs; describing
// options as `FieldInfo` data for docs and forms lives in `fieldInfo.ts`, so that an app which
// only checks options does not bundle it. Errors keep the core's form: `fn: option must be …, got X`.
import { checkNumber, count, finite, mustBe, type NumberRange, num, plainObject, show, unknownKey } from './validate.js';

export { checkNumber, type NumberRange } from './validate.js';
export type { FieldInfo } from './fieldInfo.js';

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
export type OptionDecl = (NumberOption | BooleanOption | ChoiceOption | StepRangeOption) & {
  /** The option's key in JSON forms, where its own name is taken (`type`, say). */
  readonly json?: string;
};

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

/** The phrase errors and descriptions use for a choice: `one of 'a', 'b'`. */
export const choicePhrase = (values: readonly string[]): string => `one of ${values.map((v) => `'${v}'`).join(', ')}`;

/** The phrase errors and descriptions use for a step range. */
export const stepRangePhrase = '[from] or [from, to] of non-negative integer steps, from ≤ to';

/** Checks one declared option's value (never `undefined`: that is handled by the caller). */
export function checkOption(fn: string, name: string, decl: OptionDecl, value: unknown): unknown {
  switch (decl.type) {
    case 'number':
      return checkNumber(fn, name, decl.range, value);
    case 'boolean':
      return typeof value === 'boolean' ? value : mustBe(fn, name, 'a boolean', value, TypeError);
    case 'choice':
      return decl.values.includes(value as string) ? value : mustBe(fn, name, choicePhrase(decl.values), value, TypeError);
    case 'stepRange': {
      if (!Array.isArray(value) || value.length < 1 || value.length > 2) mustBe(fn, name, stepRangePhrase, value, TypeError);
      const from = count(fn, `${name}[0]`, value[0]);
      if (value.length === 1 || value[1] === undefined) return [from];
      // An empty range would be an option silently ignored (the timm presets refuse it too).
      const to = count(fn, `${name}[1]`, value[1]);
      if (to < from) throw new RangeError(`${fn}: ${name} must have from ≤ to, got ${show(value)}`);
      return [from, to];
    }
  }
}

/** An option as either form declares it: table data, or a field made by a builder. */
type Entry = OptionDecl | AnyField;
type Entries = Readonly<Record<string, Entry>>;

/** A table's or shape's names, required options and defaults, worked out once per table. */
interface Compiled {
  readonly names: readonly string[];
  readonly required: readonly string[];
  /** Every option at its default; copied, never handed out, so that copies share one shape. */
  readonly defaults: Record<string, unknown>;
  readonly frozenDefaults: Readonly<Record<string, unknown>>;
}

const compiled = new WeakMap<Entries, Compiled>();
const none: Readonly<Record<string, unknown>> = Object.freeze({});
// `Object.hasOwn` is not optimized like this in Node 20; it was a third of a space's construction.
const hasOwn = Object.prototype.hasOwnProperty;

const isField = (entry: Entry): entry is AnyField => 'parse' in entry;
const declared = (entry: Entry): { readonly default?: unknown; readonly required?: boolean } => (isField(entry) ? entry.options : entry);

function compile(entries: Entries): Compiled {
  let c = compiled.get(entries);
  if (c === undefined) {
    const names = Object.keys(entries);
    const defaults: Record<string, unknown> = {};
    for (const name of names) defaults[name] = declared(entries[name]!).default;
    c = { names, required: names.filter((name) => declared(entries[name]!).required), defaults, frozenDefaults: Object.freeze({ ...defaults }) };
    compiled.set(entries, c);
  }
  return c;
}

/**
 * Reads an options bag, for both forms: unknown keys and bad values are named errors, absent
 * options take their defaults. Returns the resolved options and, apart, those the caller gave
 * that differ from their defaults.
 */
function readBag(fn: string, entries: Entries, given: unknown): { resolved: Readonly<Record<string, unknown>>; given: Readonly<Record<string, unknown>> } {
  const c = compile(entries);
  const bag = given === undefined ? none : plainObject(fn, 'options', given);
  let resolved: Record<string, unknown> | undefined;
  let kept: Record<string, unknown> | undefined;
  // Only the keys the caller wrote are visited: most calls give one or two options of several.
  for (const key in bag) {
    // `for in` also visits inherited keys: an inherited option is as unknown as a misspelt one.
    if (!hasOwn.call(entries, key)) unknownKey(fn, 'option', key, c.names);
    const value = bag[key];
    if (value === undefined) continue;
    const entry = entries[key]!;
    const checked = isField(entry) ? entry.parse(fn, key, value) : checkOption(fn, key, entry, value);
    (resolved ??= { ...c.defaults })[key] = checked;
    // `!==`, not `Object.is`: -0 for a default of 0 (an offset) is the default, which printouts leave out.
    if (checked !== c.defaults[key]) (kept ??= {})[key] = checked;
  }
  // After the unknown keys: a misspelt required option is named as a typo, not as missing.
  for (const name of c.required) {
    const entry = entries[name]!;
    if (bag[name] !== undefined) continue;
    if (isField(entry)) mustBe(fn, name, entry.expected(), undefined);
    checkOption(fn, name, entry, undefined);
  }
  if (kept === undefined) return { resolved: resolved ?? c.frozenDefaults, given: none };
  // In the declared order, whatever the caller's: printouts and JSON forms are canonical.
  const ordered: Record<string, unknown> = {};
  for (const name of c.names) if (hasOwn.call(kept, name)) ordered[name] = kept[name];
  return { resolved: resolved!, given: ordered };
}

/**
 * Reads an options bag against its table: unknown keys and bad values are named errors, absent
 * options take their defaults. Returns the resolved options and, apart, those the caller gave
 * that differ from their defaults (what a printout or a JSON form needs to rebuild the call).
 */
export function readOptions<T extends OptionTable>(fn: string, table: T, given: unknown): { resolved: ResolvedOf<T>; given: Readonly<Record<string, unknown>> } {
  return readBag(fn, table, given) as { resolved: ResolvedOf<T>; given: Readonly<Record<string, unknown>> };
}

// ── Field builders ───────────────────────────────────────────────────────────────────────────

/** Whether an option must be given, has a default, or may be left out (meaning "not used"). */
export type Presence = 'required' | 'default' | 'optional';

/** The kinds of value an option takes, as a form would offer them. */
export type FieldType = 'number' | 'integer' | 'boolean' | 'enum' | 'string' | 'numbers' | 'integers' | 'names' | 'object' | 'function';

/** What every option declaration takes. */
export interface Common<T> {
  readonly doc: string;
  readonly default?: T;
  readonly required?: true;
  readonly mode?: string;
  readonly requires?: string;
}

/** Bounds of a number: `min`/`max` included, `above`/`below` excluded. */
export interface Bounds {
  readonly min?: number;
  readonly max?: number;
  readonly above?: number;
  readonly below?: number;
}

/** Everything a field builder may have been given: what `fieldInfo.ts` describes. */
export type FieldOptions = Common<unknown> &
  Bounds & { readonly values?: readonly string[]; readonly length?: number; readonly minLength?: number; readonly maxLength?: number; readonly sorted?: boolean; readonly strict?: boolean };

/**
 * A declared option: its kind, the declaration as written, its check and its error phrase.
 * `T` is the checked value's type. Nothing is worked out when it is declared (importing the
 * package declares every option of every preset, and most are never read): the phrase is made
 * when an error or a description needs it.
 */
export interface Field<T, P extends Presence = Presence> {
  readonly type: FieldType;
  readonly presence: P;
  readonly options: FieldOptions;
  /** The phrase errors use: `must be <expected>`. */
  readonly expected: () => string;
  /** Checks a given (not undefined) value in the name of `fn`, as option `arg`. */
  readonly parse: (fn: string, arg: string, value: unknown) => T;
  /** Carries `T` for the type helpers; never set. */
  readonly _type?: T;
}

type PresenceOf<O> = O extends { readonly required: true } ? 'required' : O extends { readonly default: unknown } ? 'default' : 'optional';

/** Any declared option. */
export type AnyField = Field<unknown, Presence>;
/** The declared options of one function, by name. */
export type Shape = Readonly<Record<string, AnyField>>;

type TypeOf<F> = F extends Field<infer T, Presence> ? T : never;
type RequiredFields<S> = { [K in keyof S]: S[K] extends Field<unknown, 'required'> ? K : never }[keyof S];

/** The options bag a user writes: required options required, the others optional. */
export type ShapeOptionsOf<S extends Shape> = Flat<
  { readonly [K in RequiredFields<S>]: TypeOf<S[K]> } & { readonly [K in Exclude<keyof S, RequiredFields<S>>]?: TypeOf<S[K]> }
>;

/** A checked bag: defaults filled in; options without a default that were left out are `undefined`. */
export type ValuesOf<S extends Shape> = {
  readonly [K in keyof S]: S[K] extends Field<infer T, 'optional'> ? T | undefined : TypeOf<S[K]>;
};

function field<T, O extends Common<T>>(type: FieldType, options: O, expected: () => string, parse: (fn: string, arg: string, value: unknown) => T): Field<T, PresenceOf<O>> {
  const presence = (options.required ? 'required' : options.default !== undefined ? 'default' : 'optional') as PresenceOf<O>;
  return { type, presence, options, expected, parse };
}

/** The phrase for a finite number within `b`: "a finite number > 0", "a number in [0, 1)". */
export function describeBounds(b: Bounds): string {
  const lo = b.above ?? b.min;
  const hi = b.below ?? b.max;
  if (lo !== undefined && hi !== undefined) return `a number in ${b.above !== undefined ? '(' : '['}${num(lo)}, ${num(hi)}${b.below !== undefined ? ')' : ']'}`;
  if (lo !== undefined) return `a finite number ${b.above !== undefined ? '>' : '≥'} ${num(lo)}`;
  if (hi !== undefined) return `a finite number ${b.below !== undefined ? '<' : '≤'} ${num(hi)}`;
  return 'a finite number';
}

/** Checks a finite number within `b`, in the name of `fn` and option `arg`; `expected` is the error's phrase. */
export function checkBounded(fn: string, arg: string, value: unknown, b: Bounds = {}, expected?: string): number {
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    !((b.min !== undefined && value < b.min) || (b.above !== undefined && value <= b.above) || (b.max !== undefined && value > b.max) || (b.below !== undefined && value >= b.below));
  return ok ? value : mustBe(fn, arg, expected ?? describeBounds(b), value);
}

/** The phrase for a safe integer ≥ `min` (and ≤ `max`). */
export function describeInteger(min = 0, max?: number): string {
  if (max !== undefined) return `an integer in [${min}, ${max}]`;
  return min === 0 ? 'a non-negative integer' : min === 1 ? 'a positive integer' : `an integer ≥ ${min}`;
}

/** Checks a safe integer ≥ `min` (and ≤ `max`). */
export function checkInteger(fn: string, arg: string, value: unknown, min = 0, max?: number): number {
  const ok = Number.isSafeInteger(value) && (value as number) >= min && (max === undefined || (value as number) <= max);
  return ok ? (value as number) : mustBe(fn, arg, describeInteger(min, max), value);
}

/**
 * A finite number, optionally bounded.
 * @example
 * // fragment: an internal helper, not exported by the package
 * number({ doc: 'peak lr', required: true });
 * number({ doc: 'decay', default: 0.1, above: 0 });
 */
export function number<O extends Common<number> & Bounds & { readonly expected?: string }>(o: O): Field<number, PresenceOf<O>> {
  return field('number', o, () => o.expected ?? describeBounds(o), (fn, arg, v) => checkBounded(fn, arg, v, o, o.expected));
}

/** A safe integer ≥ `min` (default 0), optionally ≤ `max`. */
export function integer<O extends Common<number> & { readonly min?: number; readonly max?: number }>(o: O): Field<number, PresenceOf<O>> {
  return field('integer', o, () => describeInteger(o.min, o.max), (fn, arg, v) => checkInteger(fn, arg, v, o.min, o.max));
}

/** `true` or `false`; a string such as `'false'` is an error. */
export function boolean<O extends Common<boolean>>(o: O): Field<boolean, PresenceOf<O>> {
  return field('boolean', o, () => 'a boolean', (fn, arg, v) => (typeof v === 'boolean' ? v : mustBe(fn, arg, 'a boolean', v, TypeError)));
}

/** One of a few strings. */
export function oneOf<const V extends readonly string[], O extends Common<V[number]>>(values: V, o: O): Field<V[number], PresenceOf<O>> {
  const expected = () => choicePhrase(values);
  return field('enum', { ...o, values }, expected, (fn, arg, v) => (values.includes(v as string) ? (v as V[number]) : mustBe(fn, arg, expected(), v, TypeError)));
}

/** A non-empty string without surrounding spaces (a parameter name such as `'momentum'`). */
export function name<O extends Common<string>>(o: O): Field<string, PresenceOf<O>> {
  const expected = () => 'a non-empty name without surrounding spaces';
  return field('string', o, expected, (fn, arg, v) => (typeof v === 'string' && v !== '' && v.trim() === v ? v : mustBe(fn, arg, expected(), v, TypeError)));
}

/** Checks an array (dense, of at most `maxLength` elements) and each element with `item`. */
export function checkList<T>(fn: string, arg: string, value: unknown, expected: string, item: (fn: string, arg: string, v: unknown) => T, length?: number, minLength = 0, maxLength = 1e6): T[] {
  if (!Array.isArray(value) || (length !== undefined && value.length !== length) || value.length < minLength || value.length > maxLength) mustBe(fn, arg, expected, value, TypeError);
  const out: T[] = [];
  for (let i = 0; i < value.length; i++) {
    if (!(i in value)) throw new TypeError(`${fn}: ${arg} must be ${expected}, got ${show(value)} (no element ${i})`);
    out.push(item(fn, `${arg}[${i}]`, value[i]));
  }
  return out;
}

/** A list of finite numbers (each within bounds), of a fixed `length` when given (a pair is 2). */
export function numbers<O extends Common<readonly number[]> & Bounds & { readonly length?: number; readonly minLength?: number; readonly expected?: string }>(o: O): Field<readonly number[], PresenceOf<O>> {
  // Made once, on first use: `checkList` takes the phrase with every list it checks.
  let phrase: string | undefined;
  const expected = () => {
    if (phrase === undefined) {
      const each = describeBounds(o).replace(/^an? (finite )?number/, '');
      phrase = o.expected ?? (o.length === 2 ? `a pair [start, end] of finite numbers${each}` : o.length !== undefined ? `${o.length} finite numbers${each}` : `an array of finite numbers${each}`);
    }
    return phrase;
  };
  return field('numbers', o, expected, (fn, arg, v) => Object.freeze(checkList(fn, arg, v, expected(), (f, a, x) => checkBounded(f, a, x, o), o.length, o.minLength)));
}

/** A pair `[a, b]` of finite numbers (Poutyne's `(start, end)` tuples). */
export function pair<O extends Common<readonly [number, number]>>(o: O): Field<readonly [number, number], PresenceOf<O>> {
  // `numbers({ length: 2 })` in effect, without the list machinery (the commonest list by far).
  const expected = () => 'a pair [start, end] of finite numbers';
  return field('numbers', { ...o, length: 2 }, expected, (fn, arg, v) => {
    if (!Array.isArray(v) || v.length !== 2) mustBe(fn, arg, expected(), v, TypeError);
    return Object.freeze([finite(fn, `${arg}[0]`, v[0]), finite(fn, `${arg}[1]`, v[1])] as const);
  });
}

/** A list of parameter names (`['lr', 'momentum']`), non-empty when `minLength` is 1. */
export function names<O extends Common<readonly string[]> & { readonly minLength?: number }>(o: O): Field<readonly string[], PresenceOf<O>> {
  const expected = () => `${o.minLength ? 'a non-empty array' : 'an array'} of parameter names`;
  return field('names', o, expected, (fn, arg, v) => Object.freeze(checkList(fn, arg, v, expected(), (f, a, x) => (typeof x === 'string' && x !== '' ? x : mustBe(f, a, 'a parameter name', x, TypeError)), undefined, o.minLength)));
}

/** A list of non-negative integers (steps, milestones), `sorted` (non-decreasing) when asked. */
export function integers<O extends Common<readonly number[]> & { readonly min?: number; readonly sorted?: boolean; readonly strict?: boolean; readonly maxLength?: number }>(o: O): Field<readonly number[], PresenceOf<O>> {
  let phrase: string | undefined;
  const expected = () => (phrase ??= `an array of ${describeInteger(o.min).replace(/^an? /, '')}s${o.strict ? ', strictly increasing' : o.sorted ? ', non-decreasing' : ''}`);
  return field('integers', o, expected, (fn, arg, v) => {
    const list = checkList(fn, arg, v, expected(), (f, a, x) => checkInteger(f, a, x, o.min), undefined, 0, o.maxLength);
    for (let i = 1; i < list.length; i++) if (o.strict ? !(list[i]! > list[i - 1]!) : o.sorted && list[i]! < list[i - 1]!) mustBe(fn, arg, expected(), v, RangeError);
    return Object.freeze(list);
  });
}

/** Any other value, with its own check and phrase. */
export function custom<T, O extends Common<T>>(type: FieldType, expected: string, o: O, parse: (fn: string, arg: string, value: unknown) => T): Field<T, PresenceOf<O>> {
  return field(type, o, () => expected, parse);
}

/** A function (not JSON-serialisable: a schedule built with one cannot be saved); never required, no default. */
export function fn<T extends (...args: never[]) => unknown>(o: Omit<Common<T>, 'default' | 'required'> & { readonly signature: string; readonly required: true }): Field<T, 'required'>;
export function fn<T extends (...args: never[]) => unknown>(o: Omit<Common<T>, 'default' | 'required'> & { readonly signature: string }): Field<T, 'optional'>;
export function fn<T extends (...args: never[]) => unknown>(o: Omit<Common<T>, 'default'> & { readonly signature: string }): Field<T, 'required' | 'optional'> {
  const expected = () => `a function ${o.signature}`;
  return field('function', o, expected, (f, arg, v) => (typeof v === 'function' ? (v as T) : mustBe(f, arg, expected(), v, TypeError))) as Field<T, 'required' | 'optional'>;
}

/** The declared options of one public function: checks bags (`fieldInfo.ts` describes them). */
export interface Declaration<S extends Shape> {
  /** The public function the errors name. */
  readonly fn: string;
  readonly shape: S;
  /**
   * Checks a bag: an object (not null, not an array), only declared keys (a typo names the
   * closest one), each value of its declared type and range (`null` is an error, not a
   * default), options that need another only with it. Returns the values, defaults filled in.
   */
  read(given: unknown): ValuesOf<S>;
}

/**
 * Declares the options of the public function `fn`; its bags are read as a table's are.
 * @example
 * // fragment: an internal helper, not exported by the package
 * const decl = declare('pytorch.stepLR', { baseLr: number({ doc: 'initial lr', required: true }) });
 * type Options = OptionsOf<typeof decl.shape>; // { readonly baseLr: number }
 * decl.read({ baseLr: 0.1 }).baseLr; // 0.1
 */
export function declare<S extends Shape>(fnName: string, shape: S): Declaration<S> {
  return {
    fn: fnName,
    shape,
    read(given) {
      const bag = plainObject(fnName, 'options', given);
      const values = readBag(fnName, shape, bag).resolved as ValuesOf<S>;
      // Only fields declare that they need another option.
      for (const key in bag) {
        const needs = shape[key]!.options.requires;
        if (needs !== undefined && bag[key] !== undefined && bag[needs] === undefined) {
          throw new TypeError(`${fnName}: ${key} applies only with ${needs}; give ${needs} or leave ${key} out, got ${key} ${show(bag[key])} without ${needs}`);
        }
      }
      return values;
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
 * Checks a length or period computed from options is a finite number > 0, naming the option
 * that made it overflow or vanish: `fn: the cosine period would be 0 (not a finite number > 0), got numCycles 1e308`.
 */
export function derivedPositive(fnName: string, value: number, expression: string, option: string, given: unknown): number {
  if (!(Number.isFinite(value) && value > 0)) throw new RangeError(`${fnName}: ${expression} would be ${show(value)} (not a finite number > 0), got ${option} ${show(given)}`);
  return value;
}

/**
 * The options bag a caller passes, for either form of declaration (a table or a shape of
 * fields): required options required, the others optional.
 */
export type OptionsOf<T extends OptionTable | Shape> = T extends Shape ? ShapeOptionsOf<T> : T extends OptionTable ? TableOptionsOf<T> : never;
