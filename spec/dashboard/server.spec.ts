// The dashboard server over real HTTP: what it serves, what it refuses, the event stream, and
// how it ends. The page itself is tested in Chromium (live.spec.ts).
import { spawn } from 'node:child_process';
import { createServer, request, type IncomingMessage } from 'node:http';
import { Subject, share } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { serveDashboard, type DashboardServer } from '../../lib/dashboard/index.js';
import { columnPoints } from '../../lib/dashboard/history.js';
import type { DashboardMessage } from '../../lib/dashboard/store.js';
import { OptimizerPolicy, Phase, linspace } from '../../lib/index.js';
import { buildDashboard } from '../../scripts/build-dashboard.js';

interface Reply {
  status: number;
  headers: IncomingMessage['headers'];
  body: string;
}

function get(port: number, path: string, options: { method?: string; host?: string; origin?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { host: options.host ?? `127.0.0.1:${port}` };
    if (options.origin !== undefined) headers['origin'] = options.origin;
    const req = request({ agent: false, host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Opens /events and collects the messages as they come. */
function events(port: number): Promise<{ messages: DashboardMessage[]; next: (n: number) => Promise<void>; pause: () => void; close: () => void; ended: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const messages: DashboardMessage[] = [];
    const waiters: (() => void)[] = [];
    let buffer = '';
    let endedResolve: () => void;
    const ended = new Promise<void>((r) => (endedResolve = r));
    const req = request({ host: '127.0.0.1', port, path: '/events', headers: { host: `127.0.0.1:${port}` } }, (res) => {
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const data = block.split('\n').find((l) => l.startsWith('data: '));
          if (data !== undefined) messages.push(JSON.parse(data.slice(6)) as DashboardMessage);
          waiters.splice(0).forEach((w) => w());
        }
      });
      res.on('end', () => endedResolve());
      res.on('close', () => endedResolve());
      resolve({
        messages,
        next: (n) =>
          new Promise<void>((done) => {
            const check = (): void => (messages.length >= n ? done() : void waiters.push(check));
            check();
          }),
        pause: () => res.pause(),
        close: () => req.destroy(),
        ended,
      });
    });
    req.on('error', reject);
    req.end();
  });
}

let dashboard: DashboardServer;
beforeAll(async () => {
  await buildDashboard();
  dashboard = await serveDashboard({ port: 0 });
}, 60_000);
afterAll(() => dashboard.close());

describe('serveDashboard: what it serves', () => {
  it('binds 127.0.0.1 on a free port and serves the page with its security headers', async () => {
    expect(dashboard.url).toBe(`http://127.0.0.1:${dashboard.port}/`);
    const page = await get(dashboard.port, '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('/assets/live.js');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    const js = await get(dashboard.port, '/assets/live.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await get(dashboard.port, '/explore')).body).toContain('/assets/explorer.js');
    expect((await get(dashboard.port, '/assets/dashboard.css')).headers['content-type']).toBe('text/css; charset=utf-8');
  });

  it('answers HEAD with the headers only', async () => {
    const head = await get(dashboard.port, '/', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(Number(head.headers['content-length'])).toBeGreaterThan(100);
  });

  it('refuses other methods, other Host headers and any path outside the shipped assets', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS']) {
      const r = await get(dashboard.port, '/', { method });
      expect(r.status).toBe(405);
      expect(r.headers['allow']).toBe('GET, HEAD');
    }
    // DNS rebinding: a page of evil.example whose name now resolves to 127.0.0.1.
    expect((await get(dashboard.port, '/', { host: `evil.example:${dashboard.port}` })).status).toBe(403);
    expect((await get(dashboard.port, '/events', { host: 'evil.example' })).status).toBe(403);
    expect((await get(dashboard.port, '/', { host: `localhost:${dashboard.port}` })).status).toBe(200);
    // Another site's page reading the event stream: its Origin is refused, the dashboard's own is not.
    expect((await get(dashboard.port, '/events', { origin: 'http://evil.example' })).status).toBe(403);
    expect((await get(dashboard.port, '/', { method: 'HEAD', origin: `http://127.0.0.1:${dashboard.port}` })).status).toBe(200);
    for (const path of ['/assets/../server.ts', '/assets/..%2Fserver.ts', '/../package.json', '/assets/%2e%2e/%2e%2e/package.json', '/assets/', '/assets/dashboard.html', '/index.html', '/etc/passwd', '/assets/live.js.map', '//assets/live.js']) {
      const r = await get(dashboard.port, path);
      expect([path, r.status]).toEqual([path, 404]);
      expect(r.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('refuses unknown options and bad ports, naming them', async () => {
    await expect(serveDashboard({ prot: 8080 } as never)).rejects.toThrow('serveDashboard: unknown option "prot" (did you mean "port"?); accepted: port, host, allowedHosts, onError');
    await expect(serveDashboard({ port: 70000 })).rejects.toThrow('serveDashboard: port must be an integer in [0, 65535], got 70000');
    await expect(serveDashboard({ host: '' })).rejects.toThrow(new TypeError('serveDashboard: host must be a non-empty name without surrounding spaces, got ""'));
    await expect(serveDashboard({ allowedHosts: 'box' as never })).rejects.toThrow(new TypeError('serveDashboard: allowedHosts must be an array of host names, got "box"'));
    await expect(serveDashboard({ onError: true as never })).rejects.toThrow(new TypeError('serveDashboard: onError must be a function (error: Error) => void, got true'));
  });

  it('a port in use is a clear error naming the port and the option', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as { port: number }).port;
    await expect(serveDashboard({ port })).rejects.toThrow(`serveDashboard: port ${port} on 127.0.0.1 is already in use; pass another { port } (or --port for the CLI), 0 picks a free one`);
    blocker.close();
  });

  it('binds another address only when asked, with a warning, and still checks Host', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const open = await serveDashboard({ host: '0.0.0.0', allowedHosts: ['trainer.lan'] });
    try {
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/listening on 0\.0\.0\.0:\d+, reachable from other machines/));
      expect((await get(open.port, '/', { host: `trainer.lan:${open.port}` })).status).toBe(200);
      expect((await get(open.port, '/', { host: `evil.example:${open.port}` })).status).toBe(403);
    } finally {
      warn.mockRestore();
      await open.close();
    }
  });
});

