// What every dashboard chart shares: colours read from the page's CSS, axes with titles and
// short tick labels, and the merge of step-sorted series onto one x array for uPlot.
import type uPlot from 'uplot';
import { formatSteps, formatTicks } from './format.js';

export const PALETTE = ['#2f6fdb', '#e8590c', '#2b9348', '#ae3ec9', '#c92a2a', '#1098ad', '#f08c00', '#5f3dc4'];
export const CHART_HEIGHT = 190;

export interface Theme {
  readonly fg: string;
  readonly muted: string;
  readonly grid: string;
  readonly planned: string;
  readonly cursor: string;
}

/** The chart colours of the scheme in force, from the CSS variables under `root`. */
export function readTheme(root: HTMLElement): Theme {
  const style = getComputedStyle(root);
  const get = (name: string, fallback: string): string => style.getPropertyValue(name).trim() || fallback;
  return {
    fg: get('--rxp-fg', '#1d2430'),
    muted: get('--rxp-muted', '#5b6472'),
    grid: get('--rxp-grid', 'rgba(0,0,0,0.08)'),
    planned: get('--rxp-planned', '#8a94a3'),
    cursor: get('--rxp-cursor', '#d9480f'),
  };
}

/** A step axis and a value axis titled `yLabel`, sized to their tick labels. */
export function axes(theme: Theme, yLabel: string): uPlot.Axis[] {
  const common = {
    stroke: theme.muted,
    grid: { stroke: theme.grid, width: 1 },
    ticks: { stroke: theme.grid, width: 1 },
    font: '11px system-ui, sans-serif',
    labelFont: '600 12px system-ui, sans-serif',
    labelSize: 18,
  };
  return [
    { ...common, label: 'step', values: (_u: uPlot, splits: number[]) => formatSteps(splits), size: 32 },
    {
      ...common,
      label: yLabel,
      values: (_u: uPlot, splits: number[]) => formatTicks(splits),
      size: (_u: uPlot, values: string[] | null) => (values ? 18 + 7 * Math.max(3, ...values.map((v) => String(v).length)) : 44),
    },
  ];
}

export interface Points {
  readonly steps: readonly number[];
  readonly values: readonly number[];
}

/** Puts step-sorted series on one x array (the union of their steps), nulls where one has no point. */
export function joinSeries(series: readonly Points[]): uPlot.AlignedData {
  const xs: number[] = [];
  const ys: (number | null)[][] = series.map(() => []);
  const at = series.map(() => 0);
  for (;;) {
    let next = Infinity;
    for (let s = 0; s < series.length; s++) {
      const k = at[s]!;
      if (k < series[s]!.steps.length && series[s]!.steps[k]! < next) next = series[s]!.steps[k]!;
    }
    if (next === Infinity) break;
    xs.push(next);
    for (let s = 0; s < series.length; s++) {
      const k = at[s]!;
      if (k < series[s]!.steps.length && series[s]!.steps[k] === next) {
        ys[s]!.push(series[s]!.values[k]!);
        at[s] = k + 1;
      } else ys[s]!.push(null);
    }
  }
  return [xs, ...ys];
}
