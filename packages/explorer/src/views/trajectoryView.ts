/**
 * The trajectory view: w̄(t)/w̄∞ of every feature under each objective shown, from the
 * closed form, with the critical times marked (diamonds at p on dashed rules), the ODE on
 * demand (circles) and the last training run (crosses).
 * @module
 */
import type { Table } from '@jepa-dynamics/experiments';
import type { ExplorerStore } from '../explorerStore.js';
import { exportBar } from '../export/exportBar.js';
import type { ExplorerResults } from '../model/explorerResults.js';
import { settingSignature } from '../model/settingSignature.js';
import { timeFactor } from '@jepa-dynamics/ode';
import { renderChart, type ChartRule, type ChartSeries, type LegendEntry } from '../plot/chart.js';
import { formatPlain } from '../plot/formatNumber.js';
import { featureColor, featureDash } from '../plot/palette.js';
import { stackCharts } from '../plot/stackCharts.js';
import type { ExplorerState } from '../state/explorerState.js';
import { chartWidth } from './chartWidth.js';
import { h, replaceChildren } from './dom.js';
import { FEATURE_LEGEND_TITLE, OBJECTIVE_NAME, TIME_AXIS_TITLE, featureName } from './featureName.js';
import { overlays } from './overlays.js';

/** The view and its redraw. */
export interface TrajectoryView {
  element: HTMLElement;
  render(): void;
}

/**
 * Builds the trajectory view.
 * @param store - the page's store.
 * @param announce - speaks a sentence in the live region.
 * @returns the view.
 */
export function trajectoryView(store: ExplorerStore, announce: (message: string) => void): TrajectoryView {
  const panels = h('div', { class: 'panels', id: 'trajectory-panels' });
  const notes = h('ul', { class: 'notes', id: 'trajectory-notes' });
  const odeButton = h('button', { type: 'button', id: 'integrate-ode' }, 'Integrate the ODE');
  const odeStatus = h('p', { class: 'status', id: 'ode-status' });
  let charts: SVGSVGElement[] = [];

  odeButton.addEventListener('click', () => {
    odeButton.disabled = true;
    odeStatus.textContent = 'Loading the solver and integrating…';
    const state = store.state;
    const results = store.results;
    const signature = settingSignature(state);
    import('../model/odeOverlay.js')
      .then(({ odeOverlay, ODE_RTOL }) => {
        const computed = results.panels.map((p) => odeOverlay(results.features, p.objective, results.setting, p.horizon));
        if (settingSignature(store.state) !== signature) return;
        overlays.ode = { signature, panels: computed };
        const failures = computed.flatMap((p) =>
          p.curves.filter((c) => c.message !== '').map((c) => `feature ${c.row + 1} (${OBJECTIVE_NAME[p.objective]}): ${c.message}`),
        );
        const summary = computed
          .map(
            (p) =>
              `${OBJECTIVE_NAME[p.objective]}: max |ODE − closed form| = ${formatPlain(p.maxDeviation, 2)} (${Math.round(p.elapsedMs)} ms)`,
          )
          .join('; ');
        // compared at equal times: where a curve rises steeply, a tiny difference in time is a large one in w̄
        odeStatus.textContent = `ODE (DOP853, rtol ${ODE_RTOL}, circles) against the closed form in w̄/w̄∞ at the same times: ${summary}.${failures.length > 0 ? ` Failed: ${failures.join('; ')}` : ''}`;
        odeStatus.dataset.maxDeviation = String(Math.max(...computed.map((p) => p.maxDeviation)));
        render();
        announce('ODE integrated and drawn.');
      })
      .catch((error: unknown) => {
        odeStatus.textContent = `The ODE could not be integrated: ${error instanceof Error ? error.message : String(error)}`;
      })
      .finally(() => {
        odeButton.disabled = false;
      });
  });

  const render = (): void => {
    const state = store.state;
    const results = store.results;
    const signature = settingSignature(state);
    if (overlays.ode !== null && overlays.ode.signature !== signature) {
      overlays.ode = null;
      odeStatus.textContent = '';
      delete odeStatus.dataset.maxDeviation;
    }
    const width = chartWidth();
    const perRow = width >= 860 && results.panels.length > 1 ? 2 : 1;
    const panelWidth = perRow === 2 ? (width - 16) / 2 : width;
    const names = new Map(results.features.map(({ row, feature }) => [row, featureName(row, feature)]));
    charts = results.panels.map((panel) => chartOf(state, results, panel.objective, panelWidth, names));
    replaceChildren(panels, ...charts.map((c, i) => h('figure', { class: 'chart', 'data-objective': results.panels[i].objective }, c)));
    const missing = results.panels.flatMap((p) =>
      p.missing.map((m) => `${OBJECTIVE_NAME[p.objective]}, feature ${m.row + 1}: ${m.message}`),
    );
    replaceChildren(notes, ...missing.map((m) => h('li', {}, m)));
  };

  const element = h(
    'section',
    { id: 'trajectories', 'aria-labelledby': 'trajectories-heading', class: 'panel' },
    h('h2', { id: 'trajectories-heading' }, 'Trajectories w̄(t) / w̄∞'),
    h(
      'p',
      { class: 'lede' },
      'Each curve is the exact implicit solution t(u) of the balanced flow (no integration), normalized by its fixed point w̄∞; diamonds mark the critical times t*, when w̄ reaches p·w̄∞.',
    ),
    h('div', { class: 'actions' }, odeButton),
    odeStatus,
    panels,
    notes,
    exportBar(
      {
        stem: 'trajectories',
        what: 'trajectories',
        table: () => trajectoryTable(store.state, store.results),
        document: () => trajectoryDocument(store.state, store.results),
        chart: () => stackCharts(charts),
      },
      announce,
    ),
  );
  return { element, render };
}

