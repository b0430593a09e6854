import * as tf from '@tensorflow/tfjs';
import { map, Subject, type Observer } from 'rxjs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { applyTo, applyToGroups, applyWith, fitCallbacks, linspace, OptimizerPolicy, Phase, policyFromJSON, schedule, type Values } from '../../lib/index.js';

await tf.setBackend('cpu');

const policy = () => new OptimizerPolicy([new Phase({ lr: linspace(0, 1, 3), momentum: linspace(0.9, 0.8, 3) })]);

function driveAll(p: OptimizerPolicy, sink: Partial<Observer<Values>>) {
  const step$ = new Subject<void>();
  p.drive(step$).subscribe(sink);
  step$.next();
  step$.next();
}

describe('sinks', () => {
  it('applyTo writes fields of a plain object', () => {
    const optimizer = { lr: 0, momentum: 0, other: 'x' };
    driveAll(policy(), applyTo(optimizer));
    expect(optimizer).toEqual({ lr: 0.5, momentum: 0.9 + 0.5 * (0.8 - 0.9), other: 'x' });
  });

  it('applyTo refuses a parameter the target does not have, naming what it has', () => {
    // @ts-expect-error the target has no field lr: a compile error too
    expect(() => applyTo({ learningRate: 0 }, { params: ['lr'] })).toThrow(new TypeError('applyTo: the target has no numeric field "lr"; it has: learningRate'));
    const sink = applyTo({ lr: 0 });
    expect(() => sink.next!({ lr: 1, beta1: 0.9 })).toThrow(/no numeric field "beta1"/);
  });

  it('applyTo refuses a TF.js optimizer: SGD trains on a cached -lr scalar, so a written learningRate field would not reach training', () => {
    const sgd = tf.train.sgd(0.1);
    const w = tf.variable(tf.scalar(1));
    (sgd as unknown as { learningRate: number }).learningRate = 0; // what applyTo would write: getConfig() says 0...
    sgd.minimize(() => tf.mul(w, 2) as tf.Scalar);
    expect(w.dataSync()[0]).toBeCloseTo(0.8, 6); // ...and the step still ran at 0.1
    for (const optimizer of [tf.train.sgd(0.1), tf.train.momentum(0.1, 0.9), tf.train.adam(0.1)]) {
      expect(() => applyTo(optimizer)).toThrow(
        new TypeError(`applyTo: the target is a TF.js optimizer ("${optimizer.getClassName()}"), whose training does not read every field written; use tfjsOptimizerSink(optimizer)`),
      );
    }
  });

  it('a sink subscribed to policy.drive checks the names at subscription: nothing is stepped or written', () => {
    const p = policy();
    const optimizer = { lr: 7 };
    const step$ = new Subject<void>();
    expect(() => p.drive(step$).subscribe(applyTo(optimizer))).toThrow(new TypeError('applyTo: the target has no numeric field "momentum"; it has: lr'));
    step$.next();
    expect(p.currentStep).toBe(0);
    expect(optimizer.lr).toBe(7);
    // The failed subscription did not take the cursor: a good sink can drive the policy now.
    const good = { lr: 0, momentum: 0 };
    p.drive(step$).subscribe(applyTo(good));
    step$.next();
    expect(good).toEqual({ lr: 0, momentum: 0.9 });
  });

  it('so does a sink subscribed to events$.pipe(schedule(policy)); every sink kind checks there', () => {
    const { events$ } = fitCallbacks();
    expect(() => events$.pipe(schedule(policy())).subscribe(applyToGroups({ paramGroups: [{ lr: 0 }] }))).toThrow(/applyToGroups: paramGroups\[0\] has no numeric field "momentum"; it has: lr/);
    expect(() => policy().drive(new Subject()).subscribe(applyWith({ lr: () => {} }))).toThrow(new TypeError('applyWith: no setter for "momentum"; setters: lr'));
  });

  it('behind other operators a sink cannot see the names up front: it checks the first value, before writing', () => {
    const optimizer = { lr: 7 };
    const sink = applyTo(optimizer);
    const step$ = new Subject<void>();
    // A plain Observable from map() carries no names, so subscribing succeeds...
    policy().drive(step$).pipe(map((v) => ({ ...v }))).subscribe({ next: (v) => expect(() => sink.next!(v)).toThrow(/no numeric field "momentum"/) });
    step$.next();
    // ...and the first value is refused whole: lr was not written either.
    expect(optimizer.lr).toBe(7);
  });

  it('applyToGroups writes every group, or per-group values by array or function', () => {
    const optimizer = { paramGroups: [{ lr: 0, momentum: 0 }, { lr: 0, momentum: 0 }, { lr: 0, momentum: 0 }] };
    driveAll(policy(), applyToGroups(optimizer, { params: ['lr', 'momentum'], perGroup: { lr: [0.01, 0.1, 1], momentum: (m, g) => m - g / 100 } }));
    expect(optimizer.paramGroups.map((g) => g.lr)).toEqual([0.005, 0.05, 0.5]);
    const m = 0.9 + 0.5 * (0.8 - 0.9);
    expect(optimizer.paramGroups.map((g) => g.momentum)).toEqual([m, m - 0.01, m - 0.02]);
  });

  it('applyToGroups: wrong per-group array length and missing fields are named errors', () => {
    const optimizer = { paramGroups: [{ lr: 0 }, { lr: 0, betas: 1 }] };
    expect(() => applyToGroups(optimizer, { perGroup: { lr: [1, 2, 3] } })).toThrow(new RangeError('applyToGroups: perGroup.lr must have one entry per group (2), got 3: [1,2,3]'));
    // @ts-expect-error no group has momentum: a compile error too
    expect(() => applyToGroups(optimizer, { params: ['momentum'] })).toThrow(/applyToGroups: paramGroups\[0\] has no numeric field "momentum"; it has: lr/);
    expect(() => applyToGroups({ paramGroups: [] })).toThrow(/paramGroups must be a non-empty array/);
    expect(() => applyToGroups(optimizer, { perGroup: null } as never)).toThrow(new TypeError('applyToGroups: perGroup must be an object, got null'));
  });

  it('every sink refuses a non-finite value by name, and params with holes', () => {
    const target = { lr: 0.1 };
    expect(() => applyTo(target).next!({ lr: Number.NaN })).toThrow(new RangeError('applyTo: lr must be a finite number, got NaN'));
    expect(target.lr).toBe(0.1);
    expect(() => applyWith({ lr: () => undefined }).next!({ lr: -Infinity })).toThrow(new RangeError('applyWith: lr must be a finite number, got -Infinity'));
    // eslint-disable-next-line no-sparse-arrays
    expect(() => applyTo(target, { params: ['lr', , 'momentum'] } as never)).toThrow(/^applyTo: params must be an array of parameter names, got a sparse array/);
  });

  it('applyToGroups never writes a non-finite group value: the step is refused before any group is written', () => {
    const optimizer = { paramGroups: [{ lr: 7 }, { lr: 7 }] };
    const sink = applyToGroups(optimizer, { perGroup: { lr: [1, 1e308] } });
    sink.next!({ lr: 1 });
    expect(optimizer.paramGroups.map((g) => g.lr)).toEqual([1, 1e308]);
    expect(() => sink.next!({ lr: 10 })).toThrow(new RangeError('applyToGroups: perGroup.lr gives Infinity for group 1 from lr 10; a group\'s value must be a finite number'));
    expect(optimizer.paramGroups.map((g) => g.lr)).toEqual([1, 1e308]);
    const byFn = applyToGroups(optimizer, { perGroup: { lr: (v, g) => (g === 0 ? v : (String(v) as never)) } });
    expect(() => byFn.next!({ lr: 2 })).toThrow(/^applyToGroups: perGroup.lr gives "2" for group 1 from lr 2/);
    expect(optimizer.paramGroups[0]!.lr).toBe(1);
  });

  it('a hand-written TF.js loop with applyWith(setLearningRate): each step trains at policy.at(step)', () => {
    // minimize on loss 2w has gradient 2: each step moves w by −2·lr, with the lr written before it.
    const p = new OptimizerPolicy([new Phase({ lr: linspace(0.1, 0.01, 6) })]);
    const sgd = tf.train.sgd(1);
    const w = tf.variable(tf.scalar(0));
    const step$ = new Subject<void>();
    const values$ = p.drive(step$);
    values$.subscribe(applyWith({ lr: (v) => sgd.setLearningRate(v) }));
    const moves: number[] = [];
    for (let k = 0; k < 6; k++) {
      step$.next();
      const before = w.dataSync()[0]!;
      sgd.minimize(() => tf.mul(w, 2) as tf.Scalar);
      moves.push((before - w.dataSync()[0]!) / 2);
    }
    moves.forEach((lr, k) => expect(lr, `step ${k}`).toBeCloseTo(p.at(k).lr, 6));
    expect(sgd.iterations).toBe(6);
  });

  it('applyWith calls setters, and names the setters when one is missing', () => {
    const calls: string[] = [];
    driveAll(policy(), applyWith({ lr: (v) => calls.push(`lr ${v}`), momentum: (v) => calls.push(`m ${v}`) }));
    expect(calls).toEqual(['lr 0', 'm 0.9', 'lr 0.5', `m ${0.9 + 0.5 * (0.8 - 0.9)}`]);
    // @ts-expect-error there is no setter for momentum: a compile error too
    expect(() => applyWith({ lr: () => {} }, { params: policy().params })).toThrow(new TypeError('applyWith: no setter for "momentum"; setters: lr'));
  });
});

