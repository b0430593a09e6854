import { Subject, from, throwError } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { columnPoints } from '../../lib/dashboard/history.js';
import { DashboardStore, type DashboardMessage } from '../../lib/dashboard/store.js';
import type { PolicyLike } from '../../lib/dashboard/index.js';
import { OptimizerPolicy, Phase, linspace, oneCyclePhases } from '../../lib/index.js';

function store() {
  const errors: Error[] = [];
  let changes = 0;
  const s = new DashboardStore('serveDashboard', () => changes++, (e) => errors.push(e));
  return { s, errors, changes: () => changes };
}

const lrPolicy = (n: number) => new OptimizerPolicy([new Phase({ lr: linspace(0, 1, n) })]);

describe('DashboardStore.watch', () => {
  it('takes the planned curve from its planned hook, and reads the policy itself when the hook gives none', () => {
    const policy = lrPolicy(10);
    const mark = { width: 16, from: 0, data: [0, 7, 0, 7] };
    const hooked = new DashboardStore('serveDashboard', () => {}, () => {}, { planned: () => ({ lr: mark }) });
    hooked.watch(policy, new Subject<never>());
    expect(hooked.delta().runs[0]!.planned).toEqual({ lr: mark });
    const declined = new DashboardStore('serveDashboard', () => {}, () => {}, { planned: () => undefined });
    declined.watch(policy, new Subject<never>());
    expect(columnPoints(declined.delta().runs[0]!.planned!['lr']!).values).toEqual([...policy].map((v) => v.lr));
  });

  it('keeps a run, and a metric that follows it, at the resolution its whole length is drawn at', () => {
    const { s } = store();
    const policy = new OptimizerPolicy(oneCyclePhases({ steps: 100_000 }));
    const step$ = new Subject<void>();
    const loss$ = new Subject<number>();
    s.watch(policy, policy.drive(step$), { name: 'a' });
    s.metric('loss', loss$);
    for (let i = 0; i < 1000; i++) {
      step$.next();
      loss$.next(1 / (i + 1));
    }
    const message = s.delta();
    // 10^5 steps over 1024 buckets: 128 steps a bucket from the first value on.
    expect(message.runs[0]!.applied['lr']!.width).toBe(128);
    expect(message.runs[0]!.applied['lr']!.data.length).toBe(4 * Math.ceil(1000 / 128));
    expect(message.metrics[0]!.points!.width).toBe(128);
    // Each bucket still holds its extremes: the first bucket's lr rises from step 0 to step 127.
    expect(message.runs[0]!.applied['lr']!.data.slice(0, 4)).toEqual([0, policy.at(0).lr, 127, policy.at(127).lr]);
  });

  it('records each driven value at its step and sends the planned curve once', () => {
    const { s } = store();
    const policy = new OptimizerPolicy(oneCyclePhases({ steps: 100 }));
    const step$ = new Subject<void>();
    s.watch(policy, policy.drive(step$), { name: 'a' });
    for (let i = 0; i < 10; i++) step$.next();
    const first = s.delta();
    expect(first.runs).toHaveLength(1);
    const run = first.runs[0]!;
    expect(run).toMatchObject({ name: 'a', length: 100, params: ['lr', 'momentum'] });
    expect(run.status).toMatchObject({ step: 9, count: 10, state: 'running' });
    expect(columnPoints(run.applied['lr']!).steps).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(columnPoints(run.applied['lr']!).values).toEqual(Array.from({ length: 10 }, (_, k) => policy.at(k).lr));
    expect(columnPoints(run.planned!['momentum']!).steps.length).toBe(100);
    expect(run.last).toEqual(policy.at(9));
    step$.next();
    const second = s.delta();
    expect(second.runs[0]!.planned).toBeUndefined();
    expect(second.runs[0]!.applied['lr']).toEqual({ width: 1, from: 10, data: [10, policy.at(10).lr, 10, policy.at(10).lr] });
    expect(s.delta().runs).toEqual([]);
  });

  it('numbers values by the policy cursor, so a resumed run starts at its step', () => {
    const { s } = store();
    const policy = lrPolicy(50);
    policy.seek(40);
    const step$ = new Subject<void>();
    s.watch(policy, policy.drive(step$));
    step$.next();
    step$.next();
    expect(columnPoints(s.snapshot().runs[0]!.applied['lr']!).steps).toEqual([40, 41]);
  });

  it('takes { step, values } as given, and numbers a stream that does not move the cursor by arrival', () => {
    const { s } = store();
    const policy = lrPolicy(50);
    s.watch(policy, from([{ step: 7, values: { lr: 0.5 } }, { step: 9, values: { lr: 0.25 } }]), { name: 'explicit' });
    s.watch(policy, from([{ lr: 1 }, { lr: 2 }]), { name: 'counted' });
    const [explicit, counted] = s.snapshot().runs;
    expect(columnPoints(explicit!.applied['lr']!)).toEqual({ steps: [7, 9], values: [0.5, 0.25] });
    expect(columnPoints(counted!.applied['lr']!)).toEqual({ steps: [0, 1], values: [1, 2] });
    expect(explicit!.status.state).toBe('completed');
  });

  it('refuses a non-policy, a non-Observable, a name used twice, unknown options and calls after close', () => {
    const { s } = store();
    const policy = lrPolicy(5);
    expect(() => s.watch({ lr: 1 }, new Subject())).toThrow(/^serveDashboard\.watch: policy must be an OptimizerPolicy .*got \{"lr":1\}$/);
    expect(() => s.watch(policy, [1, 2] as never)).toThrow(TypeError);
    expect(() => s.watch(policy, [1, 2] as never)).toThrow(/values\$ must be an Observable/);
    s.watch(policy, new Subject(), { name: 'x' });
    expect(() => s.watch(policy, new Subject(), { name: 'x' })).toThrow('serveDashboard.watch: a run named "x" is already watched; give each run its own { name }');
    expect(() => s.watch(policy, new Subject(), { nmae: 'y' } as never)).toThrow('serveDashboard.watch: unknown option "nmae" (did you mean "name"?); accepted: name');
    expect(() => s.watch(policy, new Subject(), null as never)).toThrow(new TypeError('serveDashboard.watch: options must be an object, got null'));
    expect(() => s.watch(policy, new Subject(), { name: '' })).toThrow(/name must be a non-empty string, got ""/);
    s.close();
    s.close(); // a no-op
    expect(() => s.watch(policy, new Subject(), { name: 'z' })).toThrow('serveDashboard.watch: the dashboard is closed');
  });

  it('a values stream that errors ends that run only, with the error shown and reported', () => {
    const { s, errors } = store();
    const policy = lrPolicy(5);
    s.watch(policy, throwError(() => new Error('GPU fell off')), { name: 'bad' });
    const good$ = new Subject<{ lr: number }>();
    s.watch(policy, good$, { name: 'good' });
    good$.next({ lr: 0.3 });
    const [bad, good] = s.snapshot().runs;
    expect(bad!.status).toMatchObject({ state: 'errored', error: 'GPU fell off' });
    expect(good!.status).toMatchObject({ state: 'running', count: 1 });
    expect(errors.map((e) => e.message)).toEqual(['serveDashboard.watch: the values of "bad" errored: GPU fell off']);
  });
});

