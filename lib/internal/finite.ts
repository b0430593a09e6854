// The one check that no schedule emits NaN or ±Infinity, shared by the spaces (each factory checks
// what it builds) and by the presets' join (which names the preset, the parameter and the step).

/**
 * The first index whose value is not finite, for curves whose bad values (an overflow, a power of
 * a negative base past their span) come as a suffix: both ends are checked and, when the last is
 * bad, the first bad index is found by bisection. `undefined` when both ends are finite.
 */
export function firstNonFinite(at: (i: number) => number, length: number): number | undefined {
  if (length === 0) return undefined;
  if (length === Infinity) return Number.isFinite(at(0)) ? undefined : 0;
  if (!Number.isFinite(at(0))) return 0;
  if (Number.isFinite(at(length - 1))) return undefined;
  let lo = 0; // finite
  let hi = length - 1; // not finite
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (Number.isFinite(at(mid))) lo = mid;
    else hi = mid;
  }
  return hi;
}

let deferred = 0;

/**
 * Runs `build` with the spaces' own finite checks deferred to the caller, which makes the same
 * check on the whole schedule in the name of its public function (a preset), so the error names
 * `pytorch.exponentialLR` and the global step rather than the `expspace` inside it.
 */
export function deferFiniteChecks<T>(build: () => T): T {
  deferred++;
  try {
    return build();
  } finally {
    deferred--;
  }
}

/** Whether a space should check its own values now (not inside `deferFiniteChecks`). */
export function checksFinite(): boolean {
  return deferred === 0;
}