describe('params: every sink writes the names given and leaves the others', () => {
  it('applyTo, applyToGroups and applyWith', () => {
    const target = { lr: 0, momentum: 0 };
    driveAll(policy(), applyTo(target, { params: ['lr'] }));
    expect(target).toEqual({ lr: 0.5, momentum: 0 });
    const groups = { paramGroups: [{ momentum: 0 }, { momentum: 0 }] };
    driveAll(policy(), applyToGroups(groups, { params: ['momentum'] }));
    const m = 0.9 + 0.5 * (0.8 - 0.9);
    expect(groups.paramGroups.map((g) => g.momentum)).toEqual([m, m]);
    const calls: string[] = [];
    driveAll(policy(), applyWith({ lr: (v) => calls.push(`lr ${v}`) }, { params: ['lr'] }));
    expect(calls).toEqual(['lr 0', 'lr 0.5']);
  });

  it('a name in params the target lacks is an error naming what it has; unknown options are errors', () => {
    // @ts-expect-error the target has no field weightDecay: a compile error too
    expect(() => applyTo({ lr: 0 }, { params: ['lr', 'weightDecay'] })).toThrow('applyTo: the target has no numeric field "weightDecay"; it has: lr');
    expect(() => applyTo({ lr: 0 }, { parms: ['lr'] } as never)).toThrow(/applyTo: unknown option "parms"/);
    expect(() => applyWith({}, { params: [1] } as never)).toThrow('applyWith: params[0] must be a parameter name, got 1');
    expect(() => applyToGroups({ paramGroups: [{ lr: 0 }] }, { perGroup: [] } as never)).toThrow(new TypeError('applyToGroups: perGroup must be an object, got []'));
  });
});

