// Serves the playground's training page on 127.0.0.1 (`npm run dashboard`). A development
// page: it bundles app.ts (TF.js included) with esbuild at start-up, which the packaged
// dashboard never does.
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { dashboardCss } from '../../scripts/build-dashboard.js';

const here = dirname(fileURLToPath(import.meta.url));

/** Bundles the page and starts the server; `port` 0 picks a free one. Resolves to its URL. */
export async function startDashboard(port = 5173): Promise<{ url: string; server: Server }> {
  const bundle = await build({
    entryPoints: [join(here, 'app.ts')],
    bundle: true,
    format: 'esm',
    write: false,
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
    define: { __RXP_DASHBOARD_CSS__: JSON.stringify(dashboardCss()) },
  });
  const js = bundle.outputFiles[0]!.text;
  const html = await readFile(join(here, 'index.html'), 'utf8');
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const [type, body] = path === '/' ? ['text/html', html] : path === '/app.js' ? ['text/javascript', js] : ['text/plain', ''];
    res.writeHead(body === '' ? 404 : 200, { 'content-type': `${type}; charset=utf-8`, 'x-content-type-options': 'nosniff' });
    res.end(body === '' ? 'not found' : body);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  const actual = typeof address === 'object' && address !== null ? address.port : port;
  return { url: `http://127.0.0.1:${actual}/`, server };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { url } = await startDashboard(Number(process.env['PORT'] ?? 5173));
  console.log(`rx-policy playground on ${url} (Ctrl+C to stop)`);
}
