import { plotSchedule, type PlotOptions } from './internal/plotHook.js';
import { show } from './internal/validate.js';
import { Sequence } from './sequence.js';
import { Space, type SpaceSpec } from './space.js';
import { constant } from './spaces/constant.js';

/** The values of one step: one number per parameter name, e.g. `{ lr: number; momentum: number }`. */
export type ParamValues<K extends string = string> = { [P in K]: number };

/**
 * The dict type a phase emits, distributed over unions of phases.
 * @example
 * import { Phase, linspace, type PhaseValues } from 'rx-policy';
 * const phase = new Phase({ lr: linspace(0, 1, 3) });
 * const values: PhaseValues<typeof phase> = phase.at(1); // { lr: number }
 * values; // → { lr: 0.5 }
 */
export type PhaseValues<P> = P extends Phase<infer K> ? ParamValues<K> : never;

/** What a phase accepts for a parameter: a space, or a plain number held for the whole phase. */
export type SpaceLike = Space | number;

/**
 * A phase (Poutyne's `Phase`, `poutyne/framework/callbacks/policies.py`): named spaces zipped into
 * one typed stream of parameter dicts, one dict a step. Any
 * parameter names work (`lr`, `momentum`, `weightDecay`, `beta1`, …), where Poutyne takes only
 * `lr` and `momentum`.
 *
 * All spaces must have the same length; Poutyne silently truncates to the shortest, rx-policy
 * refuses and names the lengths. A `constant(v)` without steps, or a plain number, takes the
 * phase's length.
 *
 * @example
 * import { Phase, linspace, cosinespace } from 'rx-policy';
 * const phase = new Phase({ lr: linspace(0, 1, 10), momentum: cosinespace(0.99, 0.9, 10) });
 * phase.subscribe((p) => console.log(p.lr, p.momentum)); // p: { lr: number; momentum: number }
 * phase.at(9); // → { lr: 1, momentum: 0.9 }
 */
export class Phase<K extends string = string> extends Sequence<ParamValues<K>> {
  readonly length: number;
  /** The parameter names, in the order given. */
  readonly names: readonly K[];
  /** The space of each parameter (plain numbers given to the constructor appear as `constant`). */
  readonly spaces: Readonly<Record<K, Space>>;
  // Builds one step's dict; see `dictBuilder`.
  readonly #build: (i: number) => ParamValues<K>;

  constructor(params: Readonly<Record<K, SpaceLike>>) {
    super();
    if (typeof params !== 'object' || params === null || Array.isArray(params) || params instanceof Space) {
      throw new TypeError(`Phase: params must be an object of named spaces such as { lr: linspace(0, 1, 10) }, got ${show(params)}`);
    }
    const names = Object.keys(params) as K[];
    if (names.length === 0) {
      throw new TypeError('Phase: params must name at least one parameter, such as { lr: linspace(0, 1, 10) }, got {}');
    }
    const spaces = {} as Record<K, Space>;
    for (const name of names) {
      // Assigning `__proto__` sets an object's prototype: the values dict, its JSON form and a sink's target would drop it.
      if (name === '__proto__') throw new TypeError(`Phase: a parameter cannot be named "__proto__" (writing it sets an object's prototype, not a value), got ${show(names)}`);
      // A sink, a plot or the dashboard could not tell an empty name from a missing one.
      if (name === '') throw new TypeError(`Phase: a parameter name must be non-empty, got ${show(names)}`);
      const given: unknown = params[name];
      if (given instanceof Space) spaces[name] = given;
      else if (typeof given === 'number') {
        if (!Number.isFinite(given)) throw new RangeError(`Phase: ${name} must be a finite number or a space, got ${show(given)}`);
        spaces[name] = constant(given);
      } else {
        throw new TypeError(`Phase: ${name} must be a space (linspace, cosinespace, constant, …) or a finite number, got ${show(given)}`);
      }
    }
    const bounded = names.filter((name) => !spaces[name].unbounded);
    if (bounded.length === 0) {
      throw new RangeError(
        `Phase: at least one parameter needs a length, got only unbounded constants (${names.join(', ')}); give one steps, e.g. constant(0.1, 100)`,
      );
    }
    const length = spaces[bounded[0]!].length;
    if (bounded.some((name) => spaces[name].length !== length)) {
      const lengths = bounded.map((name) => `${name}: ${spaces[name].length}`).join(', ');
      throw new RangeError(`Phase: spaces must have equal lengths, got ${lengths}`);
    }
    this.length = length;
    this.names = names;
    this.spaces = spaces;
    this.#build = dictBuilder(names, names.map((name) => spaces[name]));
  }