describe('an error while writing is an error notification of the observer the sink is spread into', () => {
  it('behind another operator, a missing field reaches the error handler; nothing of the value is written', () => {
    const optimizer = { lr: 7 };
    const errors: unknown[] = [];
    const step$ = new Subject<void>();
    policy().drive(step$).pipe(map((v) => ({ ...v }))).subscribe({ ...applyTo(optimizer), error: (e: unknown) => errors.push(e) });
    step$.next();
    expect(errors).toEqual([new TypeError('applyTo: the target has no numeric field "momentum"; it has: lr')]);
    expect(optimizer.lr).toBe(7);
  });

  it("a setter's own error, and a group value perGroup makes non-finite, reach the error handler", () => {
    const boom = new Error('optimizer disposed');
    const errors: unknown[] = [];
    const values$ = new Subject<Values>();
    values$.subscribe({ ...applyWith({ lr: () => { throw boom; } }), error: (e: unknown) => errors.push(e) });
    values$.subscribe({ ...applyToGroups({ paramGroups: [{ lr: 0 }] }, { perGroup: { lr: () => NaN } }), error: (e: unknown) => errors.push(e) });
    values$.next({ lr: 1 });
    expect(errors).toEqual([boom, new RangeError('applyToGroups: perGroup.lr gives NaN for group 0 from lr 1; a group\'s value must be a finite number')]);
  });

  it("with the fit bridge's fail as the handler, the running hook rejects: the fit stops instead of training on stale values", async () => {
    const { events$, callbacks, fail } = fitCallbacks();
    const optimizer = { lr: 0 };
    events$.pipe(schedule(policy()), map((v) => ({ ...v }))).subscribe({ ...applyTo(optimizer), error: fail });
    await callbacks.onTrainBegin();
    await callbacks.onEpochBegin(0);
    await expect(callbacks.onBatchBegin(0)).rejects.toThrow('applyTo: the target has no numeric field "momentum"; it has: lr');
  });

  it('without an error handler the error is thrown, as before', () => {
    const sink = applyTo({ lr: 0 });
    expect(() => sink.next!({ lr: 1, momentum: 0.9 })).toThrow(/no numeric field "momentum"/);
  });
});

