// `rx-policy/dashboard` in Node: the live dashboard server. Separate from the core, so that
// importing rx-policy never loads it; the page it serves is prebuilt.
export { serveDashboard, type ServeOptions, type DashboardServer } from './server.js';
export type { PolicyLike, Subscribable, WatchedValue, MetricValue, WatchOptions, MetricOptions } from './store.js';
