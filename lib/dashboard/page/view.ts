// The dashboard's page: draws what the messages of a DashboardStore describe. One card per run
// (a chart per parameter: the planned schedule, the applied values over it, a "you are here"
// cursor), one card per metric, every chart on the same step axis. Messages may come at any
// rate; the charts redraw at most once per animation frame, with the latest data.
import uPlot from 'uplot';
import { columnPoints, mergeColumns } from '../history.js';
import type { DashboardMessage, MetricPatch, RunPatch, RunStatus } from '../store.js';
import { axes, CHART_HEIGHT, joinSeries, PALETTE, readTheme, type Points, type Theme } from './chart.js';
import { formatCount, formatDuration, formatValue } from './format.js';

interface Bucketed {
  width: number;
  data: (number | null)[];
}

interface Chart {
  readonly box: HTMLElement;
  readonly legend: HTMLElement;
  plot: uPlot | undefined;
  data: uPlot.AlignedData;
}

interface RunView {
  readonly id: number;
  readonly color: string;
  name: string;
  length: number;
  params: readonly string[];
  planned: Record<string, Points>;
  applied: Record<string, Bucketed>;
  last: Record<string, number>;
  plannedNow: Record<string, number>;
  status: RunStatus;
  readonly card: HTMLElement;
  readonly statusLine: HTMLElement;
  readonly bar: HTMLElement;
  readonly charts: Map<string, Chart>;
  /** The end of this run's step axis: its length, or further if values go past it. */
  xMax: number;
  dirty: boolean;
}

interface MetricView {
  readonly id: number;
  readonly color: string;
  patch: MetricPatch;
  points: Bucketed;
  readonly card: HTMLElement;
  readonly statusLine: HTMLElement;
  readonly chart: Chart;
  xMax: number;
  dirty: boolean;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className !== undefined) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A status line: its parts kept whole when the line wraps, joined by ` · `; then an error, which may wrap. */
function setParts(line: HTMLElement, parts: readonly string[], error?: string): void {
  const nodes: Node[] = [];
  parts.forEach((part, i) => {
    if (i > 0) nodes.push(document.createTextNode(' · '));
    nodes.push(el('span', undefined, part));
  });
  if (error !== undefined) nodes.push(document.createTextNode(` · ${error}`));
  line.replaceChildren(...nodes);
}

/** Options of the view. */
export interface ViewOptions {
  /** What the empty state tells the user to do (a code snippet). */
  readonly hint: string;
  /** Shown in the header. */
  readonly title?: string;
  /** Links at the end of the header (the served page points to the preset explorer). */
  readonly links?: readonly { readonly href: string; readonly text: string }[];
}

// The views alive in this page, for the counts on its body.
const views = new Set<DashboardView>();

function bodyCounts(): void {
  let applied = 0;
  let metrics = 0;
  let runs = 0;
  for (const view of views) {
    const c = view.counts;
    applied += c.applied;
    metrics += c.metrics;
    runs += c.runs;
  }
  document.body.dataset['applied'] = String(applied);
  document.body.dataset['metrics'] = String(metrics);
  document.body.dataset['runs'] = String(runs);
}

/** Renders dashboard messages into `root`. */
export class DashboardView {
  readonly #root: HTMLElement;
  readonly #runsBox: HTMLElement;
  readonly #metricsSection: HTMLElement;
  readonly #metricsBox: HTMLElement;
  readonly #empty: HTMLElement;
  readonly #connection: HTMLElement;
  readonly #runs = new Map<number, RunView>();
  readonly #metrics = new Map<number, MetricView>();
  readonly #resize: ResizeObserver;
  readonly #scheme: MediaQueryList;
  readonly #onScheme = (): void => this.#rebuild();
  #theme: Theme;
  readonly #boxes = new Map<HTMLElement, Chart>();
  #frame = 0;
  #destroyed = false;
  /** Milliseconds from navigation start to the first drawn chart. */
  firstRender: number | undefined;
  /** The longest redraw so far, in milliseconds, and the longest that created no chart. */
  longestRender = 0;
  longestUpdate = 0;
  /** Applied values, metric points and runs this view holds, as of its last render. */
  counts = { applied: 0, metrics: 0, runs: 0 };
  #created = false;
  #updates = 0;
  #updateTime = 0;

