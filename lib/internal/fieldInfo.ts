// Declared options described as plain data (`FieldInfo`), for the registry, the docs, the CLI's
// listing and the dashboard's forms. Apart from the checks in `options.ts`, so that an app which
// only builds schedules does not bundle it.
import { type Bounds, choicePhrase, type Declaration, type AnyField, type FieldType, type OptionTable, type Shape, stepRangePhrase } from './options.js';
import { rangeLimits, rangeText } from './validate.js';

/** One option, described as plain data (JSON-safe except a function default, which never occurs). */
export interface FieldInfo {
  /** The option's key, as a caller writes it. */
  readonly name: string;
  /** The kind of value it takes, as a form would offer it. */
  readonly type: FieldType;
  /** One line: what the option means. */
  readonly doc: string;
  /** Whether the caller must give it: it has no default. */
  readonly required: boolean;
  /** The value used when the option is left out (absent for required options and "unused" ones). */
  readonly default?: unknown;
  /** Bounds of a number, or of every element of a list of numbers. */
  readonly min?: number;
  /** The upper bound, as `min` is the lower one. */
  readonly max?: number;
  /** Whether `min` itself is excluded. */
  readonly exclusiveMin?: boolean;
  /** Whether `max` itself is excluded. */
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

/** What a field's kind adds to its description: bounds, an enum's values, a list's length. */
function extraInfo(f: AnyField): Partial<FieldInfo> {
  const o = f.options;
  switch (f.type) {
    case 'number':
      return boundsInfo(o);
    case 'numbers':
      return { ...boundsInfo(o), ...(o.length !== undefined && { length: o.length }) };
    case 'integer':
      return { min: o.min ?? 0, ...(o.max !== undefined && { max: o.max }) };
    case 'integers':
      return { min: o.min ?? 0 };
    case 'enum':
      return { values: o.values! };
    default:
      return {};
  }
}

/** One declared option as data. */
export function fieldInfo(name: string, f: AnyField): FieldInfo {
  const o = f.options;
  return Object.freeze({
    name,
    type: f.type,
    doc: o.doc,
    required: f.presence === 'required',
    ...(o.default !== undefined && { default: o.default }),
    ...(o.mode !== undefined && { mode: o.mode }),
    ...(o.requires !== undefined && { requires: o.requires }),
    json: f.type !== 'function',
    expected: f.expected(),
    ...extraInfo(f),
  });
}

const described = new WeakMap<Declaration<Shape>, readonly FieldInfo[]>();

/** The options of a declaration, in declaration order, as data (worked out once per declaration). */
export function declarationFields(declaration: Declaration<Shape>): readonly FieldInfo[] {
  let fields = described.get(declaration);
  if (fields === undefined) {
    const shape = declaration.shape;
    fields = Object.freeze(Object.keys(shape).map((key) => fieldInfo(key, shape[key]!)));
    described.set(declaration, fields);
  }
  return fields;
}

/** A table's options as `FieldInfo` data, as the field builders describe theirs (for docs and forms). */
export function tableFields(table: OptionTable): readonly FieldInfo[] {
  return Object.entries(table).map(([name, d]) => {
    const base = { name, doc: d.doc, required: 'required' in d && d.required === true, json: true, ...('default' in d && d.default !== undefined && { default: d.default }) };
    switch (d.type) {
      case 'number': {
        const { whole, min, exclusiveMin } = rangeLimits[d.range];
        return { ...base, type: whole ? 'integer' : 'number', expected: rangeText[d.range], ...(min !== undefined && { min }), ...(exclusiveMin && { exclusiveMin }) } as FieldInfo;
      }
      case 'boolean':
        return { ...base, type: 'boolean', expected: 'a boolean' } as FieldInfo;
      case 'choice':
        return { ...base, type: 'enum', values: d.values, expected: choicePhrase(d.values) } as FieldInfo;
      case 'stepRange':
        return { ...base, type: 'integers', min: 0, expected: stepRangePhrase } as FieldInfo;
    }
  });
}
