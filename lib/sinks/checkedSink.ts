import type { Observer } from 'rxjs';
import { checkParams, type ParamChecker } from '../internal/paramStream.js';
import type { SinkOptions, Values } from './applyTo.js';

/**
 * Builds an observer that checks each parameter name once, then writes. Checking up front is the
 * point: Poutyne writes `momentum` into Adam's param groups, where nothing reads it. Names are
 * checked when the sink is made (`params`), when it subscribes to a stream that knows its names
 * (`policy.drive`, `schedule`), or at the first value that brings them, whichever comes first.
 */
export function checkedSink(check: (name: string) => void, write: (values: Values) => void, options: SinkOptions): Partial<Observer<Values>> {
  const known = new Set<string>();
  const expect = (names: readonly string[]) => {
    for (const name of names) {
      if (!known.has(name)) {
        check(name);
        known.add(name);
      }
    }
  };
  expect(options.params ?? []);
  const sink: Partial<Observer<Values>> & ParamChecker = {
    [checkParams]: expect,
    next(values: Values) {
      for (const name in values) {
        if (!known.has(name)) {
          check(name);
          known.add(name);
        }
      }
      write(values);
    },
  };
  return sink;
}

