/**
 * The depth view: t*_A/t*_B of two chosen features against the depth L under each objective,
 * and the flip depth, the smallest L at which A is learned first.
 * @module
 */
import type { Table } from '@jepa-dynamics/experiments';
import type { ExplorerStore } from '../explorerStore.js';
import { exportBar } from '../export/exportBar.js';
import { renderChart, type ChartRule, type ChartSeries } from '../plot/chart.js';
import { chartWidth } from './chartWidth.js';
import { h, heading, replaceChildren, field } from './dom.js';
import { OBJECTIVE_NAME } from './featureName.js';

/** The view and its redraw. */
export interface DepthView {
  element: HTMLElement;
  render(): void;
}

const OBJECTIVE_COLOR = { jepa: '#4c78a8', mae: '#e45756' } as const;

/**
 * Builds the depth view.
 * @param store - the page's store.
 * @param announce - speaks a sentence in the live region.
 * @returns the view.
 */
export function depthView(store: ExplorerStore, announce: (message: string) => void): DepthView {
  const selectA = h('select', { id: 'pair-a' });
  const selectB = h('select', { id: 'pair-b' });
  for (const [select, k] of [
    [selectA, 0],
    [selectB, 1],
  ] as const) {
    select.addEventListener('change', () => store.update((d) => void (d.pair[k] = Number(select.value))));
  }
  const summary = h('ul', { class: 'orders', id: 'flip-depth' });
  const chartBox = h('div', { class: 'panels' });
  let chart: SVGSVGElement | null = null;

  /** What the view shows depends on everything but L: an update of L alone leaves it as it is. */
  let drawn = '';
  const render = (): void => {
    const { state, results } = store;
    const key = JSON.stringify([
      state.given,
      state.features,
      state.pair,
      state.objectives,
      state.epsilon,
      state.fraction,
      state.timeUnit,
      chartWidth(),
    ]);
    if (key === drawn) return;
    drawn = key;
    for (const [select, k] of [
      [selectA, 0],
      [selectB, 1],
    ] as const) {
      // rebuilt only when the rows change in number, so a select being operated keeps its options
      if (select.options.length !== state.features.length)
        select.replaceChildren(...state.features.map((_, i) => h('option', { value: i }, String(i + 1))));
      select.value = String(state.pair[k]);
    }
    const depth = results.depth;
    if (!depth.ok) {
      chart = null;
      replaceChildren(summary, h('li', {}, depth.message));
      replaceChildren(chartBox);
      return;
    }
    const { ratios, pair } = depth;
    const [a, b] = pair.map((r) => r + 1);
    replaceChildren(
      summary,
      ...ratios.flipDepth.map((f) =>
        h(
          'li',
          { 'data-objective': f.objective, 'data-flip-depth': f.depth === null ? '' : f.depth },
          h('strong', {}, `${OBJECTIVE_NAME[f.objective]}: `),
          f.depth === null
            ? `A (feature ${a}) is not learned before B (feature ${b}) at any depth from 1 to ${ratios.maxDepth}.`
            : f.depth === 1
              ? `A (feature ${a}) is learned before B (feature ${b}) already at L = 1.`
              : `the order flips at L = ${f.depth}: A (feature ${a}) is learned first from L = ${f.depth} on, B (feature ${b}) below.`,
        ),
      ),
    );
    const series: ChartSeries[] = [];
    const rules: ChartRule[] = [{ orientation: 'horizontal', value: 1, color: '#666', dash: '2 3', label: 't*_{A} = t*_{B}' }];
    const ratiosSeen: number[] = [];
    for (const f of ratios.flipDepth) {
      const rows = ratios.rows.filter((r) => r.objective === f.objective);
      const x = rows.map((r) => r.depth);
      const y = rows.map((r) => r.ratio ?? Number.NaN);
      ratiosSeen.push(...y.filter((v) => Number.isFinite(v) && v > 0));
      series.push({ color: OBJECTIVE_COLOR[f.objective], mark: 'line', x, y });
      series.push({
        color: OBJECTIVE_COLOR[f.objective],
        mark: 'circle',
        x,
        y,
        tooltip: (k) => `${OBJECTIVE_NAME[f.objective]}, L = ${x[k]}: t*_A/t*_B = ${y[k]}`,
      });
      if (f.depth !== null)
        rules.push({
          orientation: 'vertical',
          value: f.depth,
          color: OBJECTIVE_COLOR[f.objective],
          dash: '4 3',
          label: `${OBJECTIVE_NAME[f.objective]} flip: L = ${f.depth}`,
        });
    }
    const lo = Math.min(0.5, ...ratiosSeen) / 1.5;
    const hi = Math.max(2, ...ratiosSeen) * 1.5;
    chart = renderChart({
      title: 't*_{A} / t*_{B} against the depth L',
      subtitle: `A = feature ${a}, B = feature ${b}, ε = ${state.epsilon}, p = ${state.fraction}; below 1, A is learned first`,
      description: `Ratio of the critical times of features ${a} and ${b} for depths 1 to ${ratios.maxDepth}.`,
      width: chartWidth(),
      plotHeight: 220,
      x: { title: 'encoder depth L', type: 'linear', domain: [0.5, ratios.maxDepth + 0.5] },
      y: { title: 't*_{A} / t*_{B}', type: 'log', domain: [lo, hi] },
      series,
      rules,
      legend: ratios.flipDepth.map((f) => ({ label: OBJECTIVE_NAME[f.objective], color: OBJECTIVE_COLOR[f.objective], mark: 'line' })),
    });
    replaceChildren(chartBox, h('figure', { class: 'chart' }, chart));
  };

  const element = h(
    'section',
    { id: 'depth-flip', 'aria-labelledby': 'depth-heading', class: 'panel' },
    heading('h2', 'depth-heading', 'Depth: t*_{A} / t*_{B} and the flip depth'),
    h('div', { class: 'inline-fields' }, field('Feature A', selectA), field('Feature B', selectB)),
    summary,
    chartBox,
    exportBar(
      {
        stem: 'depth-flip',
        what: 'depth view',
        table: () => depthTable(store),
        document: () => {
          const d = store.results.depth;
          return d.ok
            ? {
                description:
                  't*_A/t*_B by the closed form at L = 1 … 12, and the smallest L at which A is learned first (docs/math.md §3).',
                setting: { ...store.results.setting, timeUnit: store.state.timeUnit },
                featureA: d.pair[0] + 1,
                featureB: d.pair[1] + 1,
                flipDepth: d.ratios.flipDepth,
                rows: d.ratios.rows,
              }
            : null;
        },
        chart: () => chart,
      },
      announce,
    ),
  );
  return { element, render };
}

function depthTable(store: ExplorerStore): Table | null {
  const d = store.results.depth;
  if (!d.ok) return null;
  return {
    columns: ['objective', 'depth', 'timeUnit', 'tA', 'tB', 'ratio'],
    rows: d.ratios.rows.map((r) => ({ ...r, timeUnit: store.state.timeUnit })),
  };
}
