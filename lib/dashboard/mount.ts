export type { PolicyLike, Subscribable, WatchedValue, MetricValue, WatchOptions, MetricOptions } from './store.js';
import { DashboardStore, type MetricOptions, type MetricValue, type PolicyLike, type Subscribable, type WatchedValue, type WatchOptions } from './store.js';
import { knownKeys, plainObject } from '../internal/validate.js';
import { plannedColumns } from './history.js';
import { DashboardView } from './page/view.js';

// The page's stylesheet (uPlot's and the dashboard's), inlined by the bundler.
declare const __RXP_DASHBOARD_CSS__: string | undefined;

/** Options of `mountDashboard`. */
export interface MountOptions {
  /** The header's text; default `rx-policy dashboard`. */
  readonly title?: string;
  /** Receives what goes wrong in a watched stream; default `console.warn`. */
  readonly onError?: (error: Error) => void;
}

/** A dashboard drawn in the page: the same `watch` and `metric` as the server's. */
export interface MountedDashboard {
  /** Shows a policy's planned schedule and each value of `values$` at its step (see `serveDashboard`). */
  watch<V extends WatchedValue>(policy: PolicyLike, values$: Subscribable<V>, options?: WatchOptions): void;
  /** Shows a live metric on the metrics panel, at the step of the run watched last. */
  metric(name: string, metric$: Subscribable<MetricValue>, options?: MetricOptions): void;
  /** Stops watching and empties the element. A second call is a no-op. */
  close(): void;
}

const STYLE_ID = 'rx-policy-dashboard-style';
// The page reads a planned curve step by step (it cannot know the spaces of a policy from the
// page's own copy of the library), in the frame that draws it: up to this many steps every step
// is read, above it each bucket is sampled, its ends included, so that a long run's first frame
// stays short (a 10^7-step curve: 12–40 ms in Node, where 2^21 reads took a quarter of a second).
const PAGE_BUDGET = 1 << 17;
const UPDATE_MS = 50;
const HINT = `import { mountDashboard } from 'rx-policy/dashboard';

const dashboard = mountDashboard(element);
dashboard.watch(policy, values$);   // planned curves, applied values
dashboard.metric('loss', loss$);    // any Observable<number>`;

/**
 * Draws a live dashboard inside `element` for a run trained in the page: per parameter the
 * planned schedule with the applied values over it, the metrics on a shared step axis, the run's
 * status. Updates once per animation frame with the latest values, however fast they come.
 *
 * @param element where to draw (its content is replaced).
 * @param options `title`, `onError`.
 * @returns `watch`, `metric` and `close`.
 * @throws TypeError when `element` is not an element.
 * @example
 * // fragment: runs in a browser page (it draws into the DOM)
 * import { Subject, share } from 'rxjs';
 * import { OptimizerPolicy, oneCyclePhases } from 'rx-policy';
 * import { mountDashboard } from 'rx-policy/dashboard';
 * const policy = new OptimizerPolicy(oneCyclePhases({ steps: 100 }));
 * const step$ = new Subject<void>();
 * const loss$ = new Subject<number>();
 * const dashboard = mountDashboard(document.getElementById('dashboard')!);
 * dashboard.watch(policy, policy.drive(step$).pipe(share()));
 * dashboard.metric('loss', loss$);
 */
export function mountDashboard(element: HTMLElement, options: MountOptions = {}): MountedDashboard {
  if (typeof HTMLElement === 'undefined' || !(element instanceof HTMLElement)) {
    throw new TypeError(`mountDashboard: element must be an HTMLElement, got ${element === null ? 'null' : typeof element}`);
  }
  knownKeys('mountDashboard', 'option', plainObject('mountDashboard', 'options', options), ['title', 'onError']);
  const css = typeof __RXP_DASHBOARD_CSS__ === 'string' ? __RXP_DASHBOARD_CSS__ : '';
  if (css !== '' && document.getElementById(STYLE_ID) === null) {
    const style = document.createElement('style');
    style.id = STYLE_ID;
    style.textContent = css;
    document.head.append(style);
  }
  element.replaceChildren();
  const view = new DashboardView(element, { hint: HINT, ...(options.title !== undefined && { title: options.title }) });
  // At most 20 updates a second, each in an animation frame, leaving the frames between to the
  // training itself (the served page gets 10: each of its updates is a socket write).
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = 0;
  const store = new DashboardStore(
    'mountDashboard',
    () => {
      timer = setTimeout(
        () => {
          timer = undefined;
          frame = requestAnimationFrame(() => {
            frame = 0;
            last = performance.now();
            view.apply(store.delta());
          });
        },
        Math.max(0, UPDATE_MS - (performance.now() - last)),
      );
    },
    options.onError ?? ((err) => console.warn(`rx-policy dashboard: ${err.message}`)),
    { planned: (policy, columns) => plannedColumns(policy.length, policy.params, (k) => policy.at(k) as Record<string, number>, columns, PAGE_BUDGET) },
  );
  view.apply(store.snapshot());
  return {
    watch: (policy, values$, watchOptions) => store.watch(policy, values$, watchOptions),
    metric: (name, metric$, metricOptions) => store.metric(name, metric$, metricOptions),
    close() {
      if (store.closed) return;
      store.close();
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
      view.destroy();
    },
  };
}
