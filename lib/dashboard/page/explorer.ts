// The preset explorer (`npx rx-policy dashboard`, then /explore): pick a preset, edit its options
// in a form generated from the preset's option declarations, watch the curves redraw, and pin several
// presets or option sets on the same axes, with the first step where each differs from the one
// being edited.
import uPlot from 'uplot';
import { buildPolicy, presets } from '../../config.js';
import type { FieldInfo } from '../../internal/options.js';
import type { OptimizerPolicy } from '../../policy.js';
import { columnPoints, plannedColumns, type Columns } from '../history.js';
import { axes, CHART_HEIGHT, joinSeries, PALETTE, readTheme, type Theme } from './chart.js';
import { presetExamples } from './examples.js';
import { formatCount, formatValue } from './format.js';

interface Curve {
  readonly label: string;
  readonly preset: string;
  readonly options: Record<string, unknown>;
  readonly policy: OptimizerPolicy;
  readonly color: string;
}

/** Where two policies first give different values, or that they agree. */
interface Difference {
  readonly step: number;
  readonly param: string;
  readonly a: number | undefined;
  readonly b: number | undefined;
}

const FAMILIES: Record<string, string> = {
  '': "Poutyne's",
  pytorch: 'PyTorch',
  fastai: 'fastai',
  optax: 'optax',
  timm: 'timm',
  keras: 'Keras',
  huggingface: 'Hugging Face',
};

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className !== undefined) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The first step (and parameter) where `a` and `b` differ beyond rounding, or undefined. */
export function firstDifference(a: OptimizerPolicy, b: OptimizerPolicy): Difference | undefined {
  const params = [...new Set([...a.params, ...b.params])];
  const n = Math.max(a.length, b.length);
  for (let step = 0; step < n; step++) {
    const va = step < a.length ? (a.at(step) as Record<string, number>) : undefined;
    const vb = step < b.length ? (b.at(step) as Record<string, number>) : undefined;
    for (const param of params) {
      const x = va?.[param];
      const y = vb?.[param];
      if (x === undefined && y === undefined) continue;
      if (x === undefined || y === undefined || Math.abs(x - y) > 1e-12 * Math.max(1, Math.abs(x), Math.abs(y))) return { step, param, a: x, b: y };
    }
  }
  return undefined;
}

/** A form value as the preset expects it: numbers, booleans and JSON parsed, the rest a string. */
function parseField(text: string): unknown {
  const t = text.trim();
  if (t === '') return undefined;
  try {
    return JSON.parse(t) as unknown;
  } catch {
    return t;
  }
}

function optionsText(options: Record<string, unknown>): string {
  const s = JSON.stringify(options);
  return s.length > 90 ? `${s.slice(0, 87)}…` : s;
}

class Explorer {
  readonly #select = el('select');
  readonly #summary = el('p', 'rxp-status');
  readonly #fields = el('div', 'rxp-form');
  readonly #error = el('p', 'rxp-error');
  readonly #pin = el('button', 'rxp-primary', 'Add to comparison');
  readonly #clear = el('button', undefined, 'Clear');
  readonly #list = el('ul', 'rxp-compare');
  readonly #diff = el('div', 'rxp-diff');
  readonly #charts = el('div', 'rxp-grid');
  readonly #plots = new Map<string, { box: HTMLElement; legend: HTMLElement; plot: uPlot }>();
  readonly #values = new Map<string, Record<string, string>>();
  #pinned: Curve[] = [];
  #current: Curve | undefined;
  #theme: Theme;
  #frame = 0;
  #version = 0;
  #xMax = 1;
  #markers: { step: number; color: string }[] = [];
  readonly #cache = new WeakMap<OptimizerPolicy, Record<string, Columns>>();

