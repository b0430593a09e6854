// Builds dist/ for the package: `npm run build`, and through `prepare`, which npm runs on
// `npm pack` and `npm publish`, when a package is installed from git, and after `npm ci` in a
// clone. Three layouts of the same code, each for the tool that reads it:
//
// - Node, ESM (`node` + `import` in `exports`): the entry points bundled with esbuild, the code
//   they share split into one chunk. Importing the core then reads two files instead of one per
//   module, which was most of Node's start-up cost.
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
import { build, type BuildOptions, type Plugin } from 'esbuild';

const pkg = JSON.parse(await readFile('package.json', 'utf8')) as {
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
};
const external = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})].flatMap((name) => [name, `${name}/*`]);

// The library's entry points. They are bundled together with code splitting: what several of them
// use (Phase, the plot hook the core and rx-policy/plot meet at) sits in one shared chunk, so each
// class and each piece of module state exists once, and `instanceof Phase` holds across entry points.
const entries: Record<string, string> = {
  index: 'lib/index.ts',
  'plot/index': 'lib/plot/index.ts',
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

// The CLI is bundled on its own and imports the library from its bundles (dist/index.js,
// dist/plot/index.js, …), so it shares their state; only the core's private helpers of lib/internal
// that it uses directly are copied into it.
const lib = resolve('lib');
const folderOf = (file: string): string | undefined => {
  const rel = relative(lib, file).split(sep);
  return rel.length > 1 ? rel[0] : undefined;
};
const linkToBundles: Plugin = {
  name: 'link-to-bundles',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, (args) => {
      const target = resolve(dirname(args.importer), args.path.replace(/\.js$/, '.ts'));
      const to = folderOf(target);
      if (to === 'cli' || to === 'internal') return undefined;
      const bundle = to !== undefined && `${to}/index` in entries ? `${to}/index` : 'index';
      return { path: posix.relative('cli', `${bundle}.js`), external: true };
    });
  },
};

await rm('dist', { recursive: true, force: true });

const common: BuildOptions = {
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  external: [...external, 'node:*'],
  sourcemap: false,
  legalComments: 'none',
  // Node parses the whole bundle on import, and compiling it is most of the import's cost: no
  // comments or indentation, and constant-folded syntax, but names kept (stack traces, `label`).
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
};
await build({ ...common, entryPoints: entries, outdir: 'dist', splitting: true, chunkNames: 'shared/[name]-[hash]' });
await build({ ...common, entryPoints: { 'cli/main': 'lib/cli/main.ts' }, outdir: 'dist', plugins: [linkToBundles] });

// The dashboard's prebuilt page (HTML, CSS, the browser scripts, mountDashboard for the browser)
// goes next to its Node bundle, where its server looks for it.
const dashboardBuild = 'scripts/build-dashboard.ts';
if ('dashboard/index' in entries && (await exists(dashboardBuild))) {
  const { buildDashboard } = (await import(`../${dashboardBuild}`)) as { buildDashboard: (outDir: string) => Promise<unknown> };
  await buildDashboard(resolve('dist', 'dashboard'));
}

// CommonJS: convert the library's bundles and their shared chunk (the CLI is an ES module only, as
// its bin; the dashboard's browser scripts are no modules of Node's).
const esm = [...Object.keys(entries).map((e) => join('dist', `${e}.js`)), ...(await files(join('dist', 'shared'), '.js'))];
await build({
  entryPoints: esm,
  outdir: 'dist/cjs',
  outbase: 'dist',
  bundle: false,
  format: 'cjs',
  platform: 'node',
  target: 'es2022',
  // A module that finds its files next to itself (import.meta.url: the dashboard's prebuilt page)
  // finds them in CommonJS too: its URL is its ES twin's, dist/cjs/x/y.js reading as dist/x/y.js,
  // so the files ship once.
  define: { 'import.meta.url': '__rxpModuleUrl' },
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
});
const moduleUrl = String.raw`const __rxpModuleUrl = require("node:url").pathToFileURL(__filename.replace(/[\/]cjs(?=(?:[\/][^\/]+){1,2}$)/, "")).href;`;
for (const file of await files('dist/cjs', '.js')) {
  const text = await readFile(file, 'utf8');
  // After the "use strict" directive, which must stay first.
  if (text.includes('__rxpModuleUrl')) await writeFile(file, text.replace(/^"use strict";\n?/, (strict) => `${strict}${moduleUrl}\n`));
}
await writeFile('dist/cjs/package.json', '{ "type": "commonjs" }\n');

// One module per source module, for bundlers.
// (Not the CLI, and not the dashboard: bundlers get its prebuilt browser bundle, dist/dashboard/mount.js.)
const sources = (await files('lib', '.ts')).filter((f) => !f.endsWith('.d.ts') && !f.startsWith(join('lib', 'cli')) && !f.startsWith(join('lib', 'dashboard')));
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

console.log(`dist: ${Object.keys(entries).join(', ')} and the CLI for Node (ESM, and CommonJS in dist/cjs), ${sources.length} modules for bundlers in dist/esm`);