describe('types: the names a sink is given are checked against what it can write', () => {
  it("params are typed by the target's numeric fields, the groups' and the setters' names; policy.params flows in", () => {
    const p = policy();
    expectTypeOf(p.params).toEqualTypeOf<readonly ('lr' | 'momentum')[]>();
    const target = { lr: 0, momentum: 0, name: 'sgd' };
    driveAll(p, applyTo(target, { params: p.params }));
    expect(target).toEqual({ lr: 0.5, momentum: 0.9 + 0.5 * (0.8 - 0.9), name: 'sgd' });
    // @ts-expect-error `lrr` is not a numeric field of the target
    expect(() => applyTo(target, { params: ['lrr'] })).toThrow('applyTo: the target has no numeric field "lrr"; it has: lr, momentum');
    // @ts-expect-error `name` is a field, but not a numeric one
    expect(() => applyTo(target, { params: ['name'] })).toThrow('applyTo: the target has no numeric field "name"; it has: lr, momentum');
    const groups = { paramGroups: [{ lr: 0 }, { lr: 0 }] };
    // @ts-expect-error `lrr` is not a field of the groups
    expect(() => applyToGroups(groups, { params: ['lrr'] })).toThrow(/applyToGroups: paramGroups\[0\] has no numeric field "lrr"; it has: lr/);
    // @ts-expect-error nor a perGroup name
    void (() => applyToGroups(groups, { perGroup: { lrr: [1, 2] } }));
    // @ts-expect-error `lrr` has no setter
    expect(() => applyWith({ lr: () => {} }, { params: ['lrr'] })).toThrow('applyWith: no setter for "lrr"; setters: lr');
    // @ts-expect-error a misspelt option key
    expect(() => applyTo(target, { param: ['lr'] })).toThrow(/applyTo: unknown option "param" \(did you mean "params"\?\)/);
  });

  it('names known only at run time (a policy from JSON) are checked when the sink is made', () => {
    const restored = policyFromJSON(JSON.parse(JSON.stringify(policy())));
    expectTypeOf(restored.params).toEqualTypeOf<readonly string[]>();
    expect(() => applyTo({ lr: 0 }, { params: restored.params })).toThrow('applyTo: the target has no numeric field "momentum"; it has: lr');
    const target: object = { lr: 0 };
    driveAll(new OptimizerPolicy([new Phase({ lr: linspace(0, 1, 3) })]), applyTo(target, { params: ['lr'] }));
    expect(target).toEqual({ lr: 0.5 });
  });
});

describe('sinks: targets that cannot take a write', () => {
  it('applyTo refuses a frozen target or a getter without a setter by name, when the sink is made', () => {
    expect(() => applyTo(Object.freeze({ lr: 0.1 }), { params: ['lr'] })).toThrow(new TypeError('applyTo: the target\'s field "lr" is read-only (frozen, or a getter without a setter)'));
    const getterOnly = { get lr() { return 0.1; } };
    expect(() => applyTo(getterOnly).next!({ lr: 0.2 })).toThrow(/applyTo: the target's field "lr" is read-only/);
    const withSetter = { v: 0.1, get lr() { return this.v; }, set lr(x) { this.v = x; } };
    applyTo(withSetter).next!({ lr: 0.2 });
    expect(withSetter.lr).toBe(0.2);
  });

  it('applyToGroups refuses holes and non-objects in paramGroups, and frozen groups', () => {
    // eslint-disable-next-line no-sparse-arrays
    expect(() => applyToGroups({ paramGroups: [, { lr: 1 }] as never })).toThrow(/applyToGroups: optimizer.paramGroups must be a non-empty array of objects, got a sparse array/);
    expect(() => applyToGroups({ paramGroups: [{ lr: 1 }, null] as never })).toThrow(new TypeError('applyToGroups: optimizer.paramGroups must be a non-empty array of objects, got [{"lr":1},null]'));
    expect(() => applyToGroups({ paramGroups: [{ lr: 1 }, Object.freeze({ lr: 1 })] }).next!({ lr: 2 })).toThrow(/paramGroups\[1\]'s field "lr" is read-only/);
  });

  it('applyToGroups refuses a perGroup entry that would never be used', () => {
    expect(() => applyToGroups({ paramGroups: [{ lr: 1 }] }, { perGroup: { momentum: [1] } } as never)).toThrow(new TypeError('applyToGroups: paramGroups[0] has no numeric field "momentum"; it has: lr'));
    expect(() => applyToGroups({ paramGroups: [{ lr: 1, wd: 0 }] }, { params: ['lr'], perGroup: { wd: [1] } })).toThrow(new TypeError('applyToGroups: perGroup.wd names a parameter params leaves out; params: lr'));
  });

  it("applyWith: a name is a setter only if the object has it as its own (not Object.prototype's constructor)", () => {
    const sink = applyWith({ lr: () => {} });
    expect(() => sink.next!({ constructor: 1 })).toThrow(new TypeError('applyWith: no setter for "constructor"; setters: lr'));
  });
});