  constructor(root: HTMLElement) {
    root.classList.add('rxp-dash');
    const head = el('header', 'rxp-head');
    head.append(el('h1', 'rxp-title', 'rx-policy preset explorer'));
    head.append(el('span', 'rxp-subtitle', 'pick a preset, edit its options, pin curves to compare'));
    const live = el('a', 'rxp-link', 'live runs →');
    live.href = '/';
    head.append(live);
    const layout = el('div', 'rxp-explorer');
    const panel = el('section', 'rxp-card');
    const presetField = el('label', 'rxp-field');
    presetField.append(el('span', undefined, 'Preset'), this.#select);
    const groups = new Map<string, HTMLOptGroupElement>();
    for (const name of Object.keys(presets)) {
      const family = name.includes('.') ? name.slice(0, name.indexOf('.')) : '';
      let group = groups.get(family);
      if (group === undefined) {
        group = el('optgroup');
        group.label = FAMILIES[family] ?? family;
        groups.set(family, group);
        this.#select.append(group);
      }
      group.append(new Option(name, name));
    }
    this.#select.id = 'rxp-preset';
    this.#error.id = 'rxp-error';
    this.#error.setAttribute('role', 'alert');
    this.#pin.id = 'rxp-pin';
    this.#clear.id = 'rxp-clear';
    this.#diff.id = 'rxp-diff';
    const buttons = el('div', 'rxp-row');
    buttons.append(this.#pin, this.#clear);
    const compareTitle = el('h2', 'rxp-section-title', 'Compared');
    compareTitle.style.marginTop = '10px';
    panel.append(presetField, this.#summary, this.#fields, this.#error, buttons, compareTitle, this.#list, this.#diff);
    layout.append(panel, this.#charts);
    root.append(head, layout);
    this.#theme = readTheme(root);
    this.#select.addEventListener('change', () => this.#choose());
    this.#pin.addEventListener('click', () => this.#pinCurrent());
    this.#clear.addEventListener('click', () => {
      this.#pinned = [];
      this.#schedule();
    });
    matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
      this.#theme = readTheme(root);
      for (const p of this.#plots.values()) p.plot.destroy();
      this.#plots.clear();
      this.#charts.replaceChildren();
      this.#schedule();
    });
    new ResizeObserver(() => {
      for (const p of this.#plots.values()) {
        const width = Math.max(200, p.box.clientWidth);
        if (p.plot.width !== width) p.plot.setSize({ width, height: CHART_HEIGHT });
      }
    }).observe(this.#charts);
    this.#select.value = 'oneCycle';
    this.#choose();
  }

  #choose(): void {
    const name = this.#select.value;
    const entry = presets[name]!;
    this.#summary.textContent = entry.summary;
    let values = this.#values.get(name);
    if (values === undefined) {
      values = {};
      const example = presetExamples[name] ?? {};
      // A function option has no JSON text (and no form field): it stays out, and the preset's error says it is needed.
      for (const f of entry.fields) if (f.json) values[f.name] = example[f.name] === undefined ? '' : JSON.stringify(example[f.name]);
      this.#values.set(name, values);
    }
    this.#fields.replaceChildren();
    for (const f of entry.fields) {
      if (!f.json) continue; // a function option has no form field
      this.#fields.append(this.#field(f, values));
    }
    this.#schedule();
  }

  /** One form field, from the option's declaration: a choice for enums and booleans, else text. */
  #field(f: FieldInfo, values: Record<string, string>): HTMLElement {
    const field = el('label', 'rxp-field');
    const title = el('span', undefined, f.name);
    if (f.required) title.append(el('em', 'rxp-required', ' required'));
    let input: HTMLInputElement | HTMLSelectElement;
    const fallback = f.default !== undefined ? `default: ${JSON.stringify(f.default)}` : f.required ? 'required' : 'not used';
    if (f.type === 'enum' || f.type === 'boolean') {
      const select = el('select');
      select.add(new Option(`(${fallback})`, ''));
      for (const v of f.type === 'boolean' ? ['true', 'false'] : (f.values ?? [])) select.add(new Option(v, JSON.stringify(f.type === 'boolean' ? v === 'true' : v)));
      input = select;
    } else {
      const text = el('input');
      text.autocomplete = 'off';
      text.spellcheck = false;
      if (f.type === 'number' || f.type === 'integer') text.inputMode = 'decimal';
      text.placeholder = fallback;
      input = text;
    }
    input.name = f.name;
    input.value = values[f.name] ?? '';
    input.addEventListener(input instanceof HTMLSelectElement ? 'change' : 'input', () => {
      values[f.name] = input.value;
      this.#schedule();
    });
    const hint = [f.doc, f.expected !== '' ? `(${f.expected}${f.mode !== undefined ? `; with ${f.mode}` : ''})` : ''].filter(Boolean).join(' ');
    field.append(title, input, el('small', undefined, hint));
    return field;
  }