function chartOf(
  state: ExplorerState,
  results: ExplorerResults,
  objective: ExplorerState['objectives'][number],
  width: number,
  names: Map<number, string>,
): SVGSVGElement {
  const panel = results.panels.find((p) => p.objective === objective);
  if (panel === undefined) throw new Error(`no panel for ${objective}`);
  const series: ChartSeries[] = panel.curves.map((c) => ({
    color: featureColor(c.row),
    dash: featureDash(c.row),
    mark: 'line',
    x: c.t,
    y: c.y,
  }));
  const entries = results.criticalTimes.filter((e) => e.objective === objective && e.exact !== null);
  const rules: ChartRule[] = [
    { orientation: 'horizontal', value: state.fraction, color: '#666', dash: '2 3', label: `p = ${state.fraction}` },
  ];
  for (const e of entries) rules.push({ orientation: 'vertical', value: e.exact ?? 0, color: featureColor(e.row), dash: '4 3' });
  series.push(
    ...entries.map((e): ChartSeries => ({
      color: featureColor(e.row),
      mark: 'diamond',
      x: [e.exact ?? 0],
      y: [state.fraction],
      tooltip: () => `feature ${e.row + 1}: t* = ${e.exact}`,
    })),
  );
  const ode = overlays.ode?.panels.find((p) => p.objective === objective);
  for (const c of ode?.curves ?? []) {
    if (c.y !== null)
      series.push({
        color: featureColor(c.row),
        mark: 'circle',
        x: ode?.t ?? [],
        y: c.y,
        tooltip: (k) => `ODE, feature ${c.row + 1}: w̄/w̄∞ = ${c.y?.[k]}`,
      });
  }
  const training = overlays.training;
  const showTraining = training !== null && training.objective === objective && training.signature === settingSignature(state);
  if (showTraining) {
    const scale = timeFactor(state.timeUnit, state.depth);
    const t = training.outcome.t.map((x) => scale * x);
    training.rows.forEach((row, i) => {
      const w = training.outcome.wbar[i];
      series.push({
        color: featureColor(row),
        mark: 'cross',
        x: t,
        y: w.map((v) => v / training.wbarInfinity[i]),
        tooltip: (k) => `training, feature ${row + 1}: t = ${t[k]}`,
      });
    });
  }
  const legend: LegendEntry[] = panel.curves.map((c) => ({
    label: names.get(c.row) ?? String(c.row + 1),
    color: featureColor(c.row),
    dash: featureDash(c.row),
    mark: 'line',
  }));
  if (ode !== undefined) legend.push({ label: 'ODE', color: '#555', mark: 'circle' });
  if (showTraining) legend.push({ label: 'training', color: '#555', mark: 'cross' });
  const order = results.orders.find((o) => o.objective === objective);
  const orderText = order === undefined || order.order.length === 0 ? 'no feature reaches p·w̄∞' : order.order.map((r) => r + 1).join(' → ');
  return renderChart({
    title: `${OBJECTIVE_NAME[objective]}, L = ${state.depth}, ε = ${state.epsilon}`,
    subtitle: `learned first → last: ${orderText}`,
    description: `${OBJECTIVE_NAME[objective]}: w̄(t)/w̄∞ of ${panel.curves.length} features against time; learning order ${orderText}.`,
    width,
    plotHeight: width < 500 ? 190 : 230,
    x: { title: TIME_AXIS_TITLE[state.timeUnit], type: 'linear', domain: [0, panel.horizon] },
    y: { title: 'w̄(t) / w̄∞', type: 'linear', domain: [0, 1.05] },
    series,
    rules,
    legendTitle: FEATURE_LEGEND_TITLE,
    legend,
  });
}

