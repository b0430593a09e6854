#!/usr/bin/env node
// The `rx-policy` command. Each subcommand is a `Command` in its own file, listed once below.
import { readFileSync } from 'node:fs';
import { CliError, type Command, type Io } from './command.js';
import { dashboardCommand } from './dashboard.js';
import { plotCommand } from './plot.js';
import { presetsCommand } from './presets.js';
import { compareCommand } from './compare.js';
import { closest } from '../internal/closest.js';

/** The subcommands, in the order `--help` lists them. */
export const commands: readonly Command[] = [plotCommand, presetsCommand, compareCommand, dashboardCommand];

function version(): string {
  // lib/cli/main.ts and dist/cli/main.js both sit two levels below package.json.
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'usage: rx-policy <command> [options]',
    '',
    'hyper-parameter schedules as RxJS streams: plot presets and JSON policies',
    '',
    'commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'rx-policy <command> --help shows a command\'s options; rx-policy --version its version.',
  ].join('\n');
}

/**
 * Runs the CLI with `argv` (the arguments after `rx-policy`) and resolves to the exit code: 0, 1
 * for bad input (one line on stderr, naming what was wrong), 2 for an unknown command.
 */
export async function main(argv: readonly string[], out: (s: string) => void = (s) => process.stdout.write(s), err: (s: string) => void = (s) => process.stderr.write(s)): Promise<number> {
  const io: Io = { out, err };
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    if (first === 'help' && rest[0] !== undefined) return main([rest[0], '--help'], out, err);
    out(`${help()}\n`);
    return first === undefined ? 1 : 0;
  }
  if (first === '--version' || first === '-v') {
    out(`${version()}\n`);
    return 0;
  }
  if (first.startsWith('-')) {
    // A flag before any command can only be one of the two the CLI itself takes.
    const near = closest(first.replace(/^-+/, '').replace(/=.*$/, ''), ['help', 'version']);
    err(`rx-policy: unknown option ${first}${near === undefined ? '' : ` (did you mean --${near}?)`}; options: --help, --version; commands: ${commands.map((c) => c.name).join(', ')}\n`);
    return 2;
  }
  const command = commands.find((c) => c.name === first);
  if (command === undefined) {
    const near = closest(first, commands.map((c) => c.name));
    err(`rx-policy: unknown command ${JSON.stringify(first)}${near === undefined ? '' : ` (did you mean ${near}?)`}; commands: ${commands.map((c) => c.name).join(', ')}\n`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof CliError) {
      err(`rx-policy ${e.message}\n`);
      return 1;
    }
    err(`rx-policy ${command.name}: ${(e as Error).message}\n`);
    return 1;
  }
}

// Run when executed directly (node dist/cli/main.js, npx rx-policy, tsx lib/cli/main.ts).
const invoked = process.argv[1] ?? '';
if (/(?:^|[\\/])(?:main\.[jt]s|rx-policy)$/.test(invoked)) {
  // A reader that stops early (`rx-policy presets | head -1`) closes the pipe: the rest of the
  // output is not wanted, which is no error and no stack trace.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    process.exit(0);
  });
  process.exitCode = await main(process.argv.slice(2));
}
