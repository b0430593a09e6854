// The browser finder used by the browser tests (spec/support/chromium.ts).
import { describe, expect, it } from 'vitest';
import { findChromium } from './support/chromium.js';

describe('findChromium', () => {
  it('prefers RX_POLICY_CHROMIUM, then CHROMIUM_PATH, over the usual locations', () => {
    const all = () => true;
    expect(findChromium({ RX_POLICY_CHROMIUM: '/opt/a/chrome', CHROMIUM_PATH: '/opt/b/chrome' }, all)).toBe('/opt/a/chrome');
    expect(findChromium({ CHROMIUM_PATH: '/opt/b/chrome' }, all)).toBe('/opt/b/chrome');
    expect(findChromium({}, all)).toBe('/usr/bin/chromium');
  });

  it('refuses a variable that names no executable, naming the variable and its value', () => {
    expect(() => findChromium({ CHROMIUM_PATH: '/nowhere/chrome' }, () => false)).toThrow(/CHROMIUM_PATH=\/nowhere\/chrome is not an executable file/);
  });

  it('looks up the usual command names on PATH', () => {
    const found = findChromium({ PATH: '/x/bin:/y/bin' }, (f) => f === '/y/bin/google-chrome');
    expect(found).toBe('/y/bin/google-chrome');
  });

  it('without any browser, fails with how to install one', () => {
    expect(() => findChromium({ PATH: '/x/bin' }, () => false)).toThrow(/apt-get install -y chromium/);
  });

  it('finds the browser of this machine (the browser tests need one)', () => {
    expect(findChromium()).toMatch(/chrom/i);
  });
});
