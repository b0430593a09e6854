// Exact minimum and maximum of a schedule over a range of steps, from each space's shape rather
// than from every step: monotone curves from their ends, periodic ones from one period, waves and
// restarts from their turning points. What makes a plot's cost independent of the schedule's length.
import { cosineEase, linearEase } from '../ease.js';
import { show } from '../internal/validate.js';
import { Phase } from '../phase.js';
import type { OptimizerPolicy } from '../policy.js';
import { DeclaredSpace, type Space } from '../space.js';
import { EasedSpace } from '../spaces/eased.js';
import * as spaces from '../spaces/index.js';
import { ProductSpace } from '../spaces/product.js';

/** The lowest and highest value over a range of steps, and the first step where each occurs. */
export interface Extent {
  /** The lowest value over the range. */
  readonly min: number;
  /** The step the minimum occurs at first. */
  readonly minAt: number;
  /** The highest value over the range. */
  readonly max: number;
  /** The step the maximum occurs at first. */
  readonly maxAt: number;
}

/** A space that knows its own extent (a user's space may add this method to plot in O(1)). */
interface WithExtent {
  extent(from: number, to: number): Extent;
}

// Below this many steps, reading every step is as cheap as reasoning about the shape.
const SCAN = 16;
// A column that crosses more turning points than this is read step by step.
const TURNS = 64;
// A column with more noisy steps than this shows the noise's bound instead of its draws.
const NOISE_SCAN = 4096;
// A range of a shape not known longer than this is read at this many evenly spaced steps (and
// its ends), not at every one: a 2^53-step schedule still draws at once.
const MAX_SCAN = 1 << 16;

/**
 * The extent of two ranges together, the first before the second: on a tie the earlier step is kept.
 * @param a the earlier range's extent (or `undefined` for none yet).
 * @param b the later range's extent.
 * @returns the joined extent.
 * @example
 * import { joinExtents } from 'rx-policy/plot';
 * joinExtents({ min: 0, minAt: 3, max: 1, maxAt: 0 }, { min: 0, minAt: 9, max: 2, maxAt: 7 }); // → { min: 0, minAt: 3, max: 2, maxAt: 7 }
 */
export function joinExtents(a: Extent | undefined, b: Extent): Extent {
  if (a === undefined) return b;
  const low = b.min < a.min ? b : a;
  const high = b.max > a.max ? b : a;
  return { min: low.min, minAt: low.minAt, max: high.max, maxAt: high.maxAt };
}

/** The extent of `valueAt` over every step of `[from, to)`, read one step at a time. */
export function scanExtent(valueAt: (i: number) => number, from: number, to: number): Extent {
  let min = Infinity;
  let max = -Infinity;
  let minAt = from;
  let maxAt = from;
  for (let i = from; i < to; i++) {
    const v = valueAt(i);
    if (v < min) {
      min = v;
      minAt = i;
    }
    if (v > max) {
      max = v;
      maxAt = i;
    }
  }
  return { min, minAt, max, maxAt };
}

/** Every step of `[from, to)`: the generic fallback. */
function scan(space: Space, from: number, to: number): Extent {
  return scanExtent((i) => space._at(i), from, to);
}

/** `scan`, or for a range longer than MAX_SCAN its ends and MAX_SCAN evenly spaced steps. */
function boundedScan(space: Space, from: number, to: number): Extent {
  if (to - from <= MAX_SCAN) return scan(space, from, to);
  const stride = (to - 1 - from) / MAX_SCAN;
  return candidates(space, from, to, Array.from({ length: MAX_SCAN }, (_, k) => from + Math.floor(k * stride)));
}

/** The extent over a few steps of `[from, to)` known to hold it (ends and turning points), in step order. */
function candidates(space: Space, from: number, to: number, steps: Iterable<number>): Extent {
  const list = [...new Set([from, to - 1, ...[...steps].filter((i) => i >= from && i < to)])].sort((x, y) => x - y);
  let out: Extent | undefined;
  for (const i of list) {
    const v = space._at(i);
    out = joinExtents(out, { min: v, minAt: i, max: v, maxAt: i });
  }
  return out!;
}

