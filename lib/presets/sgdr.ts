import { finite, knownKeys, pair, plainObject, positive, positiveCount } from '../internal/validate.js';
import { Phase } from '../phase.js';
import { cosinespace } from '../spaces/cosinespace.js';

/** Options of `sgdrPhases`, with Poutyne's defaults. */
export interface SgdrOptions {
  /** Steps in the first cycle (a positive integer). */
  readonly baseCycleLength: number;
  /** Number of cycles (a positive integer). */
  readonly cycles: number;
  /** `[start, end]` of every cycle's cosine. Default `[1, 0.1]`. */
  readonly lr?: readonly [number, number];
  /**
   * Each cycle is this many times longer than the one before (any positive number; default 2).
   * Cycle `i` has `round(baseCycleLength · cycleMult^i)` steps: whole steps, where Poutyne
   * takes only integers.
   */
  readonly cycleMult?: number;
}

/**
 * The SGDR ("warm restarts") phases of Loshchilov & Hutter, as Poutyne's `sgdr_phases`: `cycles`
 * cosine phases from `lr[0]` to `lr[1]`, each `cycleMult` times longer. Each cycle reaches
 * `lr[1]` on its last step (Poutyne's endpoint convention). Returns a plain `Phase[]`.
 *
 * @example
 * import { OptimizerPolicy, sgdrPhases } from 'rx-policy';
 * const policy = new OptimizerPolicy(sgdrPhases({ baseCycleLength: 200, cycles: 3, cycleMult: 2 }));
 * policy.length; // 1400 = 200 + 400 + 800
 */
export function sgdrPhases(options: SgdrOptions): Phase<'lr'>[] {
  const fn = 'sgdrPhases';
  plainObject(fn, 'options', options);
  knownKeys(fn, 'option', options as unknown as Record<string, unknown>, ['baseCycleLength', 'cycles', 'lr', 'cycleMult']);
  const base = positiveCount(fn, 'baseCycleLength', options.baseCycleLength);
  const cycles = positiveCount(fn, 'cycles', options.cycles);
  const [start, end] = pair(fn, 'lr', options.lr ?? [1, 0.1]);
  const mult = positive(fn, 'cycleMult', options.cycleMult ?? 2);
  const phases: Phase<'lr'>[] = [];
  for (let i = 0; i < cycles; i++) {
    const exact = base * mult ** i;
    const steps = Math.round(exact);
    if (steps < 1 || !Number.isSafeInteger(steps)) {
      throw new RangeError(
        `${fn}: cycle ${i} would have ${finite(fn, 'cycle length', exact)} steps (baseCycleLength ${base} · cycleMult ${mult}^${i}), which does not round to a positive safe integer`,
      );
    }
    phases.push(new Phase({ lr: cosinespace(start, end, steps) }));
  }
  return phases;
}
