// Compares rx-policy's TorchGenerator with real PyTorch, seed by seed, bit for bit:
//   /usr/bin/python3 scripts/torch-noise-reference.py 3000 | npx tsx scripts/torch-noise-check.ts
// (Debian's python3-torch; run by hand, not in CI.) Prints the number of values that differ.
import { readFileSync } from 'node:fs';
import { TorchGenerator } from '../lib/internal/torchGenerator.js';

interface Row {
  readonly seed: number;
  readonly [key: string]: number | readonly [number, number];
}

const rows = JSON.parse(readFileSync(0, 'utf8')) as Row[];
const g = new TorchGenerator();

function normal(seed: number, pct: number): [number, number] {
  g.manualSeed(seed);
  for (let draws = 1; ; draws++) {
    const n = g.randnFloat32();
    if (Math.abs(n) < pct) return [n, draws];
  }
}

let compared = 0;
let differ = 0;
for (const row of rows) {
  for (const [key, expected] of Object.entries(row)) {
    if (key === 'seed') continue;
    const [kind, pctText] = key.split('_') as [string, string];
    const pct = Number(pctText);
    let actual: number | [number, number];
    if (kind === 'normal') actual = normal(row.seed, pct);
    else {
      g.manualSeed(row.seed);
      actual = 2 * (g.randFloat32() - 0.5) * pct;
    }
    compared++;
    if (JSON.stringify(actual) !== JSON.stringify(expected)) {
      differ++;
      if (differ <= 10) console.log(`seed ${row.seed} ${key}: torch ${JSON.stringify(expected)}, rx-policy ${JSON.stringify(actual)}`);
    }
  }
}
console.log(`${compared} values compared with PyTorch, ${differ} differ`);
process.exit(differ === 0 ? 0 : 1);
