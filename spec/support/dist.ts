// Makes sure dist/ is built from the current sources before a spec runs the built package: builds
// it (npm run build) when it is missing or older than any source, build script or config. Specs in
// parallel workers take a lock (an atomic mkdir) so that only one of them builds.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const stamp = join(root, 'dist', '.built');
const lock = join(root, 'node_modules', '.rx-policy-build-lock');

function newest(dir: string): number {
  let t = 0;
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) t = Math.max(t, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return t;
}

function fresh(): boolean {
  let built: number;
  try {
    built = statSync(stamp).mtimeMs;
  } catch {
    return false;
  }
  const inputs = Math.max(newest('lib'), ...['package.json', 'scripts/build.ts', 'tsconfig.json', 'tsconfig.build.json'].map((f) => statSync(join(root, f)).mtimeMs));
  return built >= inputs;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Builds dist/ if needed; returns the package's root. */
export async function builtPackage(): Promise<string> {
  if (fresh()) return root;
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (waited > 120_000) throw new Error(`builtPackage: ${lock} held for 2 minutes; remove it if no build is running`);
      await sleep(200);
    }
  }
  try {
    if (!fresh()) {
      execFileSync(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'scripts', 'build.ts')], { cwd: root, stdio: 'pipe' });
      writeFileSync(stamp, '');
    }
  } finally {
    rmdirSync(lock);
  }
  return root;
}
