/**
 * Figure of result 2: t*(ρ) on log axes, and the same relative to t* at ρ_max.
 * @module
 */
import type { Objective } from '@jepa-dynamics/ode';
import { logAxisSpec, logDomain } from '../../arrange/logAxis.js';
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
  type Field = 'critical_time' | 'relative_to_rho_max';
  const values = (field: Field, objective?: Objective): number[] =>
    plotRows.flatMap((r) => (objective === undefined || r.objective === objectiveLabel(objective) ? (r[field] ?? []) : []));
  const panel = (objective: Objective, field: Field, title: string): FigureSpec => {
    // critical times per panel (they differ by orders of magnitude); the ratios on one shared axis
    const [yMin, yMax] = logDomain(values(field, field === 'critical_time' ? objective : undefined));
    return {
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
          axis: logAxisSpec(rhoMin, rhoMax),
          title: 'regression coefficient ρ (λ = 1), log scale',
        },
        y: { field, type: 'quantitative', scale: { type: 'log', domain: [yMin, yMax], nice: false }, axis: logAxisSpec(yMin, yMax), title },
        color: { field: 'L', type: 'nominal', title: 'depth', sort: depths.map((d) => `L = ${d}`), scale: { scheme: 'viridis' } },
      },
    };
  };
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: `Depth amplifies JEPA's dependence on ρ (λ = ${lambda}, ε = ${epsilon}, t* at w̄ = ${fraction}·w̄∞)` },
    vconcat: [
      { hconcat: objectives.map((o) => panel(o, 'critical_time', 't* (gradient-flow time), log scale')), spacing: 30 },
      {
        hconcat: objectives.map((o) => panel(o, 'relative_to_rho_max', `t*(ρ) / t*(ρ = ${rhoMax}), log scale`)),
        resolve: { scale: { y: 'shared' } },
        spacing: 30,
      },
    ],
  };
}
