// Writes the generated parts of the documentation from the code's own declarations, so they
// cannot drift: the table of space types and their JSON keys in docs/schedule-format.md (between
// its space-keys markers). `npm run reference`; spec/reference.spec.ts checks they are up to date.
import { readFile, writeFile } from 'node:fs/promises';
import * as factories from '../lib/spaces/index.js';
import type { SpaceDefinition } from '../lib/space.js';

const code = (s: string) => `\`${s}\``;

/** The space types of the catalogue, each with its JSON keys: arguments, then options. */
export function spaceKeysTable(): string {
  const rows = ['| `type` | arguments | options (default) |', '|---|---|---|'];
  const definitions = Object.values(factories)
    .map((f) => (f as { definition?: SpaceDefinition }).definition)
    .filter((d): d is SpaceDefinition => d !== undefined)
    .sort((a, b) => a.name.localeCompare(b.name));
  for (const d of definitions) {
    const args = d.args.map((a) => `${code(a.name)}${'optional' in a && a.optional ? ' (optional)' : ''}${a.type === 'space' ? ': a space spec' : ''}`).join(', ');
    const options = Object.entries(d.options)
      .map(([key, o]) => {
        const decl = o as { json?: string; default?: unknown };
        return `${code(decl.json ?? key)}${'default' in decl && decl.default !== undefined ? ` (${JSON.stringify(decl.default)})` : ''}`;
      })
      .join(', ');
    rows.push(`| ${code(d.name)} | ${args} | ${options} |`);
  }
  return rows.join('\n');
}

/** `text` with the part between `<!-- NAME:begin -->` and `<!-- NAME:end -->` replaced. */
export function fill(text: string, name: string, body: string): string {
  const begin = `<!-- ${name}:begin -->`;
  const end = `<!-- ${name}:end -->`;
  const a = text.indexOf(begin);
  const b = text.indexOf(end);
  if (a < 0 || b < a) throw new Error(`reference: markers ${begin} … ${end} not found`);
  return `${text.slice(0, a + begin.length)}\n${body}\n${text.slice(b)}`;
}

export const SCHEDULE_FORMAT = 'docs/schedule-format.md';

if (import.meta.url === `file://${process.argv[1]}`) {
  await writeFile(SCHEDULE_FORMAT, fill(await readFile(SCHEDULE_FORMAT, 'utf8'), 'space-keys', spaceKeysTable()));
  console.log(`wrote the space types of ${SCHEDULE_FORMAT}`);
}
