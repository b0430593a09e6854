// The dashboard's cost on the training side: what watching a run adds per value (synchronously,
// and end to end with a page connected at 10^4 values a second), the planned curve of a 10^7-step
// policy, and the history's memory after 10^7 values.
import { spawn, type ChildProcess } from 'node:child_process';
import { share, Subject } from 'rxjs';
import { serveDashboard } from '../lib/dashboard/index.js';
import { shapeColumns } from '../lib/dashboard/shapeColumns.js';
import { DashboardStore } from '../lib/dashboard/store.js';
import { OptimizerPolicy, oneCyclePhases } from '../lib/index.js';
import { buildDashboard } from '../scripts/build-dashboard.js';
import { fmt, heapUsed, interleave } from './harness.js';

await buildDashboard();
const N = 1_000_000;

function section(title: string): void {
  console.log(`\n## ${title}`);
}

// 1. Per value, synchronously: a driven policy with its sink, with and without watch().
section(`watch(): added cost per value, ${N} steps of a 2-parameter policy through a Subject (medians of 7)`);
{
  const dashboard = await serveDashboard();
  let runs = 0;
  const run = (watched: boolean) => () => {
    const policy = new OptimizerPolicy(oneCyclePhases({ steps: N }));
    const step$ = new Subject<void>();
    const values$ = policy.drive(step$).pipe(share());
    const optimizer = { lr: 0, momentum: 0 };
    values$.subscribe((v) => {
      optimizer.lr = v.lr;
      optimizer.momentum = v.momentum;
    });
    if (watched) dashboard.watch(policy, values$, { name: `run ${runs++}` });
    for (let i = 0; i < N; i++) step$.next();
  };
  const t = interleave(7, { sink: run(false), 'sink + watch': run(true) });
  // One step carries two values (lr and momentum).
  const perStep = ((t['sink + watch']! - t['sink']!) * 1000) / N;
  console.log(
    `sink only ${fmt(t['sink']!)} ms, sink + watch ${fmt(t['sink + watch']!)} ms: watch adds ${fmt(perStep, 3)} µs a step, ${fmt(perStep / 2, 3)} µs a value (budget 1 µs)`,
  );
  await dashboard.close();
}

