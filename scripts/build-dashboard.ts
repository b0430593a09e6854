// Builds the dashboard's prebuilt page into dist/dashboard/ (`npm run build` runs it after the Node bundles):
//   assets/dashboard.html, assets/live.js     the page serveDashboard serves
//   assets/explorer.html, assets/explorer.js  the preset explorer (`rx-policy dashboard`)
//   assets/dashboard.css                      uPlot's stylesheet and the dashboard's
//   mount.js                                  mountDashboard for the browser, uPlot and CSS inside
// uPlot is bundled in, so that nothing of the build is needed at run time.
// `tsx scripts/build-dashboard.ts [outDir]` prints each file's size, raw and gzipped.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const page = join(root, 'lib', 'dashboard', 'page');

export interface BuiltFile {
  readonly file: string;
  readonly bytes: number;
  readonly gzip: number;
}

/** The dashboard's stylesheet: uPlot's, then the dashboard's own. */
export function dashboardCss(): string {
  const require = createRequire(import.meta.url);
  const uplotCss = readFileSync(join(dirname(require.resolve('uplot')), 'uPlot.min.css'), 'utf8');
  return `${uplotCss}\n${readFileSync(join(page, 'dashboard.css'), 'utf8')}`;
}

/** Builds every file into `outDir` (default dist/dashboard) and returns their sizes. */
export async function buildDashboard(outDir: string = join(root, 'dist', 'dashboard')): Promise<BuiltFile[]> {
  const assets = join(outDir, 'assets');
  mkdirSync(assets, { recursive: true });
  const css = dashboardCss();
  const common = { bundle: true, format: 'esm', platform: 'browser', target: 'es2022', minify: true, legalComments: 'none', logLevel: 'warning', write: false } as const;
  const outputs: [string, string | Uint8Array][] = [
    [join(assets, 'dashboard.css'), css],
    [join(assets, 'dashboard.html'), readFileSync(join(page, 'dashboard.html'))],
    [join(assets, 'explorer.html'), readFileSync(join(page, 'explorer.html'))],
  ];
  for (const [entry, out] of [
    ['live.ts', join(assets, 'live.js')],
    ['explorer.ts', join(assets, 'explorer.js')],
  ] as const) {
    const result = await build({ ...common, entryPoints: [join(page, entry)] });
    outputs.push([out, result.outputFiles[0]!.contents]);
  }
  const mount = await build({
    ...common,
    entryPoints: [join(root, 'lib', 'dashboard', 'mount.ts')],
    define: { __RXP_DASHBOARD_CSS__: JSON.stringify(css) },
  });
  outputs.push([join(outDir, 'mount.js'), mount.outputFiles[0]!.contents]);
  return outputs.map(([file, body]) => {
    // Written aside and renamed: a server starting meanwhile reads the old file or the new one.
    const aside = `${file}.${process.pid}.tmp`;
    writeFileSync(aside, body);
    renameSync(aside, file);
    const bytes = typeof body === 'string' ? Buffer.byteLength(body) : body.length;
    return { file, bytes, gzip: gzipSync(body).length };
  });
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const files = await buildDashboard(process.argv[2] === undefined ? undefined : resolve(process.argv[2]));
  for (const f of files) console.log(`${f.file.slice(root.length + 1).padEnd(40)} ${(f.bytes / 1024).toFixed(1).padStart(7)} KiB  ${(f.gzip / 1024).toFixed(1).padStart(6)} KiB gzipped`);
}
