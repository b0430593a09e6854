// The options reference of every preset, rendered from the presets' declarations: the page
// docs/options.md is this text (`rx-policy presets --markdown` prints it; a spec keeps the page
// in step with the declarations).
import { presets } from '../config.js';
import type { FieldInfo } from '../internal/options.js';

const cell = (text: string) => text.replace(/\|/g, '\\|');

function defaultOf(f: FieldInfo): string {
  if (f.required) return '**required**';
  if (f.default === undefined) return '–';
  return `\`${JSON.stringify(f.default)}\``;
}

/** The Markdown page: one table per preset, an option a row (type and range, default, mode, doc). */
export function optionsReference(): string {
  const out = [
    '# Preset options',
    '',
    'Every option of every preset, from its declaration (the same one that checks it, types it and',
    'fills in its default). `buildPolicy({ preset, options })`, the CLI (`rx-policy presets`) and the',
    'dashboard read the same declarations. An option outside its range, of another type, `null`, or',
    'a key that is not listed is a named error (`fn: option must be …, got X`), and a misspelt key',
    'names the closest one. *Mode* says when an option applies (it is checked always).',
    '',
  ];
  for (const [name, entry] of Object.entries(presets)) {
    out.push(`## ${name}`, '', entry.summary, '', '| option | type and range | default | mode | |', '|---|---|---|---|---|');
    for (const f of entry.fields) out.push(`| \`${f.name}\` | ${cell(f.expected)} | ${defaultOf(f)} | ${f.mode ?? ''} | ${cell(f.doc)} |`);
    out.push('');
  }
  return out.join('\n');
}
