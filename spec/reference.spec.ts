// The generated parts of the documentation (scripts/reference.ts) are up to date with the code's
// declarations, and the sample schedule of docs/schedule-format.md is one the library and the
// command line accept.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPolicy } from '../lib/index.js';
import { fill, PRESETS, presetsPage, SCHEDULE_FORMAT, spaceKeysTable } from '../scripts/reference.js';
import { builtPackage } from './support/dist.js';

const root = join(import.meta.dirname, '..');

describe('generated documentation', () => {
  it(`${PRESETS} matches the presets' declarations and example options (npm run reference), every figure there`, async () => {
    expect(readFileSync(join(root, PRESETS), 'utf8')).toBe(presetsPage());
    const figures = [...presetsPage().matchAll(/\]\((figures\/[^)]+\.svg)\)/g)].map((m) => m[1]!);
    expect(figures.length).toBe(Object.keys((await import('../lib/index.js')).presets).length);
    expect(figures.filter((f) => !existsSync(join(root, 'docs', f)))).toEqual([]);
  });

  it(`${SCHEDULE_FORMAT}: the space types table matches the spaces' declarations (npm run reference)`, () => {
    const text = readFileSync(join(root, SCHEDULE_FORMAT), 'utf8');
    expect(text).toBe(fill(text, 'space-keys', spaceKeysTable()));
    expect(spaceKeysTable()).toMatch(/\| `linspace` \| `start`, `end`, `steps` \|/);
  });
});

describe("README's presets table", () => {
  it('names every preset of the registry, by library', async () => {
    const { presets } = await import('../lib/index.js');
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Presets by library'), readme.indexOf('\n## ', readme.indexOf('## Presets by library') + 1));
    const listed = new Set<string>();
    for (const row of section.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Library'))) {
      const names = [...row.matchAll(/`([\w.]+)`/g)].map((m) => m[1]!);
      const family = names[0]?.includes('.') ? names[0].split('.')[0] : undefined;
      for (const n of names) listed.add(family !== undefined && !n.includes('.') ? `${family}.${n}` : n);
    }
    const poutyne: Record<string, string> = { oneCycle: 'oneCyclePhases', sgdr: 'sgdrPhases' };
    expect(Object.keys(presets).filter((name) => !listed.has(poutyne[name] ?? name))).toEqual([]);
  });
});

describe('docs/schedule.json', () => {
  const json = JSON.parse(readFileSync(join(root, 'docs', 'schedule.json'), 'utf8')) as unknown;

  it('builds: a 100-step warmup to 0.1, then a cosine decay, momentum held then rising', () => {
    const policy = buildPolicy(json);
    expect(policy.length).toBe(1000);
    expect(policy.at(0)).toEqual({ lr: 0, momentum: 0.9 });
    expect(policy.at(100)).toEqual({ lr: 0.1, momentum: 0.9 });
    expect(policy.at(999)).toEqual({ lr: 0.001, momentum: 0.95 });
    expect(JSON.parse(JSON.stringify(policy))).toEqual(JSON.parse(JSON.stringify(buildPolicy(JSON.parse(JSON.stringify(policy))))));
  });

  it('is accepted by the built rx-policy command', async () => {
    const pkg = await builtPackage();
    const out = execFileSync(process.execPath, [join(pkg, 'dist', 'cli', 'main.js'), 'plot', '--config', join(root, 'docs', 'schedule.json'), '--param', 'lr,momentum'], { encoding: 'utf8' });
    expect(out).toMatch(/lr over 1000 steps/);
    expect(out).toMatch(/momentum over 1000 steps/);
  }, 180_000);
});
