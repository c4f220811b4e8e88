/**
 * JSON document of result 8.
 * @module
 */
import type { RandomInitData } from './compute.js';

/**
 * The JSON document of result 8: conventions, settings and every cell (per feature the
 * ratios of every seed, their quantiles and intervals; the proportions with Wilson intervals).
 * @param data - what {@link computeRandomInit} returned.
 * @returns a JSON-compatible object.
 */
export function randomInitDocument(data: RandomInitData): Record<string, unknown> {
  return {
    description:
      'Training from random orthogonal initialisations (one run per seed) against the aligned per-feature theory: t*_train/t*_ODE per feature, order changes and features never learned.',
    conventions: {
      time: 'gradient-flow time t = kη',
      measured: "first time ‖W̄e_i‖ reaches p·w̄∞ of feature i (sim's crossing detector, every step)",
      predicted: 'exact per-feature t*_p of the aligned theory (docs/math.md §3)',
      neverLearned: 'no crossing by the end of the run, horizon × the largest t*_ODE of the cell',
      intervals: 'proportions: Wilson 95 %; median: distribution-free 95 % order-statistic interval; quantiles: type 7',
      effectiveStartMedian: 't*_ODE(ε/√2)/t*_ODE(ε) (docs/math.md §9): derived for MAE at L = 1 as ε → 0, a heuristic elsewhere',
    },
    settings: data.settings,
    cells: data.cells,
  };
}
