import { execFileSync } from 'node:child_process';
const v = { empty: './.exp/empty.mjs', rxonly: './.exp/rxonly.mjs', dist: './dist/index.js', ws: './.exp/ws.mjs' };
const t = {}; for (const k in v) t[k] = [];
for (let r = 0; r < 25; r++) for (const [k, s] of Object.entries(v)) {
  t[k].push(Number(execFileSync('node', ['--input-type=module', '-e', `await import('rxjs'); const c0=process.cpuUsage(); await import('${s}'); const c=process.cpuUsage(c0); console.log((c.user+c.system)/1000)`], { encoding: 'utf8' })));
}
for (const k in t) { const a = t[k].sort((x, y) => x - y); console.log(k, a[a.length >> 1].toFixed(2)); }
