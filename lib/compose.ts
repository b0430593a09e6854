import { declare, integer, number } from './internal/options.js';
import { firstNonFinite } from './internal/finite.js';
import { count, finite, mustBe, show } from './internal/validate.js';
import { Phase } from './phase.js';
import type { Space } from './space.js';
import { constant } from './spaces/constant.js';
import { cycle } from './spaces/cycle.js';

/**
 * The most phases one schedule may have. Every preset and `join` refuses more with a named
 * error: a schedule of one phase per cycle over 10^9 steps would take gigabytes to build. Periodic
 * schedules need no phase per cycle (`cycle` repeats a space in O(1) memory).
 * @example
 * import { MAX_PHASES } from 'rx-policy';
 * MAX_PHASES; // → 100000
 */
export const MAX_PHASES = 100_000;

/**
 * A piece of a schedule that `join` can cut: its natural `length` (`Infinity` for a piece that
 * goes on as long as asked, such as a final hold) and its first `n` steps as a phase.
 */
export interface Part<K extends string = string> {
  /** The part's full length: a non-negative integer, or `Infinity` for an open-ended part. */
  readonly length: number;
  /**
   * Builds the phase of the part's first `n` steps.
   * @param n how many steps `join` keeps, `0 ≤ n ≤ length`.
   * @returns a phase of exactly `n` steps.
   */
  take(n: number): Phase<K>;
}

/**
 * A `Part` from its length and a builder of its first `n` steps.
 * @param length The part's full length, a non-negative integer or `Infinity`.
 * @param take Builds the phase of the part's first `n` steps, for the `n` that `join` keeps.
 * @returns The part, for `join`.
 * @throws RangeError for a bad length; TypeError when `take` is not a function.
 * @example
 * import { part, linspace, Phase } from 'rx-policy';
 * const warmup = part(100, (n) => new Phase({ lr: linspace(0, 1, n, { span: 100 }) }));
 * // a run cut at 50 steps keeps the 100-step slope:
 * warmup.take(50).at(49); // → { lr: 0.49 }
 */
export function part<K extends string>(length: number, take: (n: number) => Phase<K>): Part<K> {
  // Any whole length, safe or not: `join` keeps at most `steps` of it, so a part whose length is
  // worked out from large options (`totalIters + 1` with totalIters 2^53 − 1) is still a part.
  if (!(length === Infinity || (Number.isInteger(length) && length >= 0))) mustBe('part', 'length', 'a non-negative integer or Infinity', length);
  if (typeof take !== 'function') throw new TypeError(`part: take must be a function (n) => Phase, got ${show(take)}`);
  return { length, take };
}

const joinOptions = declare('join', {
  steps: integer({ doc: 'Length of the schedule: the parts are cut there, or their last values held up to it.', required: true }),
});

/**
 * Joins phases and parts one after the other into a schedule of exactly `steps` steps: the part
 * that crosses `steps` is cut there, and when the parts end sooner the last values of the last
 * phase are held up to `steps`. Empty pieces are dropped, so `steps: 0` gives `[]`, the empty
 * schedule. Parts are pulled lazily (an endless generator of cycles is fine). Refuses more than
 * `MAX_PHASES` phases, and values that are not finite (naming the first such step).
 *
 * @param parts Phases and parts, in order (any iterable, pulled lazily).
 * @param options `steps`: the length of the schedule.
 * @returns The phases, `steps` steps in all.
 * @throws TypeError/RangeError for bad parts or `steps`, parts that hold no step (with `steps` > 0), more than `MAX_PHASES` phases or parts, or a value that is not finite.
 * @example
 * import { join, part, Phase, linspace, cosinespace, OptimizerPolicy } from 'rx-policy';
 * const phases = join([new Phase({ lr: linspace(0, 1, 10) }), new Phase({ lr: cosinespace(1, 0, 100) })], { steps: 50 });
 * new OptimizerPolicy(phases).length; // → 50
 */
export function join<P extends Phase>(parts: Iterable<P>, options: { readonly steps: number }): P[];
export function join<K extends string>(parts: Iterable<Phase<K> | Part<K>>, options: { readonly steps: number }): Phase<K>[];
export function join<P extends Phase, K extends string>(parts: Iterable<P | Part<K>>, options: { readonly steps: number }): (P | Phase<K>)[];
// Phases keep each one's names (phases of `{ lr }` and `{ lr, momentum }` mix, as in a policy),
// and parts their phases': every phase returned is one of them, cut, or the last one's values held.
export function join(parts: Iterable<Phase | Part>, options: { readonly steps: number }): Phase[] {
  const { steps } = joinOptions.read(options);
  if (parts === null || typeof parts !== 'object' || typeof (parts as Iterable<unknown>)[Symbol.iterator] !== 'function') {
    throw new TypeError(`join: parts must be an iterable of phases and parts, got ${show(parts)}`);
  }
  return joinTo('join', parts, steps);
}

