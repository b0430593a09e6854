import { joinTo, part } from '../compose.js';
import { declare, integer, number, oneOf, type OptionsOf } from '../internal/options.js';
import { Phase } from '../phase.js';
import { cosinespace } from '../spaces/cosinespace.js';
import { linspace } from '../spaces/linspace.js';
import { preset, steps } from './preset.js';

const swaLROptions = declare('pytorch.swaLR', {
  baseLr: number({ doc: "The optimizer's rate when SWA starts (PyTorch reads it from the param group).", required: true }),
  swaLr: number({ doc: 'The rate annealed to, then held.', required: true }),
  annealEpochs: integer({ doc: 'Steps of the anneal; 0 holds swaLr from the first step.', default: 10, min: 0 }),
  annealStrategy: oneOf(['cos', 'linear'], { doc: 'The anneal curve.', default: 'cos' }),
  steps: steps(),
});

/** Options of `pytorch.swaLR`, with `SWALR`'s defaults. */
export type SwaLROptions = OptionsOf<typeof swaLROptions.shape>;

/**
 * PyTorch `SWALR` (`torch/optim/swa_utils.py` in pytorch/pytorch): from `baseLr` to `swaLr` over
 * `annealEpochs` steps, by cosine or linearly, then `swaLr`: at step `k`, with
 * `t = min(k / annealEpochs, 1)` and `α` the anneal of `t`, `lr = swaLr·α + baseLr·(1 − α)`.
 * PyTorch recovers `baseLr` from the previous step's rate each time, so its values agree with
 * this closed form to rounding (1e-15 relative).
 *
 * @param given `baseLr`, `swaLr`, `annealEpochs` (10), `annealStrategy` ('cos'), `steps`.
 * @returns the anneal and the hold, `steps` steps in all.
 * @throws TypeError or RangeError naming the option.
 * @example
 * import { OptimizerPolicy, pytorch } from 'rx-policy';
 * const policy = new OptimizerPolicy(pytorch.swaLR({ baseLr: 0.1, swaLr: 0.05, annealEpochs: 4, steps: 10 }));
 * // step 2 of 4: halfway by cosine
 * policy.at(2).lr; // → 0.075
 */
function swaLR(given: SwaLROptions): Phase<'lr'>[] {
  const o = swaLROptions.read(given);
  const E = o.annealEpochs;
  const curve = o.annealStrategy === 'cos' ? cosinespace : linspace;
  // Steps 0…E−1 anneal; from E on (or at once with E = 0) the rate is swaLr, held.
  const hold = part(1, () => new Phase({ lr: linspace(o.swaLr, o.swaLr, 1) }));
  const parts = E > 0 ? [part(E, (n) => new Phase({ lr: curve(o.baseLr, o.swaLr, n, { span: E }) })), hold] : [hold];
  return joinTo(swaLROptions.fn, parts, o.steps);
}

/** `pytorch.swaLR`, with its declaration (for the registry and the CLI). */
const swaLRPreset = preset(swaLROptions, 'PyTorch SWALR: anneal to swaLr over annealEpochs (cos or linear), then hold', swaLR);
export { swaLRPreset as swaLR };
