/**
 * Figure of result 6: relative error of the leading order against ε, per depth.
 * @module
 */
import { objectiveLabel } from '../../arrange/objectiveLabel.js';
import { VEGA_LITE_SCHEMA, type FigureSpec } from '../../figureSpec.js';
import type { LeadingOrderErrorData } from './compute.js';

/**
 * The figure of result 6: one panel per objective, log–log, one line per depth.
 * @param data - what {@link computeLeadingOrderError} returned.
 * @returns a vega-lite specification.
 */
export function leadingOrderErrorFigure(data: LeadingOrderErrorData): FigureSpec {
  const { feature, fraction, depths, objectives } = data.settings;
  // an error of exactly 0 (possible for MAE at L = 1, where the leading order is exact) cannot sit on a log axis
  const plotted = data.rows.filter((r) => r.relativeError !== null && r.relativeError > 0).map((r) => ({ ...r, L: `L = ${r.depth}` }));
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: {
      text: `Leading-order vs exact critical time (λ = ${feature.lambda}, ρ = ${feature.rho}, t* at w̄ = ${fraction}·w̄∞)`,
      subtitle:
        'relative error |t*_leading − t*_exact| / t*_exact; sharp dips are sign changes of the error; MAE at L = 1: the formula is exact, what remains is rounding',
    },
    hconcat: objectives.map((o) => ({
      width: 300,
      height: 240,
      title: objectiveLabel(o),
      data: { values: plotted.filter((r) => r.objective === o) },
      mark: { type: 'line', point: true },
      encoding: {
        x: {
          field: 'epsilon',
          type: 'quantitative',
          scale: { type: 'log' },
          title: 'initialization scale ε, log scale',
          axis: { format: '.0e' },
        },
        y: {
          field: 'relativeError',
          type: 'quantitative',
          scale: { type: 'log' },
          title: 'relative error, log scale',
          axis: { format: '.0e' },
        },
        color: { field: 'L', type: 'nominal', title: 'depth', sort: depths.map((d) => `L = ${d}`), scale: { scheme: 'viridis' } },
      },
    })),
    resolve: { scale: { y: 'shared' } },
  };
}
