/**
 * Figure of result 1: a row of panels per objective, one per scenario, with the
 * critical times marked.
 * @module
 */
import { objectiveLabel } from '../../arrange/objectiveLabel.js';
import { VEGA_LITE_SCHEMA, type FigureSpec } from '../../figureSpec.js';
import type { LearningOrderPanel, LearningOrderPanelsData } from './compute.js';

function panelSpec(panel: LearningOrderPanel, fraction: number): FigureSpec {
  const curve = panel.features.flatMap((f, i) => panel.t.map((t, k) => ({ t, y: panel.wbarOverInfinity[i][k], feature: f.label })));
  const marks = panel.features.flatMap((f) => (f.criticalTime === null ? [] : [{ t: f.criticalTime, y: fraction, feature: f.label }]));
  const order = panel.order.map((i) => panel.features[i].label).join(' → ');
  const color = {
    field: 'feature',
    type: 'nominal',
    title: 'feature (λ, ρ)',
    sort: panel.features.map((f) => f.label),
    legend: { orient: 'bottom', direction: 'horizontal', titleOrient: 'left' },
  };
  return {
    title: { text: `${objectiveLabel(panel.objective)}: ${panel.title}`, subtitle: `(λ, ρ) learned first → last: ${order}` },
    width: 300,
    height: 180,
    layer: [
      {
        data: { values: curve },
        mark: { type: 'line', strokeWidth: 2 },
        encoding: {
          x: { field: 't', type: 'quantitative', title: 'gradient-flow time t = kη' },
          y: { field: 'y', type: 'quantitative', title: 'w̄ᵢ(t) / w̄∞,ᵢ', scale: { domain: [0, 1.05] } },
          color,
        },
      },
      {
        data: { values: marks },
        mark: { type: 'rule', strokeDash: [4, 3] },
        encoding: { x: { field: 't', type: 'quantitative' }, color },
      },
      {
        data: { values: marks },
        mark: { type: 'point', filled: true, size: 60, shape: 'diamond' },
        encoding: { x: { field: 't', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' }, color },
      },
    ],
    resolve: { scale: { color: 'shared' } },
  };
}

/**
 * The figure of result 1: curves w̄_i(t)/w̄∞,i against gradient-flow time, critical
 * times as diamonds on dashed rules, the learning order in each panel's subtitle.
 * @param data - what {@link computeLearningOrderPanels} returned.
 * @returns a vega-lite specification (vconcat of one hconcat per objective).
 */
export function learningOrderPanelsFigure(data: LearningOrderPanelsData): FigureSpec {
  const { depth, epsilon, fraction, objectives } = data.settings;
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: {
      text: `Learning order of JEPA and MAE (L = ${depth}, ε = ${epsilon}, diamonds: critical time t* at w̄ = ${fraction}·w̄∞)`,
    },
    vconcat: objectives.map((objective) => ({
      hconcat: data.panels.filter((p) => p.objective === objective).map((p) => panelSpec(p, fraction)),
      spacing: 30,
      resolve: { scale: { color: 'independent', x: 'independent' } },
    })),
    resolve: { scale: { color: 'independent', x: 'independent' } },
  };
}
