import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { hostname, networkInterfaces } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { custom, declare, fn, integer, name, type ShapeOptionsOf } from '../internal/options.js';
import { mustBe } from '../internal/validate.js';
import { shapeColumns } from './shapeColumns.js';
import { SseClient } from './sseClient.js';
import { DashboardStore, type MetricOptions, type MetricValue, type PolicyLike, type Subscribable, type WatchedValue, type WatchOptions } from './store.js';

const hostsPhrase = 'an array of host names';
const serveOptions = declare('serveDashboard', {
  port: integer({ doc: 'The TCP port; 0 picks a free one.', max: 65535, default: 0 }),
  host: name({
    doc: 'The address to bind: `127.0.0.1` by default, so that only this machine sees the run. Any other address (`0.0.0.0`, a LAN address) must be asked for and prints a warning.',
    default: '127.0.0.1',
  }),
  allowedHosts: custom<readonly string[], { readonly doc: string; readonly default: readonly string[] }>(
    'names',
    hostsPhrase,
    { doc: "More `Host` header names to accept (a machine name behind `host: '0.0.0.0'`, say).", default: Object.freeze([]) },
    (fn, arg, v) => (Array.isArray(v) && v.every((h) => typeof h === 'string' && h !== '') ? Object.freeze([...v]) : mustBe(fn, arg, hostsPhrase, v, TypeError)),
  ),
  onError: fn<(error: Error) => void>({ doc: 'Receives what goes wrong in a watched stream (the server keeps serving); default `console.warn`.', signature: '(error: Error) => void' }),
});

/** Options of `serveDashboard`: `port` (0: a free one), `host` (`'127.0.0.1'`), `allowedHosts`, `onError`. */
export type ServeOptions = ShapeOptionsOf<typeof serveOptions.shape>;

/** A running dashboard server: its address, and the calls that put runs and metrics on it. */
export interface DashboardServer {
  /** The page's address, `http://127.0.0.1:PORT/`; the preset explorer is at `${url}explore`. */
  readonly url: string;
  /** The TCP port the server listens on: the one asked for, or the free one picked for port 0. */
  readonly port: number;
  /**
   * Shows a policy's planned schedule, one chart per parameter, and each value of `values$` at its
   * step over it. Throws a TypeError for a non-policy or a non-Observable, an Error for a name in
   * use or after `close()`. A `values$` that errors or completes ends that run only (its state shows it).
   */
  watch<V extends WatchedValue>(policy: PolicyLike, values$: Subscribable<V>, options?: WatchOptions): void;
  /**
   * Shows a live metric (loss, val_loss, grad norm…) on the metrics panel, placed at the step of
   * the run watched last (see `MetricOptions.run`). A non-number emission stops that metric with
   * a named error (sent to `onError` and shown on the page); the rest keeps going.
   */
  metric(name: string, metric$: Subscribable<MetricValue>, options?: MetricOptions): void;
  /** Stops watching, ends every page's connection and closes the server. A second call is a no-op. */
  close(): Promise<void>;
}

// A page that connects later gets the whole state; the others get what changed, at most this
// often. Each update costs a message and a socket write, which is most of the server's work at
// 10^4 values a second: 10 a second keep that under 1 µs a value (20 a second cost about twice as
// much, `npm run bench -- dashboard`), and still move the charts and the cursor smoothly.
const UPDATE_MS = 100;
const HEARTBEAT_MS = 15_000;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-resource-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
};

/**
 * Where the prebuilt page lives: `assets/` next to this module (dist/dashboard/), or, from a build
 * that puts this module elsewhere under dist/ (dist/cjs/dashboard/, dist/esm/dashboard/) or from
 * the sources in a checkout (lib/dashboard/), dist/dashboard/assets/.
 */
function assetsDir(): string {
  // __dirname exists in a CommonJS build; an ES module has import.meta.url instead.
  const here = typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, 'assets'), join(here, '..', '..', 'dashboard', 'assets'), join(here, '..', '..', 'dist', 'dashboard', 'assets')];
  const found = candidates.find((dir) => existsSync(join(dir, 'dashboard.html')));
  if (found === undefined) {
    throw new Error(`serveDashboard: the prebuilt page is missing (looked in ${candidates.join(', ')}); build it with \`tsx scripts/build-dashboard.ts\``);
  }
  return found;
}

function loadAssets(): Map<string, { type: string; body: Buffer }> {
  const dir = assetsDir();
  const assets = new Map<string, { type: string; body: Buffer }>();
  for (const name of readdirSync(dir)) {
    const ext = name.slice(name.lastIndexOf('.'));
    const type = TYPES[ext];
    if (type !== undefined && /^[a-z0-9-]+\.[a-z]+$/.test(name)) assets.set(name, { type, body: readFileSync(join(dir, name)) });
  }
  return assets;
}

/** The `Host` header values that name this server: anything else is a rebinding attempt. */
function hostNames(host: string, port: number, extra: readonly string[]): Set<string> {
  const names = new Set<string>([host, ...extra]);
  if (LOOPBACK.has(host) || host === '0.0.0.0' || host === '::') LOOPBACK.forEach((h) => names.add(h));
  if (host === '0.0.0.0' || host === '::') {
    names.add(hostname());
    for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) names.add(a.address);
  }
  const out = new Set<string>();
  for (const name of names) {
    const bare = name.toLowerCase().replace(/^\[|\]$/g, '');
    out.add(bare.includes(':') ? `[${bare}]:${port}` : `${bare}:${port}`);
  }
  return out;
}

