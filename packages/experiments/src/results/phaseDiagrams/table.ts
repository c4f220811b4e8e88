/**
 * CSV table of result 9.
 * @module
 */
import type { Table } from '../../table.js';
import type { PhaseDiagramsData } from './compute.js';

/**
 * The table of result 9: one row per grid point, the exact flip depths and the law's.
 * @param data - what {@link computePhaseDiagrams} returned.
 * @returns columns lambda_ratio, rho_ratio, epsilon, fraction, flip_depth_jepa, flip_depth_mae, law_1_term, law_2_terms, law_3_terms.
 */
export function phaseDiagramsTable(data: PhaseDiagramsData): Table {
  return {
    columns: [
      'lambda_ratio',
      'rho_ratio',
      'epsilon',
      'fraction',
      'flip_depth_jepa',
      'flip_depth_mae',
      'law_1_term',
      'law_2_terms',
      'law_3_terms',
    ],
    rows: data.points.map((p) => ({
      lambda_ratio: p.lambdaRatio,
      rho_ratio: p.rhoRatio,
      epsilon: p.epsilon,
      fraction: p.fraction,
      flip_depth_jepa: p.jepa,
      flip_depth_mae: p.mae,
      law_1_term: p.law[1],
      law_2_terms: p.law[2],
      law_3_terms: p.law[3],
    })),
  };
}