describe('DashboardStore.watch: a value that is not a dict', () => {
  it('ends that run with a named error, reported, instead of a TypeError from RxJS\'s unhandled-error timer', () => {
    const { s, errors } = store();
    const values$ = new Subject<unknown>();
    s.watch(lrPolicy(5), values$, { name: 'r' });
    values$.next({ lr: 0.5 });
    // A step with no dict of values is not read as one (it would throw from RxJS's timer too).
    values$.next({ step: 1, values: null });
    values$.next(null);
    values$.next({ lr: 0.7 });
    const [run] = s.snapshot().runs;
    expect(run!.status).toMatchObject({ state: 'errored', count: 2, error: '"r" emitted a value that is not an object of parameter values, got null' });
    expect(errors.map((e) => e.message)).toEqual(['serveDashboard.watch: "r" emitted a value that is not an object of parameter values, got null']);
    expect(values$.observed).toBe(false);
  });
});

describe('DashboardStore.watch: a step or a value it cannot place', () => {
  it('a step that is not a non-negative integer, or a value that is not a number, errors the run by name instead of being drawn or dropped', () => {
    for (const [bad, said] of [
      [{ step: -1, values: { lr: 0.5 } }, 'a step that is not a non-negative integer, got -1'],
      [{ step: 2.5, values: { lr: 0.5 } }, 'a step that is not a non-negative integer, got 2.5'],
      [{ step: NaN, values: { lr: 0.5 } }, 'a step that is not a non-negative integer, got NaN'],
      [{ lr: '0.5' }, 'a non-number lr, got "0.5"'],
    ] as const) {
      const { s, errors } = store();
      const values$ = new Subject<unknown>();
      s.watch(lrPolicy(5), values$, { name: 'r' });
      values$.next({ lr: 0.1 });
      values$.next(bad);
      const [run] = s.snapshot().runs;
      expect(run!.status).toMatchObject({ state: 'errored', count: 1, error: `"r" emitted ${said}` });
      expect(errors.map((e) => e.message)).toEqual([`serveDashboard.watch: "r" emitted ${said}`]);
      expect(values$.observed).toBe(false);
    }
  });
});