/**
 * Starts the live dashboard: a local web server whose page draws each watched policy's planned
 * schedule with the applied values over it, and the metrics, updated through Server-Sent Events
 * at most 10 times a second (the latest value always arrives). Binds 127.0.0.1 unless told
 * otherwise; checks the `Host` header, answers GET and HEAD only, serves nothing but the prebuilt
 * page. A page that cannot keep up is not buffered for: it gets the whole (bounded) state once
 * it drains.
 *
 * @param options `port` (0 picks a free one), `host`, `allowedHosts`, `onError`.
 * @returns the server's `url`, `watch`, `metric` and `close`.
 * @throws Error naming the port when it is in use; TypeError/RangeError for bad options.
 * @example
 * import { Subject, share } from 'rxjs';
 * import { OptimizerPolicy, oneCyclePhases } from 'rx-policy';
 * import { serveDashboard } from 'rx-policy/dashboard';
 * const policy = new OptimizerPolicy(oneCyclePhases({ steps: 100 }));
 * const step$ = new Subject<void>();
 * const loss$ = new Subject<number>();
 * const dashboard = await serveDashboard({ port: 0 });
 * console.log(dashboard.url); // http://127.0.0.1:PORT/
 * dashboard.watch(policy, policy.drive(step$).pipe(share()));
 * dashboard.metric('loss', loss$);
 * step$.next(); // a training step: the page shows its values
 * loss$.next(0.9);
 * (await fetch(dashboard.url)).status; // → 200
 * await dashboard.close();
 */
export async function serveDashboard(options: ServeOptions = {}): Promise<DashboardServer> {
  const { port: wanted, host, allowedHosts, onError } = serveOptions.read(options);
  const assets = loadAssets();
  const report = onError ?? ((err: Error) => console.warn(`rx-policy dashboard: ${err.message}`));
  const clients = new Map<ServerResponse, SseClient>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = (): void => {
    timer = undefined;
    const message = store.delta();
    if (clients.size === 0 || (message.runs.length === 0 && message.metrics.length === 0)) return;
    const chunk = frame(message);
    for (const client of clients.values()) client.send(chunk);
  };
  const store = new DashboardStore(
    'serveDashboard',
    () => {
      timer ??= setTimeout(flush, UPDATE_MS);
      timer.unref?.();
    },
    report,
    { planned: shapeColumns },
  );

  let allowed = new Set<string>();
  const server = createServer((req, res) => handle(req, res));
  const heartbeat = setInterval(() => {
    for (const client of clients.values()) client.send(': keep-alive\n\n');
  }, HEARTBEAT_MS);
  heartbeat.unref();

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const plain = (status: number, text: string, extra: Record<string, string> = {}): void => {
      res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...extra });
      res.end(req.method === 'HEAD' ? undefined : `${text}\n`);
    };
    if (!allowed.has((req.headers.host ?? '').toLowerCase())) return plain(403, 'unknown Host header: this dashboard answers to its own address only');
    // A page of another site may send requests here; its Origin gives it away (same-origin GETs send none).
    const origin = req.headers.origin;
    if (origin !== undefined && !allowed.has(origin.toLowerCase().replace(/^http:\/\//, ''))) return plain(403, 'cross-origin request refused');
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(405, 'only GET and HEAD', { allow: 'GET, HEAD' });
    const path = (req.url ?? '/').split('?')[0]!;
    if (path === '/events') {
      res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
      if (req.method === 'HEAD') return void res.end();
      const client = new SseClient(res, () => frame(store.snapshot()));
      clients.set(res, client);
      res.on('close', () => clients.delete(res));
      client.send(`retry: 1000\n${frame(store.snapshot())}`);
      return;
    }
    const name = path === '/' ? 'dashboard.html' : path === '/explore' ? 'explorer.html' : path.startsWith('/assets/') ? path.slice('/assets/'.length) : '';
    const asset = name.endsWith('.html') && path.startsWith('/assets/') ? undefined : assets.get(name);
    if (asset === undefined) return plain(404, 'not found');
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': asset.type,
      'content-length': String(asset.body.length),
      'cache-control': name.endsWith('.html') ? 'no-store' : 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : asset.body);
  }

  await new Promise<void>((resolve, reject) => {
    const fail = (err: NodeJS.ErrnoException): void => {
      clearInterval(heartbeat);
      if (err.code === 'EADDRINUSE') {
        reject(new Error(`serveDashboard: port ${wanted} on ${host} is already in use; pass another { port } (or --port for the CLI), 0 picks a free one`));
      } else if (err.code === 'EACCES') {
        reject(new Error(`serveDashboard: not allowed to listen on port ${wanted} of ${host}; pass a { port } above 1023, or 0 for a free one`));
      } else reject(new Error(`serveDashboard: cannot listen on ${host}:${wanted}: ${err.message}`));
    };
    server.once('error', fail);
    server.listen(wanted, host, () => {
      server.off('error', fail);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : wanted;
  allowed = hostNames(host, port, allowedHosts);
  if (!LOOPBACK.has(host)) {
    console.warn(`rx-policy dashboard: listening on ${host}:${port}, reachable from other machines; anyone who can reach it sees your runs`);
  }
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const url = `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}/`;

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    watch: (policy, values$, watchOptions) => store.watch(policy, values$, watchOptions),
    metric: (name, metric$, metricOptions) => store.metric(name, metric$, metricOptions),
    close() {
      closing ??= new Promise<void>((resolve) => {
        store.close();
        if (timer !== undefined) clearTimeout(timer);
        clearInterval(heartbeat);
        for (const res of clients.keys()) res.end();
        clients.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

function frame(message: { kind: string }): string {
  return `event: ${message.kind}\ndata: ${JSON.stringify(message)}\n\n`;
}
