// Small timing helpers shared by the benchmarks: medians of interleaved rounds, so that two
// variants measured side by side see the same machine state.

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Runs each variant once per round, in turn, and returns each one's median milliseconds. */
export function interleave(rounds: number, variants: Record<string, () => void>): Record<string, number> {
  const times: Record<string, number[]> = {};
  for (const name of Object.keys(variants)) times[name] = [];
  for (let r = 0; r < rounds; r++) {
    for (const [name, run] of Object.entries(variants)) {
      const t0 = performance.now();
      run();
      times[name]!.push(performance.now() - t0);
    }
  }
  const out: Record<string, number> = {};
  for (const [name, list] of Object.entries(times)) out[name] = median(list);
  return out;
}

export function gc(): void {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error('run the benchmarks with node --expose-gc (npm run bench does)');
  collect();
  collect();
}

export function heapUsed(): number {
  gc();
  return process.memoryUsage().heapUsed;
}

export const fmt = (x: number, digits = 2): string => x.toFixed(digits);