/**
 * `join` in the name of the public function `fn` (a preset): its errors name `fn`.
 * @internal
 */
export function joinTo<K extends string>(fn: string, parts: Iterable<Phase<K> | Part<K>>, steps: number): Phase<K>[] {
  const out: Phase<K>[] = [];
  let done = 0;
  let last: Phase<K> | undefined;
  let p = 0;
  // `done` is checked before the next piece is pulled: a generator is never asked past `steps`.
  for (const piece of steps > 0 ? parts : []) {
    const isPhase = piece instanceof Phase;
    // A hole of a sparse array arrives as undefined: refused here, not skipped.
    if (!isPhase && (typeof piece !== 'object' || piece === null || typeof piece.take !== 'function' || typeof piece.length !== 'number')) {
      throw new TypeError(`${fn}: parts[${p}] must be a Phase or a part, got ${show(piece)}`);
    }
    p++;
    const length = piece.length;
    if (length === 0) {
      // Empty parts make no phase, so the phase limit alone would never stop an endless iterable of them.
      if (p > MAX_PHASES) throw new RangeError(`${fn}: parts must be at most ${MAX_PHASES} pieces, got more before steps ${steps} were reached (${done} so far)`);
      continue;
    }
    const n = Math.min(length, steps - done);
    const phase = isPhase ? (n === length ? piece : cut(piece, n)) : piece.take(n);
    if (phase.length !== n) throw new RangeError(`${fn}: a part of length ${length} gave ${phase.length} steps where ${n} were asked`);
    push(fn, out, phase, done);
    last = phase;
    done += n;
    if (done >= steps) break;
  }
  // With no step in any part there are no last values to hold: the schedule could not have `steps` steps.
  if (done < steps && last === undefined) {
    throw new RangeError(`${fn}: the parts hold no step, so there are no last values to hold up to steps ${steps}; give a part with steps, or steps 0, got ${p === 0 ? 'no parts' : `${p} empty part${p === 1 ? '' : 's'}`}`);
  }
  if (done < steps && last !== undefined) {
    const held: Record<string, Space> = {};
    for (const name of last.names) held[name] = constant(last.spaces[name]._at(last.length - 1), steps - done);
    push(fn, out, new Phase(held as Record<K, Space>), done);
  }
  return out;
}

function push<K extends string>(fn: string, out: Phase<K>[], phase: Phase<K>, start: number): void {
  if (out.length >= MAX_PHASES) {
    throw new RangeError(`${fn}: the schedule would have more than ${MAX_PHASES} phases (MAX_PHASES), from step ${start} on; use fewer cycles or fewer steps`);
  }
  for (const name of phase.names) {
    const space = phase.spaces[name];
    let bad: number | undefined;
    try {
      bad = firstNonFinite((i) => space._at(i), phase.length);
    } catch (err) {
      // A space that refuses a value itself (noise or a product that overflows) is named for the preset too.
      if (err instanceof RangeError && !err.message.startsWith(`${fn}:`)) throw new RangeError(`${fn}: ${name}: ${err.message}`, { cause: err });
      throw err;
    }
    if (bad !== undefined) {
      throw new RangeError(`${fn}: ${name} would be ${show(space._at(bad))} at step ${start + bad} (not a finite number); choose options that keep every step finite, or fewer steps`);
    }
  }
  out.push(phase);
}

/** The first `n` steps of a phase, each space repeated by `cycle` (which, shorter than the space, is a cut). */
function cut<K extends string>(phase: Phase<K>, n: number): Phase<K> {
  const spaces = {} as Record<K, Space>;
  for (const name of phase.names) {
    const space = phase.spaces[name];
    spaces[name] = space.unbounded ? space : cycle(space, n);
  }
  return new Phase(spaces);
}

