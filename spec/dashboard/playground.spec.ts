// The playground's training page in Chromium: a TF.js model trained in the page, shown with
// mountDashboard. Fails, not skips, without a browser.
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDashboard } from '../../playground/dashboard/server.js';
import { launch, watchErrors } from './chromium.js';

let browser: Browser;
let server: Server;
let url: string;

beforeAll(async () => {
  ({ url, server } = await startDashboard(0));
  browser = await launch();
  mkdirSync('artifacts', { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe('playground training page', () => {
  it('trains in the page, one card per run, Train disabled while running, Stop ends a run', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = watchErrors(page);
    await page.goto(url);
    await page.waitForSelector('#dashboard .rxp-empty');

    await page.fill('#options', '{"steps": 0}');
    await page.click('#train');
    await page.waitForFunction(() => document.getElementById('error')!.textContent!.length > 0);
    expect(await page.textContent('#error')).toMatch(/oneCyclePhases: steps must be a positive integer, got 0/);

    await page.fill('#options', '{"steps": 120, "lr": [0.005, 0.05]}');
    const box = await page.locator('#train').boundingBox();
    await page.click('#train');
    await page.waitForFunction(() => document.body.dataset['training'] === 'false', undefined, { timeout: 60_000 });
    expect(await page.textContent('#status')).toBe('run 1 · oneCycle: done at step 120 of 120');
    await page.waitForFunction(() => document.body.dataset['applied'] === '120');
    expect(Number(await page.evaluate(() => document.body.dataset['metrics']))).toBeGreaterThanOrEqual(120);
    expect(await page.textContent('.rxp-run[data-run="run 1 · oneCycle"] .rxp-status')).toMatch(/^completed · step 120 \/ 120/);

    // A second run gets its own card and loss chart; Stop ends it early.
    await page.fill('#options', '{"steps": 100000, "lr": [0.005, 0.05]}');
    await page.click('#train');
    await page.waitForFunction(() => Number(document.body.dataset['applied']) > 150);
    expect(await page.isDisabled('#train')).toBe(true);
    expect(await page.isDisabled('#options')).toBe(true);
    expect(await page.isEnabled('#stop')).toBe(true);
    await page.click('#stop');
    await page.waitForFunction(() => document.body.dataset['training'] === 'false', undefined, { timeout: 60_000 });
    expect(await page.textContent('#status')).toMatch(/^run 2 · oneCycle: stopped at step \d+ of 100000$/);
    await page.waitForFunction(() => document.querySelector('.rxp-run[data-run="run 2 · oneCycle"] .rxp-status')?.textContent?.startsWith('ended early'));
    expect(await page.locator('.rxp-run').count()).toBe(2);
    expect(await page.locator('.rxp-metric').count()).toBe(2);
    // The controls did not move while the runs came and went.
    expect(await page.locator('#train').boundingBox()).toEqual(box);

    await page.screenshot({ path: 'artifacts/playground-wide.png', fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(200);
    await page.screenshot({ path: 'artifacts/playground-390.png', fullPage: true });
    expect(errors).toEqual([]);
  }, 120_000);
});