  /** The parameter names (`names`): what sinks and plots read from any schedule. */
  get params(): readonly K[] {
    return this.names;
  }

  _at(i: number): ParamValues<K> {
    return this.#build(i);
  }

  /**
   * Draws a parameter (or several, side by side) to SVG, like Poutyne's `plot(param_name)`;
   * writes the file when `out` is given (`.svg` or `.png`). Plotting lives in `rx-policy/plot`,
   * which registers itself when imported: import it once in the app that plots.
   *
   * @param param the parameter name, or several for side-by-side panels (typed: a name the phase lacks is a compile error). Default `'lr'`.
   * @param options `title`, `width`, `height`, `out`.
   * @returns the SVG text.
   * @throws RangeError `Phase.plot: no parameter …` naming the ones there are; Error when `rx-policy/plot` is not loaded.
   * @example
   * import { Phase, linspace } from 'rx-policy';
   * import 'rx-policy/plot';
   * const phase = new Phase({ lr: linspace(0, 1, 10) });
   * const svg = await phase.plot('lr', { out: 'lr.svg' });
   * svg.startsWith('<svg'); // → true
   */
  // `'lr'` is the default the untyped `Phase` shares with `plot`; a phase without it says so at run time.
  plot(param: K | readonly K[] = 'lr' as K, options: Omit<PlotOptions, 'param'> = {}): Promise<string> {
    return plotSchedule('Phase.plot', this, param, options);
  }

  /** Poutyne's layout: one line per parameter, e.g. `Phase:\n    lr: linspace(0, 1, 3)`. */
  override toString(): string {
    return ['Phase:', ...this.names.map((name) => `    ${name}: ${this.spaces[name].toString()}`)].join('\n');
  }

  /** The spaces as JSON, e.g. `{ lr: { type: 'linspace', start: 0, end: 1, steps: 3 } }`. */
  toJSON(): Record<K, SpaceSpec> {
    const out = {} as Record<K, SpaceSpec>;
    for (const name of this.names) out[name] = this.spaces[name].toJSON();
    return out;
  }
}

/**
 * Returns a function that builds a step's dict from the spaces at index `i`.
 *
 * The commonest phases (one to four parameters) get an object literal with their names as
 * computed keys: every dict then has the same shape, built in one go. Filling `{}` key by key in
 * a loop costs about twice as much a step in V8, so only longer phases take the loop.
 */
function dictBuilder<K extends string>(names: readonly K[], spaces: readonly Space[]): (i: number) => ParamValues<K> {
  const [a, b, c, d] = names as readonly string[];
  const [sa, sb, sc, sd] = spaces;
  switch (names.length) {
    case 1:
      return (i) => ({ [a!]: sa!._at(i) }) as ParamValues<K>;
    case 2:
      return (i) => ({ [a!]: sa!._at(i), [b!]: sb!._at(i) }) as ParamValues<K>;
    case 3:
      return (i) => ({ [a!]: sa!._at(i), [b!]: sb!._at(i), [c!]: sc!._at(i) }) as ParamValues<K>;
    case 4:
      return (i) => ({ [a!]: sa!._at(i), [b!]: sb!._at(i), [c!]: sc!._at(i), [d!]: sd!._at(i) }) as ParamValues<K>;
    default:
      return (i) => {
        const out = {} as Record<string, number>;
        for (let j = 0; j < names.length; j++) out[names[j]!] = spaces[j]!._at(i);
        return out as ParamValues<K>;
      };
  }
}
