// What a subcommand of the `rx-policy` CLI is, and the argument parsing they share. A new
// subcommand is one file exporting a `Command`, listed once in main.ts's table.
import { parseArgs } from 'node:util';
import { closest } from '../internal/closest.js';

/** Where a command writes: standard output and standard error, replaceable in tests. */
export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

/** One subcommand: `rx-policy <name> …`. */
export interface Command {
  readonly name: string;
  /** One line for `rx-policy --help`. */
  readonly summary: string;
  /** The command's own help: usage and options. */
  readonly help: string;
  /** Runs with the arguments after the command's name; resolves to the exit code. */
  run(argv: readonly string[], io: Io): Promise<number>;
}

/** An error the CLI reports as it is (one line, exit code 1), without a stack. */
export class CliError extends Error {
  override readonly name = 'CliError';
}

/** An option of a command: a string value, or a flag. */
export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
}

/**
 * Parses `argv` strictly: unknown options name the closest known one, a value is required where
 * one is expected, an option given twice is an error (the last would silently win), and
 * positional arguments are refused unless `positionals` allows that many.
 */
export function parse<O extends Record<string, OptionSpec>>(command: string, argv: readonly string[], options: O, positionals = 0): { values: { [K in keyof O]?: O[K]['type'] extends 'string' ? string : boolean }; positionals: string[] } {
  const config = Object.fromEntries(Object.entries(options).map(([k, o]) => [k, { ...o, multiple: true }]));
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: config as never, strict: true, allowPositionals: positionals > 0 });
  } catch (err) {
    const e = err as Error & { code?: string };
    const quoted = /'(-[^' ]*)/.exec(e.message)?.[1];
    const flags = Object.keys(options).map((k) => `--${k}`);
    if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && quoted !== undefined) {
      const near = closest(quoted.replace(/^-+/, '').replace(/=.*$/, ''), Object.keys(options));
      throw new CliError(`${command}: unknown option ${quoted}${near === undefined ? '' : ` (did you mean --${near}?)`}; options: ${flags.join(', ')}`);
    }
    if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && quoted !== undefined) throw new CliError(`${command}: ${quoted.replace(/ .*$/, '')} needs a value`);
    if (e.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') throw new CliError(`${command}: unexpected argument ${/'([^']*)'/.exec(e.message)?.[1] ?? ''}; options: ${flags.join(', ')}`);
    throw new CliError(`${command}: ${e.message}`);
  }
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parsed.values)) {
    const list = value as unknown[];
    if (list.length > 1) throw new CliError(`${command}: --${key} given ${list.length} times; give it once`);
    values[key] = list[0];
  }
  if (parsed.positionals.length > positionals) throw new CliError(`${command}: unexpected argument ${JSON.stringify(parsed.positionals[positionals])}`);
  return { values: values as never, positionals: parsed.positionals };
}

/**
 * A number as the CLI documents them: plain decimal digits with an optional sign, point and
 * fraction (`500`, `-0.5`, `1.25`); no exponents, hex, spaces or empty strings.
 */
export function decimal(command: string, flag: string, text: string, kind: 'positive integer' | 'number'): number {
  const pattern = kind === 'positive integer' ? /^[1-9][0-9]*$/ : /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/;
  const value = Number(text);
  if (!pattern.test(text) || (kind === 'positive integer' ? !Number.isSafeInteger(value) : !Number.isFinite(value))) {
    throw new CliError(`${command}: ${flag} must be a ${kind} in plain decimal digits (e.g. ${kind === 'number' ? '0.5' : '500'}), got ${JSON.stringify(text)}`);
  }
  return value;
}

/**
 * Writes a figure with `draw`, naming the user's file when the system refuses it: the figure is
 * written through a temporary file, whose name means nothing to them. Only a system error is about
 * the file; any other (a missing optional package) is passed on as it is.
 */
export async function writing(command: string, out: string, draw: () => Promise<unknown>): Promise<void> {
  try {
    await draw();
  } catch (err) {
    const cause = (err as Error).cause as { code?: string; syscall?: string } | undefined;
    if (cause?.code !== undefined && cause.syscall !== undefined) throw new CliError(`${command}: cannot write ${out} (${cause.code})`);
    throw err;
  }
}
