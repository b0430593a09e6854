// Drives the dashboard in Debian's Chromium (playwright-core). Fails, not skips, without it.
import { existsSync, mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDashboard } from '../playground/dashboard/server.js';
import { findChromium } from './support/chromium.js';

const CHROMIUM = findChromium();
let browser: Browser;
let server: Server;
let url: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get update && apt-get install -y chromium (.ci/run does this)`);
  ({ url, server } = await startDashboard(0));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe('dashboard', () => {
  it('loads without console errors, redraws on option edits, streams a training run, and saves a screenshot', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(url);
    await page.waitForSelector('#curve canvas');
    expect(await page.getAttribute('#curve', 'data-steps')).toBe('500');
    const version = Number(await page.getAttribute('#curve', 'data-version'));

    await page.fill('#options', '{"steps": 200}');
    await page.waitForFunction((v) => Number(document.getElementById('curve')!.dataset['version']) > v, version);
    expect(await page.getAttribute('#curve', 'data-steps')).toBe('200');

    await page.fill('#options', '{"steps": 0}');
    await page.waitForFunction(() => document.getElementById('error')!.textContent!.length > 0);
    expect(await page.textContent('#error')).toMatch(/oneCyclePhases: steps must be a positive integer, got 0/);
    await page.fill('#options', '{"steps": 120}');

    await page.click('#train');
    await page.waitForFunction(() => Number(document.getElementById('live')!.dataset['points'] ?? 0) > 10, undefined, { timeout: 60_000 });
    await page.waitForFunction(() => document.getElementById('status')!.textContent!.startsWith('done'), undefined, { timeout: 60_000 });
    expect(await page.textContent('#status')).toBe('done: 120 steps');
    // Throttled to the frame rate, yet the last frame shows every batch: the latest value is never dropped.
    await page.waitForFunction(() => document.getElementById('live')!.dataset['points'] === document.getElementById('live')!.dataset['batches']);
    expect(Number(await page.getAttribute('#live', 'data-batches'))).toBeGreaterThanOrEqual(120);

    mkdirSync('artifacts', { recursive: true });
    await page.screenshot({ path: 'artifacts/dashboard.png', fullPage: true });
    expect(errors).toEqual([]);
  }, 120_000);
});
