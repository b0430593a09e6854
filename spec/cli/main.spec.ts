import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { commands, main } from '../../lib/cli/main.js';

const dir = mkdtempSync(join(tmpdir(), 'rx-policy-cli-'));

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, (s) => (out += s), (s) => (err += s));
  return { code, out, err };
}

describe('rx-policy CLI', () => {
  it('--help lists the commands from the command table; --version prints the package version', async () => {
    const { code, out } = await run('--help');
    expect(code).toBe(0);
    for (const c of commands) expect(out).toContain(`${c.name}  `);
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(await run('--version')).toEqual({ code: 0, out: `${pkg.version}\n`, err: '' });
    expect((await run('plot', '--help')).out).toMatch(/usage: rx-policy plot/);
    const unknown = await run('plto');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/unknown command "plto" \(did you mean plot\?\)/);
    expect(await run('--verison')).toEqual({ code: 2, out: '', err: 'rx-policy: unknown option --verison (did you mean --version?); options: --help, --version; commands: plot, presets, compare, dashboard\n' });
    expect((await run('--nope')).err).toBe('rx-policy: unknown option --nope; options: --help, --version; commands: plot, presets, compare, dashboard\n');
  });

  it("plots a preset in the terminal, with --steps as the preset's length option", async () => {
    const { code, out } = await run('plot', '--preset', 'oneCycle', '--steps', '300', '--param', 'lr,momentum');
    expect(code).toBe(0);
    expect(out).toContain('lr over 300 steps');
    expect(out).toContain('momentum over 300 steps');
  });

  it('writes SVG and PNG from a JSON policy file, with or without a UTF-8 BOM', async () => {
    const config = join(dir, 'policy.json');
    writeFileSync(config, `\uFEFF${JSON.stringify({ preset: 'pytorch.oneCycleLR', options: { maxLr: 1, totalSteps: 100 } })}`);
    expect(await run('plot', '--config', config, '--out', join(dir, 'a.svg'))).toMatchObject({ code: 0, err: '' });
    expect(readFileSync(join(dir, 'a.svg'), 'utf8')).toContain('<svg');
    expect((await run('plot', '--config', config, '--out', join(dir, 'a.png'))).code).toBe(0);
    expect(readFileSync(join(dir, 'a.png')).subarray(1, 4).toString()).toBe('PNG');
  });

  it('lists the presets with their options: type, default, required', async () => {
    const { code, out } = await run('presets');
    expect(code).toBe(0);
    expect(out).toContain('pytorch.stepLR\n  PyTorch StepLR');
    expect(out).toContain('    baseLr: a finite number; required.');
    expect(out).toContain('    gamma: a finite number > 0; default 0.1.');
    const one = await run('presets', 'pytorch.cyclicLR');
    expect(one.out).toMatch(/^pytorch.cyclicLR\n/);
    expect(one.out).toContain("mode: one of 'triangular', 'triangular2', 'exp_range'; default \"triangular\".");
    expect(one.out).not.toContain('pytorch.stepLR');
    const typo = await run('presets', 'pytorch.stepLr');
    expect(typo.code).toBe(1);
    expect(typo.err).toMatch(/^rx-policy presets: unknown preset "pytorch.stepLr" \(did you mean "pytorch.stepLR"\?\); accepted: oneCycle, /);
  });

  it('numbers are plain decimal digits: 1e3, 0x10, " 7 ", 7.0 and ten are refused', async () => {
    for (const bad of ['1e3', '0x10', ' 7 ', '7.0', 'ten', '', '-5', '0', '+7', '9007199254740993']) {
      const r = await run('plot', '--preset', 'oneCycle', `--steps=${bad}`);
      expect(r.code, bad).toBe(1);
      expect(r.err).toBe(`rx-policy plot: --steps must be a positive integer in plain decimal digits (e.g. 500), got ${JSON.stringify(bad)}\n`);
    }
  });

  it('conflicting, repeated and unknown arguments are errors, not ignored', async () => {
    const config = join(dir, 'c.json');
    writeFileSync(config, JSON.stringify({ preset: 'oneCycle', options: { steps: 10 } }));
    expect((await run('plot', '--config', config, '--steps', '50')).err).toMatch(/--steps applies to --preset, not --config/);
    expect((await run('plot', '--config', config, '--options', '{}')).err).toMatch(/--options applies to --preset, not --config/);
    expect((await run('plot', '--config', config, '--preset', 'oneCycle')).err).toMatch(/give exactly one of --preset NAME or --config FILE.json/);
    expect((await run('plot')).err).toMatch(/give exactly one of --preset NAME or --config FILE.json/);
    expect((await run('plot', '--preset', 'oneCycle', '--steps', '10', '--steps', '20')).err).toMatch(/--steps given 2 times; give it once/);
    expect((await run('plot', '--preset', 'oneCycle', '--steps', '10', '--options', '{"steps": 20}')).err).toMatch(/--steps and --options both set steps/);
    expect((await run('plot', '--preset', 'oneCycle', '--stpes', '10')).err).toMatch(/plot: unknown option --stpes \(did you mean --steps\?\)/);
    expect((await run('plot', '--preset')).err).toMatch(/plot: --preset needs a value/);
    expect((await run('plot', 'oneCycle')).err).toMatch(/plot: unexpected argument/);
  });

  it('bad input is a clear message and exit 1, with nothing drawn or written', async () => {
    const out = join(dir, 'never.svg');
    const cases: [string[], RegExp][] = [
      [['--preset', 'triangle'], /unknown preset "triangle"; accepted: oneCycle, sgdr/],
      [['--preset', 'constructor'], /unknown preset "constructor"; accepted:/],
      [['--preset', '__proto__'], /unknown preset "__proto__"; accepted:/],
      [['--preset', 'toString'], /unknown preset "toString"; accepted:/],
      [['--preset', 'oneCycle', '--options', '[1,2]'], /--options must be a JSON object of preset options/],
      [['--preset', 'oneCycle', '--options', '{"steps": '], /--options is not valid JSON/],
      [['--preset', 'oneCycle', '--options', '{"step": 10}'], /oneCyclePhases: unknown option "step" \(did you mean "steps"\?\)/],
      [['--preset', 'oneCycle', '--steps', '10', '--param', 'lr,foo'], /no parameter "foo"; the policy has: lr, momentum/],
      [['--preset', 'oneCycle', '--steps', '10', '--param', 'lr,'], /--param must be parameter names separated by commas/],
      [['--preset', 'oneCycle', '--steps', '10', '--out', join(dir, 'x.txt')], /--out must end in .svg or .png/],
      [['--preset', 'oneCycle', '--steps', '10', '--title', 'T'], /--title applies to --out files/],
      [['--preset', 'huggingface.linear', '--steps', '10', '--options', '{"lr": 1, "numWarmupSteps": 20}'], /huggingface.linear: numWarmupSteps must not exceed numTrainingSteps \(10\), got 20/],
    ];
    for (const [args, message] of cases) {
      const r = await run('plot', ...args, ...(args.includes('--out') ? [] : ['--out', out]).filter(() => !args.includes('--title')));
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.err).toMatch(message);
      expect(r.out).toBe('');
      expect(existsSync(out)).toBe(false);
    }
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ "preset": ');
    const malformed = await run('plot', '--config', bad, '--out', out);
    expect(malformed.err).toMatch(/bad.json is not valid JSON/);
    expect((await run('plot', '--config', join(dir, 'missing.json'))).err).toMatch(/cannot read .*missing.json: no such file/);
    expect(existsSync(out)).toBe(false);
    // A terminal chart of lr is not drawn before a bad second parameter is found.
    const partial = await run('plot', '--preset', 'oneCycle', '--steps', '10', '--param', 'lr,foo');
    expect(partial.out).toBe('');
  });

  it('stops quietly when its reader closes the pipe (rx-policy presets | head -1)', async () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const child = spawn(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'lib', 'cli', 'main.ts'), 'presets'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy(); // the reader is gone before the first line is written
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(err).toBe('');
    expect(code).toBe(0);
  }, 30_000);

  it('a file that cannot be written is named as the user gave it, never by a temporary name', async () => {
    const target = join(dir, 'no-such-dir', 'a.svg');
    const r = await run('plot', '--preset', 'oneCycle', '--steps', '10', '--out', target);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`rx-policy plot: cannot write ${target} (ENOENT)\n`);
    expect(r.err).not.toMatch(/\.tmp/);
  });
});

