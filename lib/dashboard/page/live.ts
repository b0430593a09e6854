// The page `serveDashboard` serves: listens to the server's events and draws them.
import type { DashboardMessage } from '../store.js';
import { DashboardView } from './view.js';

const HINT = `import { serveDashboard } from 'rx-policy/dashboard';

const dashboard = await serveDashboard();
dashboard.watch(policy, values$);   // planned curves, applied values
dashboard.metric('loss', loss$);    // any Observable<number>`;

const root = document.getElementById('app')!;
const view = new DashboardView(root, { hint: HINT, links: [{ href: '/explore', text: 'preset explorer →' }] });
view.setConnection('connecting…', 'waiting');

const events = new EventSource('/events');
const take = (e: MessageEvent<string>): void => view.apply(JSON.parse(e.data) as DashboardMessage);
events.addEventListener('snapshot', (e) => {
  view.setConnection('live', 'live');
  take(e as MessageEvent<string>);
});
events.addEventListener('delta', (e) => take(e as MessageEvent<string>));
events.addEventListener('error', () => {
  // EventSource retries by itself; a server that is gone stays "stopped" until it is back.
  view.setConnection(events.readyState === EventSource.CLOSED ? 'server stopped' : 'server not reachable, retrying…', 'down');
});
