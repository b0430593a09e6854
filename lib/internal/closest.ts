// The did-you-mean of every "unknown option" error (and of the CLI's unknown commands and flags):
// the accepted name a misspelt one was most likely meant to be.

/** The accepted name nearest to `key`, if any is near enough to be what was meant. */
export function closest(key: string, accepted: readonly string[]): string | undefined {
  // Spelling apart: snake_case and case differences cost nothing.
  const fold = (s: string) => s.replace(/[_-]/g, '').toLowerCase();
  const folded = fold(key.slice(0, 200));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of accepted) {
    const d = editDistance(folded, fold(name));
    if (d < bestDistance) {
      bestDistance = d;
      best = name;
    }
  }
  // Near enough: a third of the shorter name may differ (at least one edit), never all of it.
  const shorter = best === undefined ? 0 : Math.min(folded.length, best.length);
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(shorter / 3)) && bestDistance < shorter ? best : undefined;
}

/** Levenshtein distance, with an adjacent swap counting as one edit; the table kept three rows at a time. */
function editDistance(a: string, b: string): number {
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      // Past the strings' starts both sides are undefined and a character never equals it.
      if (a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      row.push(d);
    }
    before = prev;
    prev = row;
  }
  return prev[b.length]!;
}