describe('rx-policy CLI without the optional charting packages', () => {
  it('plot --out names the package to install, not a file error', async () => {
    // The plotting module as it is when vega-lite is not installed: its loader meets Node's error.
    const actual = await vi.importActual<typeof import('../../lib/plot/plot.js')>('../../lib/plot/plot.js');
    const notFound = Object.assign(new Error("Cannot find package 'vega-lite' imported from dist/plot/plot.js"), { code: 'ERR_MODULE_NOT_FOUND' });
    vi.resetModules();
    vi.doMock('../../lib/plot/plot.js', () => ({ ...actual, plot: () => actual.load('vega-lite', () => Promise.reject(notFound)) }));
    try {
      const { main: fresh } = await import('../../lib/cli/main.js');
      let err = '';
      const target = join(dir, 'no-vega.svg');
      const code = await fresh(['plot', '--preset', 'oneCycle', '--steps', '10', '--out', target], () => undefined, (s) => (err += s));
      expect(code).toBe(1);
      expect(err).toBe('rx-policy plot: rx-policy plotting needs the optional package vega-lite: npm install vega-lite\n');
      expect(existsSync(target)).toBe(false);
    } finally {
      vi.doUnmock('../../lib/plot/plot.js');
      vi.resetModules();
    }
  });
});
