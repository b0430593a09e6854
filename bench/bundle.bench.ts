// Page weight: what a browser app pays for rx-policy. Bundles a few typical imports with esbuild
// for the browser (minified, rxjs external, as an app that already uses RxJS has it) from the
// built package, by its name, and prints each bundle's size gzipped. Builds dist/ first when the
// sources are newer. The budget for { OptimizerPolicy, oneCyclePhases } is 4 KB gzipped.
// `RXP_BASELINE=<dir>` (another build's package.json and dist/) prints that build's sizes beside.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { builtPackage } from '../spec/support/dist.js';

const root = await builtPackage();
const cases: Record<string, string> = {
  '{ OptimizerPolicy, oneCyclePhases } (budget 4 KB)': "export { OptimizerPolicy, oneCyclePhases } from 'rx-policy';",
  '{ linspace }': "export { linspace } from 'rx-policy';",
  '{ OptimizerPolicy, Phase, linspace, cosinespace }': "export { OptimizerPolicy, Phase, linspace, cosinespace } from 'rx-policy';",
  '{ pytorch, OptimizerPolicy }': "export { pytorch, OptimizerPolicy } from 'rx-policy';",
  'everything (import *)': "export * from 'rx-policy';",
};
const baseline = process.env.RXP_BASELINE;
const gzipped = async (dir: string, contents: string) => {
  const out = await build({ stdin: { contents, resolveDir: dir, loader: 'js' }, bundle: true, minify: true, format: 'esm', platform: 'browser', external: ['rxjs'], write: false, logLevel: 'silent' });
  const code = out.outputFiles[0]!.contents;
  return { bytes: code.length, gz: gzipSync(code, { level: 9 }).length };
};
const size = ({ bytes, gz }: { bytes: number; gz: number }) => `${String(bytes).padStart(7)} B / ${(gz / 1024).toFixed(2)} KB`;
console.log(`browser bundle, minified, rxjs external: bytes / gzipped KB${baseline === undefined ? '' : ', then the baseline build the same way'}`);
for (const [name, contents] of Object.entries(cases)) {
  const base = baseline === undefined ? '' : `   baseline ${size(await gzipped(baseline, contents))}`;
  console.log(`  ${name.padEnd(52)} ${size(await gzipped(root, contents))}${base}`);
}