  constructor(root: HTMLElement, options: ViewOptions) {
    this.#root = root;
    root.classList.add('rxp-dash');
    const head = el('header', 'rxp-head');
    head.append(el('h1', 'rxp-title', options.title ?? 'rx-policy dashboard'));
    this.#connection = el('span', 'rxp-conn');
    head.append(this.#connection);
    for (const link of options.links ?? []) {
      const a = el('a', 'rxp-link', link.text);
      a.href = link.href;
      head.append(a);
    }
    this.#empty = el('section', 'rxp-empty');
    const lead = el('p', 'rxp-empty-lead', 'Nothing is being watched yet.');
    const how = el('p', undefined, 'Give the dashboard a policy and its values, and any metric; this page updates by itself:');
    const code = el('pre', 'rxp-code', options.hint);
    this.#empty.append(lead, how, code);
    this.#runsBox = el('section', 'rxp-runs');
    this.#metricsSection = el('section', 'rxp-metrics');
    this.#metricsSection.append(el('h2', 'rxp-section-title', 'Metrics'));
    this.#metricsBox = el('div', 'rxp-grid');
    this.#metricsSection.append(this.#metricsBox);
    this.#metricsSection.hidden = true;
    root.append(head, this.#empty, this.#runsBox, this.#metricsSection);
    this.#theme = readTheme(this.#root);
    this.#resize = new ResizeObserver((entries) => this.#resized(entries));
    this.#scheme = matchMedia('(prefers-color-scheme: dark)');
    this.#scheme.addEventListener('change', this.#onScheme);
    views.add(this);
    this.#counts();
  }

  /** Shows the connection's state in the header (the live page: live, reconnecting, stopped). */
  setConnection(text: string, state: 'live' | 'waiting' | 'down'): void {
    this.#connection.textContent = text;
    this.#connection.dataset['state'] = state;
  }

  /** Takes in a message; the charts follow at the next animation frame. */
  apply(message: DashboardMessage): void {
    if (this.#destroyed) return;
    if (message.kind === 'snapshot') {
      // What the snapshot does not hold, or holds under another name (a restarted server
      // numbers its runs afresh), goes; the rest is refilled in place.
      const runs = new Map(message.runs.map((r) => [r.id, r]));
      for (const [id, run] of this.#runs) {
        const next = runs.get(id);
        if (next === undefined || next.name !== run.name || next.length !== run.length) this.#dropRun(id, run);
      }
      const metrics = new Map(message.metrics.map((m) => [m.id, m]));
      for (const [id, m] of this.#metrics) if (metrics.get(id)?.name !== m.patch.name) this.#dropMetric(id, m);
    }
    for (const patch of message.runs) this.#applyRun(patch, message.kind === 'snapshot');
    for (const patch of message.metrics) this.#applyMetric(patch, message.kind === 'snapshot');
    this.#schedule();
  }

  /** Removes the charts and listeners. */
  destroy(): void {
    this.#destroyed = true;
    cancelAnimationFrame(this.#frame);
    this.#resize.disconnect();
    this.#scheme.removeEventListener('change', this.#onScheme);
    for (const run of this.#runs.values()) for (const c of run.charts.values()) c.plot?.destroy();
    for (const m of this.#metrics.values()) m.chart.plot?.destroy();
    this.#root.replaceChildren();
    this.#root.classList.remove('rxp-dash');
    for (const key of ['applied', 'metrics', 'runs']) delete this.#root.dataset[key];
    views.delete(this);
    bodyCounts();
  }

  #schedule(): void {
    if (this.#frame === 0) this.#frame = requestAnimationFrame(() => this.#render());
  }

  #applyRun(patch: RunPatch, whole: boolean): void {
    let run = this.#runs.get(patch.id);
    if (run === undefined) {
      const color = PALETTE[this.#runs.size % PALETTE.length]!;
      const { card, statusLine } = newCard('run', patch.name, color);
      const track = el('div', 'rxp-progress');
      const bar = el('div', 'rxp-progress-bar');
      bar.style.background = color;
      track.append(bar);
      card.append(track);
      this.#runsBox.append(card);
      run = { id: patch.id, color, name: patch.name, length: patch.length, params: patch.params, planned: {}, applied: {}, last: {}, plannedNow: {}, status: patch.status, card, statusLine, bar, charts: new Map(), xMax: 1, dirty: true };
      this.#runs.set(patch.id, run);
      for (const param of patch.params) run.charts.set(param, this.#chartBox(card, param));
    }
    if (whole) run.applied = {};
    // The planned curve never changes: its points are computed once.
    if (patch.planned !== undefined) for (const [param, cols] of Object.entries(patch.planned)) run.planned[param] = columnPoints(cols);
    for (const [param, cols] of Object.entries(patch.applied)) mergeColumns((run.applied[param] ??= { width: cols.width, data: [] }), cols);
    run.last = { ...patch.last };
    run.plannedNow = { ...patch.plannedNow };
    run.status = patch.status;
    run.length = patch.length;
    run.dirty = true;
  }

  #applyMetric(patch: MetricPatch, whole: boolean): void {
    let m = this.#metrics.get(patch.id);
    if (m === undefined) {
      const color = PALETTE[(this.#metrics.size + 2) % PALETTE.length]!;
      const { card, statusLine } = newCard('metric', patch.name, color);
      this.#metricsBox.append(card);
      m = { id: patch.id, color, patch, points: { width: 1, data: [] }, card, statusLine, chart: this.#chartBox(card, patch.name), xMax: 1, dirty: true };
      this.#metrics.set(patch.id, m);
    }
    if (whole) m.points = { width: 1, data: [] };
    if (patch.points !== undefined) mergeColumns(m.points, patch.points);
    m.patch = patch;
    m.dirty = true;
  }

  #chartBox(card: HTMLElement, label: string): Chart {
    const legend = el('div', 'rxp-legend');
    legend.setAttribute('aria-live', 'off');
    const box = el('div', 'rxp-chart');
    box.setAttribute('role', 'img');
    box.setAttribute('aria-label', `${label} by step`);
    card.append(legend, box);
    const chart: Chart = { box, legend, plot: undefined, data: [[]] };
    this.#boxes.set(box, chart);
    this.#resize.observe(box);
    return chart;
  }

  #forget(chart: Chart): void {
    chart.plot?.destroy();
    this.#resize.unobserve(chart.box);
    this.#boxes.delete(chart.box);
  }

  #dropRun(id: number, run: RunView): void {
    for (const c of run.charts.values()) this.#forget(c);
    run.card.remove();
    this.#runs.delete(id);
  }

  #dropMetric(id: number, m: MetricView): void {
    this.#forget(m.chart);
    m.card.remove();
    this.#metrics.delete(id);
  }

  #render(): void {
    this.#frame = 0;
    if (this.#destroyed) return;
    const t0 = performance.now();
    this.#created = false;
    const empty = this.#runs.size === 0 && this.#metrics.size === 0;
    this.#empty.hidden = !empty;
    this.#metricsSection.hidden = this.#metrics.size === 0;
    // Each run's charts span that run; a metric spans the run it follows, or every run and point.
    let xMax = 1;
    for (const run of this.#runs.values()) {
      const end = Math.max(1, run.length - 1, run.status.step);
      if (end !== run.xMax) run.dirty = true;
      run.xMax = end;
      xMax = Math.max(xMax, end);
    }
    for (const m of this.#metrics.values()) if (m.patch.last) xMax = Math.max(xMax, m.patch.last.step);
    const byName = new Map([...this.#runs.values()].map((r) => [r.name, r]));
    for (const m of this.#metrics.values()) {
      const own = m.patch.run !== undefined ? byName.get(m.patch.run) : undefined;
      const end = own !== undefined ? Math.max(own.xMax, m.patch.last?.step ?? 0) : xMax;
      if (end !== m.xMax) m.dirty = true;
      m.xMax = end;
    }
    for (const run of this.#runs.values()) if (run.dirty) this.#renderRun(run);
    for (const m of this.#metrics.values()) if (m.dirty) this.#renderMetric(m);
    this.#counts();
    const took = performance.now() - t0;
    if (took > this.longestRender) {
      this.longestRender = took;
      document.body.dataset['longestRender'] = took.toFixed(1);
    }
    if (!this.#created) {
      this.#updates++;
      this.#updateTime += took;
      document.body.dataset['meanUpdate'] = (this.#updateTime / this.#updates).toFixed(2);
      if (took > this.longestUpdate) {
        this.longestUpdate = took;
        document.body.dataset['longestUpdate'] = took.toFixed(1);
      }
    }
    if (this.firstRender === undefined && !empty) {
      this.firstRender = performance.now();
      document.body.dataset['firstRender'] = this.firstRender.toFixed(1);
    }
  }

  // Each view's counts go on its own root; the page's body gets the sum over the views drawn in
  // it, so two dashboards in one page do not overwrite each other's counts.
  #counts(): void {
    let applied = 0;
    for (const run of this.#runs.values()) applied += run.status.count;
    let metrics = 0;
    for (const m of this.#metrics.values()) metrics += m.patch.count;
    this.counts = { applied, metrics, runs: this.#runs.size };
    this.#root.dataset['applied'] = String(applied);
    this.#root.dataset['metrics'] = String(metrics);
    this.#root.dataset['runs'] = String(this.#runs.size);
    bodyCounts();
  }

  #renderRun(run: RunView): void {
    run.dirty = false;
    const s = run.status;
    const done = s.step + 1;
    const pct = run.length > 0 ? Math.min(100, (100 * done) / run.length) : 0;
    const ended = s.state === 'completed' && done < run.length ? `ended early` : s.state;
    const parts = [
      s.state === 'waiting' ? 'waiting for the first value' : ended,
      `step ${formatCount(Math.max(0, done))} / ${formatCount(run.length)}`,
    ];
    if (s.state !== 'waiting') parts.push(formatDuration(s.elapsed), `${formatCount(s.rate)} steps/s`);
    setParts(run.statusLine, parts, s.error);
    run.statusLine.dataset['state'] = s.state;
    run.bar.style.width = `${pct}%`;
    for (const param of run.params) {
      const chart = run.charts.get(param)!;
      const planned = run.planned[param];
      const applied = run.applied[param];
      chart.data = joinSeries([planned ?? { steps: [], values: [] }, applied ? columnPoints({ width: applied.width, from: 0, data: applied.data }) : { steps: [], values: [] }]);
      if (chart.plot === undefined) {
        chart.plot = this.#runChart(run, param, chart);
        this.#created = true;
      }
      else chart.plot.setData(chart.data);
      this.#runLegend(run, param, chart, null);
    }
  }

  #renderMetric(m: MetricView): void {
    m.dirty = false;
    const p = m.patch;
    const parts = [p.state === 'waiting' ? 'waiting for the first value' : p.state, `${formatCount(p.count)} points`];
    setParts(m.statusLine, parts, p.error);
    m.statusLine.dataset['state'] = p.state;
    const pts = columnPoints({ width: m.points.width, from: 0, data: m.points.data });
    m.chart.data = [pts.steps, pts.values];
    if (m.chart.plot === undefined) {
      m.chart.plot = this.#metricChart(m);
      this.#created = true;
    }
    else m.chart.plot.setData(m.chart.data);
    this.#metricLegend(m, null);
  }

  #runLegend(run: RunView, param: string, chart: Chart, idx: number | null): void {
    const d = chart.data;
    let text: string;
    if (idx !== null && d[0][idx] !== undefined) {
      const planned = d[1]?.[idx];
      const applied = d[2]?.[idx];
      text = `step ${formatCount(d[0][idx]!)}: planned ${formatValue(planned)}${applied !== null && applied !== undefined ? `, applied ${formatValue(applied)}` : ''}`;
    } else {
      const step = run.status.step;
      const last = run.last[param];
      const planned = run.plannedNow[param] ?? null;
      text = last !== undefined ? `applied ${formatValue(last)} at step ${formatCount(step)}` : 'no value applied yet';
      if (planned !== null) text += ` (planned ${formatValue(planned)})`;
    }
    this.#legend(chart, param, run.color, text, true);
  }

  #metricLegend(m: MetricView, idx: number | null): void {
    const d = m.chart.data;
    let text: string;
    if (idx !== null && d[0][idx] !== undefined) text = `step ${formatCount(d[0][idx]!)}: ${formatValue(d[1]?.[idx])}`;
    else if (m.patch.last) text = `${formatValue(m.patch.last.value)} at step ${formatCount(m.patch.last.step)}`;
    else text = 'no value yet';
    this.#legend(m.chart, m.patch.name, m.color, text, false);
  }

  #legend(chart: Chart, name: string, color: string, text: string, planned: boolean): void {
    const legend = chart.legend;
    if (legend.childElementCount === 0) {
      const key = el('span', 'rxp-key');
      const swatch = el('span', 'rxp-line');
      swatch.style.borderColor = color;
      key.append(swatch, document.createTextNode(planned ? `${name} applied` : name));
      legend.append(key);
      if (planned) {
        const plannedKey = el('span', 'rxp-key');
        plannedKey.append(el('span', 'rxp-line rxp-line-planned'), document.createTextNode('planned'));
        legend.append(plannedKey);
      }
      legend.append(el('span', 'rxp-value'));
    }
    legend.lastElementChild!.textContent = text;
  }

  #base(chart: Chart, xMax: () => number): Pick<uPlot.Options, 'width' | 'height' | 'scales' | 'legend' | 'cursor' | 'padding'> {
    return {
      width: Math.max(200, chart.box.clientWidth),
      height: CHART_HEIGHT,
      padding: [10, 12, 0, 0],
      legend: { show: false },
      cursor: { sync: { key: 'rxp-step', setSeries: false }, drag: { x: false, y: false }, points: { size: 6 } },
      scales: { x: { time: false, range: () => [0, xMax()] } },
    };
  }

  #runChart(run: RunView, param: string, chart: Chart): uPlot {
    const t = this.#theme;
    const opts: uPlot.Options = {
      ...this.#base(chart, () => run.xMax),
      series: [
        {},
        { label: 'planned', stroke: t.planned, width: 1.5, dash: [5, 4], spanGaps: true, points: { show: false } },
        { label: 'applied', stroke: run.color, width: 2, spanGaps: true, points: { show: false } },
      ],
      axes: axes(this.#theme, param),
      hooks: {
        draw: [(u) => this.#cursor(u, run, param)],
        setCursor: [(u) => this.#runLegend(run, param, chart, u.cursor.idx ?? null)],
      },
    };
    return new uPlot(opts, chart.data, chart.box);
  }

  #metricChart(m: MetricView): uPlot {
    const opts: uPlot.Options = {
      ...this.#base(m.chart, () => m.xMax),
      series: [{}, { label: m.patch.name, stroke: m.color, width: 1.5, spanGaps: true, points: { show: false } }],
      axes: axes(this.#theme, m.patch.name),
      hooks: { setCursor: [(u) => this.#metricLegend(m, u.cursor.idx ?? null)] },
    };
    return new uPlot(opts, m.chart.data, m.chart.box);
  }

  /** "You are here": a vertical line at the last applied step and a dot on its value. */
  #cursor(u: uPlot, run: RunView, param: string): void {
    const step = run.status.step;
    if (step < 0) return;
    const ctx = u.ctx;
    const x = Math.round(u.valToPos(step, 'x', true));
    const { top, height } = u.bbox;
    ctx.save();
    ctx.strokeStyle = this.#theme.cursor;
    ctx.lineWidth = Math.max(1, devicePixelRatio);
    ctx.globalAlpha = 0.7;
    ctx.beginPath();
    ctx.moveTo(x, top);
    ctx.lineTo(x, top + height);
    ctx.stroke();
    ctx.globalAlpha = 1;
    const v = run.last[param];
    if (v !== undefined) {
      const y = u.valToPos(v, 'y', true);
      ctx.fillStyle = run.color;
      ctx.strokeStyle = this.#theme.cursor;
      ctx.lineWidth = 1.5 * devicePixelRatio;
      ctx.beginPath();
      ctx.arc(x, y, 4.5 * devicePixelRatio, 0, 2 * Math.PI);
      ctx.fill();
      ctx.stroke();
    }
    ctx.restore();
  }

  #resized(entries: ResizeObserverEntry[]): void {
    for (const entry of entries) {
      const chart = this.#boxes.get(entry.target as HTMLElement);
      const width = Math.max(200, Math.floor(entry.contentRect.width));
      if (chart?.plot !== undefined && chart.plot.width !== width) chart.plot.setSize({ width, height: CHART_HEIGHT });
    }
  }

  // Colours live in CSS; the canvases take them at creation, so a scheme change redraws them.
  #rebuild(): void {
    this.#theme = readTheme(this.#root);
    for (const run of this.#runs.values()) {
      for (const c of run.charts.values()) {
        c.plot?.destroy();
        c.plot = undefined;
      }
      run.dirty = true;
    }
    for (const m of this.#metrics.values()) {
      m.chart.plot?.destroy();
      m.chart.plot = undefined;
      m.dirty = true;
    }
    this.#schedule();
  }
}

/** A run's or a metric's card: its head (colour swatch and name) and its status line. */
function newCard(kind: 'run' | 'metric', name: string, color: string): { card: HTMLElement; statusLine: HTMLElement } {
  const card = el('article', `rxp-card rxp-${kind}`);
  card.dataset[kind] = name;
  const head = el('header', 'rxp-card-head');
  const swatch = el('span', 'rxp-swatch');
  swatch.style.background = color;
  head.append(swatch, el('h2', 'rxp-card-title', name));
  const statusLine = el('p', 'rxp-status');
  card.append(head, statusLine);
  return { card, statusLine };
}
