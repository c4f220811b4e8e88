/**
 * Figure of result 3: t*_A/t*_B against depth by the four routes (figure text marks the
 * subscripts, `t*_{A}`: see `figureText.ts`).
 * @module
 */
import { objectiveLabel } from '../../arrange/objectiveLabel.js';
import { VEGA_LITE_SCHEMA, type FigureSpec } from '../../figureSpec.js';
import { DEPTH_FLIP_ROUTES, type DepthFlipData, type DepthFlipRoute } from './compute.js';

const ROUTE_LABEL: Record<DepthFlipRoute, string> = {
  exact: 'closed form (ode)',
  formula: 'CAS formula (symbolic)',
  ode: 'ODE + event (ode)',
  simulation: 'gradient descent (sim)',
};

/**
 * The figure of result 3: the closed form's ratio t*_A/t*_B as a line per objective,
 * every route's ratio as a point shaped by route, and the ratio 1 dashed (below it A is
 * learned first).
 * @param data - what {@link computeDepthFlip} returned.
 * @returns a vega-lite specification.
 */
export function depthFlipFigure(data: DepthFlipData): FigureSpec {
  const { featureA, featureB, epsilon, maxDepth } = data.settings;
  const { flipDepth } = data;
  const plotRows = data.table.flatMap((r) =>
    DEPTH_FLIP_ROUTES.filter((route) => r[route].ratio !== null).map((route) => ({
      objective: objectiveLabel(r.objective),
      depth: r.depth,
      ratio: r[route].ratio,
      route: ROUTE_LABEL[route],
    })),
  );
  const never = `never (L ≤ ${maxDepth})`;
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: {
      text: `The depth flip: A = (λ=${featureA.lambda}, ρ=${featureA.rho}), B = (λ=${featureB.lambda}, ρ=${featureB.rho}), ε = ${epsilon}`,
      subtitle: `below the dashed line A is learned first; JEPA flips at L = ${flipDepth.jepa.exact ?? never}, MAE ${flipDepth.mae.exact === null ? never : `at L = ${flipDepth.mae.exact}`}; the four routes overlap`,
    },
    width: 480,
    height: 300,
    layer: [
      {
        data: { values: plotRows.filter((r) => r.route === ROUTE_LABEL.exact) },
        mark: { type: 'line', strokeWidth: 2 },
        encoding: {
          x: {
            field: 'depth',
            type: 'quantitative',
            title: 'encoder depth L',
            axis: { tickMinStep: 1, format: 'd' },
            scale: { domain: [1, maxDepth] },
          },
          y: { field: 'ratio', type: 'quantitative', title: 't*_{A} / t*_{B} (ratio of critical times)', scale: { zero: false } },
          color: { field: 'objective', type: 'nominal', title: 'objective' },
        },
      },
      {
        data: { values: plotRows },
        mark: { type: 'point', size: 70, filled: false, strokeWidth: 1.5 },
        encoding: {
          x: { field: 'depth', type: 'quantitative' },
          y: { field: 'ratio', type: 'quantitative' },
          color: { field: 'objective', type: 'nominal', title: 'objective' },
          shape: { field: 'route', type: 'nominal', title: 't* computed by', sort: DEPTH_FLIP_ROUTES.map((r) => ROUTE_LABEL[r]) },
        },
      },
      {
        data: { values: [{ y: 1 }] },
        mark: { type: 'rule', strokeDash: [6, 4], color: '#444' },
        encoding: { y: { field: 'y', type: 'quantitative' } },
      },
    ],
  };
}
