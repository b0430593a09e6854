import { checkNumber, readOptions, type NumberRange, type OptionTable } from './internal/options.js';
import { checksFinite, firstNonFinite } from './internal/finite.js';
import { num, show } from './internal/validate.js';
import { Sequence } from './sequence.js';

export type { NumberRange, OptionDecl, OptionTable } from './internal/options.js';

/**
 * The JSON form of a space: its factory's name and arguments, enough to rebuild it.
 * @example
 * import { linspace } from 'rx-policy';
 * linspace(0, 1, 3).toJSON(); // → { type: 'linspace', start: 0, end: 1, steps: 3 }
 */
export interface SpaceSpec {
  /** The factory's name (`'linspace'`, `'cycle'`, …); the other keys are its arguments and options. */
  readonly type: string;
  readonly [option: string]: unknown;
}

/** A positional argument of a space factory: a number in a range, or a space. */
export type ArgDecl =
  | {
      /** The argument's name, as errors and JSON forms spell it. */
      readonly name: string;
      /** A number. */
      readonly type: 'number';
      /** The numbers it accepts. */
      readonly range: NumberRange;
      /** Whether a call may leave it out (a trailing argument only). */
      readonly optional?: boolean;
      /** One line: what the argument means. */
      readonly doc: string;
    }
  | {
      /** The argument's name, as errors and JSON forms spell it. */
      readonly name: string;
      /** Another space (what `cycle`, `noisy` and `slice` wrap). */
      readonly type: 'space';
      /** One line: what the argument means. */
      readonly doc: string;
    };

/**
 * A space factory, declared once: its name, positional arguments and options. Its checks, its
 * `toString()`, its `toJSON()` and its JSON reader (`spaceFromJSON`) all derive from it.
 *
 * @example
 * import { linspace } from 'rx-policy';
 * Object.keys(linspace.definition.options); // → ['endpoint', 'offset', 'span', 'wrap']
 */
export interface SpaceDefinition {
  /** The factory's name, as users call it and as errors name it. */
  readonly name: string;
  /** The positional arguments, in call order. */
  readonly args: readonly ArgDecl[];
  /** The options of the trailing options object, by name. */
  readonly options: OptionTable;
  /** Builds the space from the checked arguments and the options with their defaults. */
  build(args: readonly unknown[], options: Readonly<Record<string, unknown>>, declaration: SpaceDeclaration): Space;
}

/** How a space was made: its definition, its arguments and the options given (defaults left out). */
export interface SpaceDeclaration {
  /** The factory's definition. */
  readonly definition: SpaceDefinition;
  /** The checked positional arguments, in call order. */
  readonly args: readonly unknown[];
  /** The options the call gave that differ from their defaults, in declaration order. */
  readonly options: Readonly<Record<string, unknown>>;
}

/**
 * Refuses arguments past the ones a factory without options declares. TypeScript rejects them,
 * but a JavaScript call such as `constant(1, 3, { steps: 5 })` would otherwise be silently ignored.
 * @throws TypeError naming the factory, the arguments it takes and the extra ones.
 */
export function noExtraArguments(definition: SpaceDefinition, given: ArrayLike<unknown>): void {
  const names = definition.args.map((a) => a.name);
  if (given.length <= names.length) return;
  const extra = Array.from(given).slice(names.length);
  throw new TypeError(`${definition.name}: takes ${names.join(', ')} and no options, got ${given.length} arguments; the extra: ${show(extra)}`);
}

/**
 * Checks the arguments and options of a call of `definition`'s factory and builds the space.
 * @throws TypeError or RangeError naming the factory, the argument and the value.
 */