describe('PolicyLike: what watch needs of a policy', () => {
  it('a policy of any names is one; values by step are a parameter dict', () => {
    const policy: PolicyLike = new OptimizerPolicy([new Phase({ lr: linspace(0, 1, 3) }), new Phase({ lr: linspace(1, 0, 3), momentum: 0.9 })]);
    expect(policy.at(4)).toEqual({ lr: 0.5, momentum: 0.9 });
    // @ts-expect-error a schedule whose values are not numbers is not a PolicyLike
    const strings: PolicyLike = { length: 1, params: ['lr'], currentStep: 0, at: () => ({ lr: '0.1' }) };
    expect(strings.at(0)).toEqual({ lr: '0.1' });
  });
});

describe('DashboardStore.metric', () => {
  it('places each point at the step of the run watched last, or of the run it names', () => {
    const { s } = store();
    const a = lrPolicy(100);
    const b = lrPolicy(100);
    const aStep$ = new Subject<void>();
    const bStep$ = new Subject<void>();
    s.watch(a, a.drive(aStep$), { name: 'a' });
    s.watch(b, b.drive(bStep$), { name: 'b' });
    const loss$ = new Subject<number>();
    const aLoss$ = new Subject<number>();
    s.metric('loss', loss$);
    s.metric('a loss', aLoss$, { run: 'a' });
    for (let i = 0; i < 5; i++) aStep$.next();
    for (let i = 0; i < 3; i++) bStep$.next();
    loss$.next(0.5);
    aLoss$.next(0.7);
    const [loss, aLoss] = s.snapshot().metrics;
    expect(loss!.last).toEqual({ step: 2, value: 0.5 });
    expect(aLoss!.last).toEqual({ step: 4, value: 0.7 });
  });

  it('counts points before any run; takes { step, value }; counts NaN without drawing it', () => {
    const { s } = store();
    s.metric('m', from([1, 2, Number.NaN, { step: 10, value: 4 }]));
    const m = s.snapshot().metrics[0]!;
    expect(m.count).toBe(4);
    expect(columnPoints(m.points!)).toEqual({ steps: [0, 1, 10], values: [1, 2, 4] });
    expect(m.state).toBe('completed');
  });

  it('a non-number stops that metric with a named error; the others go on', () => {
    const { s, errors } = store();
    const bad$ = new Subject<unknown>();
    const good$ = new Subject<number>();
    s.metric('loss', bad$ as never);
    s.metric('acc', good$);
    bad$.next(0.1);
    bad$.next('0.2');
    bad$.next(0.3);
    good$.next(0.9);
    const [loss, acc] = s.snapshot().metrics;
    expect(loss).toMatchObject({ state: 'errored', count: 1, error: 'loss emitted a non-number, got "0.2"' });
    expect(acc).toMatchObject({ state: 'running', count: 1 });
    expect(errors.map((e) => e.message)).toEqual(['serveDashboard.metric: loss emitted a non-number, got "0.2"']);
    expect(bad$.observed).toBe(false);
  });

  it('refuses a name used twice, a bad name, an unknown run', () => {
    const { s } = store();
    s.metric('loss', new Subject<number>());
    expect(() => s.metric('loss', new Subject<number>())).toThrow('serveDashboard.metric: a metric named "loss" is already shown; give each metric its own name');
    expect(() => s.metric(3 as never, new Subject<number>())).toThrow('serveDashboard.metric: name must be a non-empty string, got 3');
    expect(() => s.metric('x', new Subject<number>(), { run: 'nope' })).toThrow('serveDashboard.metric: run must name a watched run (none yet), got "nope"');
  });
});

describe('DashboardStore updates', () => {
  it('signals a change once per delta, however many values arrive', () => {
    const { s, changes } = store();
    const policy = lrPolicy(1000);
    const step$ = new Subject<void>();
    s.watch(policy, policy.drive(step$));
    const before = changes();
    for (let i = 0; i < 500; i++) step$.next();
    expect(changes()).toBe(before);
    s.delta();
    step$.next();
    expect(changes()).toBe(before + 1);
  });

  it('a snapshot taken between deltas does not take changes away from the next delta', () => {
    const { s } = store();
    const policy = lrPolicy(10);
    const step$ = new Subject<void>();
    s.watch(policy, policy.drive(step$));
    s.delta();
    step$.next();
    s.snapshot();
    const d: DashboardMessage = s.delta();
    expect(d.runs[0]!.applied['lr']).toBeDefined();
  });

  it('close() unsubscribes from every stream', () => {
    const { s } = store();
    const values$ = new Subject<{ lr: number }>();
    const loss$ = new Subject<number>();
    s.watch(lrPolicy(3), values$);
    s.metric('loss', loss$);
    s.close();
    expect(values$.observed).toBe(false);
    expect(loss$.observed).toBe(false);
  });
});