/** The view's data as a long table: one row per point of every curve (closed form, ODE, training). */
function trajectoryTable(state: ExplorerState, results: ExplorerResults): Table {
  const rows: object[] = [];
  const unit = state.timeUnit;
  for (const p of results.panels) {
    for (const c of p.curves)
      c.t.forEach((t, k) =>
        rows.push({ objective: p.objective, feature: c.row + 1, source: 'closed-form', timeUnit: unit, t, wbarOverInfinity: c.y[k] }),
      );
    const ode = overlays.ode?.panels.find((o) => o.objective === p.objective);
    for (const c of ode?.curves ?? [])
      ode?.t.forEach((t, k) =>
        rows.push({ objective: p.objective, feature: c.row + 1, source: 'ode', timeUnit: unit, t, wbarOverInfinity: c.y?.[k] ?? null }),
      );
  }
  const training = overlays.training;
  if (training !== null && training.signature === settingSignature(state)) {
    const scale = timeFactor(unit, state.depth);
    training.rows.forEach((row, i) =>
      training.outcome.t.forEach((t, k) =>
        rows.push({
          objective: training.objective,
          feature: row + 1,
          source: 'training',
          timeUnit: unit,
          t: scale * t,
          wbarOverInfinity: training.outcome.wbar[i][k] / training.wbarInfinity[i],
        }),
      ),
    );
  }
  return { columns: ['objective', 'feature', 'source', 'timeUnit', 't', 'wbarOverInfinity'], rows };
}

function trajectoryDocument(state: ExplorerState, results: ExplorerResults): Record<string, unknown> {
  return {
    description:
      'w̄(t)/w̄∞ per feature from the exact implicit solution t(u) (docs/math.md §3), with critical times; the ODE and a training run when computed.',
    setting: { ...results.setting, features: results.features.map(({ row, feature }) => ({ feature: row + 1, ...feature })) },
    criticalTimes: results.criticalTimes.map((e) => ({
      feature: e.row + 1,
      objective: e.objective,
      t: e.exact,
      wbarInfinity: e.wbarInfinity,
      reason: e.reason,
    })),
    learningOrder: results.orders.map((o) => ({
      objective: o.objective,
      order: o.order.map((r) => r + 1),
      never: o.never.map((r) => r + 1),
    })),
    panels: results.panels.map((p) => ({
      objective: p.objective,
      horizon: p.horizon,
      curves: p.curves.map((c) => ({ feature: c.row + 1, t: Array.from(c.t), wbarOverInfinity: Array.from(c.y) })),
      missing: p.missing.map((m) => ({ feature: m.row + 1, message: m.message })),
    })),
    ode:
      overlays.ode?.panels.map((p) => ({
        objective: p.objective,
        t: Array.from(p.t),
        maxDeviationFromClosedForm: p.maxDeviation,
        curves: p.curves.map((c) => ({
          feature: c.row + 1,
          wbarOverInfinity: c.y === null ? null : Array.from(c.y),
          deviation: c.deviation,
          acceptedSteps: c.steps,
          message: c.message,
        })),
      })) ?? null,
    training: overlays.training !== null && overlays.training.signature === settingSignature(state) ? overlays.training.outcome : null,
    timeUnit: state.timeUnit,
  };
}
