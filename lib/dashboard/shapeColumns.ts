import { paramExtent } from '../plot/extent.js';
import { OptimizerPolicy } from '../policy.js';
import { bucketWidth, type Columns } from './history.js';
import type { PolicyLike } from './store.js';

/**
 * A policy's planned curve as min/max buckets, each bucket's extremes read from the spaces'
 * shapes (`paramExtent`) rather than from every step: exact, and about a millisecond for a
 * 10^7-step run, where reading every step would hold the event loop for a quarter of a second.
 * `undefined` for a policy of another copy of the library (or any other policy-like object),
 * which the store then samples step by step.
 *
 * @param policy the watched policy.
 * @param columns the most buckets per parameter.
 * @returns the buckets per parameter, as `plannedColumns` lays them out.
 */
export function shapeColumns(policy: PolicyLike, columns: number): Record<string, Columns> | undefined {
  if (!(policy instanceof OptimizerPolicy)) return undefined;
  const length = policy.length;
  const width = bucketWidth(length, columns);
  const used = Math.ceil(length / width);
  const out: Record<string, Columns> = {};
  for (const param of policy.params) {
    const data: (number | null)[] = [];
    for (let c = 0; c < used; c++) {
      const e = paramExtent(policy, param, c * width, Math.min(length, (c + 1) * width));
      if (e === undefined) data.push(null, null, null, null);
      else data.push(e.minAt, e.min, e.maxAt, e.max);
    }
    out[param] = { width, from: 0, data };
  }
  return out;
}