// The curves whose ease is monotone on [0, 1]: every built-in one.
const MONOTONE = new Set([spaces.linspace, spaces.cosinespace, spaces.constant, spaces.polyspace, spaces.powspace, spaces.tanhspace, spaces.kcosinespace, spaces.kpolyspace, spaces.cosinepowspace].map((f) => f.definition));

function easedExtent(space: EasedSpace, from: number, to: number): Extent | undefined {
  if (!MONOTONE.has(space.declaration.definition)) return undefined;
  const t0 = (from + space.offset) / space.span;
  const t1 = (to - 1 + space.offset) / space.span;
  if (space.ease === linearEase && !space.wrap) return candidates(space, from, to, []);
  if (t0 >= 0 && t1 <= 1 && !space.wrap) return candidates(space, from, to, []);
  // Monotone between integer progress (wrap restarts there; a cosine past its span turns there):
  // the steps on both sides of each integer t are the only other candidates.
  if (!space.wrap && space.ease !== cosineEase) return undefined;
  const k0 = Math.ceil(t0);
  // Past TURNS turns the wave only repeats: its first TURNS turns give its extremes (the steps
  // next to later turns fall at other fractions of a step, within a step's change of these).
  const k1 = Math.min(Math.floor(t1), k0 + TURNS - 1);
  if (k1 < Math.floor(t1) && !(to - from > MAX_SCAN)) return undefined;
  const turns: number[] = [];
  for (let k = k0; k <= k1; k++) {
    const i = k * space.span - space.offset;
    turns.push(Math.floor(i) - 1, Math.floor(i), Math.ceil(i), Math.ceil(i) + 1);
  }
  return candidates(space, from, to, turns);
}

/** `[from, to)` of a space of period `period`: the partial period first, then one whole period stands for all. */
function periodicExtent(inner: Space, period: number, from: number, to: number): Extent {
  if (to - from <= period) {
    const a = from % period;
    const b = a + (to - from);
    if (b <= period) return shift(spaceExtent(inner, a, b), from - a);
    return joinExtents(shift(spaceExtent(inner, a, period), from - a), shift(spaceExtent(inner, 0, b - period), from - a + period));
  }
  const next = Math.ceil(from / period) * period;
  const head = next > from ? shift(spaceExtent(inner, from % period, period), from - (from % period)) : undefined;
  return joinExtents(head, shift(spaceExtent(inner, 0, period), next));
}

const shift = (e: Extent, by: number): Extent => ({ min: e.min, minAt: e.minAt + by, max: e.max, maxAt: e.maxAt + by });

/** The first step ≥ `from` of the form `k·period + offset` (k ≥ 0). */
const firstOf = (from: number, period: number, offset: number) => Math.max(0, Math.ceil((from - offset) / period)) * period + offset;

function declaredExtent(space: DeclaredSpace, from: number, to: number): Extent | undefined {
  const { definition, args, options } = space.declaration;
  switch (definition) {
    case spaces.expspace.definition:
    case spaces.invtimespace.definition:
    case spaces.invsqrtspace.definition:
      return candidates(space, from, to, []);
    case spaces.slice.definition: {
      const [inner, start] = args as [Space, number];
      return shift(spaceExtent(inner, start + from, start + to), -start);
    }
    case spaces.cycle.definition: {
      const inner = args[0] as Space;
      return periodicExtent(inner, inner.length, from, to);
    }
    case spaces.cyclicspace.definition: {
      if (options['mode'] === 'expRange') return undefined;
      const up = options['stepsUp'] as number;
      const total = up + ((options['stepsDown'] as number | undefined) ?? up);
      // Troughs at k·total, peaks at k·total + up: with a constant or halving amplitude, the first of each in range.
      return candidates(space, from, to, [firstOf(from, total, 0), firstOf(from, total, up)]);
    }
    case spaces.polycyclespace.definition: {
      const period = options['period'] as number;
      // Each restart (k·period + 1) is lower than the one before; each multiple of the period is `end`.
      return candidates(space, from, to, [firstOf(from, period, 1), Math.max(period, firstOf(from, period, 0))]);
    }
    case spaces.noisy.definition: {
      // The noise is drawn per step: its steps are read one by one, the rest from the inner shape.
      const inner = args[0] as Space;
      const [noiseFrom, noiseTo = Infinity] = options['range'] as [number, number?];
      const offset = (options['offset'] as number | undefined) ?? 0;
      const a = Math.min(to, Math.max(from, noiseFrom - offset));
      const b = Math.max(a, Math.min(to, noiseTo - offset));
      let out: Extent | undefined;
      if (a > from) out = spaceExtent(inner, from, a);
      const pct = (options['pct'] as number | undefined) ?? 0.67;
      if (b > a) out = joinExtents(out, b - a <= noiseScan(pct, options['type'] === 'uniform') ? scan(space, a, b) : noiseBound(spaceExtent(inner, a, b), pct));
      if (to > b) out = joinExtents(out, spaceExtent(inner, b, to));
      return out;
    }
    default:
      return undefined;
  }
}

