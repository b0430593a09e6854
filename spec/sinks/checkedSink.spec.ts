import { describe, expect, it } from 'vitest';
import { checkedSink } from '../../lib/sinks/checkedSink.js';
import { Stepped } from '../../lib/index.js';

const recorder = (onlyChanged: boolean, has: readonly string[] = ['lr', 'momentum']) => {
  const writes: string[] = [];
  const checked: string[] = [];
  const writer = {
    fn: 'sink',
    check(name: string) {
      checked.push(name);
      if (!has.includes(name)) throw new TypeError(`no ${name}`);
    },
    write: (name: string, value: number) => void writes.push(`${name}=${value}`),
    onlyChanged,
  };
  return { writes, checked, writer };
};

describe('checkedSink', () => {
  it('checks each name once, before writing anything of a value', () => {
    const r = recorder(false);
    const sink = checkedSink(r.writer, {});
    sink.next!({ lr: 1, momentum: 0.9 });
    sink.next!({ lr: 2, momentum: 0.9 });
    expect(r.checked).toEqual(['lr', 'momentum']);
    expect(r.writes).toEqual(['lr=1', 'momentum=0.9', 'lr=2', 'momentum=0.9']);
    expect(() => sink.next!({ lr: 3, beta1: 0.8 })).toThrow('no beta1');
    expect(r.writes).toHaveLength(4);
  });

  it('onlyChanged skips a value equal to the last one written, by name, with or without params', () => {
    for (const params of [undefined, ['lr', 'momentum']]) {
      const r = recorder(true);
      const sink = checkedSink(r.writer, params ? { params } : {});
      for (const v of [{ lr: 1, momentum: 0.9 }, { lr: 1, momentum: 0.9 }, { lr: 0.5, momentum: 0.9 }, { lr: 0.5, momentum: 0.8 }]) sink.next!(v);
      expect(r.writes, String(params)).toEqual(['lr=1', 'momentum=0.9', 'lr=0.5', 'momentum=0.8']);
    }
  });

  it('with params: only those names, checked at once; other names and missing ones are left', () => {
    const r = recorder(false, ['lr']);
    const sink = checkedSink(r.writer, { params: ['lr'] });
    expect(r.checked).toEqual(['lr']);
    sink.next!({ lr: 1, weightDecay: 0.1 });
    sink.next!({ momentum: 0.9 });
    expect(r.writes).toEqual(['lr=1']);
    expect(() => checkedSink(recorder(false, ['lr']).writer, { params: ['lr', 'momentum'] })).toThrow('no momentum');
  });

  it('a value that is not a finite number is refused, before anything of its step is written, with or without params', () => {
    for (const params of [undefined, ['lr', 'momentum']]) {
      const r = recorder(false);
      const sink = checkedSink(r.writer, params ? { params } : {});
      expect(() => sink.next!({ lr: 1, momentum: Number.NaN }), String(params)).toThrow(new RangeError('sink: momentum must be a finite number, got NaN'));
      expect(() => sink.next!({ lr: Infinity, momentum: 0.9 })).toThrow(new RangeError('sink: lr must be a finite number, got Infinity'));
      expect(() => sink.next!({ lr: '5' as never, momentum: 0.9 })).toThrow(new RangeError('sink: lr must be a finite number, got "5"'));
      expect(r.writes).toEqual([]);
    }
  });

  it('a Stepped value writes its values', () => {
    const r = recorder(false);
    checkedSink(r.writer, {}).next!(new Stepped(4, { lr: 0.25 }));
    expect(r.writes).toEqual(['lr=0.25']);
  });
});

describe('checkedSink: values that are not an object of numbers', () => {
  it('refuses null, a number and an array by name instead of writing nothing', () => {
    const { writer, writes } = recorder(false);
    const sink = checkedSink(writer, {});
    for (const bad of [null, 0.1, [0.1]]) {
      expect(() => sink.next!(bad as never)).toThrow(new TypeError(`sink: a value must be an object of parameter values ({ lr: 0.1 }), got ${bad === null ? 'null' : Array.isArray(bad) ? '[0.1]' : '0.1'}`));
    }
    expect(writes).toEqual([]);
  });

  it("a writer's validate runs on every name of a value before any is written", () => {
    const writes: string[] = [];
    const sink = checkedSink({ fn: 'sink', check() {}, write: (n, v) => void writes.push(`${n}=${v}`), validate(n, v) { if (n === 'momentum' && v > 1) throw new RangeError('too big'); } }, {});
    expect(() => sink.next!({ lr: 0.1, momentum: 2 })).toThrow('too big');
    expect(writes).toEqual([]);
    const only = checkedSink({ fn: 'sink', check() {}, write: (n, v) => void writes.push(`${n}=${v}`), validate(n, v) { if (n === 'momentum' && v > 1) throw new RangeError('too big'); } }, { params: ['lr', 'momentum'] });
    expect(() => only.next!({ lr: 0.1, momentum: 2 })).toThrow('too big');
    expect(writes).toEqual([]);
  });
});
