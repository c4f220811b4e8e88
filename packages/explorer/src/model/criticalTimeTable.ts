/**
 * Critical times of every feature under every objective shown: the exact closed form (the
 * evaluators of @jepa-dynamics/symbolic), the leading order as ε → 0 with its error
 * (`leadingOrderCriticalTime` of @jepa-dynamics/ode), and the learning order they give
 * (docs/math.md §3).
 * @module
 */
import type { NoCriticalTimeReason, Objective, TimeUnit } from '@jepa-dynamics/core';
import { type Feature, fixedPoint, leadingOrderCriticalTime, timeFactor } from '@jepa-dynamics/ode';
import { evaluatorFor } from './evaluatorFor.js';

/** The setting every closed-form view shares. */
export interface ClosedFormSetting {
  objectives: readonly Objective[];
  depth: number;
  epsilon: number;
  fraction: number;
  timeUnit: TimeUnit;
}

/** A valid row of the feature table. */
export interface IndexedFeature {
  /** 0-based row of the table. */
  row: number;
  feature: Feature;
}

/** One feature under one objective. */
export interface CriticalTimeEntry {
  row: number;
  objective: Objective;
  /** `w̄∞` (JEPA ρ^L, MAE ρ^{L/(L+1)}; 0 for ρ ≤ 0). */
  wbarInfinity: number;
  /** Exact t*_p in the time unit shown, or null when there is none. */
  exact: number | null;
  /** Leading-order t*_p in the same unit, or null. */
  leadingOrder: number | null;
  /** `(leadingOrder − exact) / exact`, or null. */
  relativeError: number | null;
  /** Why there is no critical time (`null` when there is one). */
  reason: NoCriticalTimeReason | null;
  /** One sentence for a person when there is none; empty otherwise. */
  message: string;
}

/** The learning order under one objective. */
export interface LearningOrderEntry {
  objective: Objective;
  /** Rows with a critical time, first learned first (ties keep row order). */
  order: number[];
  /** Rows without one. */
  never: number[];
}

/**
 * Critical times, leading orders and their errors. Cost: O(L) per feature and objective.
 * @param features - the valid rows.
 * @param setting - objectives, depth, ε, p, time unit.
 * @returns one entry per objective and feature (objective-major).
 */
export function criticalTimeTable(features: readonly IndexedFeature[], setting: ClosedFormSetting): CriticalTimeEntry[] {
  const { depth, epsilon, fraction, timeUnit } = setting;
  const scale = timeFactor(timeUnit, depth);
  return setting.objectives.flatMap((objective) => {
    const evaluator = evaluatorFor(objective, depth);
    return features.map(({ row, feature }): CriticalTimeEntry => {
      const wbarInfinity = fixedPoint(feature, objective, depth).wbar;
      // the leading order exists exactly when the exact time does, and says why not (ρ ≤ 0, or ε ≥ p·w̄∞)
      const lo = leadingOrderCriticalTime(feature, { objective, depth, epsilon, fraction, timeUnit });
      if (!lo.exists) {
        return {
          row,
          objective,
          wbarInfinity,
          exact: null,
          leadingOrder: null,
          relativeError: null,
          reason: lo.reason,
          message: lo.message,
        };
      }
      const t = evaluator.tStar(feature.lambda, feature.rho, epsilon, fraction);
      const exact = t === null ? null : scale * t;
      return {
        row,
        objective,
        wbarInfinity,
        exact,
        leadingOrder: lo.t,
        relativeError: exact === null || exact === 0 ? null : (lo.t - exact) / exact,
        reason: null,
        message: '',
      };
    });
  });
}

/**
 * The learning order by the exact critical times.
 * @param table - what {@link criticalTimeTable} returned.
 * @param objectives - the objectives, in the order to report them.
 * @returns one entry per objective.
 */
export function learningOrders(table: readonly CriticalTimeEntry[], objectives: readonly Objective[]): LearningOrderEntry[] {
  return objectives.map((objective) => {
    const entries = table.filter((e) => e.objective === objective);
    const timed = entries.filter((e) => e.exact !== null);
    const time = (e: CriticalTimeEntry): number => e.exact ?? Number.POSITIVE_INFINITY;
    const order = [...timed].sort((a, b) => time(a) - time(b) || a.row - b.row).map((e) => e.row);
    return { objective, order, never: entries.filter((e) => e.exact === null).map((e) => e.row) };
  });
}
