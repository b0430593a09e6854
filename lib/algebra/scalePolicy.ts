import { declare, names } from '../internal/options.js';
import { show } from '../internal/validate.js';
import { Phase } from '../phase.js';
import { OptimizerPolicy } from '../policy.js';
import { Space } from '../space.js';
import { product } from '../spaces/product.js';
import { slice } from '../spaces/slice.js';

/** A schedule of one parameter: a space, or a policy (or its phases) with a single parameter. */
export type Factor = Space | OptimizerPolicy | readonly Phase[];

const scaleOptions = declare('scalePolicy', {
  params: names({ doc: "The parameters to scale, each one of the policy's.", default: Object.freeze(['lr']), minLength: 1 }),
});

/** Options of `scalePolicy`: `params`, the parameters to scale (default `['lr']`), typed by the policy's names. */
export interface ScaleOptions<K extends string = string> {
  /** The parameters to scale; default `['lr']`. Each must be one of the policy's. */
  readonly params?: readonly K[];
}

/** A factor as segments `[start, end)` with the space that covers each. */
function segmentsOf(factor: Factor, length: number): { start: number; space: Space }[] {
  const fn = 'scalePolicy';
  if (factor instanceof Space) {
    if (!factor.unbounded && factor.length !== length) throw new RangeError(`${fn}: factor must have the policy's ${length} steps, got ${factor.length}`);
    return [{ start: 0, space: factor }];
  }
  const policy = factor instanceof OptimizerPolicy ? factor : Array.isArray(factor) ? new OptimizerPolicy(factor as Phase[]) : undefined;
  if (policy === undefined) throw new TypeError(`${fn}: factor must be a space, an OptimizerPolicy or an array of phases, got ${show(factor)}`);
  if (policy.params.length !== 1) throw new TypeError(`${fn}: a factor policy must have exactly one parameter, got ${policy.params.join(', ')}`);
  if (policy.length !== length) throw new RangeError(`${fn}: factor must have the policy's ${length} steps, got ${policy.length}`);
  const name = policy.params[0]!;
  const starts = policy.phaseStarts;
  return policy.phases.map((phase, p) => ({ start: starts[p]!, space: phase.spaces[name]! })).filter((_, p) => policy.phases[p]!.length > 0);
}

/**
 * A policy whose parameters `params` are multiplied, step by step, by another schedule: a warmup
 * factor over a whole run, a policy × a policy (PyTorch's `ChainedScheduler` of multiplicative
 * schedulers on one optimizer), a global scale that itself follows a curve.
 *
 * The result is a plain `OptimizerPolicy` whose phases are cut at the boundaries of both
 * schedules, each holding `product(slice(space), slice(factor))`: so `at` stays O(log phases)
 * (phases: both counts added), `initialStep`/`seek` resume it in O(log phases), and it has a JSON
 * form (and `restorePolicy` rebuilds it) whenever every part has one.
 *
 * @param policy the policy to scale.
 * @param factor a space of the policy's length (or an unbounded constant), or a one-parameter
 *   policy (or phases) of that length.
 * @param options `params`: which parameters to scale (default `['lr']`).
 * @returns a new policy; `policy` is left as it is.
 * @throws TypeError for a bad factor or an unknown parameter, RangeError for unequal lengths.
 * @example
 * import { scalePolicy, OptimizerPolicy, Phase, linspace, cosinespace, constant } from 'rx-policy';
 * const cosine = new OptimizerPolicy([new Phase({ lr: cosinespace(1, 0, 100), momentum: 0.9 })]);
 * const warmup = [new Phase({ lr: linspace(0.1, 1, 10) }), new Phase({ lr: constant(1, 90) })];
 * const policy = scalePolicy(cosine, warmup);    // lr = warmup × cosine; momentum untouched
 * policy.at(0); // → { lr: 0.1, momentum: 0.9 }
 * policy.at(50); // → { lr: 0.492067018083, momentum: 0.9 }
 */
export function scalePolicy<P extends Phase>(policy: OptimizerPolicy<P>, factor: Factor, options: ScaleOptions<P['names'][number]> = {}): OptimizerPolicy<P> {
  const fn = 'scalePolicy';
  if (!(policy instanceof OptimizerPolicy)) throw new TypeError(`${fn}: policy must be an OptimizerPolicy, got ${show(policy)}`);
  const { params } = scaleOptions.read(options);
  for (const name of params) {
    if (!policy.params.includes(name)) throw new TypeError(`${fn}: the policy has no parameter ${show(name)}; it has: ${policy.params.join(', ')}`);
  }
  const segments = segmentsOf(factor, policy.length);
  const starts = policy.phaseStarts;
  // Every boundary of either schedule, in order: each new phase lies inside one phase of each.
  const cuts = [...new Set([...starts, ...segments.map((s) => s.start), policy.length])].sort((a, b) => a - b);
  const phases: Phase[] = [];
  let q = 0;
  for (let c = 0; c + 1 < cuts.length; c++) {
    const from = cuts[c]!;
    const to = cuts[c + 1]!;
    if (to <= from) continue;
    const p = policy.phaseIndexAt(from);
    const phase = policy.phases[p]!;
    while (q + 1 < segments.length && segments[q + 1]!.start <= from) q++;
    const segment = segments[q]!;
    const local = from - starts[p]!;
    const whole = local === 0 && to - from === phase.length;
    const spaces: Record<string, Space> = {};
    for (const name of phase.names) {
      const space = phase.spaces[name]!;
      const part = whole || space.unbounded ? space : slice(space, local, local + to - from);
      if (!params.includes(name)) {
        spaces[name] = part;
        continue;
      }
      const f = segment.space;
      const fpart = f.unbounded ? f : slice(f, from - segment.start, to - segment.start);
      spaces[name] = product(part, fpart);
    }
    phases.push(new Phase(spaces));
  }
  if (phases.length === 0) return new OptimizerPolicy(policy.phases);
  return new OptimizerPolicy(phases as P[]);
}
