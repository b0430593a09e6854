// The core imports nothing but rxjs: no charting, CLI or TF.js code is reachable from lib/index.ts
// through static imports (plotting loads through a computed dynamic import, only when used).
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

function staticImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/^[ \t]*(?:import|export)\s[^'";*()]*?from\s+'([^']+)'/gm)].filter((m) => !/^\s*(?:import|export)\s+type\s/.test(m[0])).map((m) => m[1]!);
}

describe('module boundaries', () => {
  it('lib/index.ts reaches only lib files (never lib/plot or lib/cli) and rxjs', () => {
    const seen = new Set<string>();
    const external = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const spec of staticImports(file)) {
        if (spec.startsWith('.')) visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
        else external.add(spec);
      }
    };
    visit(resolve('lib/index.ts'));
    expect([...external]).toEqual(['rxjs']);
    const reached = [...seen].map((f) => f.slice(resolve('lib').length + 1));
    expect(reached.filter((f) => f.startsWith('plot') || f.startsWith('cli'))).toEqual([]);
    expect(reached.length).toBeGreaterThan(20);
  });
});
