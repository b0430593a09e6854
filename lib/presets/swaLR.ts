import { count, finite, knownKeys, plainObject, show } from '../internal/validate.js';
import { Phase } from '../phase.js';
import { constant } from '../spaces/constant.js';
import { cosinespace } from '../spaces/cosinespace.js';
import { linspace } from '../spaces/linspace.js';

/** Options of `pytorch.swaLR`, with `torch.optim.swa_utils.SWALR`'s defaults. */
export interface SwaLROptions {
  /** The optimizer's rate when SWA starts (PyTorch reads it from the param group). */
  readonly baseLr: number;
  /** The rate annealed to, then held. */
  readonly swaLr: number;
  /** Steps of the anneal; default 10. 0 holds `swaLr` from the first step. */
  readonly annealEpochs?: number;
  /** `'cos'` (default) or `'linear'`. */
  readonly annealStrategy?: 'cos' | 'linear';
  readonly steps: number;
}

/**
 * PyTorch `SWALR` (`torch/optim/swa_utils.py` in pytorch/pytorch): from `baseLr` to `swaLr` over `annealEpochs` steps, by cosine or linearly, then
 * `swaLr`: at step `k`, with `t = min(k / annealEpochs, 1)` and `α` the anneal of `t`,
 * `lr = swaLr·α + baseLr·(1 − α)`. PyTorch recovers `baseLr` from the previous step's rate each
 * time, so its values agree with this closed form to rounding (1e-15 relative).
 *
 * @param options `baseLr`, `swaLr`, `annealEpochs`, `annealStrategy`, `steps`.
 * @returns the anneal phase and the hold phase (either may be absent).
 * @throws TypeError or RangeError naming the option, as PyTorch's checks.
 * @example
 * import { OptimizerPolicy, pytorch } from 'rx-policy';
 * const policy = new OptimizerPolicy(pytorch.swaLR({ baseLr: 0.1, swaLr: 0.05, annealEpochs: 4, steps: 10 }));
 * policy.at(2).lr; // 0.075 (halfway by cosine)
 */
export function swaLR(given: SwaLROptions): Phase<'lr'>[] {
  const fn = 'pytorch.swaLR';
  plainObject(fn, 'options', given);
  knownKeys(fn, 'option', given as unknown as Record<string, unknown>, ['baseLr', 'swaLr', 'annealEpochs', 'annealStrategy', 'steps']);
  const base = finite(fn, 'baseLr', given.baseLr);
  const swa = finite(fn, 'swaLr', given.swaLr);
  const anneal = given.annealEpochs ?? 10;
  if (!Number.isSafeInteger(anneal) || anneal < 0) throw new RangeError(`${fn}: annealEpochs must be equal or greater than 0, got ${show(anneal)}`);
  const strategy = given.annealStrategy ?? 'cos';
  if (strategy !== 'cos' && strategy !== 'linear') throw new TypeError(`${fn}: annealStrategy must be one of 'cos' or 'linear', instead got ${show(strategy)}`);
  const steps = count(fn, 'steps', given.steps);
  const ramp = Math.min(anneal, steps);
  const phases: Phase<'lr'>[] = [];
  if (ramp > 0) phases.push(new Phase({ lr: (strategy === 'cos' ? cosinespace : linspace)(base, swa, ramp, { span: anneal }) }));
  if (steps > ramp || phases.length === 0) phases.push(new Phase({ lr: constant(swa, steps - ramp) }));
  return phases;
}
