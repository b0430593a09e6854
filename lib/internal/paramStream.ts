import { Observable, type Observer, type Subscriber, type Subscription, type TeardownLogic } from 'rxjs';

/**
 * The key under which a sink offers to check parameter names before any value arrives. A sink
 * made by `applyTo`, `applyToGroups`, `applyWith` or `tfjsOptimizerSink` has it.
 */
export const checkParams: unique symbol = Symbol('rx-policy.checkParams');

/** An observer that can check the names it will be given. */
export interface ParamChecker {
  [checkParams](names: readonly string[]): void;
}

function isChecker(value: unknown): value is ParamChecker {
  return typeof value === 'object' && value !== null && typeof (value as Partial<ParamChecker>)[checkParams] === 'function';
}

/**
 * An Observable of parameter dicts that knows its parameter names, so that a sink subscribed to it
 * directly checks them at subscription: a parameter the optimizer lacks throws from `subscribe()`,
 * before the first step is taken. (A sink behind other operators checks at the first value.)
 */
export class ParamStream<T> extends Observable<T> {
  constructor(
    readonly params: readonly string[],
    subscribe: (this: Observable<T>, subscriber: Subscriber<T>) => TeardownLogic,
  ) {
    super(subscribe);
  }

  override subscribe(observerOrNext?: Partial<Observer<T>> | ((value: T) => void)): Subscription;
  /** @deprecated RxJS's own deprecation: pass an observer object. */
  override subscribe(next?: ((value: T) => void) | null, error?: ((error: unknown) => void) | null, complete?: (() => void) | null): Subscription;
  override subscribe(...args: unknown[]): Subscription {
    const observer = args[0];
    if (isChecker(observer)) observer[checkParams](this.params);
    return (Observable.prototype.subscribe as (...a: unknown[]) => Subscription).apply(this, args);
  }
}
