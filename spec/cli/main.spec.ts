import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../lib/cli/main.js';

const dir = mkdtempSync(join(tmpdir(), 'rx-policy-cli-'));

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  try {
    const code = await main(argv, (s) => (out += s));
    return { code, out, err };
  } finally {
    spy.mockRestore();
  }
}

describe('rx-policy CLI', () => {
  it('--help lists the commands', async () => {
    const { code, out } = await run('--help');
    expect(code).toBe(0);
    expect(out).toMatch(/plot/);
    expect(out).toMatch(/presets/);
  });

  it('plots a preset in the terminal, with --steps as the preset\'s length option', async () => {
    const { code, out } = await run('plot', '--preset', 'oneCycle', '--steps', '300', '--param', 'lr,momentum');
    expect(code).toBe(0);
    expect(out).toContain('lr over 300 steps');
    expect(out).toContain('momentum over 300 steps');
  });

  it('writes SVG and PNG from a JSON policy file', async () => {
    const config = join(dir, 'policy.json');
    writeFileSync(config, JSON.stringify({ preset: 'pytorch.oneCycleLR', options: { maxLr: 1, totalSteps: 100 } }));
    expect((await run('plot', '--config', config, '--out', join(dir, 'a.svg'))).code).toBe(0);
    expect(readFileSync(join(dir, 'a.svg'), 'utf8')).toContain('<svg');
    expect((await run('plot', '--config', config, '--out', join(dir, 'a.png'))).code).toBe(0);
    expect(readFileSync(join(dir, 'a.png')).subarray(1, 4).toString()).toBe('PNG');
  });

  it('bad input: a clear message and a non-zero exit, no file written', async () => {
    const unknown = await run('plot', '--preset', 'triangle');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/unknown preset "triangle"; accepted: oneCycle, sgdr/);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ "preset": ');
    const malformed = await run('plot', '--config', bad, '--out', join(dir, 'bad.svg'));
    expect(malformed.code).toBe(1);
    expect(malformed.err).toMatch(/bad.json is not valid JSON/);
    expect(existsSync(join(dir, 'bad.svg'))).toBe(false);
    expect((await run('plot')).err).toMatch(/give exactly one of --preset NAME or --config FILE.json/);
    expect((await run('plot', '--preset', 'oneCycle', '--steps', 'ten')).err).toMatch(/--steps must be a positive integer, got ten/);
    expect((await run('plot', '--preset', 'oneCycle', '--steps', '10', '--param', 'beta1')).err).toMatch(/no parameter "beta1"/);
  });
});
