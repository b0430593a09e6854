import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { optionsReference } from '../../lib/cli/reference.js';
import { presets } from '../../lib/index.js';

describe('the options reference', () => {
  it('docs/options.md is what the declarations give (regenerate: npx tsx lib/cli/main.ts presets --markdown > docs/options.md)', () => {
    expect(readFileSync(new URL('../../docs/options.md', import.meta.url), 'utf8')).toBe(`${optionsReference()}\n`);
  });

  it('has a table for every preset, with a row for every option', () => {
    const text = optionsReference();
    for (const [name, entry] of Object.entries(presets)) {
      expect(text).toContain(`## ${name}\n`);
      for (const option of entry.options) expect(text).toContain(`| \`${option}\` |`);
    }
    expect(text).toContain('| `maxLr` | a finite number | **required** |');
    expect(text).toContain("| `scaleMode` | one of 'cycle', 'iterations' | `\"cycle\"` | scaleFn |");
  });
});
