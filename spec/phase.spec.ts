import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  constant,
  cosinespace,
  expspace,
  kcosinespace,
  linspace,
  OptimizerPolicy,
  oneCyclePhases,
  Phase,
  phaseFromJSON,
  polyspace,
  sgdrPhases,
  tanhspace,
  timm,
  type Space,
} from '../lib/index.js';
import { collect, expectClose, expectNamedError, poutyneCosinespace, poutyneLinspace } from './helpers.js';

describe('Phase', () => {
  it('zips named spaces into dicts, one per step', () => {
    const phase = new Phase({ lr: linspace(0, 1, 3) });
    expect(collect(phase)).toEqual([{ lr: 0 }, { lr: 0.5 }, { lr: 1 }]);
    expect(phase.length).toBe(3);
    expect(phase.names).toEqual(['lr']);
  });

  it('takes any parameter names, in the order given', () => {
    const phase = new Phase({ weightDecay: constant(1e-4, 2), beta1: linspace(0.9, 0.8, 2), lr: 0.1 });
    expect(phase.at(1)).toEqual({ weightDecay: 1e-4, beta1: 0.8, lr: 0.1 });
    expect(Object.keys(phase.at(0))).toEqual(['weightDecay', 'beta1', 'lr']);
  });

  it('quotes any name safely (names are data, never code)', () => {
    const phase = new Phase({ 'a"b': linspace(0, 1, 2), '}); throw 1; ({': 2, 'x\\n': 3 });
    expect(phase.at(1)).toEqual({ 'a"b': 1, '}); throw 1; ({': 2, 'x\\n': 3 });
  });

  it('two parameters: each is its own Poutyne space', () => {
    const phase = new Phase({ lr: linspace(0, 1, 10), momentum: cosinespace(0.99, 0.9, 10) });
    const values = [...phase];
    expectClose(values.map((d) => d.lr), poutyneLinspace(0, 1, 10));
    expectClose(values.map((d) => d.momentum), poutyneCosinespace(0.99, 0.9, 10));
  });

  it('law: at(i) equals the i-th emitted dict', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50 }), (n) => {
        const phase = new Phase({ lr: linspace(1, 0, n), momentum: cosinespace(0.8, 1, n), wd: 0.01 });
        collect(phase).forEach((d, i) => expect(phase.at(i)).toEqual(d));
      }),
    );
  });

  it('a constant without steps, or a plain number, takes the phase length', () => {
    expect(new Phase({ lr: linspace(0, 1, 7), momentum: 0.9 }).length).toBe(7);
    expect(new Phase({ lr: linspace(0, 1, 7), momentum: constant(0.9) }).length).toBe(7);
  });

  it('refuses unequal lengths and names them (Poutyne silently truncates: 5 and 3 give 3)', () => {
    expect(() => new Phase({ lr: linspace(0, 1, 5), momentum: linspace(0, 1, 3) })).toThrow(
      new RangeError('Phase: spaces must have equal lengths, got lr: 5, momentum: 3'),
    );
  });

  it('rejects a phase with no parameters (Poutyne: ValueError) or only unbounded ones', () => {
    expect(() => new Phase({})).toThrow(new TypeError('Phase: params must name at least one parameter, such as { lr: linspace(0, 1, 10) }, got {}'));
    expect(() => new Phase({ lr: 0.1 })).toThrow(/Phase: at least one parameter needs a length, got only unbounded constants \(lr\)/);
  });

  it('rejects values that are not spaces or finite numbers, naming the parameter and value', () => {
    expect(() => new Phase({ lr: [0, 1] as unknown as number })).toThrow(new TypeError('Phase: lr must be a space (linspace, cosinespace, constant, …) or a finite number, got [0,1]'));
    expect(() => new Phase({ lr: NaN })).toThrow(new RangeError('Phase: lr must be a finite number or a space, got NaN'));
    expect(() => new Phase(null as unknown as Record<string, number>)).toThrow(/Phase: params must be an object .* got null/);
    expect(() => new Phase(linspace(0, 1, 2) as unknown as Record<string, number>)).toThrow(TypeError);
  });

  it('prints in Poutyne\'s layout', () => {
    expect(String(new Phase({ lr: linspace(0, 1, 3), momentum: cosinespace(0.99, 0.9, 3) }))).toBe(
      'Phase:\n    lr: linspace(0, 1, 3)\n    momentum: cosinespace(0.99, 0.9, 3)',
    );
  });

  it('serialises its spaces', () => {
    expect(new Phase({ lr: linspace(0, 1, 3), momentum: 0.9 }).toJSON()).toEqual({
      lr: { type: 'linspace', start: 0, end: 1, steps: 3 },
      momentum: { type: 'constant', value: 0.9 },
    });
  });

  it('law: the stream, iterator and at() agree, and re-subscription replays', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.double({ min: -3, max: 3, noNaN: true }), (n, wd) => {
        const phase = new Phase({ lr: cosinespace(1, 0, n), momentum: linspace(0.85, 0.95, n), wd });
        const first = collect(phase);
        expect(first).toHaveLength(n);
        expect([...phase]).toEqual(first);
        expect(collect(phase)).toEqual(first);
        first.forEach((d, i) => expect(phase.at(i)).toEqual(d));
      }),
    );
  });

  it('law: each parameter of each dict stays within its space\'s [min, max]', () => {
    fc.assert(
      fc.property(fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: -5, max: 5, noNaN: true }), fc.integer({ min: 0, max: 60 }), (a, b, n) => {
        for (const d of new Phase({ up: linspace(a, b, n), down: cosinespace(b, a, n) })) {
          for (const v of [d.up, d.down]) {
            expect(v).toBeGreaterThanOrEqual(Math.min(a, b));
            expect(v).toBeLessThanOrEqual(Math.max(a, b));
          }
        }
      }),
    );
  });

  it('each step is a fresh dict (a consumer may keep or mutate it)', () => {
    const phase = new Phase({ lr: linspace(0, 1, 3) });
    const a = phase.at(1);
    a.lr = 42;
    expect(phase.at(1)).toEqual({ lr: 0.5 });
    expect(phase.at(1)).not.toBe(phase.at(1));
  });

  // Each value of a step's dict must be the very bits the space's own at() gives.
  const mixedSpaces = (n: number, a: number, b: number): Record<string, Space> => ({
    lin: linspace(a, b, n),
    cos: cosinespace(b, a, n),
    cos2: cosinespace(a, -0, n),
    open: cosinespace(a, b, n, { endpoint: false }),
    offset: linspace(a, b, n, { offset: 0.5, span: n + 1 }),
    wrap: cosinespace(a, b, n, { span: 3.5, wrap: true }),
    wide: linspace(-Number.MAX_VALUE, Number.MAX_VALUE, n),
    poly: polyspace(a, b, n, { power: 2 }),
    tanh: tanhspace(a, b, n),
    kcos: kcosinespace(a, b, n, { k: 2 }),
    exp: expspace(a === 0 ? 1 : a, 0.9, n),
    held: constant(a),
    minusZero: constant(-0, n),
  });

  it('law: every parameter of at(i) is bit for bit its space\'s at(i), for every kind of space', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: -10, max: 10, noNaN: true }), (n, a, b) => {
        const spaces = mixedSpaces(n, a, b);
        const phase = new Phase(spaces);
        for (let i = 0; i < n; i++) {
          const dict = phase.at(i);
          for (const [name, space] of Object.entries(spaces)) {
            if (!Object.is(dict[name], space.at(Math.min(i, space.length - 1)))) return false;
          }
        }
        return true;
      }),
    );
  });

  it('every dict has the parameters in the order given, for any number of them', () => {
    const spaces = mixedSpaces(9, 0.3, 2);
    const all = [...new Phase(spaces)];
    expect(Object.keys(all[4] as object)).toEqual(Object.keys(spaces));
    for (const k of [1, 2, 3, 4, 5]) {
      const some = Object.fromEntries(Object.entries(spaces).slice(0, k));
      const dicts = [...new Phase(some)];
      expect(Object.keys(dicts[4] as object)).toEqual(Object.keys(some));
      expect(dicts).toEqual(all.map((d) => Object.fromEntries(Object.entries(d as object).slice(0, k))));
    }
  });

  it('runs with code generation from strings disallowed (a strict Content-Security-Policy), giving the same values', () => {
    // A child Node with eval and new Function refused builds, drives and reads back schedules of
    // every kind; its values must be the ones computed here.
    const core = new URL('../lib/index.ts', import.meta.url).href;
    const script = `
      import { Subject } from 'rxjs';
      import * as rx from ${JSON.stringify(core)};
      let refused = false;
      try { new Function('return 1'); } catch { refused = true; }
      const policies = [
        new rx.OptimizerPolicy(rx.oneCyclePhases({ steps: 50 })),
        new rx.OptimizerPolicy(rx.sgdrPhases({ baseCycleLength: 4, cycles: 3, cycleMult: 2 })),
        new rx.OptimizerPolicy([new rx.Phase({ lin: rx.linspace(0.3, 2, 30), cos: rx.cosinespace(2, 0.3, 30), cos2: rx.cosinespace(0.3, -0, 30), open: rx.cosinespace(0.3, 2, 30, { endpoint: false }), offset: rx.linspace(0.3, 2, 30, { offset: 0.5, span: 31 }), wrap: rx.cosinespace(0.3, 2, 30, { span: 3.5, wrap: true }), wide: rx.linspace(-Number.MAX_VALUE, Number.MAX_VALUE, 30), poly: rx.polyspace(0.3, 2, 30, { power: 2 }), tanh: rx.tanhspace(0.3, 2, 30), kcos: rx.kcosinespace(0.3, 2, 30, { k: 2 }), exp: rx.expspace(0.3, 0.9, 30), held: rx.constant(0.3), minusZero: rx.constant(-0, 30) })]),
        rx.policyFromJSON(JSON.parse(JSON.stringify(new rx.OptimizerPolicy(rx.timm.cosineLR({ baseLr: 1, tInitial: 10, warmupT: 3, noiseRangeT: [2], steps: 20 }))))),
      ];
      const driven = [];
      const step$ = new Subject();
      policies[0].drive(step$).subscribe((v) => driven.push(v));
      for (let k = 0; k < 60; k++) step$.next();
      console.log(JSON.stringify({ refused, all: policies.map((p) => [...p.allSteps()]), driven }));
    `;
    const out = execFileSync(process.execPath, ['--disallow-code-generation-from-strings', '--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    const child = JSON.parse(out) as { refused: boolean; all: unknown[][]; driven: unknown[] };
    expect(child.refused).toBe(true);
    const policies = [
      new OptimizerPolicy(oneCyclePhases({ steps: 50 })),
      new OptimizerPolicy(sgdrPhases({ baseCycleLength: 4, cycles: 3, cycleMult: 2 })),
      new OptimizerPolicy([new Phase(mixedSpaces(30, 0.3, 2))]),
      new OptimizerPolicy(timm.cosineLR({ baseLr: 1, tInitial: 10, warmupT: 3, noiseRangeT: [2], steps: 20 })),
    ];
    expect(child.all).toEqual(JSON.parse(JSON.stringify(policies.map((p) => [...p.allSteps()]))));
    expect(child.driven).toEqual(JSON.parse(JSON.stringify([...policies[0]!.allSteps()])));
  });

  it('an empty phase (steps 0) is allowed and emits nothing', () => {
    const phase = new Phase({ lr: linspace(0, 1, 0), momentum: 0.9 });
    expect(phase.length).toBe(0);
    expect(collect(phase)).toEqual([]);
  });

  it('unequal lengths among three parameters name every bounded one with its length', () => {
    const message = expectNamedError(() => new Phase({ lr: linspace(0, 1, 4), momentum: cosinespace(0.9, 0.8, 4), wd: constant(0.1, 5), beta: 0.9 }), RangeError, {
      fn: 'Phase',
      arg: 'spaces must have equal lengths',
      got: 'lr: 4, momentum: 4, wd: 5',
    });
    expect(message).not.toMatch(/beta/); // a plain number takes the phase length: not part of the conflict
  });

  it('bad input: the error class, and a message naming Phase, the parameter and the value', () => {
    // Poutyne: Phase(lr=None, momentum=None) raises ValueError.
    expectNamedError(() => new Phase({ lr: undefined, momentum: undefined } as unknown as Record<string, number>), TypeError, { fn: 'Phase', arg: 'lr', got: 'undefined' });
    expectNamedError(() => new Phase({ lr: linspace(0, 1, 2), momentum: '0.9' } as unknown as Record<string, number>), TypeError, { fn: 'Phase', arg: 'momentum', got: '"0.9"' });
    expectNamedError(() => new Phase({ lr: [0, 1] } as unknown as Record<string, number>), TypeError, { fn: 'Phase', arg: 'lr', got: '[0,1]' });
    expectNamedError(() => new Phase({ lr: linspace(0, 1, 2), momentum: Infinity }), RangeError, { fn: 'Phase', arg: 'momentum', got: 'Infinity' });
    expectNamedError(() => new Phase({}), TypeError, { fn: 'Phase', arg: 'params', got: '{}' });
    expectNamedError(() => new Phase(null as unknown as Record<string, number>), TypeError, { fn: 'Phase', arg: 'params', got: 'null' });
    expectNamedError(() => new Phase([linspace(0, 1, 2)] as unknown as Record<string, number>), TypeError, { fn: 'Phase', arg: 'params', got: '[{"type":"linspace"' });
    expectNamedError(() => new Phase(linspace(0, 1, 2) as unknown as Record<string, number>), TypeError, { fn: 'Phase', arg: 'params', got: '{"type":"linspace","start":0,"end":1,"steps":2}' });
    expectNamedError(() => new Phase({ lr: 0.1, momentum: constant(0.9) }), RangeError, { fn: 'Phase', arg: 'lr, momentum', got: 'only unbounded constants' });
    // Its dict, its JSON form and a sink would drop it (assigning __proto__ sets a prototype).
    expectNamedError(() => new Phase(Object.defineProperty({}, '__proto__', { value: linspace(0, 1, 2), enumerable: true }) as Record<string, number>), TypeError, { fn: 'Phase', arg: '__proto__', got: '["__proto__"]' });
    expect(() => new Phase({ '': linspace(0, 1, 2) })).toThrow(new TypeError('Phase: a parameter name must be non-empty, got [""]'));
  });

  it('prints plain numbers and unbounded constants as constant(v)', () => {
    expect(String(new Phase({ lr: cosinespace(1, 0, 200), momentum: 0.9 }))).toBe('Phase:\n    lr: cosinespace(1, 0, 200)\n    momentum: constant(0.9)');
  });

  it('toJSON round-trips through phaseFromJSON, values and printout', () => {
    const phase = new Phase({ lr: cosinespace(1, 0.1, 7), momentum: linspace(0.85, 0.95, 7, { endpoint: false }), wd: 1e-4 });
    const copy = phaseFromJSON(JSON.parse(JSON.stringify(phase)));
    expect(String(copy)).toBe(String(phase));
    expect([...copy]).toEqual([...phase]);
  });
});
