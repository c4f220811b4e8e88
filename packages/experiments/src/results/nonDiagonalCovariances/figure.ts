/**
 * Figure of result 7.
 * @module
 */
import { logAxisSpec, logDomain } from '../../arrange/logAxis.js';
import { objectiveLabel } from '../../arrange/objectiveLabel.js';
import { VEGA_LITE_SCHEMA, type FigureSpec } from '../../figureSpec.js';
import type { NonDiagonalCovariancesData } from './compute.js';

/**
 * The figure of result 7: left, every mode's |t*_measured/t*_predicted − 1| against θ
 * (points, one per seed and mode) with the median per θ (line); middle, the fraction of
 * mode pairs that training orders as predicted; right, the leakage against ε^{1/L}.
 * @param data - what {@link computeNonDiagonalCovariances} returned.
 * @returns a vega-lite specification.
 */
export function nonDiagonalCovariancesFigure(data: NonDiagonalCovariancesData): FigureSpec {
  const { d, epsilons, depths, seeds, leakage } = data.settings;
  const series = (o: string, L: number, e: number): string => `${o}, L = ${L}${epsilons.length > 1 ? `, ε = ${e}` : ''}`;
  // |error| is floored at 1e-6 for the log axis (θ = 0 errors are O(η), far above it)
  const errorRows = data.runs.flatMap((r) =>
    r.modes.flatMap((m) =>
      m.relativeError === null
        ? []
        : [
            {
              theta: r.theta,
              error: Math.max(Math.abs(m.relativeError), 1e-6),
              series: series(objectiveLabel(r.objective), r.depth, r.epsilon),
            },
          ],
    ),
  );
  const medianRows = data.points.map((p) => ({
    theta: p.theta,
    error: Math.max(p.medianAbsError, 1e-6),
    pairs: p.pairsAgreeing,
    series: series(objectiveLabel(p.objective), p.depth, p.epsilon),
  }));
  const leakRows = data.leakage.map((p) => ({
    scale: p.layerScale,
    leakage: p.leakage,
    series: `${objectiveLabel(p.objective)}, L = ${p.depth}`,
  }));
  const [eMin, eMax] = logDomain(errorRows.map((r) => r.error));
  const color = { field: 'series', type: 'nominal', title: 'objective, depth' };
  const thetaAxis = { field: 'theta', type: 'quantitative', title: 'rotation angle θ between signal and noise bases (rad)' };
  const [sMin, sMax] = logDomain(leakRows.map((r) => r.scale));
  const [lMin, lMax] = logDomain(leakRows.map((r) => r.leakage));
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: {
      text: `Covariances not simultaneously diagonal: generalised-eigen prediction vs training (d = ${d}, seeds ${seeds.join(', ')}, L = ${depths.join(', ')})`,
    },
    hconcat: [
      {
        width: 300,
        height: 240,
        title: 'error of predicted t* per mode (points) and median (line)',
        layer: [
          {
            data: { values: errorRows },
            mark: { type: 'point', opacity: 0.5, size: 20 },
            encoding: {
              x: thetaAxis,
              y: {
                field: 'error',
                type: 'quantitative',
                scale: { type: 'log', domain: [eMin, eMax], nice: false },
                axis: logAxisSpec(eMin, eMax),
                title: '|t*_train / t*_predicted − 1|, log scale',
              },
              color,
            },
          },
          {
            data: { values: medianRows },
            mark: { type: 'line', point: true },
            encoding: { x: thetaAxis, y: { field: 'error', type: 'quantitative' }, color },
          },
        ],
      },
      {
        width: 240,
        height: 240,
        title: 'learning order: mode pairs ordered as predicted',
        data: { values: medianRows },
        mark: { type: 'line', point: true },
        encoding: {
          x: thetaAxis,
          y: { field: 'pairs', type: 'quantitative', scale: { domain: [0, 1] }, title: 'fraction of mode pairs (mean over seeds)' },
          color,
        },
      },
      {
        width: 240,
        height: 240,
        title: `leakage at ½ min t* (θ = ${leakage.theta})`,
        data: { values: leakRows },
        mark: { type: 'line', point: true },
        encoding: {
          x: {
            field: 'scale',
            type: 'quantitative',
            scale: { type: 'log', domain: [sMin, sMax], nice: false },
            axis: logAxisSpec(sMin, sMax),
            title: 'per-layer start ε^{1/L}, log scale',
          },
          y: {
            field: 'leakage',
            type: 'quantitative',
            scale: { type: 'log', domain: [lMin, lMax], nice: false },
            axis: logAxisSpec(lMin, lMax),
            title: 'off-diagonal / diagonal of Ŵ, log scale',
          },
          color: { field: 'series', type: 'nominal', title: 'objective, depth' },
        },
      },
    ],
  };
}
