// Runs every code example of the documentation against the built package, as optax runs its
// doctests: each `@example` of lib/'s doc comments and each ts/js block of README.md and docs/*.md
// (conventions in docs/examples.md and spec/support/examples.ts). Each is type-checked against the
// package's declarations and run. One test per example; the ones marked `// fragment` are listed,
// not run.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { transform } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtPackage, root } from './support/dist.js';
import { collectExamples, docExamples, markdownBlocks, withChecks } from './support/examples.js';

const examples = collectExamples(root);
const runnable = examples.filter((e) => !e.fragment);
const results = new Map<string, string[]>();

beforeAll(async () => {
  await builtPackage();
  // Inside the project, so that 'rx-policy' resolves to the built package by its own name and the
  // peers (rxjs, TF.js, vega) resolve from its node_modules.
  const dir = join(root, '.examples');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const manifest: { id: string; file: string }[] = [];
  for (const [i, example] of runnable.entries()) {
    const file = join(dir, `example-${i}.mjs`);
    let js: string;
    try {
      js = (await transform(withChecks(example.code), { loader: 'ts', format: 'esm', target: 'es2022', sourcefile: example.id })).code;
    } catch (err) {
      results.set(example.id, [`does not compile: ${(err as Error).message}`]);
      continue;
    }
    writeFileSync(file, `// ${example.id}\n${js}`);
    // The same example as TypeScript, for the type check below (`export {}` makes it a module).
    writeFileSync(join(dir, `example-${i}.ts`), `${example.code}\nexport {};\n`);
    manifest.push({ id: example.id, file });
  }
  // Type-check the examples against the built package's declarations, as a user's editor would.
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2022', 'dom'], types: ['node'], strict: true, noEmit: true, skipLibCheck: true },
      include: ['*.ts'],
    }),
  );
  const tsc = await promisify(execFile)(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(dir, 'tsconfig.json'), '--pretty', 'false'], { cwd: root, maxBuffer: 64 * 1024 * 1024 }).catch((err: { stdout?: string }) => ({ stdout: err.stdout ?? '' }));
  const typeErrors = new Map<string, string[]>();
  for (const line of tsc.stdout.split('\n')) {
    const m = /example-(\d+)\.ts\((\d+),\d+\): (error TS\d+: .*)$/.exec(line);
    if (!m) continue;
    const id = runnable[Number(m[1])]!.id;
    typeErrors.set(id, [...(typeErrors.get(id) ?? []), `type error, line ${m[2]}: ${m[3]}`]);
  }
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  const scratch = mkdtempSync(join(tmpdir(), 'rx-policy-examples-'));
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [join(root, 'spec', 'support', 'run-examples.mjs'), join(dir, 'manifest.json')], {
      cwd: scratch,
      maxBuffer: 64 * 1024 * 1024,
      timeout: 600_000,
    });
    for (const r of JSON.parse(stdout.trim().split('\n').pop()!) as { id: string; failures: string[] }[]) results.set(r.id, [...(typeErrors.get(r.id) ?? []), ...r.failures]);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}, 660_000);

describe('documentation examples', () => {
  it('finds the examples of lib/ and README.md', () => {
    expect(examples.filter((e) => e.id.startsWith('lib/')).length).toBeGreaterThan(50);
    expect(examples.filter((e) => e.id.startsWith('README.md')).length).toBeGreaterThan(3);
  });

  for (const example of runnable) {
    it(`${example.id} runs`, () => {
      const failures = results.get(example.id);
      expect(failures, `${example.id} was not run`).toBeDefined();
      if (failures!.length > 0) throw new Error(`${example.id}:\n${failures!.join('\n')}\n--- the example:\n${example.code}`);
    });
  }
});

describe('example extraction', () => {
  it('reads a doc comment example to the next tag, and code fences inside one', () => {
    const src = ['/**', ' * Summary.', ' * @example', " * import { linspace } from 'rx-policy';", ' * [...linspace(0, 1, 3)]; // → [0, 0.5, 1]', ' * @returns x', ' */', '/**', ' * @example Title', ' * ```ts', ' * const a = 1;', ' * ```', ' */'].join('\n');
    expect(docExamples(src)).toEqual([
      { line: 3, code: "import { linspace } from 'rx-policy';\n[...linspace(0, 1, 3)]; // → [0, 0.5, 1]" },
      { line: 10, code: 'const a = 1;' },
    ]);
  });

  it('keeps only ts/js blocks of markdown', () => {
    expect(markdownBlocks('x\n```bash\nnpm test\n```\n```ts\nlet a = 1;\n```\n').map((b) => b.code)).toEqual(['let a = 1;']);
  });

  it('fails an example whose stated result is wrong, or that throws', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rx-policy-examples-check-'));
    try {
      const files = { wrong: '__expect([1, 2].length, 3, 7);', throws: "throw new RangeError('bad');", right: '__expect({ lr: 0.1 + 0.2 }, { lr: 0.3 }, 1);' };
      const manifest = Object.entries(files).map(([id, code]) => {
        writeFileSync(join(dir, `${id}.mjs`), code);
        return { id, file: join(dir, `${id}.mjs`) };
      });
      writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
      const { stdout } = await promisify(execFile)(process.execPath, [join(root, 'spec', 'support', 'run-examples.mjs'), join(dir, 'manifest.json')], { cwd: dir });
      const out = Object.fromEntries((JSON.parse(stdout) as { id: string; failures: string[] }[]).map((r) => [r.id, r.failures]));
      expect(out['wrong']).toEqual(['line 7: got 2, the example says 3']);
      expect(out['throws']![0]).toMatch(/RangeError: bad/);
      expect(out['right']).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('turns stated results into checks', () => {
    expect(withChecks('f(1); // → 2')).toBe('__expect((f(1)), (2), 1);');
    expect(withChecks('const x = f(1); // → { a: 1 }')).toBe('const x = f(1); __expect(x, ({ a: 1 }), 1);');
    expect(withChecks('f(1); // a comment')).toBe('f(1); // a comment');
  });
});
