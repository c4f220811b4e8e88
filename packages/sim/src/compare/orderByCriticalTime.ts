/**
 * Learning order from critical times.
 * @module
 */

/** Result of {@link orderByCriticalTime}. */
export interface CriticalTimeOrder {
  /** Indices of features with a critical time, earliest first (ties keep index order). */
  order: number[];
  /** Indices without one (null), in index order. */
  never: number[];
}

/**
 * Sorts features by critical time, e.g. the simulated ones of {@link TrainResult.criticalTimes},
 * to compare with the ODE prediction (`learningOrder` of `@jepa-dynamics/ode`).
 *
 * @param times - per feature, a time or null (not reached).
 * @returns the order and the features never learned.
 * @example
 * ```ts
 * orderByCriticalTime([3.5, null, 1.2]); // => { order: [2, 0], never: [1] }
 * ```
 */
export function orderByCriticalTime(times: readonly (number | null)[]): CriticalTimeOrder {
  const order: number[] = [];
  const never: number[] = [];
  times.forEach((t, i) => (t === null ? never : order).push(i));
  const key = (i: number): number => times[i] ?? Number.POSITIVE_INFINITY;
  order.sort((i, j) => key(i) - key(j) || i - j);
  return { order, never };
}