/**
 * Splits `steps` into whole-step lengths by fractions (fastai's `combine_scheds` percentages):
 * the boundaries are `round(cumulative fraction · steps)`, so the lengths add up to `steps`
 * exactly. The fractions must be ≥ 0 and sum to 1 within 1e-9 (fastai tests `== 1.` exactly,
 * which `[0.1] * 10` fails).
 *
 * @param steps The total, a non-negative integer.
 * @param fractions The share of each piece, ≥ 0, summing to 1.
 * @returns One length per fraction, adding up to `steps` (a tuple of as many for a literal list, so that `const [up, down] = …` are numbers).
 * @throws TypeError/RangeError for bad steps or fractions (naming the first bad one).
 * @example
 * import { splitSteps, Phase, linspace, cosinespace, OptimizerPolicy } from 'rx-policy';
 * splitSteps(1000, [0.25, 0.75]); // → [250, 750]
 * const [up, down] = splitSteps(1000, [0.25, 0.75]);
 * new OptimizerPolicy([new Phase({ lr: linspace(0.01, 1, up) }), new Phase({ lr: cosinespace(1, 0, down) })]);
 */
export function splitSteps<const F extends readonly number[]>(steps: number, fractions: F): { -readonly [I in keyof F]: number } {
  count('splitSteps', 'steps', steps);
  if (!Array.isArray(fractions) || fractions.length === 0 || fractions.length > MAX_PHASES) {
    throw new TypeError(`splitSteps: fractions must be a non-empty array of at most ${MAX_PHASES} numbers, got ${show(fractions)}`);
  }
  for (let i = 0; i < fractions.length; i++) {
    if (!(i in fractions)) throw new TypeError(`splitSteps: fractions must be a dense array, got ${show(fractions)}`);
    const f = finite('splitSteps', `fractions[${i}]`, fractions[i]);
    if (f < 0) throw new RangeError(`splitSteps: fractions[${i}] must be ≥ 0, got ${show(f)}`);
  }
  const sum = fractions.reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 1) > 1e-9) throw new RangeError(`splitSteps: fractions must sum to 1 (within 1e-9), got ${sum} from ${show(fractions)}`);
  const out: number[] = [];
  let cumulative = 0;
  let previous = 0;
  fractions.forEach((f, i) => {
    cumulative += f;
    // Capped at `steps`: fractions summing to 1 + 1e-9 would otherwise put an inner boundary past
    // the end of a long run and give the last part a negative count.
    const boundary = i === fractions.length - 1 ? steps : Math.min(Math.round(cumulative * steps), steps);
    out.push(boundary - previous);
    previous = boundary;
  });
  return out as { -readonly [I in keyof F]: number };
}

const repeatOptions = declare('repeatPhases', {
  cycles: integer({ doc: 'Number of cycles.', required: true, min: 1, max: MAX_PHASES }),
  baseLength: integer({ doc: 'Steps in the first cycle.', required: true, min: 1 }),
  lengthMult: number({ doc: 'Each cycle is this many times longer than the one before.', default: 1, above: 0 }),
});

/**
 * Repeats a phase shape in cycles whose lengths grow by `lengthMult` (any positive real; each
 * length rounded to whole steps), as SGDR does; `make(steps, cycle)` builds cycle `cycle`, so a
 * peak decay is `decay ** cycle` inside it. At most `MAX_PHASES` cycles.
 *
 * @param options `cycles`, `baseLength` (required), `lengthMult` (default 1).
 * @param make Builds the phase of cycle `cycle` (0-based), `steps` steps long.
 * @returns One phase a cycle.
 * @throws TypeError/RangeError for a bad option, a `make` that is not a function, or a cycle whose length does not round to a positive safe integer.
 * @example
 * import { repeatPhases, Phase, cosinespace } from 'rx-policy';
 * const cycles = repeatPhases({ cycles: 3, baseLength: 100, lengthMult: 1.5 }, (n, i) => new Phase({ lr: cosinespace(0.5 ** i, 0, n) }));
 * cycles.map((p) => p.length); // → [100, 150, 225]
 * cycles.map((p) => p.at(0).lr); // → [1, 0.5, 0.25]
 */
export function repeatPhases<P extends Phase>(options: { readonly cycles: number; readonly baseLength: number; readonly lengthMult?: number }, make: (steps: number, cycle: number) => P): P[] {
  const { cycles, baseLength: base, lengthMult: mult } = repeatOptions.read(options);
  if (typeof make !== 'function') throw new TypeError(`repeatPhases: make must be a function (steps, cycle) => Phase, got ${show(make)}`);
  return Array.from({ length: cycles }, (_, i) => {
    const exact = base * mult ** i;
    const steps = Math.round(exact);
    if (!(steps >= 1 && Number.isSafeInteger(steps))) throw new RangeError(`repeatPhases: cycle ${i} would have ${exact} steps, which does not round to a positive safe integer`);
    return make(steps, i);
  });
}
