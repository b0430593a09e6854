// `rx-policy dashboard`: the preset explorer (and the live page, empty until a run is watched),
// served until Ctrl+C.
import { spawn } from 'node:child_process';
import { CliError, type Command, type Io, parse } from './command.js';

const options = { port: { type: 'string' }, host: { type: 'string' }, open: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const;

const HELP = [
  'usage: rx-policy dashboard [--port N] [--host ADDRESS] [--open]',
  '',
  '  serves the preset explorer and prints its address: pick a preset, edit its options, compare curves',
  '  --port N          the port, 0 to 65535 (default 0: a free one)',
  '  --host ADDRESS    the address to bind (default 127.0.0.1, this machine only);',
  '                    another address makes the page reachable from other machines',
  '  --open            open the explorer in the default browser',
].join('\n');

/** Asks the system to open `url` in the default browser; says so when it cannot. */
function openBrowser(url: string, io: Io): void {
  const [command, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  const child = spawn(command, args, { stdio: 'ignore', detached: true });
  child.on('error', (err) => io.err(`rx-policy dashboard: could not open a browser (${command}: ${err.message}); open ${url} yourself\n`));
  child.unref();
}

/**
 * Serves the dashboard and prints the explorer's address; resolves to the exit code once
 * `stop` aborts (the command passes Ctrl+C and SIGTERM), after the server has closed.
 *
 * @param argv the arguments after `dashboard`.
 * @param io where to print.
 * @param stop ends the command.
 * @returns 0, or 1 for bad arguments or a port in use (one line on stderr).
 * @throws CliError for bad arguments (the CLI prints it as one line).
 * @example
 * // fragment: the CLI's own command, which users run as `npx rx-policy dashboard --port 8080`
 * await dashboard(['--port', '8080'], io, AbortSignal.timeout(60_000));
 */
export async function dashboard(argv: readonly string[], io: Io, stop: AbortSignal): Promise<number> {
  const { values: o } = parse('dashboard', argv, options);
  if (o.help) {
    io.out(`${HELP}\n`);
    return 0;
  }
  let port = 0;
  if (o.port !== undefined) {
    if (!/^(0|[1-9][0-9]{0,4})$/.test(o.port) || Number(o.port) > 65535) throw new CliError(`dashboard: --port must be an integer from 0 to 65535 in decimal digits, got ${JSON.stringify(o.port)}`);
    port = Number(o.port);
  }
  if (o.host !== undefined && o.host.trim() === '') throw new CliError('dashboard: --host must be an address, got ""');
  // Loaded here: the other commands never pay for the server.
  const { serveDashboard } = await import('../dashboard/server.js');
  let server;
  try {
    server = await serveDashboard({ port, ...(o.host !== undefined && { host: o.host }) });
  } catch (err) {
    throw new CliError(`dashboard: ${(err as Error).message.replace(/^serveDashboard: /, '').replace('pass another { port } (or --port for the CLI)', 'pass another --port')}`);
  }
  io.out(`rx-policy dashboard: preset explorer on ${server.url}explore (Ctrl+C to stop)\n`);
  if (o.open) openBrowser(`${server.url}explore`, io);
  if (!stop.aborted) await new Promise<void>((resolve) => stop.addEventListener('abort', () => resolve(), { once: true }));
  await server.close();
  return 0;
}

export const dashboardCommand: Command = {
  name: 'dashboard',
  summary: 'serve the preset explorer (--open opens it in the browser): edit a preset, compare curves',
  help: HELP,
  async run(argv, io) {
    const controller = new AbortController();
    const end = (): void => controller.abort();
    process.once('SIGINT', end);
    process.once('SIGTERM', end);
    try {
      return await dashboard(argv, io, controller.signal);
    } finally {
      process.off('SIGINT', end);
      process.off('SIGTERM', end);
    }
  },
};
