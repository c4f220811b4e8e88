/**
 * CSV table of result 7.
 * @module
 */
import type { Table } from '../../table.js';
import type { NonDiagonalCovariancesData } from './compute.js';

/**
 * The table of result 7: one row per run and mode, the width study's runs after the main grid's.
 * @param data - what {@link computeNonDiagonalCovariances} returned.
 * @returns columns objective, depth, epsilon, theta, seed, mode, rho, sigma2, lambda, predicted, measured, relative_error,
 *   and d where there is a width study.
 */
export function nonDiagonalCovariancesTable(data: NonDiagonalCovariancesData): Table {
  const withD = data.widths !== undefined;
  const runs = [
    ...data.runs.map((run) => ({ run, d: data.settings.d })),
    ...(data.widths ?? []).flatMap((w) => w.runs.map((run) => ({ run, d: w.d }))),
  ];
  return {
    columns: [
      'objective',
      'depth',
      'epsilon',
      'theta',
      'seed',
      'mode',
      'rho',
      'sigma2',
      'lambda',
      'predicted',
      'measured',
      'relative_error',
      ...(withD ? ['d'] : []),
    ],
    rows: runs.flatMap(({ run: r, d }) =>
      r.modes.map((m, k) => ({
        objective: r.objective,
        depth: r.depth,
        epsilon: r.epsilon,
        theta: r.theta,
        seed: r.seed,
        mode: k,
        rho: m.rho,
        sigma2: m.sigma2,
        lambda: m.lambda,
        predicted: m.predicted,
        measured: m.measured,
        relative_error: m.relativeError,
        ...(withD ? { d } : {}),
      })),
    ),
  };
}