  #pinCurrent(): void {
    const current = this.#current;
    if (current === undefined) return;
    const color = PALETTE[(this.#pinned.length + 1) % PALETTE.length]!;
    this.#pinned.push({ ...current, color });
    this.#schedule();
  }

  #schedule(): void {
    if (this.#frame === 0) this.#frame = requestAnimationFrame(() => this.#redraw());
  }

  #build(): Curve | undefined {
    const name = this.#select.value;
    const values = this.#values.get(name)!;
    const options: Record<string, unknown> = {};
    for (const [key, text] of Object.entries(values)) {
      const v = parseField(text);
      if (v !== undefined) options[key] = v;
    }
    for (const input of this.#fields.querySelectorAll('input, select')) input.removeAttribute('aria-invalid');
    try {
      const policy = buildPolicy({ preset: name, options });
      this.#error.textContent = '';
      return { label: name, preset: name, options, policy, color: PALETTE[0]! };
    } catch (err) {
      const text = (err as Error).message;
      this.#error.textContent = text;
      // Mark the field the message names, when it names one.
      for (const input of this.#fields.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')) if (new RegExp(`\\b${input.name}\\b`).test(text)) input.setAttribute('aria-invalid', 'true');
      return undefined;
    }
  }

  #redraw(): void {
    this.#frame = 0;
    this.#current = this.#build() ?? this.#current;
    this.#pin.disabled = this.#current === undefined;
    this.#clear.disabled = this.#pinned.length === 0;
    const curves = [...(this.#current ? [this.#current] : []), ...this.#pinned];
    this.#renderList();
    const params = [...new Set(curves.flatMap((c) => c.policy.params))];
    this.#xMax = Math.max(1, ...curves.map((c) => c.policy.length - 1));
    const planned = curves.map((c) => this.#planned(c.policy));
    for (const [param, p] of this.#plots) {
      if (!params.includes(param)) {
        p.plot.destroy();
        p.box.parentElement!.remove();
        this.#plots.delete(param);
      }
    }
    for (const param of params) {
      const series = curves.map((_c, i) => (planned[i]![param] ? columnPoints(planned[i]![param]!) : { steps: [], values: [] }));
      const data = joinSeries(series);
      let p = this.#plots.get(param);
      const wanted = curves.length + 1;
      if (p !== undefined && p.plot.series.length !== wanted) {
        p.plot.destroy();
        p.box.parentElement!.remove();
        this.#plots.delete(param);
        p = undefined;
      }
      if (p === undefined) {
        const card = el('article', 'rxp-card');
        card.dataset['param'] = param;
        const legend = el('div', 'rxp-legend');
        const box = el('div', 'rxp-chart');
        card.append(legend, box);
        this.#charts.append(card);
        const plot = new uPlot(
          {
            width: Math.max(200, box.clientWidth),
            height: CHART_HEIGHT,
            padding: [10, 12, 0, 0],
            legend: { show: false },
            cursor: { sync: { key: 'rxp-explore' }, drag: { x: false, y: false }, points: { size: 6 } },
            scales: { x: { time: false, range: () => [0, this.#xMax] } },
            series: [{}, ...curves.map((c, i) => ({ label: c.label, stroke: c.color, width: i === 0 ? 2.25 : 1.5, spanGaps: true, points: { show: false } }))],
            axes: axes(this.#theme, param),
            hooks: {
              draw: [(u) => this.#drawMarkers(u)],
              setCursor: [(u) => this.#legend(param, u.cursor.idx ?? null)],
            },
          },
          data,
          box,
        );
        p = { box, legend, plot };
        this.#plots.set(param, p);
      } else p.plot.setData(data);
      this.#legend(param, null);
    }
    this.#version++;
    document.body.dataset['version'] = String(this.#version);
    document.body.dataset['curves'] = String(curves.length);
    document.body.dataset['steps'] = String(this.#current?.policy.length ?? 0);
  }

  /** A curve's buckets, computed once per policy: pinned curves are not recomputed on each edit. */
  #planned(policy: OptimizerPolicy): Record<string, Columns> {
    let cols = this.#cache.get(policy);
    if (cols === undefined) {
      cols = plannedColumns(policy.length, policy.params, (k) => policy.at(k) as Record<string, number>, 1024);
      this.#cache.set(policy, cols);
    }
    return cols;
  }

  #renderList(): void {
    this.#list.replaceChildren();
    this.#diff.replaceChildren();
    this.#markers = [];
    const current = this.#current;
    if (this.#pinned.length === 0) {
      this.#list.append(el('li', undefined, 'Nothing pinned: “Add to comparison” keeps the current curve, then change the preset or its options.'));
      return;
    }
    this.#pinned.forEach((c, i) => {
      const item = el('li');
      const swatch = el('span', 'rxp-swatch');
      swatch.style.background = c.color;
      const remove = el('button', undefined, 'remove');
      remove.setAttribute('aria-label', `remove ${c.label}`);
      remove.addEventListener('click', () => {
        this.#pinned.splice(i, 1);
        this.#schedule();
      });
      item.append(swatch, el('span', undefined, `${c.label} ${optionsText(c.options)}`), remove);
      this.#list.append(item);
      if (current === undefined) return;
      const d = firstDifference(current.policy, c.policy);
      let text: string;
      if (d === undefined) text = `${c.label}: same values as the current curve over all ${formatCount(current.policy.length)} steps`;
      else if (d.a === undefined || d.b === undefined) {
        text = `${c.label}: same as the current curve up to step ${formatCount(d.step)}, then ${d.a === undefined ? 'it goes on' : 'it ends'} (${formatCount(c.policy.length)} vs ${formatCount(current.policy.length)} steps)`;
        this.#markers.push({ step: d.step, color: c.color });
      } else {
        text = `${c.label}: first differs at step ${formatCount(d.step)}: ${d.param} ${formatValue(d.b)} vs ${formatValue(d.a)} (current)`;
        this.#markers.push({ step: d.step, color: c.color });
      }
      const line = el('p', undefined, text);
      line.style.margin = '0';
      this.#diff.append(line);
    });
  }

  #legend(param: string, idx: number | null): void {
    const p = this.#plots.get(param);
    if (p === undefined) return;
    const d = p.plot.data;
    const curves = [...(this.#current ? [this.#current] : []), ...this.#pinned];
    const legend = p.legend;
    legend.replaceChildren();
    const title = el('span', 'rxp-key', param);
    legend.append(title);
    curves.forEach((c, i) => {
      const key = el('span', 'rxp-key');
      const line = el('span', 'rxp-line');
      line.style.borderColor = c.color;
      const value = idx === null ? '' : ` ${formatValue(d[i + 1]?.[idx])}`;
      key.append(line, document.createTextNode(`${i === 0 && c === this.#current ? `current (${c.label})` : c.label}${value}`));
      key.style.fontWeight = '400';
      legend.append(key);
    });
    if (idx !== null) legend.append(el('span', 'rxp-value', `step ${formatCount(d[0][idx] ?? 0)}`));
  }

  /** A dotted line where each pinned curve first leaves the current one. */
  #drawMarkers(u: uPlot): void {
    const ctx = u.ctx;
    const { top, height } = u.bbox;
    ctx.save();
    ctx.setLineDash([3 * devicePixelRatio, 3 * devicePixelRatio]);
    ctx.lineWidth = devicePixelRatio;
    for (const m of this.#markers) {
      const x = Math.round(u.valToPos(m.step, 'x', true));
      ctx.strokeStyle = m.color;
      ctx.beginPath();
      ctx.moveTo(x, top);
      ctx.lineTo(x, top + height);
      ctx.stroke();
    }
    ctx.restore();
  }
}

new Explorer(document.getElementById('app')!);
