// The preset explorer (`rx-policy dashboard`) in Chromium: a form generated from each preset's
// option declarations, curves that redraw, and pinned curves compared with where they differ.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDashboard, type DashboardServer } from '../../lib/dashboard/index.js';
import { buildDashboard } from '../../scripts/build-dashboard.js';
import { launch, watchErrors } from './chromium.js';

let browser: Browser;
let dashboard: DashboardServer;

beforeAll(async () => {
  await buildDashboard();
  dashboard = await serveDashboard();
  browser = await launch();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await dashboard?.close();
});

const body = (page: Page) => page.evaluate(() => ({ ...document.body.dataset }));
async function redrawn(page: Page, after: string | undefined): Promise<void> {
  await page.waitForFunction((v) => document.body.dataset['version'] !== v, after);
}

describe('preset explorer in Chromium', () => {
  it('edits a preset through its generated form and compares presets, with where they first differ', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = watchErrors(page);
    await page.goto(`${dashboard.url}explore`);
    await page.waitForFunction(() => document.body.dataset['version'] !== undefined);
    expect(await body(page)).toMatchObject({ steps: '500', curves: '1' });
    expect(await page.locator('.rxp-card[data-param]').count()).toBe(2); // lr and momentum
    // One field per declared option, with its type's control, doc and default.
    expect(await page.inputValue('input[name="steps"]')).toBe('500');
    expect(await page.getAttribute('input[name="finetuneLr"]', 'placeholder')).toBe('default: 0.01');

    let v = (await body(page))['version'];
    await page.fill('input[name="steps"]', '200');
    await redrawn(page, v);
    expect((await body(page))['steps']).toBe('200');

    await page.fill('input[name="steps"]', '0');
    await page.waitForFunction(() => document.getElementById('rxp-error')!.textContent !== '');
    expect(await page.textContent('#rxp-error')).toMatch(/steps/);
    expect(await page.getAttribute('input[name="steps"]', 'aria-invalid')).toBe('true');
    v = (await body(page))['version'];
    await page.fill('input[name="steps"]', '500');
    await redrawn(page, v);
    expect(await page.textContent('#rxp-error')).toBe('');

    // Pin Poutyne's one-cycle, then look at PyTorch's OneCycleLR next to it.
    await page.click('#rxp-pin');
    await page.waitForFunction(() => document.body.dataset['curves'] === '2');
    expect(await page.textContent('#rxp-diff')).toContain('oneCycle: same values as the current curve over all 500 steps');
    v = (await body(page))['version'];
    await page.selectOption('#rxp-preset', 'pytorch.oneCycleLR');
    await redrawn(page, v);
    expect(await page.locator('select[name="annealStrategy"] option').allTextContents()).toEqual(['(default: "cos")', 'cos', 'linear']);
    expect(await page.textContent('#rxp-diff')).toMatch(/^oneCycle: first differs at step 0: lr [\d.e-]+ vs [\d.e-]+ \(current\)$/);
    v = (await body(page))['version'];
    await page.selectOption('select[name="annealStrategy"]', '"linear"');
    await redrawn(page, v);
    await page.click('#rxp-pin');
    v = (await body(page))['version'];
    await page.selectOption('#rxp-preset', 'fastai.fitOneCycle');
    await redrawn(page, v);
    expect(await body(page)).toMatchObject({ curves: '3', steps: '500' });
    expect(await page.locator('#rxp-diff p').count()).toBe(2);
    expect(await page.textContent('.rxp-compare')).toContain('pytorch.oneCycleLR {"maxLr":1,"totalSteps":500,"annealStrategy":"linear"}');

    await page.screenshot({ path: 'artifacts/explorer-wide.png', fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(200);
    await page.screenshot({ path: 'artifacts/explorer-390.png', fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: 'artifacts/explorer-dark.png', fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('draws every preset of the list, or names what it lacks (a function option has no form field)', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = watchErrors(page);
    await page.goto(`${dashboard.url}explore`);
    await page.waitForFunction(() => document.body.dataset['version'] !== undefined);
    const names = await page.locator('#rxp-preset option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(names.length).toBeGreaterThan(40);
    const failing: Record<string, string> = {};
    for (const name of names) {
      await page.selectOption('#rxp-preset', name);
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const error = (await page.textContent('#rxp-error')) ?? '';
      if (error !== '') failing[name] = error;
    }
    expect(failing).toEqual({ 'pytorch.multiplicativeLR': 'pytorch.multiplicativeLR: lrLambda must be a function (epoch: number) => number, got undefined' });
    expect(await page.locator('#rxp-fields input[name="lrLambda"], input[name="lrLambda"]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
