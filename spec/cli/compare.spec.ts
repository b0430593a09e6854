import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareCommand } from '../../lib/cli/compare.js';

function run(argv: string[]) {
  let out = '';
  let err = '';
  const done = compareCommand.run(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return done.then((code) => ({ code, out, err }));
}

const OPTIONS = ['--options', '{"steps": 1000, "peak": 0.1, "warmup": 0.25}'];

describe('rx-policy compare', () => {
  it('overlays the presets in the terminal and prints the translation and the differences', async () => {
    const { code, out } = await run(['pytorch.oneCycleLR', 'fastai.fitOneCycle', 'optax.cosineOnecycle', ...OPTIONS]);
    expect(code).toBe(0);
    expect(out).toContain('* pytorch.oneCycleLR   o fastai.fitOneCycle   + optax.cosineOnecycle');
    expect(out).toContain('    maxLr = peak = 0.1');
    expect(out).toContain('first step that differs: 1 ');
    expect(out).toMatch(/largest difference: [\d.e-]+ at step \d+/);
    expect(out).toMatch(/final values: pytorch\.oneCycleLR 4e-7/);
  });

  it('writes the overlay as SVG with a legend of the presets', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rxp-compare-'));
    const file = join(dir, 'compare.svg');
    const { code, out } = await run(['pytorch.oneCycleLR', 'fastai.fitOneCycle', ...OPTIONS, '--out', file]);
    expect(code).toBe(0);
    expect(out).toContain(`wrote ${file}`);
    const svg = readFileSync(file, 'utf8');
    expect(svg).toContain('pytorch.oneCycleLR');
    expect(svg).toContain('fastai.fitOneCycle');
  });

  it('writes the overlay as PNG', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'rxp-compare-')), 'compare.png');
    const { code } = await run(['optax.warmupCosineDecay', 'huggingface.cosine', '--options', '{"steps": 200, "peak": 1, "warmup": 0.1}', '--out', file]);
    expect(code).toBe(0);
    expect([...readFileSync(file).subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
  });

  it('a file that cannot be written is named as the user gave it, never by a temporary name', async () => {
    const target = join(mkdtempSync(join(tmpdir(), 'rxp-compare-')), 'no-such-dir', 'compare.svg');
    const failure = run(['pytorch.oneCycleLR', 'fastai.fitOneCycle', ...OPTIONS, '--out', target]);
    await expect(failure).rejects.toThrow(`compare: cannot write ${target} (ENOENT)`);
    await expect(failure).rejects.not.toThrow(/\.tmp/);
    expect(existsSync(target)).toBe(false);
  });

  it('bad input: an error before anything is drawn or written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rxp-compare-'));
    await expect(run(['pytorch.oneCycleLR', 'pytorch.oneCycleLR', ...OPTIONS])).rejects.toThrow('compare: preset "pytorch.oneCycleLR" is given twice');
    await expect(run(['pytorch.oneCycleLR', 'nope.schedule', ...OPTIONS])).rejects.toThrow('compare: unknown preset "nope.schedule"');
    await expect(run(['pytorch.oneCycleLR', 'fastai.fitOneCycle'])).rejects.toThrow('--options is required');
    await expect(run(['pytorch.oneCycleLR', 'fastai.fitOneCycle', '--options', '{steps: 1}'])).rejects.toThrow('--options is not valid JSON');
    await expect(run(['pytorch.oneCycleLR', 'fastai.fitOneCycle', ...OPTIONS, '--out', join(dir, 'x.pdf')])).rejects.toThrow('--out must end in .svg or .png, got');
    await expect(run(['pytorch.oneCycleLR', 'fastai.fitOneCycle', ...OPTIONS, '--colour'])).rejects.toThrow('compare: unknown option --colour');
    expect(existsSync(join(dir, 'x.pdf'))).toBe(false);
  });
});

describe('rx-policy compare through the CLI', () => {
  it('is in the command table: listed by --help, run by main, errors on one line', async () => {
    const { main } = await import('../../lib/cli/main.js');
    let out = '';
    let err = '';
    expect(await main(['--help'], (s) => (out += s), (s) => (err += s))).toBe(0);
    expect(out).toMatch(/compare\s+overlay presets of different libraries/);
    expect(await main(['compare', 'pytorch.oneCycleLR', 'pytorch.oneCycleLR', ...OPTIONS], (s) => (out += s), (s) => (err += s))).toBe(1);
    expect(err).toBe('rx-policy compare: preset "pytorch.oneCycleLR" is given twice; compare different presets\n');
  });
});
