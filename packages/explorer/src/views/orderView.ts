/**
 * The order view: the learning order under each objective and a table of every feature's
 * fixed point, exact critical time, leading-order critical time and its relative error.
 * @module
 */
import type { Table } from '@jepa-dynamics/experiments';
import type { ExplorerStore } from '../explorerStore.js';
import { exportBar } from '../export/exportBar.js';
import type { CriticalTimeEntry } from '../model/criticalTimeTable.js';
import { appendHtmlText } from '../plot/figureText.js';
import { formatNumber } from '../plot/formatNumber.js';
import { featureColor } from '../plot/palette.js';
import { renderChart } from '../plot/chart.js';
import { h, replaceChildren } from './dom.js';
import { OBJECTIVE_NAME, TIME_AXIS_TITLE } from './featureName.js';

/** The view and its redraw. */
export interface OrderView {
  element: HTMLElement;
  render(): void;
}

/** A table cell with a number: shown to 6 digits, the full value in `data-value`. */
function numberCell(x: number | null, attrs: Record<string, string | number> = {}): HTMLTableCellElement {
  const cell = h('td', { class: 'num', 'data-value': x === null ? '' : String(x), ...attrs });
  appendHtmlText(cell, formatNumber(x, 6));
  return cell;
}

/**
 * Builds the order view.
 * @param store - the page's store.
 * @param announce - speaks a sentence in the live region.
 * @returns the view.
 */
export function orderView(store: ExplorerStore, announce: (message: string) => void): OrderView {
  const orders = h('ul', { class: 'orders', id: 'learning-order' });
  const table = h('table', { class: 'data', id: 'critical-times' });
  const notes = h('ul', { class: 'notes' });

  const render = (): void => {
    const { results, state } = store;
    replaceChildren(
      orders,
      ...results.orders.map((o) => {
        const item = h('li', { 'data-objective': o.objective }, h('strong', {}, `${OBJECTIVE_NAME[o.objective]} learns `));
        if (o.order.length === 0) item.append('no feature (none reaches p·w̄∞)');
        o.order.forEach((row, k) => {
          if (k > 0) item.append(' → ');
          const chip = h('span', { class: 'chip', 'data-color': featureColor(row) }, String(row + 1));
          chip.style.borderColor = featureColor(row);
          item.append(chip);
        });
        if (o.never.length > 0) item.append(`; never: ${o.never.map((r) => r + 1).join(', ')}`);
        return item;
      }),
    );
    const unit = state.timeUnit === 'paper' ? 'τ' : 't';
    const head = h(
      'tr',
      {},
      h('th', { scope: 'col' }, 'feature'),
      h('th', { scope: 'col' }, 'objective'),
      h('th', { scope: 'col' }, 'w̄∞'),
      h('th', { scope: 'col' }, `${unit}* exact`),
      h('th', { scope: 'col' }, `${unit}* leading order`),
      h('th', { scope: 'col' }, 'relative error'),
    );
    const body = results.criticalTimes.map((e: CriticalTimeEntry) =>
      h(
        'tr',
        { 'data-row': e.row, 'data-objective': e.objective },
        h('th', { scope: 'row' }, String(e.row + 1)),
        h('td', {}, OBJECTIVE_NAME[e.objective]),
        numberCell(e.wbarInfinity),
        numberCell(e.exact, { 'data-quantity': 'exact', title: e.message }),
        numberCell(e.leadingOrder, { 'data-quantity': 'leading-order' }),
        numberCell(e.relativeError, { 'data-quantity': 'relative-error' }),
      ),
    );
    replaceChildren(
      table,
      h(
        'caption',
        {},
        `Critical times (${TIME_AXIS_TITLE[state.timeUnit]}) at w̄ = ${state.fraction}·w̄∞, L = ${state.depth}, ε = ${state.epsilon}`,
      ),
      h('thead', {}, head),
      h('tbody', {}, ...body),
    );
    const why = results.criticalTimes.filter((e) => e.exact === null && e.message !== '');
    replaceChildren(notes, ...why.map((e) => h('li', {}, `${OBJECTIVE_NAME[e.objective]}, feature ${e.row + 1}: ${e.message}`)));
  };

  const element = h(
    'section',
    { id: 'order', 'aria-labelledby': 'order-heading', class: 'panel' },
    h('h2', { id: 'order-heading' }, 'Learning order and critical times'),
    orders,
    h('div', { class: 'table-scroll' }, table),
    notes,
    exportBar(
      {
        stem: 'critical-times',
        what: 'critical times',
        table: () => orderTable(store),
        document: () => ({
          description:
            'Exact (closed form, docs/math.md §3) and leading-order critical times, their relative error, and the learning order.',
          setting: store.results.setting,
          features: store.results.features.map(({ row, feature }) => ({ feature: row + 1, ...feature })),
          criticalTimes: orderTable(store).rows,
          learningOrder: store.results.orders.map((o) => ({
            objective: o.objective,
            order: o.order.map((r) => r + 1),
            never: o.never.map((r) => r + 1),
          })),
        }),
        chart: () => orderChart(store),
      },
      announce,
    ),
  );
  return { element, render };
}

function orderTable(store: ExplorerStore): Table {
  return {
    columns: ['feature', 'objective', 'timeUnit', 'wbarInfinity', 'exact', 'leadingOrder', 'relativeError', 'reason'],
    rows: store.results.criticalTimes.map((e) => ({
      feature: e.row + 1,
      objective: e.objective,
      timeUnit: store.state.timeUnit,
      wbarInfinity: e.wbarInfinity,
      exact: e.exact,
      leadingOrder: e.leadingOrder,
      relativeError: e.relativeError,
      reason: e.reason,
    })),
  };
}

/** The table as a chart for the SVG/PNG export: exact critical time of each feature, per objective (log scale). */
function orderChart(store: ExplorerStore): SVGSVGElement | null {
  const { results, state } = store;
  const timed = results.criticalTimes.filter((e) => e.exact !== null && e.exact > 0);
  if (timed.length === 0) return null;
  const values = timed.map((e) => e.exact ?? 1);
  const lo = Math.min(...values) / 2;
  const hi = Math.max(...values) * 2;
  return renderChart({
    title: `Critical times t*, L = ${state.depth}, ε = ${state.epsilon}, p = ${state.fraction}`,
    description: 'Exact critical time of each feature under each objective.',
    width: 640,
    plotHeight: 60 + 30 * state.features.length,
    x: { title: TIME_AXIS_TITLE[state.timeUnit], type: 'log', domain: [lo, hi] },
    y: { title: 'feature', type: 'linear', domain: [state.features.length + 0.5, 0.5] },
    series: timed.map((e) => ({
      color: featureColor(e.row),
      mark: e.objective === 'jepa' ? 'diamond' : 'circle',
      x: [e.exact ?? 0],
      y: [e.row + 1],
    })),
    legend: state.objectives.map((o) => ({ label: OBJECTIVE_NAME[o], color: '#555', mark: o === 'jepa' ? 'diamond' : 'circle' })),
  });
}
