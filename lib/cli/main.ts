#!/usr/bin/env node
// The `rx-policy` command: draws a preset or a JSON policy to SVG, PNG or the terminal.
import { readFile } from 'node:fs/promises';
import { Command, CommanderError } from 'commander';
import { buildPolicy, presets } from '../index.js';
import { plot } from '../plot/plot.js';
import { plotTerminal } from '../plot/terminal.js';

const STEP_OPTIONS = ['steps', 'totalSteps', 'numTrainingSteps'];

async function policyFrom(opts: { preset?: string; config?: string; options?: string; steps?: string }) {
  if ((opts.preset === undefined) === (opts.config === undefined)) throw new Error('give exactly one of --preset NAME or --config FILE.json');
  if (opts.config !== undefined) {
    let text: string;
    try {
      text = await readFile(opts.config, 'utf8');
    } catch (err) {
      throw new Error(`cannot read ${opts.config}: ${(err as Error).message}`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      throw new Error(`${opts.config} is not valid JSON: ${(err as Error).message}`);
    }
    return buildPolicy(json);
  }
  let options: Record<string, unknown> = {};
  if (opts.options !== undefined) {
    try {
      options = JSON.parse(opts.options) as Record<string, unknown>;
    } catch (err) {
      throw new Error(`--options is not valid JSON: ${(err as Error).message}`);
    }
  }
  if (opts.steps !== undefined) {
    const entry = presets[opts.preset!];
    const key = entry?.options.find((o) => STEP_OPTIONS.includes(o));
    if (entry !== undefined && key === undefined) throw new Error(`--steps: preset ${opts.preset} has no steps option; set its length in --options`);
    const steps = Number(opts.steps);
    if (!Number.isSafeInteger(steps) || steps <= 0) throw new Error(`--steps must be a positive integer, got ${opts.steps}`);
    if (key !== undefined) options = { ...options, [key]: steps };
  }
  return buildPolicy({ preset: opts.preset, options });
}

export async function main(argv: readonly string[], out: (s: string) => void = (s) => process.stdout.write(s)): Promise<number> {
  const program = new Command('rx-policy')
    .description('hyper-parameter schedules as RxJS streams: plot presets and JSON policies')
    .exitOverride()
    .configureOutput({ writeOut: out, writeErr: (s) => process.stderr.write(s) });
  program
    .command('plot')
    .description('draw a preset or a JSON policy to SVG, PNG (by --out extension) or the terminal')
    .option('--preset <name>', `a preset: ${Object.keys(presets).join(', ')}`)
    .option('--config <file>', 'a JSON policy: {"preset": NAME, "options": {...}} or {"phases": [...]}')
    .option('--options <json>', 'the preset options as JSON, e.g. \'{"steps": 500}\'')
    .option('--steps <n>', "shorthand for the preset's length option")
    .option('--param <names>', 'parameters to draw, comma-separated', 'lr')
    .option('--out <file>', 'write an .svg or .png file (default: draw in the terminal)')
    .option('--title <text>', 'figure title')
    .action(async (opts: { preset?: string; config?: string; options?: string; steps?: string; param: string; out?: string; title?: string }) => {
      const policy = await policyFrom(opts);
      const params = opts.param.split(',').map((p) => p.trim()).filter(Boolean);
      if (opts.out === undefined) {
        for (const param of params) out(`${plotTerminal(policy, param)}\n`);
      } else {
        await plot(policy, { param: params, out: opts.out, ...(opts.title !== undefined && { title: opts.title }) });
        out(`wrote ${opts.out}\n`);
      }
    });
  program.command('presets').description('list the presets and their options').action(() => {
    for (const [name, entry] of Object.entries(presets)) out(`${name}\n  ${entry.summary}\n  options: ${entry.options.join(', ')}\n`);
  });
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    process.stderr.write(`rx-policy: ${(err as Error).message}\n`);
    return 1;
  }
}

// Run when executed directly (node dist/cli/main.js, npx rx-policy, tsx lib/cli/main.ts).
const invoked = process.argv[1] ?? '';
if (/(?:^|[\\/])(?:main\.[jt]s|rx-policy)$/.test(invoked)) process.exitCode = await main(process.argv.slice(2));
