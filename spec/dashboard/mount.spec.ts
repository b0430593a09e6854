// mountDashboard in Chromium: the shipped browser bundle (dist/dashboard/mount.js), driven by a
// policy stepped in the page at 10^4 steps a second.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDashboard } from '../../scripts/build-dashboard.js';
import { launch, longTasks, pageNow, recordLongTasks, watchErrors } from './chromium.js';

let browser: Browser;
let server: Server;
let url: string;

beforeAll(async () => {
  await buildDashboard();
  const page = await build({
    entryPoints: ['spec/dashboard/fixtures/mount-page.ts'],
    bundle: true,
    format: 'esm',
    write: false,
    platform: 'browser',
    external: ['/mount.js'],
    logLevel: 'silent',
  });
  const files: Record<string, [string, string | Uint8Array]> = {
    '/': ['text/html', '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><title>mountDashboard</title><script type="module" src="/page.js"></script></head><body style="margin:0"><div id="dashboard"></div></body></html>'],
    '/page.js': ['text/javascript', page.outputFiles[0]!.contents],
    '/mount.js': ['text/javascript', readFileSync('dist/dashboard/mount.js')],
  };
  server = createServer((req, res) => {
    const file = files[req.url ?? ''];
    res.writeHead(file ? 200 : 404, { 'content-type': file ? file[0] : 'text/plain' });
    res.end(file ? file[1] : 'not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
  browser = await launch();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  server?.close();
});

const dataset = (page: Page) => page.evaluate(() => ({ ...document.body.dataset }));

describe('mountDashboard in Chromium', () => {
  it('draws a run stepped in the page, live, in its element', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
    const errors = watchErrors(page);
    await recordLongTasks(page);
    await page.goto(url);
    await page.waitForSelector('#dashboard .rxp-empty');
    expect(await page.textContent('#dashboard .rxp-title')).toBe('in-page run');
    expect(await page.textContent('#dashboard .rxp-empty')).toContain('mountDashboard(element)');
    const steps = 40_000;
    const since = await pageNow(page);
    const run = page.evaluate((n) => (window as unknown as { start: (s: number, f: number) => Promise<void> }).start(n, 100), steps);
    await page.waitForFunction(() => Number(document.body.dataset['applied']) > 1000);
    const a = await dataset(page);
    await page.waitForTimeout(400);
    const b = await dataset(page);
    expect(Number(b['applied'])).toBeGreaterThan(Number(a['applied']));
    expect(Number(b['metrics'])).toBeGreaterThan(Number(a['metrics']));
    await page.screenshot({ path: 'artifacts/mount-live-wide.png', fullPage: true });
    await run;
    await page.waitForFunction((n) => document.body.dataset['applied'] === String(n) && document.body.dataset['metrics'] === String(n), steps);
    const tasks = await longTasks(page, since);
    expect(await page.textContent('.rxp-run .rxp-status')).toMatch(/^completed · step 40,000 \/ 40,000/);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(200);
    await page.screenshot({ path: 'artifacts/mount-390.png', fullPage: true });
    const bundle = readFileSync('dist/dashboard/mount.js');
    console.log(
      `mountDashboard: mount.js ${(gzipSync(bundle).length / 1024).toFixed(1)} KiB gzipped (uPlot and CSS inside); ${steps} steps at 10^4/s in the page: ` +
        `${tasks.length} tasks over 50 ms${tasks.length ? ` (longest ${Math.max(...tasks).toFixed(0)} ms)` : ''}, longest redraw (script) ${(await dataset(page))['longestRender']} ms (creating the charts), ${(await dataset(page))['longestUpdate']} ms (an update; mean ${(await dataset(page))['meanUpdate']} ms)`,
    );

    expect(await page.evaluate(() => (window as unknown as { tryBadInput: () => string[] }).tryBadInput())).toEqual([
      'TypeError: mountDashboard.watch: policy must be an OptimizerPolicy (length, params, currentStep and at(step)), got {"lr":1}',
      'Error: mountDashboard.metric: a metric named "loss" is already shown; give each metric its own name',
      'TypeError: mountDashboard: element must be an HTMLElement, got null',
      'TypeError: mountDashboard: unknown option "titel" (did you mean "title"?); accepted: title, onError',
      'TypeError: mountDashboard: options must be an object, got null',
    ]);
    // A second dashboard in the page: each element carries its own counts, the body their sum.
    await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      w['other'] = (w['second'] as (n: number) => unknown)(300);
    });
    await page.waitForFunction(() => document.getElementById('second')?.dataset['applied'] === '300');
    expect(await page.evaluate(() => ({ first: document.getElementById('dashboard')!.dataset['applied'], second: document.getElementById('second')!.dataset['applied'], body: document.body.dataset['applied'], runs: document.body.dataset['runs'] }))).toEqual({
      first: String(steps),
      second: '300',
      body: String(steps + 300),
      runs: '2',
    });
    await page.evaluate(() => (window as unknown as { other: { close(): void } }).other.close());
    expect(await page.evaluate(() => document.body.dataset['applied'])).toBe(String(steps));
    // close() empties the element; a second close is a no-op.
    await page.evaluate(() => {
      const d = (window as unknown as { dashboard: { close(): void } }).dashboard;
      d.close();
      d.close();
    });
    expect(await page.evaluate(() => document.getElementById('dashboard')!.childElementCount)).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