// 2. End to end: 10^4 steps a second (a policy value and a loss point each) with one page
//    connected (its SSE stream read in another process), the process's CPU time against the same
//    run without a dashboard. The first 2 s are timed apart: they hold what happens once (the
//    planned curve, the first snapshot, the code's first compilations); the 10 s after them are
//    the steady state a long training run sees.
section('end to end: 10^4 steps/s, 2 s of warm-up then 10 s, one page connected; process CPU against no dashboard (3 pairs)');
{
  const RATE = 10_000;
  const WARM = 2;
  const SECONDS = 10;
  interface Usage {
    warm: number;
    cpu: number;
    user: number;
    bytes: number;
  }
  const drive = async (watched: boolean): Promise<Usage> => {
    const dashboard = watched ? await serveDashboard() : undefined;
    // The page's side runs in another process, as a browser would: only the server's work is timed.
    let reader: ChildProcess | undefined;
    let report = Promise.resolve('0');
    if (dashboard) {
      const script = `let n=0;require('http').get(${JSON.stringify(`${dashboard.url}events`)},{agent:false},(r)=>{console.log('open');r.on('data',(c)=>n+=c.length);r.on('end',()=>{console.log(n)})})`;
      const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
      reader = child;
      let out = '';
      report = new Promise<string>((resolve) => child.on('exit', () => resolve(out.trim().split('\n').at(-1) ?? '0')));
      await new Promise<void>((resolve) => child.stdout.on('data', (c: Buffer) => ((out += String(c)), out.includes('open') && resolve())));
    }
    const total = RATE * (WARM + SECONDS);
    const policy = new OptimizerPolicy(oneCyclePhases({ steps: total }));
    const step$ = new Subject<void>();
    const loss$ = new Subject<number>();
    const values$ = policy.drive(step$).pipe(share());
    values$.subscribe();
    dashboard?.watch(policy, values$);
    dashboard?.metric('loss', loss$);
    const start = process.cpuUsage();
    let steady = start;
    let done = 0;
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        for (let i = 0; i < RATE / 100; i++, done++) {
          step$.next();
          loss$.next(1 / (done + 1));
        }
        if (done === RATE * WARM) steady = process.cpuUsage();
        if (done >= total) {
          clearInterval(timer);
          resolve();
        }
      }, 10);
    });
    await new Promise((r) => setTimeout(r, 100)); // the last update goes out
    const warm = process.cpuUsage(start);
    const used = process.cpuUsage(steady);
    await dashboard?.close();
    const bytes = Number(await report);
    reader?.kill();
    const ms = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
    return { warm: ms(warm) - ms(used), cpu: ms(used), user: used.user / 1000, bytes };
  };
  const base: Usage[] = [];
  const watched: Usage[] = [];
  for (let r = 0; r < 3; r++) {
    base.push(await drive(false));
    watched.push(await drive(true));
  }
  // The middle run of each kind: on a shared machine one run of three is often disturbed.
  const middle = (runs: Usage[], key: 'warm' | 'cpu') => [...runs].sort((x, y) => x[key] - y[key])[1]!;
  const b = middle(base, 'cpu');
  const w = middle(watched, 'cpu');
  const userShare = (w.user - b.user) / (w.cpu - b.cpu);
  const values = RATE * SECONDS * 2;
  const bytes = middle(watched, 'cpu').bytes;
  console.log(
    `steady 10 s: CPU without dashboard ${fmt(b.cpu, 0)} ms, with ${fmt(w.cpu, 0)} ms (medians of 3): ${fmt(((w.cpu - b.cpu) * 1000) / values, 3)} µs per value amortised ` +
      `(${values} values, updates included; ${fmt(100 * userShare, 0)}% of it in user space, the rest the kernel's socket writes)`,
  );
  console.log(
    `first 2 s (once per run): ${fmt(middle(watched, 'warm').warm - middle(base, 'warm').warm, 0)} ms more CPU with the dashboard; ` +
      `${fmt(bytes / 1024, 0)} KiB sent to the page in all (${fmt(bytes / (WARM + SECONDS) / 1024, 0)} KiB/s)`,
  );
}

// 3. A 10^7-step run: the planned curve's first computation, and the history's memory.
section('a 10^7-step run: planned curve and bounded history');
{
  const steps = 10_000_000;
  {
    // The planned curve read step by step (sampled above 2^21 steps: what a policy of another
    // copy of the library gets), against the spaces' shapes (what serveDashboard uses).
    const policy = new OptimizerPolicy(oneCyclePhases({ steps }));
    const sampled = new DashboardStore('bench', () => {}, () => {});
    const shaped = new DashboardStore('bench', () => {}, () => {}, { planned: shapeColumns });
    sampled.watch(policy, new Subject<never>(), { name: 'sampled' });
    shaped.watch(policy, new Subject<never>(), { name: 'shaped' });
    let t = performance.now();
    sampled.delta();
    const bySteps = performance.now() - t;
    t = performance.now();
    shaped.delta();
    const byShapes = performance.now() - t;
    console.log(`planned curve of 10^7 steps, first update: ${fmt(bySteps, 0)} ms read step by step (sampled), ${fmt(byShapes, 1)} ms from the spaces' shapes (exact): ${fmt(bySteps / byShapes, 0)}x`);
  }
  const before = heapUsed();
  const store = new DashboardStore('bench', () => {}, () => {}, { planned: shapeColumns });
  const policy = new OptimizerPolicy(oneCyclePhases({ steps }));
  const step$ = new Subject<void>();
  const values$ = policy.drive(step$).pipe(share());
  values$.subscribe();
  store.watch(policy, values$);
  let t = performance.now();
  store.delta(); // the first update computes the planned curve
  const planned = performance.now() - t;
  t = performance.now();
  for (let i = 0; i < steps; i++) step$.next();
  const stepping = performance.now() - t;
  const message = JSON.stringify(store.snapshot());
  const after = heapUsed();
  console.log(
    `planned curve of 10^7 steps: ${fmt(planned, 1)} ms (once, warm); 10^7 values watched in ${fmt(stepping, 0)} ms; ` +
      `heap growth ${fmt((after - before) / 1024, 0)} KiB; a reloading page gets ${fmt(message.length / 1024, 0)} KiB`,
  );
}
