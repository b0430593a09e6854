import { joinTo, MAX_PHASES } from '../compose.js';
import { declare, integer, number, pair, type OptionsOf } from '../internal/options.js';
import { Phase } from '../phase.js';
import { cosinespace } from '../spaces/cosinespace.js';
import { preset } from './preset.js';

const sgdrOptions = declare('sgdrPhases', {
  baseCycleLength: integer({ doc: 'Steps in the first cycle.', required: true, min: 1 }),
  cycles: integer({ doc: 'Number of cycles.', required: true, min: 1, max: MAX_PHASES }),
  lr: pair({ doc: "[start, end] of every cycle's cosine.", default: [1, 0.1] as const }),
  cycleMult: number({ doc: 'Each cycle is this many times longer than the one before (any positive number; lengths rounded).', default: 2, above: 0 }),
});

/** Options of `sgdrPhases`, with Poutyne's defaults. */
export type SgdrOptions = OptionsOf<typeof sgdrOptions.shape>;

/**
 * The SGDR ("warm restarts") phases of Loshchilov & Hutter, as Poutyne's `sgdr_phases`: `cycles`
 * cosine phases from `lr[0]` to `lr[1]`, each `cycleMult` times longer (cycle `i` has
 * `round(baseCycleLength · cycleMult^i)` steps: whole steps, where Poutyne takes only integers).
 * Each cycle reaches `lr[1]` on its last step (Poutyne's endpoint convention). At most
 * `MAX_PHASES` cycles.
 *
 * @param options `baseCycleLength` and `cycles` (required), `lr`, `cycleMult`.
 * @returns the phases, one a cycle.
 * @throws TypeError or RangeError naming `sgdrPhases`, the option and the value, or the cycle whose length does not round to a positive safe integer.
 * @example
 * import { OptimizerPolicy, sgdrPhases } from 'rx-policy';
 * const policy = new OptimizerPolicy(sgdrPhases({ baseCycleLength: 200, cycles: 3, cycleMult: 2 }));
 * policy.length; // → 200 + 400 + 800
 */
function sgdr(options: SgdrOptions): Phase<'lr'>[] {
  const o = sgdrOptions.read(options);
  const fn = sgdrOptions.fn;
  const [start, end] = o.lr;
  const phases: Phase<'lr'>[] = [];
  let total = 0;
  for (let i = 0; i < o.cycles; i++) {
    const exact = o.baseCycleLength * o.cycleMult ** i;
    const steps = Math.round(exact);
    total += steps;
    if (steps < 1 || !Number.isSafeInteger(total)) {
      throw new RangeError(`${fn}: cycle ${i} would have ${exact} steps (baseCycleLength · cycleMult^${i}), which does not round to a positive safe integer, got baseCycleLength ${o.baseCycleLength} and cycleMult ${o.cycleMult}`);
    }
    phases.push(new Phase({ lr: cosinespace(start, end, steps) }));
  }
  return joinTo(fn, phases, total);
}

/**
 * Poutyne's `sgdr_phases`: `cycles` cosines from `lr[0]` to `lr[1]`, each `cycleMult` times
 * longer than the one before (lengths rounded to whole steps).
 * @param options `baseCycleLength` and `cycles` (required), `lr` ([1, 0.1]), `cycleMult` (2).
 * @returns the phases, one a cycle.
 * @throws TypeError or RangeError naming `sgdrPhases`, the option and the value.
 * @example
 * import { OptimizerPolicy, sgdrPhases } from 'rx-policy';
 * const policy = new OptimizerPolicy(sgdrPhases({ baseCycleLength: 4, cycles: 2 }));
 * policy.length; // → 4 + 8
 * [0, 2, 3, 4].map((s) => policy.at(s).lr); // → [1, 0.325, 0.1, 1]
 */
export const sgdrPhases = preset(sgdrOptions, "Poutyne's sgdr_phases: cosine cycles, each cycleMult times longer", sgdr);
