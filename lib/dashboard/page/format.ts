// Number formatting for legends, status lines and axes: short, and exact enough to tell two
// learning rates apart.

/** `0.00123`, `1.5e-7`, `12,345`: four significant digits, exponent outside [1e-3, 1e5). */
export function formatValue(v: number | null | undefined): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '–';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e-3 && a < 1e5) return String(Number(v.toPrecision(4)));
  return v.toExponential(2).replace('e+', 'e');
}

/** An integer with thousands separators: `1,234,567`. */
export function formatCount(n: number): string {
  // By hand: toLocaleString builds a formatter per call, too slow for every frame's legends.
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `850 ms`, `12.3 s`, `4 min 05 s`, `2 h 03 min`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(Math.floor(s % 60)).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

/** Axis tick labels: the shortest form that keeps neighbouring ticks distinct. */
export function formatTicks(splits: readonly number[]): string[] {
  const a = Math.max(...splits.map((v) => Math.abs(v)));
  if (a !== 0 && (a < 1e-2 || a >= 1e5)) return splits.map((v) => (v === 0 ? '0' : v.toExponential(1).replace('e+', 'e')));
  return splits.map((v) => String(Number(v.toPrecision(6))));
}

/** Step-axis tick labels, one unit for the whole axis: `0, 2.5k, 5k` or `0, 0.5M, 1M`. */
export function formatSteps(splits: readonly number[]): string[] {
  const a = Math.max(0, ...splits.map((v) => Math.abs(v)));
  if (a >= 1e6) return splits.map((v) => (v === 0 ? '0' : `${Number((v / 1e6).toPrecision(3))}M`));
  if (a >= 1e4) return splits.map((v) => (v === 0 ? '0' : `${Number((v / 1e3).toPrecision(3))}k`));
  return splits.map((v) => String(v));
}