/**
 * The noisy steps a column reads one by one: NOISE_SCAN down to pct 0.5, fewer below, where normal
 * noise is redrawn about 1/(0.8·pct) times a step (1250 at pct 0.001): a column reads at most
 * about 2.5·NOISE_SCAN draws at any pct.
 */
function noiseScan(pct: number, uniform: boolean): number {
  return uniform ? NOISE_SCAN : Math.min(NOISE_SCAN, Math.floor(NOISE_SCAN * 2.5 * Math.min(1, 0.8 * pct)));
}

/**
 * The bound of `v + v·n` for `|n| < pct` over values in `[e.min, e.max]`: what a column of more
 * than `noiseScan` noisy steps shows. The drawn extremes come within a fraction of a pixel of it
 * there, where reading every draw would make long noisy plots slow.
 */
function noiseBound(e: Extent, pct: number): Extent {
  const ends = [e.min * (1 - pct), e.min * (1 + pct), e.max * (1 - pct), e.max * (1 + pct)];
  return { min: Math.min(...ends), minAt: e.min >= 0 ? e.minAt : e.maxAt, max: Math.max(...ends), maxAt: e.max >= 0 ? e.maxAt : e.minAt };
}

/** A product where all factors but one are constant over the range: that one, scaled. */
function productExtent(space: ProductSpace, from: number, to: number): Extent | undefined {
  const ea = spaceExtent(space.a, from, to);
  const eb = spaceExtent(space.b, from, to);
  const scaled = (e: Extent, k: number): Extent => {
    const lo = e.min * k;
    const hi = e.max * k;
    return k >= 0 ? { min: lo, minAt: e.minAt, max: hi, maxAt: e.maxAt } : { min: hi, minAt: e.maxAt, max: lo, maxAt: e.minAt };
  };
  if (ea.min === ea.max) return scaled(eb, ea.min);
  if (eb.min === eb.max) return scaled(ea, eb.min);
  return undefined;
}

/**
 * The exact minimum and maximum of `space` over steps `[from, to)` (`from < to`), with the first
 * step of each. Built-in spaces answer from their shape in O(1) (monotone curves from their ends,
 * `cycle` from one period, `cyclicspace` and `polycyclespace` from their turning points, slices
 * and scaled products from their parts); `noisy` reads its noisy steps, and any other space
 * (a `fnspace`, a general product) reads every step, unless it has an `extent(from, to)` method.
 * Two ranges are too long to read: a wave crossing more than 64 turns over more than 2^16 steps
 * gives the extremes of its first 64 turns, and a space of unknown shape over more than 2^16
 * steps is read at 2^16 evenly spaced steps and its ends (a spike between them can be missed).
 *
 * @param space the space.
 * @param from the first step, an integer ≥ 0.
 * @param to one past the last step, `from < to ≤ space.length`.
 * @returns the extent.
 * @throws RangeError for an empty or out-of-range range.
 * @example
 * import { cosinespace, cycle } from 'rx-policy';
 * import { spaceExtent } from 'rx-policy/plot';
 * spaceExtent(cycle(cosinespace(1, 0, 100), 1e9), 0, 1e9); // → { min: 0, minAt: 99, max: 1, maxAt: 0 }
 */
