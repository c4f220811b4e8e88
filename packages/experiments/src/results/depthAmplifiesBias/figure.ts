/**
 * Figure of result 2: t*(ρ) on log axes, and the same relative to t* at ρ_max.
 * @module
 */
import type { Objective } from '@jepa-dynamics/ode';
import { objectiveLabel } from '../../arrange/objectiveLabel.js';
import { VEGA_LITE_SCHEMA, type FigureSpec } from '../../figureSpec.js';
import type { DepthAmplifiesBiasData } from './compute.js';
import { depthAmplifiesBiasRows } from './table.js';

/**
 * The figure of result 2: top row t*(ρ) per objective, bottom row t*(ρ)/t*(ρ_max),
 * one line per depth, log axes.
 * @param data - what {@link computeDepthAmplifiesBias} returned.
 * @returns a vega-lite specification.
 */
export function depthAmplifiesBiasFigure(data: DepthAmplifiesBiasData): FigureSpec {
  const { lambda, epsilon, fraction, rhoMin, rhoMax, depths, objectives } = data.settings;
  const plotRows = depthAmplifiesBiasRows(data).map((r) => ({ ...r, objective: objectiveLabel(r.objective), L: `L = ${r.depth}` }));
  const panel = (objective: Objective, field: 'critical_time' | 'relative_to_rho_max', title: string): FigureSpec => ({
    width: 300,
    height: 220,
    title: `${objectiveLabel(objective)}: ${field === 'critical_time' ? 'critical time' : `relative to ρ = ${rhoMax}`}`,
    data: { values: plotRows.filter((r) => r.objective === objectiveLabel(objective) && r[field] !== null) },
    mark: { type: 'line', point: true },
    encoding: {
      x: {
        field: 'rho',
        type: 'quantitative',
        scale: { type: 'log', domain: [rhoMin, rhoMax], nice: false },
        title: 'regression coefficient ρ (λ = 1), log scale',
      },
      y: { field, type: 'quantitative', scale: { type: 'log' }, title },
      color: { field: 'L', type: 'nominal', title: 'depth', sort: depths.map((d) => `L = ${d}`), scale: { scheme: 'viridis' } },
    },
  });
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: `Depth amplifies JEPA's dependence on ρ (λ = ${lambda}, ε = ${epsilon}, t* at w̄ = ${fraction}·w̄∞)` },
    vconcat: [
      // rows laid out by their plots: vega's canvas-free text metrics overestimate long axis titles
      { hconcat: objectives.map((o) => panel(o, 'critical_time', 't* (gradient-flow time), log scale')), bounds: 'flush', spacing: 90 },
      {
        hconcat: objectives.map((o) => panel(o, 'relative_to_rho_max', `t*(ρ) / t*(ρ = ${rhoMax}), log scale`)),
        resolve: { scale: { y: 'shared' } },
        bounds: 'flush',
        spacing: 90,
      },
    ],
  };
}
