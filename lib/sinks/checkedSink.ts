import type { Observer } from 'rxjs';
import type { SinkOptions, Values } from './applyTo.js';

/**
 * Builds an observer that checks each parameter name once, then writes. Checking up front is the
 * point: Poutyne writes `momentum` into Adam's param groups, where nothing reads it.
 */
export function checkedSink(check: (name: string) => void, write: (values: Values) => void, options: SinkOptions): Partial<Observer<Values>> {
  const known = new Set<string>();
  for (const name of options.params ?? []) {
    check(name);
    known.add(name);
  }
  return {
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
}

