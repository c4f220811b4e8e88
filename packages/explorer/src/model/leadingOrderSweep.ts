/**
 * The leading-order view: the relative error of the ε → 0 approximation of t*_p against
 * ε at the depth shown, per feature and objective (docs/math.md §3; result 6 of
 * `reproduce`).
 * @module
 */
import type { Objective } from '@jepa-dynamics/core';
import { leadingOrderCriticalTime } from '@jepa-dynamics/ode';
import type { ClosedFormSetting, IndexedFeature } from './criticalTimeTable.js';
import { evaluatorFor } from './evaluatorFor.js';

/** One point of the sweep. */
export interface LeadingOrderPoint {
  row: number;
  objective: Objective;
  epsilon: number;
  /** Exact and leading-order t*_p (gradient-flow time; the ratio is unit-free). */
  exact: number;
  leadingOrder: number;
  /** `(leadingOrder − exact) / exact`. */
  relativeError: number;
}

/** The sweep's ε grid and its points. */
export interface LeadingOrderSweep {
  epsilons: number[];
  points: LeadingOrderPoint[];
}

/**
 * ε on a logarithmic grid from min(1e-8, ε/10) to max(1e-1, 10ε), 29 values, plus ε itself;
 * at each, the exact and leading-order t*_p where they exist.
 * Cost: 30 × features × objectives evaluations, O(L) each.
 * @param features - the valid rows.
 * @param setting - objectives, depth, ε (marked on the grid), p.
 * @returns the grid and the points (ε increasing within each feature and objective).
 */
export function leadingOrderSweep(features: readonly IndexedFeature[], setting: ClosedFormSetting): LeadingOrderSweep {
  const { depth, fraction } = setting;
  const lo = Math.min(1e-8, setting.epsilon / 10);
  const hi = Math.max(1e-1, setting.epsilon * 10);
  const n = 29;
  const grid = Array.from({ length: n }, (_, k) => lo * Math.pow(hi / lo, k / (n - 1)));
  const epsilons = [...grid, setting.epsilon].sort((a, b) => a - b);
  const points: LeadingOrderPoint[] = [];
  for (const objective of setting.objectives) {
    const evaluator = evaluatorFor(objective, depth);
    for (const { row, feature } of features) {
      for (const epsilon of epsilons) {
        const approx = leadingOrderCriticalTime(feature, { objective, depth, epsilon, fraction });
        if (!approx.exists) continue;
        const exact = evaluator.tStar(feature.lambda, feature.rho, epsilon, fraction);
        if (exact === null || !(exact > 0)) continue;
        points.push({ row, objective, epsilon, exact, leadingOrder: approx.t, relativeError: (approx.t - exact) / exact });
      }
    }
  }
  return { epsilons, points };
}
