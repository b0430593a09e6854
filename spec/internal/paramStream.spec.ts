import { Observable } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { checkParams, ParamStream } from '../../lib/internal/paramStream.js';

describe('ParamStream', () => {
  const stream = () => new ParamStream<{ lr: number }>(['lr', 'momentum'], (subscriber) => {
    subscriber.next({ lr: 1 });
    subscriber.complete();
  });

  it('offers its parameter names to a checking observer before any value', () => {
    const events: string[] = [];
    stream().subscribe({
      [checkParams]: (names: readonly string[]) => events.push(`check ${names.join(',')}`),
      next: (v: { lr: number }) => events.push(`next ${v.lr}`),
      complete: () => events.push('complete'),
    } as never);
    expect(events).toEqual(['check lr,momentum', 'next 1', 'complete']);
  });

  it('a failed check throws from subscribe, before the first value', () => {
    const seen: unknown[] = [];
    const refusing = { [checkParams]: () => { throw new RangeError('sink: no parameter momentum'); }, next: (v: unknown) => seen.push(v) };
    expect(() => stream().subscribe(refusing as never)).toThrow(/no parameter momentum/);
    expect(seen).toEqual([]);
  });

  it('is an ordinary Observable for any other subscriber, and behind operators', () => {
    const s = stream();
    expect(s).toBeInstanceOf(Observable);
    const seen: unknown[] = [];
    s.subscribe((v) => seen.push(v));
    s.subscribe({ next: (v) => seen.push(v) });
    expect(seen).toEqual([{ lr: 1 }, { lr: 1 }]);
  });
});
