// The page serveDashboard serves, in Chromium, while a separate Node process drives two
// policies with a Subject at 10^4 steps a second and pushes a loss stream.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDashboard } from '../../lib/dashboard/index.js';
import { buildDashboard } from '../../scripts/build-dashboard.js';
import { launch, longTasks, pageNow, recordLongTasks, watchErrors } from './chromium.js';

const STEPS = 100_000;
const RATE = 10_000;
let browser: Browser;

beforeAll(async () => {
  await buildDashboard();
  browser = await launch();
  mkdirSync('artifacts', { recursive: true });
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

const dataset = (page: Page) => page.evaluate(() => ({ ...document.body.dataset }));

function startRun(): Promise<{ child: ChildProcess; url: string; output: () => string; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'playground/dashboard/node-run.ts'], {
    env: { ...process.env, STEPS: String(STEPS), RATE: String(RATE), WAIT: '1' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      out += String(c);
      const m = /dashboard (http:\S+)/.exec(out);
      if (m) resolve({ child, url: m[1]!, output: () => out, exited });
    });
    child.stderr!.on('data', (c: Buffer) => (out += String(c)));
    child.on('exit', (code) => reject(new Error(`the run exited early (${code}): ${out}`)));
  });
}

describe('serveDashboard in Chromium', () => {
  it('shows the empty state, saying what to do', async () => {
    const dashboard = await serveDashboard();
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors = watchErrors(page);
    await page.goto(dashboard.url);
    await page.waitForSelector('.rxp-conn[data-state="live"]');
    expect(await page.isVisible('.rxp-empty')).toBe(true);
    expect(await page.textContent('.rxp-empty')).toContain("dashboard.watch(policy, values$)");
    expect(await page.textContent('.rxp-empty')).toContain("dashboard.metric('loss', loss$)");
    expect(await dataset(page)).toMatchObject({ applied: '0', metrics: '0' });
    await page.screenshot({ path: 'artifacts/dashboard-empty.png' });
    await page.close();
    await dashboard.close();
    expect(errors).toEqual([]);
  });

  it('draws a live Node run: values and metric points grow, a reload shows the history, close() lets the process exit', async () => {
    const run = await startRun();
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = watchErrors(page);
    await recordLongTasks(page);
    await page.goto(run.url);
    await page.waitForFunction(() => Number(document.body.dataset['applied']) > 0);
    const first = await dataset(page);
    await page.waitForTimeout(600);
    const second = await dataset(page);
    expect(Number(second['applied'])).toBeGreaterThan(Number(first['applied']));
    expect(Number(second['metrics'])).toBeGreaterThan(Number(first['metrics']));
    expect(second['runs']).toBe('2');
    // Two runs side by side (lr and momentum, lr), two metrics: five charts.
    expect(await page.locator('.rxp-run').count()).toBe(2);
    expect(await page.locator('.rxp-chart canvas').count()).toBe(5);
    expect(await page.textContent('.rxp-run[data-run="one-cycle"] .rxp-status')).toMatch(/^running · step [\d,]+ \/ 100,000 · [\d.]+ s · [\d,]+ steps\/s$/);
    expect(await page.textContent('.rxp-run[data-run="one-cycle"] .rxp-legend')).toMatch(/applied [\d.e-]+ at step [\d,]+ \(planned [\d.e-]+\)/);

    // A reload mid-run: the first frame already holds everything applied so far.
    const before = Number((await dataset(page))['applied']);
    await page.reload();
    await page.waitForFunction(() => document.body.dataset['firstRender'] !== undefined);
    const reloaded = await dataset(page);
    expect(Number(reloaded['applied'])).toBeGreaterThanOrEqual(before);
    const firstRender = Number(reloaded['firstRender']);
    // Two seconds of live drawing, untouched: how long the page's tasks get (printed, not
    // asserted: on a shared machine a task's wall time depends on everything else running).
    const since = await pageNow(page);
    await page.waitForTimeout(2000);
    const tasks = await longTasks(page, since);
    const drawn = Number((await dataset(page))['applied']) - Number(reloaded['applied']);

    expect(run.output()).not.toMatch(/done/);
    await page.screenshot({ path: 'artifacts/dashboard-live-wide.png', fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(200);
    await page.screenshot({ path: 'artifacts/dashboard-live-390.png', fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.waitForTimeout(200);

    // The end of the run: every value arrives, however throttled the updates were.
    await page.waitForFunction((n) => Number(document.body.dataset['applied']) === 2 * n, STEPS, { timeout: 60_000 });
    await page.waitForFunction((n) => Number(document.body.dataset['metrics']) === n + 40, STEPS, { timeout: 10_000 });
    expect(await page.textContent('.rxp-run[data-run="one-cycle"] .rxp-status')).toMatch(/^completed · step 100,000 \/ 100,000/);
    await page.screenshot({ path: 'artifacts/dashboard-live-dark.png', fullPage: true });
    const js = readFileSync('dist/dashboard/assets/live.js');
    console.log(
      `dashboard page: live.js ${(gzipSync(js).length / 1024).toFixed(1)} KiB gzipped; first render after a reload ${firstRender.toFixed(0)} ms; ` +
        `${drawn} values drawn in 2 s of live updates (two runs at ${RATE} steps/s each): ${tasks.length} tasks over 50 ms${tasks.length ? ` (longest ${Math.max(...tasks).toFixed(0)} ms)` : ''}, ` +
        `longest redraw (script) ${(await dataset(page))['longestRender']} ms (creating the charts), ${(await dataset(page))['longestUpdate']} ms (an update; mean ${(await dataset(page))['meanUpdate']} ms); load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`,
    );
    expect(errors).toEqual([]);
    await page.close();

    run.child.stdin!.write('close\n');
    expect(await run.exited).toBe(0);
    expect(run.output()).toMatch(/done 100000\nclosed\n$/);
  }, 120_000);
});
