// Runs example modules one after the other in this process and prints one JSON line of results:
// `node run-examples.mjs manifest.json`, the manifest a list of { id, file }. The working
// directory is the caller's choice (a scratch folder, so examples that write files leave the
// project alone). An example passes when its module evaluates (top-level await included) within
// the time limit, without throwing and without an unhandled rejection, and every `__expect`
// it makes holds. What examples print is kept, not shown.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

const LIMIT_MS = Number(process.env.EXAMPLE_TIMEOUT_MS ?? 30_000);
const manifest = JSON.parse(readFileSync(process.argv[2], 'utf8'));

function close(actual, expected) {
  if (typeof actual === 'number' && typeof expected === 'number') {
    if (Number.isNaN(expected)) return Number.isNaN(actual);
    return actual === expected || Math.abs(actual - expected) <= 1e-12 * Math.max(1, Math.abs(expected));
  }
  if (Array.isArray(expected)) {
    const a = Array.isArray(actual) ? actual : actual != null && typeof actual[Symbol.iterator] === 'function' && typeof actual !== 'string' ? [...actual] : undefined;
    return a !== undefined && a.length === expected.length && expected.every((e, i) => close(a[i], e));
  }
  if (expected !== null && typeof expected === 'object' && actual !== null && typeof actual === 'object') {
    const keys = Object.keys(expected);
    return keys.length === Object.keys(actual).length && keys.every((k) => close(actual[k], expected[k]));
  }
  return isDeepStrictEqual(actual, expected);
}

let current;
globalThis.__expect = (actual, expected, line) => {
  if (!close(actual, expected)) {
    const show = (v) => { try { return JSON.stringify(v) ?? String(v); } catch { return String(v); } };
    current.failures.push(`line ${line}: got ${show(actual)}, the example says ${show(expected)}`);
  }
};
process.on('unhandledRejection', (err) => current?.failures.push(`unhandled rejection: ${String(err?.stack ?? err).split('\n').slice(0, 6).join('\n')}`));
// RxJS reports an error no subscriber handles by throwing it from a timer.
process.on('uncaughtException', (err) => current?.failures.push(`uncaught: ${String(err?.stack ?? err).split('\n').slice(0, 6).join('\n')}`));

const quiet = {};
for (const name of ['log', 'info', 'warn', 'error', 'debug', 'table']) quiet[name] = console[name];
const results = [];
for (const { id, file } of manifest) {
  current = { id, failures: [] };
  for (const name of Object.keys(quiet)) console[name] = () => {};
  let timer;
  try {
    await Promise.race([
      import(pathToFileURL(file).href),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`did not finish within ${LIMIT_MS} ms`)), LIMIT_MS))),
    ]);
    // Let rejections and checks of work the module started settle.
    await new Promise((r) => setTimeout(r, 0));
  } catch (err) {
    current.failures.push(String(err?.stack ?? err).split('\n').slice(0, 6).join('\n'));
  } finally {
    clearTimeout(timer);
    Object.assign(console, quiet);
  }
  results.push(current);
}
process.stdout.write(`${JSON.stringify(results)}\n`);
process.exit(0);
