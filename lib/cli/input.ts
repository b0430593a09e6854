// Reading a schedule from the command line: a preset with options, or a JSON config file. Shared
// by every command that draws or compares schedules; all input is checked here, before any output.
import { readFile } from 'node:fs/promises';
import { buildPolicy, presets } from '../config.js';
import { didYouMean } from '../internal/validate.js';
import type { OptimizerPolicy } from '../policy.js';
import { CliError, decimal } from './command.js';

/** The options of the commands that read a schedule. */
export const scheduleOptions = {
  preset: { type: 'string' },
  config: { type: 'string' },
  options: { type: 'string' },
  steps: { type: 'string' },
} as const;

/** The preset options that `--steps` sets, by preference. */
const STEP_OPTIONS = ['steps', 'totalSteps', 'numTrainingSteps'];

/** The text of a file, without a UTF-8 byte-order mark (editors on Windows write one). */
export async function readText(command: string, file: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as { code?: string }).code;
    throw new CliError(`${command}: cannot read ${file}${code === 'ENOENT' ? ': no such file' : code === 'EISDIR' ? ': it is a directory' : code !== undefined ? ` (${code})` : ''}`);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function json(command: string, what: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new CliError(`${command}: ${what} is not valid JSON: ${(err as Error).message}`);
  }
}

/**
 * The policy the arguments describe: exactly one of `--preset NAME` (with `--options JSON` and
 * `--steps N`) or `--config FILE.json`; conflicting arguments are errors, not ignored.
 */
export async function policyFrom(command: string, o: { preset?: string; config?: string; options?: string; steps?: string }): Promise<OptimizerPolicy> {
  if ((o.preset === undefined) === (o.config === undefined)) throw new CliError(`${command}: give exactly one of --preset NAME or --config FILE.json`);
  if (o.config !== undefined) {
    for (const flag of ['options', 'steps'] as const) {
      if (o[flag] !== undefined) throw new CliError(`${command}: --${flag} applies to --preset, not --config (set it inside ${o.config})`);
    }
    return build(command, json(command, o.config, await readText(command, o.config)));
  }
  const name = o.preset!;
  const entry = Object.hasOwn(presets, name) ? presets[name] : undefined;
  if (entry === undefined) throw new CliError(`${command}: unknown preset ${JSON.stringify(name)}${didYouMean(name, Object.keys(presets))}; accepted: ${Object.keys(presets).join(', ')}`);
  let options: Record<string, unknown> = {};
  if (o.options !== undefined) {
    const parsed = json(command, '--options', o.options);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new CliError(`${command}: --options must be a JSON object of preset options such as '{"steps": 500}', got ${o.options.slice(0, 100)}`);
    options = parsed as Record<string, unknown>;
  }
  if (o.steps !== undefined) {
    const key = entry.options.find((option) => STEP_OPTIONS.includes(option));
    if (key === undefined) throw new CliError(`${command}: --steps: preset ${name} has no steps option; set its length in --options`);
    const steps = decimal(command, '--steps', o.steps, 'positive integer');
    if (options[key] !== undefined) throw new CliError(`${command}: --steps and --options both set ${key}; give it once`);
    options = { ...options, [key]: steps };
  }
  return build(command, { preset: name, options });
}

function build(command: string, config: unknown): OptimizerPolicy {
  try {
    return buildPolicy(config);
  } catch (err) {
    if (err instanceof TypeError || err instanceof RangeError) throw new CliError(`${command}: ${err.message}`);
    throw err;
  }
}
