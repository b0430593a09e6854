import { createServer, request } from 'node:http';
import { beforeAll, describe, expect, it } from 'vitest';
import { dashboard } from '../../lib/cli/dashboard.js';
import { main } from '../../lib/cli/main.js';
import { buildDashboard } from '../../scripts/build-dashboard.js';

beforeAll(() => buildDashboard(), 60_000);

function status(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    request(url, { agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode!);
    })
      .on('error', reject)
      .end();
  });
}

describe('rx-policy dashboard', () => {
  it('serves the explorer on 127.0.0.1 until stopped, then closes', async () => {
    let out = '';
    const stop = new AbortController();
    const done = dashboard(['--port', '0'], { out: (s) => (out += s), err: () => {} }, stop.signal);
    await expect.poll(() => out).toMatch(/explorer on http:\/\/127\.0\.0\.1:\d+\/explore/);
    const url = /(http:\S+)/.exec(out)![1]!;
    expect(await status(url)).toBe(200);
    stop.abort();
    expect(await done).toBe(0);
    await expect(status(url)).rejects.toThrow(/ECONNREFUSED/);
  });

  it('is listed by rx-policy --help and has its own help', async () => {
    let out = '';
    expect(await main(['--help'], (s) => (out += s))).toBe(0);
    expect(out).toMatch(/\n {2}dashboard +serve the preset explorer \(--open opens it in the browser\)/);
    out = '';
    expect(await main(['dashboard', '--help'], (s) => (out += s))).toBe(0);
    expect(out).toContain('usage: rx-policy dashboard [--port N] [--host ADDRESS] [--open]');
  });

  it('--open says so when no browser opener can be started', async () => {
    const path = process.env['PATH'];
    process.env['PATH'] = '/nonexistent';
    let out = '';
    let err = '';
    const stop = new AbortController();
    try {
      const done = dashboard(['--open'], { out: (s) => (out += s), err: (s) => (err += s) }, stop.signal);
      await expect.poll(() => err).toMatch(/^rx-policy dashboard: could not open a browser \((xdg-open|open|cmd): .*ENOENT.*\); open http:\/\/127\.0\.0\.1:\d+\/explore yourself\n$/);
      expect(out).toMatch(/explorer on http/);
      stop.abort();
      expect(await done).toBe(0);
    } finally {
      process.env['PATH'] = path;
    }
  });

  it('refuses a bad port, and names the port and the flag when it is in use', async () => {
    let err = '';
    expect(await main(['dashboard', '--port', '8o80'], () => {}, (s) => (err += s))).toBe(1);
    expect(err).toBe('rx-policy dashboard: --port must be an integer from 0 to 65535 in decimal digits, got "8o80"\n');
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as { port: number }).port;
    err = '';
    expect(await main(['dashboard', '--port', String(port)], () => {}, (s) => (err += s))).toBe(1);
    expect(err).toBe(`rx-policy dashboard: port ${port} on 127.0.0.1 is already in use; pass another --port, 0 picks a free one\n`);
    blocker.close();
  });
});
