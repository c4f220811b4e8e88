/**
 * The leading-order view: |t*_LO − t*| / t* against ε at the depth shown, per feature
 * (colour) and objective (JEPA solid, MAE dashed), with the page's ε marked.
 * @module
 */
import type { Table } from '@jepa-dynamics/experiments';
import type { ExplorerStore } from '../explorerStore.js';
import { exportBar } from '../export/exportBar.js';
import { renderChart, type ChartSeries, type LegendEntry } from '../plot/chart.js';
import { featureColor } from '../plot/palette.js';
import { appendHtmlText } from '../plot/figureText.js';
import { chartWidth } from './chartWidth.js';
import { h, replaceChildren } from './dom.js';

/** The view and its redraw. */
export interface LeadingOrderView {
  element: HTMLElement;
  render(): void;
}

/** Errors below this are drawn at it: MAE at L = 1 is exact, so its error is rounding alone. */
const ERROR_FLOOR = 1e-16;

/**
 * Builds the leading-order view.
 * @param store - the page's store.
 * @param announce - speaks a sentence in the live region.
 * @returns the view.
 */
export function leadingOrderView(store: ExplorerStore, announce: (message: string) => void): LeadingOrderView {
  const chartBox = h('div', { class: 'panels' });
  const note = h('p', { class: 'hint' });
  let chart: SVGSVGElement | null = null;

  const render = (): void => {
    const { state, results } = store;
    const { points, epsilons } = results.leadingOrder;
    const series: ChartSeries[] = [];
    const legend: LegendEntry[] = [];
    for (const objective of state.objectives) {
      for (const { row } of results.features) {
        const mine = points.filter((p) => p.row === row && p.objective === objective);
        if (mine.length === 0) continue;
        const x = mine.map((p) => p.epsilon);
        const y = mine.map((p) => Math.max(ERROR_FLOOR, Math.abs(p.relativeError)));
        series.push({ color: featureColor(row), dash: objective === 'mae' ? '6 3' : '', mark: 'line', x, y });
      }
    }
    for (const { row, feature } of results.features)
      legend.push({ label: `${row + 1} (${feature.lambda}, ${feature.rho})`, color: featureColor(row), mark: 'line' });
    if (state.objectives.length > 1)
      legend.push({ label: 'JEPA', color: '#555', mark: 'line' }, { label: 'MAE', color: '#555', dash: '6 3', mark: 'line' });
    if (series.length === 0) {
      chart = null;
      replaceChildren(chartBox, h('p', {}, 'No feature has a critical time on this range of ε.'));
      return;
    }
    const ys = points.map((p) => Math.max(ERROR_FLOOR, Math.abs(p.relativeError)));
    chart = renderChart({
      title: `Error of the leading-order t* (L = ${state.depth}, p = ${state.fraction})`,
      subtitle: 'relative error |t*_{LO} − t*| / t* against ε (dotted: the page’s ε)',
      description: `Relative error of the leading-order critical time against epsilon at depth ${state.depth}.`,
      width: chartWidth(),
      plotHeight: 220,
      x: { title: 'initialization scale ε', type: 'log', domain: [epsilons[0], epsilons[epsilons.length - 1]] },
      y: { title: '|t*_{LO} − t*| / t*', type: 'log', domain: [Math.min(...ys) / 3, Math.max(...ys) * 3] },
      series,
      rules: [{ orientation: 'vertical', value: state.epsilon, color: '#333', dash: '1 3', label: `ε = ${state.epsilon}` }],
      legendTitle: 'feature (λ, ρ)',
      legend,
    });
    replaceChildren(chartBox, h('figure', { class: 'chart' }, chart));
    note.replaceChildren();
    appendHtmlText(
      note,
      state.depth === 1 && state.objectives.includes('mae')
        ? 'MAE at L = 1: the leading-order formula is exact, so its error is rounding (drawn at 10^{−16}).'
        : 'JEPA: error O(log 1/ε) on a time of order ε^{−(2L−1)/L}; MAE (L ≥ 2): error O(1) on ε^{−(L−1)/L} (docs/math.md §3). A dip is where the error changes sign.',
    );
  };

  const element = h(
    'section',
    { id: 'leading-order', 'aria-labelledby': 'leading-order-heading', class: 'panel' },
    h('h2', { id: 'leading-order-heading' }, 'The leading-order approximation'),
    chartBox,
    note,
    exportBar(
      {
        stem: 'leading-order-error',
        what: 'leading-order errors',
        table: (): Table => ({
          columns: ['objective', 'feature', 'epsilon', 'exact', 'leadingOrder', 'relativeError'],
          rows: store.results.leadingOrder.points.map((p) => ({ ...p, feature: p.row + 1, row: undefined })),
        }),
        document: () => ({
          description: 'Exact and leading-order t*_p (gradient-flow time) on a grid of ε, and their relative error (docs/math.md §3).',
          setting: store.results.setting,
          timeUnit: 'gradient-flow',
          epsilons: store.results.leadingOrder.epsilons,
          points: store.results.leadingOrder.points.map(({ row, ...p }) => ({ feature: row + 1, ...p })),
        }),
        chart: () => chart,
      },
      announce,
    ),
  );
  return { element, render };
}
