/**
 * CSV table of result 7.
 * @module
 */
import type { Table } from '../../table.js';
import type { NonDiagonalCovariancesData } from './compute.js';

/**
 * The table of result 7: one row per run and mode.
 * @param data - what {@link computeNonDiagonalCovariances} returned.
 * @returns columns objective, depth, epsilon, theta, seed, mode, rho, sigma2, lambda, predicted, measured, relative_error.
 */
export function nonDiagonalCovariancesTable(data: NonDiagonalCovariancesData): Table {
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
    ],
    rows: data.runs.flatMap((r) =>
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
      })),
    ),
  };
}
