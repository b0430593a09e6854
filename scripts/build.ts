// Builds dist/ for the package: `npm run build`, and `npm pack` / `npm publish` / a git install
// through `prepack`. Three layouts of the same code, each for the tool that reads it:
//
// - Node, ESM (`node` + `import` in `exports`): each entry point bundled into one file with
//   esbuild. Importing the core then reads one file instead of one per module, which was most of
//   Node's start-up cost. The feature entry points (plot, cli, dashboard) import the core from
//   its bundle instead of carrying a copy, so `instanceof Phase` holds across entry points.
// - Node, CommonJS (`require`): those bundles converted one by one into dist/cjs/ (a folder with
//   its own `"type": "commonjs"`).
// - Bundlers (`import` without `node`): one ES module per source module in dist/esm/, so that a
//   browser bundle keeps only the modules it uses (`sideEffects: false`). A single-file bundle
//   tree-shakes far worse: its statements are kept whenever a bundler cannot prove them pure.
// - Types: tsc's declarations, once for each module format (the copy in dist/cjs/ reads as CommonJS).
// Dependencies and peers stay external: a user's installed rxjs is the one the library uses.
// No source maps: the output is unminified, so stack traces already name readable code.
import { execFileSync } from 'node:child_process';
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import { build, type Plugin } from 'esbuild';

const pkg = JSON.parse(await readFile('package.json', 'utf8')) as {
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
};
const external = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})].flatMap((name) => [name, `${name}/*`]);

// Public entry points, plus lib/plot/plot.ts: Phase#plot and OptimizerPolicy#plot load it lazily
// by its path relative to their own module ('./plot/plot.js'), which dist/index.js keeps valid.
const entries: Record<string, string> = {
  index: 'lib/index.ts',
  'plot/index': 'lib/plot/index.ts',
  'plot/plot': 'lib/plot/plot.ts',
  'cli/main': 'lib/cli/main.ts',
};
for (const optional of ['dashboard/index']) {
  const file = `lib/${optional}.ts`;
  if (await exists(file)) entries[optional] = file;
}

async function exists(file: string): Promise<boolean> {
  return readFile(file).then(
    () => true,
    () => false,
  );
}

async function files(dir: string, suffix: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith(suffix)) out.push(join(entry.parentPath, entry.name));
  }
  return out.sort();
}

// Folders under lib/ whose code is not the core: each is bundled with its entry point, and imports
// everything else from the other bundles.
const features = new Set(Object.keys(entries).filter((e) => e.includes('/')).map((e) => e.split('/')[0]!));
const lib = resolve('lib');
const folderOf = (file: string): string | undefined => {
  const rel = relative(lib, file).split(sep);
  return rel.length > 1 ? rel[0] : undefined;
};
/** The bundle (path under dist/, no extension) that provides a lib/ module to other bundles. */
const bundleOf = (file: string): string => {
  const rel = relative(lib, file).replace(/\.ts$/, '').split(sep).join('/');
  if (rel in entries) return rel;
  const folder = folderOf(file);
  return folder !== undefined && features.has(folder) ? `${folder}/index` : 'index';
};
const linkBundles: Plugin = {
  name: 'link-bundles',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, (args) => {
      const from = folderOf(args.importer);
      if (from === undefined || !features.has(from)) return undefined;
      const target = resolve(dirname(args.importer), args.path.replace(/\.js$/, '.ts'));
      const to = folderOf(target);
      // Within its own folder, and the core's private helpers (pure functions), a feature bundles.
      if (to === from || to === 'internal') return undefined;
      const path = posix.relative(from, `${bundleOf(target)}.js`);
      return { path: path.startsWith('.') ? path : `./${path}`, external: true };
    });
  },
};

await rm('dist', { recursive: true, force: true });

await build({
  entryPoints: entries,
  outdir: 'dist',
  bundle: true,
  plugins: [linkBundles],
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  external: [...external, 'node:*'],
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
});

// CommonJS: convert every ESM file; the CLI is an ES module only (top-level await), as its bin.
const esm = (await files('dist', '.js')).filter((f) => !f.startsWith(join('dist', 'cli')));
await build({
  entryPoints: esm,
  outdir: 'dist/cjs',
  outbase: 'dist',
  bundle: false,
  format: 'cjs',
  platform: 'node',
  target: 'es2022',
  logLevel: 'warning',
});
await writeFile('dist/cjs/package.json', '{ "type": "commonjs" }\n');

// One module per source module, for bundlers.
const sources = (await files('lib', '.ts')).filter((f) => !f.endsWith('.d.ts') && !f.startsWith(join('lib', 'cli')));
await build({
  entryPoints: sources,
  outdir: 'dist/esm',
  outbase: 'lib',
  bundle: false,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  logLevel: 'warning',
});

// Declarations, then the CommonJS copy of them.
execFileSync(process.execPath, [join('node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
for (const dts of await files('dist', '.d.ts')) {
  if (dts.startsWith(join('dist', 'cjs'))) continue;
  const target = join('dist', 'cjs', relative('dist', dts));
  await mkdir(join(target, '..'), { recursive: true });
  await cp(dts, target);
}

console.log(`dist: ${esm.length} Node bundles and their CommonJS copies, the CLI, ${sources.length} modules for bundlers`);