export function createSpace(definition: SpaceDefinition, args: readonly unknown[], options?: unknown): Space {
  const fn = definition.name;
  const decls = definition.args;
  for (let k = 0; k < decls.length; k++) {
    const decl = decls[k]!;
    const value = args[k];
    if (decl.type === 'space') {
      if (!(value instanceof Space)) throw new TypeError(`${fn}: ${decl.name} must be a Space, got ${show(value)}`);
    } else if (!(value === undefined && decl.optional)) checkNumber(fn, decl.name, decl.range, value);
  }
  const { resolved, given } = readOptions(fn, definition.options, options);
  // The checks return what they accept, so the arguments are kept as given (the factories pass a
  // fresh array).
  const space = definition.build(args, resolved, { definition, args, options: given });
  // No factory emits NaN or ±Infinity: its ends are checked (and a bad suffix bisected). Inside a
  // preset the preset's join makes this check instead, naming the preset and the global step.
  if (checksFinite()) {
    const bad = firstNonFinite((i) => space._at(i), space.length);
    if (bad !== undefined) throw new RangeError(`${fn}: the value at index ${bad} would be ${show(space._at(bad))} (not a finite number); choose arguments that keep every value finite, got ${show(args.filter((a) => typeof a === 'number'))} and options ${show(given)}`);
  }
  return space;
}

/**
 * A space: a sequence of numbers for one parameter, the basic building block of a phase.
 * It is a cold `Observable<number>`, an `Iterable<number>`, and has `length` and O(1) `at(i)`.
 * Make one with a factory such as `linspace`, `cosinespace` or `constant`.
 *
 * @example
 * import { cosinespace } from 'rx-policy';
 * for (const v of cosinespace(1, 0, 5)) console.log(v); // 1, 0.853…, 0.5, 0.146…, 0
 * cosinespace(1, 0, 5).at(2); // → 0.5
 */
export abstract class Space extends Sequence<number> {
  /** Whether the space has no length of its own and takes its phase's (an unbounded constant). */
  get unbounded(): boolean {
    return this.length === Infinity;
  }

  /** The factory call that builds this space, e.g. `linspace(0, 1, 10)`. */
  abstract override toString(): string;

  /** The factory and arguments, as plain JSON. */
  abstract toJSON(): SpaceSpec;
}

/**
 * A space made by a declared factory: its label, printout and JSON form all come from its
 * declaration, so a factory writes none of them by hand.
 */
export abstract class DeclaredSpace extends Space {
  /** The factory call that made this space. */
  abstract readonly declaration: SpaceDeclaration;

  protected override get label(): string {
    return this.declaration.definition.name;
  }

  /** The factory call, e.g. `linspace(0, 1, 10, { endpoint: false })`: options at their defaults are left out. */
  override toString(): string {
    const { definition, args, options } = this.declaration;
    const shown = args.map(text);
    while (shown.length > 0 && args[shown.length - 1] === undefined) shown.pop();
    const entries = Object.entries(options);
    if (entries.length > 0) shown.push(`{ ${entries.map(([k, v]) => `${k}: ${text(v)}`).join(', ')} }`);
    return `${definition.name}(${shown.join(', ')})`;
  }

  /** The factory and arguments, as plain JSON: `spaceFromJSON` rebuilds the space from it. */
  toJSON(): SpaceSpec {
    const { definition, args, options } = this.declaration;
    const out: Record<string, unknown> = { type: definition.name };
    definition.args.forEach((decl, k) => {
      const value = args[k];
      if (value !== undefined) out[decl.name] = value instanceof Space ? value.toJSON() : value;
    });
    for (const [name, value] of Object.entries(options)) out[definition.options[name]?.json ?? name] = value;
    return out as SpaceSpec;
  }
}

function text(value: unknown): string {
  if (typeof value === 'number') return num(value);
  if (typeof value === 'string') return `'${value}'`;
  if (Array.isArray(value)) return `[${value.map(text).join(', ')}]`;
  return String(value);
}

/**
 * A space given by a formula of the step: what a factory's `build` returns when its curve is not
 * an eased one.
 */
export class FormulaSpace extends DeclaredSpace {
  constructor(
    readonly declaration: SpaceDeclaration,
    readonly length: number,
    at: (i: number) => number,
  ) {
    super();
    this._at = at;
  }

  // Replaced in the constructor by the formula itself: a call saved on every step.
  _at(_i: number): number {
    return NaN;
  }
}
