/**
 * CSV table of result 8.
 * @module
 */
import type { Table } from '../../table.js';
import type { RandomInitData } from './compute.js';

/**
 * The table of result 8: one row per cell and feature.
 * @param data - what {@link computeRandomInit} returned.
 * @returns the quantiles, the median's interval, the never-learned proportion and the cell's order-change proportion per feature.
 */
export function randomInitTable(data: RandomInitData): Table {
  return {
    columns: [
      'objective',
      'depth',
      'd',
      'epsilon',
      'feature',
      'lambda',
      'rho',
      'predicted',
      'q10',
      'median',
      'median_low',
      'median_high',
      'q90',
      'effective_start_median',
      'never_learned',
      'seeds',
      'order_differs',
    ],
    rows: data.cells.flatMap((c) =>
      c.features.map((f, i) => ({
        objective: c.objective,
        depth: c.depth,
        d: c.d,
        epsilon: c.epsilon,
        feature: i,
        lambda: f.lambda,
        rho: f.rho,
        predicted: f.predicted,
        q10: f.q10,
        median: f.median,
        median_low: f.medianInterval[0],
        median_high: f.medianInterval[1],
        q90: f.q90,
        effective_start_median: f.effectiveStartMedian,
        never_learned: f.neverLearned.count,
        seeds: f.neverLearned.of,
        order_differs: c.orderDiffers.count,
      })),
    ),
  };
}