describe('serveDashboard: the event stream', () => {
  it('sends the whole state on connect, then what changed, and the latest value last', async () => {
    const policy = new OptimizerPolicy([new Phase({ lr: linspace(1, 0, 1000) })]);
    const step$ = new Subject<void>();
    const values$ = policy.drive(step$).pipe(share());
    const sub = values$.subscribe();
    dashboard.watch(policy, values$, { name: 'stream' });
    const loss$ = new Subject<number>();
    dashboard.metric('stream loss', loss$, { run: 'stream' });
    const client = await events(dashboard.port);
    await client.next(1);
    expect(client.messages[0]!.kind).toBe('snapshot');
    const run = client.messages[0]!.runs.find((r) => r.name === 'stream')!;
    expect(columnPoints(run.planned!['lr']!).steps).toHaveLength(1000);
    for (let i = 0; i < 250; i++) {
      step$.next();
      loss$.next(1 / (i + 1));
    }
    // Throttled: 250 values arrive as one or a few deltas, the last of which holds step 249.
    await new Promise((r) => setTimeout(r, 150));
    const deltas = client.messages.slice(1).filter((m) => m.runs.some((r) => r.name === 'stream'));
    expect(deltas.length).toBeGreaterThanOrEqual(1);
    expect(deltas.length).toBeLessThan(10);
    const last = deltas.at(-1)!.runs.find((r) => r.name === 'stream')!;
    expect(last.status).toMatchObject({ step: 249, count: 250 });
    expect(last.last['lr']).toBe(policy.at(249).lr);
    const lossLast = client.messages.flatMap((m) => m.metrics).filter((m) => m.name === 'stream loss').at(-1)!;
    expect(lossLast.last).toEqual({ step: 249, value: 1 / 250 });
    client.close();
    sub.unsubscribe();
  });

  it('a stalled page does not stop the others, and a bad metric leaves the rest served', async () => {
    const onError = vi.fn();
    const own = await serveDashboard({ onError });
    const stalled = await events(own.port);
    await stalled.next(1);
    stalled.pause(); // this page stops reading: its socket fills up
    const live = await events(own.port);
    await live.next(1);
    const bad$ = new Subject<unknown>();
    own.metric('bad', bad$ as never);
    bad$.next('x');
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'serveDashboard.metric: bad emitted a non-number, got "x"' }));
    const ok$ = new Subject<number>();
    own.metric('ok', ok$);
    ok$.next(1);
    await new Promise((r) => setTimeout(r, 120));
    const ok = live.messages.flatMap((m) => m.metrics).filter((m) => m.name === 'ok').at(-1)!;
    expect(ok.count).toBe(1);
    expect((await get(own.port, '/')).status).toBe(200);
    stalled.close();
    live.close();
    await own.close();
  });

  it('close() ends every stream and the server; a second close is a no-op', async () => {
    const own = await serveDashboard();
    const client = await events(own.port);
    await client.next(1);
    await own.close();
    await client.ended;
    await own.close();
    await expect(get(own.port, '/')).rejects.toThrow(/ECONNREFUSED/);
    expect(() => own.watch(new OptimizerPolicy([new Phase({ lr: linspace(0, 1, 2) })]), new Subject<{ lr: number }>())).toThrow('serveDashboard.watch: the dashboard is closed');
  });

  it('close() lets a Node process that drove a run exit by itself', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'playground/dashboard/node-run.ts'], { env: { ...process.env, STEPS: '3000', RATE: '30000' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += String(c)));
    child.stderr.on('data', (c: Buffer) => (out += String(c)));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(out).toMatch(/dashboard http:\/\/127\.0\.0\.1:\d+\/\ndone 3000\nclosed\n/);
    expect(code).toBe(0);
  }, 60_000);
});