export function spaceExtent(space: Space, from: number, to: number): Extent {
  if (!(Number.isSafeInteger(from) && Number.isSafeInteger(to) && from >= 0 && from < to && to <= space.length)) {
    throw new RangeError(`spaceExtent: steps must satisfy 0 ≤ from < to ≤ ${space.length}, got from ${from}, to ${to}`);
  }
  const own = (space as unknown as Partial<WithExtent>).extent;
  if (typeof own === 'function') return own.call(space, from, to);
  if (to - from <= SCAN) return scan(space, from, to);
  let out: Extent | undefined;
  if (space instanceof EasedSpace) out = easedExtent(space, from, to);
  else if (space instanceof ProductSpace) out = productExtent(space, from, to);
  else if (space instanceof DeclaredSpace) out = declaredExtent(space, from, to);
  return out ?? boundedScan(space, from, to);
}

// A policy's phase starts, read once per policy (the getter copies them).
const phaseStarts = new WeakMap<OptimizerPolicy, readonly number[]>();

/**
 * The extent of one parameter of a phase or policy over steps `[from, to)`: the phases the range
 * covers (found by binary search, O(log phases)) joined in order. `undefined` if no phase in the
 * range has the parameter (a policy's phases need not all have it).
 *
 * @param source a phase or a policy.
 * @param param the parameter's name, one of the source's (typed: another is a compile error).
 * @param from the first step.
 * @param to one past the last step, `from < to ≤ source.length`.
 * @returns the extent, or `undefined`.
 * @throws RangeError for a name the source does not have or steps outside `0 ≤ from < to ≤ source.length`; TypeError for a source that is neither a phase nor a policy.
 * @example
 * import { OptimizerPolicy, oneCyclePhases } from 'rx-policy';
 * import { paramExtent } from 'rx-policy/plot';
 * const policy = new OptimizerPolicy(oneCyclePhases({ steps: 500 }));
 * paramExtent(policy, 'lr', 0, policy.length); // → { min: 0.01, minAt: 499, max: 1, maxAt: 224 }
 */
export function paramExtent<S extends Phase | OptimizerPolicy>(source: S, param: S['params'][number], from: number, to: number): Extent | undefined {
  checkParam('paramExtent', source, param);
  // A range past the ends would be silently cut to the steps there are; an empty one would read as "no such parameter".
  const length = source.length;
  if (!(Number.isSafeInteger(from) && Number.isSafeInteger(to) && from >= 0 && from < to && to <= length)) {
    throw new RangeError(`paramExtent: steps must satisfy 0 ≤ from < to ≤ ${length}, got from ${show(from)}, to ${show(to)}`);
  }
  return extentOf(source, param, from, to);
}

/** Throws when `param` is none of the source's names: a misspelt name is not an empty chart. */
export function checkParam(fn: string, source: Phase | OptimizerPolicy, param: string): void {
  const params: unknown = (source as Partial<Phase> | null)?.params;
  if (!Array.isArray(params) || typeof source.length !== 'number') throw new TypeError(`${fn}: source must be a Phase or an OptimizerPolicy, got ${show(source)}`);
  if (!source.params.includes(param)) throw new RangeError(`${fn}: no parameter ${show(param)}; it has: ${source.params.join(', ')}`);
}

/** `paramExtent` of a name the source has; a phase of a policy may lack it (`undefined`). */
export function extentOf(source: Phase | OptimizerPolicy, param: string, from: number, to: number): Extent | undefined {
  if (source instanceof Phase) {
    const space = (source.spaces as Record<string, Space>)[param];
    if (space === undefined) return undefined;
    return space.unbounded ? { min: space._at(0), minAt: from, max: space._at(0), maxAt: from } : spaceExtent(space, from, to);
  }
  let out: Extent | undefined;
  let starts = phaseStarts.get(source);
  if (starts === undefined) phaseStarts.set(source, (starts = source.phaseStarts));
  for (let p = source.phaseIndexAt(from); p < source.phases.length && starts[p]! < to; p++) {
    const phase = source.phases[p]!;
    const start = starts[p]!;
    const a = Math.max(from, start) - start;
    const b = Math.min(to, start + phase.length) - start;
    if (b <= a) continue;
    const e = extentOf(phase, param, a, b);
    if (e !== undefined) out = joinExtents(out, shift(e, start));
  }
  return out;
}
