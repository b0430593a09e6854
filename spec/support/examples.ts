// The code examples of the documentation, as runnable modules: every `@example` in the doc
// comments under lib/ and every ts/js code block of README.md and docs/*.md. The conventions
// (docs/examples.md):
// - an example is a complete module: it imports what it uses, from 'rx-policy' or
//   'rx-policy/plot' as a user would, and defines any data it needs;
// - a line `expression; // → value` states a result: the example fails unless the expression
//   equals the value (deep equality; numbers to 12 significant digits). With a declaration,
//   `const x = f(); // → value`, the declared name is checked;
// - an example that is deliberately not complete starts with the line `// fragment` (a reason may
//   follow: `// fragment: needs a browser`) and is not run.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface Example {
  /** Where it is: `lib/policy.ts:31` (the line of its `@example` or of its code fence). */
  readonly id: string;
  readonly code: string;
  readonly fragment: boolean;
}

const FENCE = /^(\s*)```+\s*([\w-]*)(.*)$/;
const LANGS = new Set(['ts', 'typescript', 'js', 'javascript', 'mjs', 'mts']);
const FRAGMENT = /^\s*\/\/\s*fragment\b/i;

const isFragment = (code: string): boolean => FRAGMENT.test(code.split('\n').find((l) => l.trim() !== '') ?? '');

/** The ts/js fenced blocks of a markdown text, with the line of each opening fence (1-based). */
export function markdownBlocks(text: string, firstLine = 1): { line: number; code: string }[] {
  const out: { line: number; code: string }[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]!);
    if (!open) continue;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !/^\s*```/.test(lines[j]!); j++) body.push(lines[j]!.slice(Math.min(open[1]!.length, lines[j]!.search(/\S|$/))));
    if (LANGS.has(open[2]!.toLowerCase())) out.push({ line: firstLine + i, code: body.join('\n') });
    i = j;
  }
  return out;
}

/** The `@example`s of the doc comments of a TypeScript source. */
export function docExamples(source: string): { line: number; code: string }[] {
  const out: { line: number; code: string }[] = [];
  for (const m of source.matchAll(/\/\*\*([\s\S]*?)\*\//g)) {
    const startLine = source.slice(0, m.index).split('\n').length;
    const lines = m[1]!.split('\n').map((l, i) => (i === 0 ? l : l.replace(/^\s*\* ?/, '')));
    for (let i = 0; i < lines.length; i++) {
      const tag = /^\s*@example\b\s?(.*)$/.exec(lines[i]!);
      if (!tag) continue;
      const body: string[] = tag[1]!.trim() === '' ? [] : [tag[1]!];
      let inFence = false;
      let j = i + 1;
      for (; j < lines.length; j++) {
        if (/^\s*```/.test(lines[j]!)) inFence = !inFence;
        if (!inFence && /^\s*@[a-zA-Z]+/.test(lines[j]!)) break;
        body.push(lines[j]!);
      }
      const text = body.join('\n').replace(/\s+$/, '');
      if (/^\s*```/m.test(text)) {
        // With fences, the text outside them is the example's title; the fenced blocks are the code.
        for (const block of markdownBlocks(text, startLine + i + (tag[1]!.trim() === '' ? 1 : 0))) out.push(block);
      } else {
        out.push({ line: startLine + i, code: text });
      }
      i = j - 1;
    }
  }
  return out;
}

function files(dir: string, suffix: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(suffix) && !e.name.endsWith('.d.ts'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** Every example of the project under `root`: lib/ doc comments, README.md, docs/*.md. */
export function collectExamples(root: string): Example[] {
  const out: Example[] = [];
  const add = (file: string, blocks: { line: number; code: string }[]) => {
    for (const b of blocks) out.push({ id: `${relative(root, file)}:${b.line}`, code: b.code, fragment: isFragment(b.code) });
  };
  for (const file of files(join(root, 'lib'), '.ts')) add(file, docExamples(readFileSync(file, 'utf8')));
  add(join(root, 'README.md'), markdownBlocks(readFileSync(join(root, 'README.md'), 'utf8')));
  for (const file of files(join(root, 'docs'), '.md').filter((f) => !relative(root, f).startsWith(join('docs', 'api')))) {
    add(file, markdownBlocks(readFileSync(file, 'utf8')));
  }
  return out;
}

/**
 * The example's source with its stated results checked: `expr; // → value` becomes a call of
 * `__expect(expr, value, line)` (a global the runner defines).
 */
export function withChecks(code: string): string {
  return code
    .split('\n')
    .map((line, i) => {
      const m = /^(\s*)(.*?);?\s*\/\/\s*→\s*(.+?)\s*$/.exec(line);
      if (!m || m[2]!.trim() === '') return line;
      const [, indent, stmt, value] = m as unknown as [string, string, string, string];
      const decl = /^(?:const|let|var)\s+([A-Za-z_$][\w$]*)\b/.exec(stmt);
      if (decl) return `${indent}${stmt}; __expect(${decl[1]}, (${value}), ${i + 1});`;
      return `${indent}__expect((${stmt}), (${value}), ${i + 1});`;
    })
    .join('\n');
}
