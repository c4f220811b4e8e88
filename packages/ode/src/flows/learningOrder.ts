import { validateInteger } from '@jepa-dynamics/core';
import { criticalTimesFor, type CriticalTimeOptions } from './criticalTime.js';
import type { CriticalTimeResult, FeatureInput } from './types.js';

/** Result of {@link learningOrder}. */
export interface LearningOrder {
  /** Indices of the features that have a critical time, sorted by it (first learned first; ties keep input order). */
  readonly order: number[];
  /** Indices of the features without a critical time (never reach p·w̄∞ from below), in input order. */
  readonly never: number[];
  /** Each feature's critical-time result, in input order. */
  readonly times: CriticalTimeResult[];
}

/**
 * The predicted order in which features are learned: sorted by critical time t*_p
 * (docs/math.md §3) under one objective, depth and ε.
 *
 * @param features - features, each any two of σ², λ, ρ.
 * @param options - as for {@link criticalTime} (method default `'exact'`).
 * @returns `{ order, never, times }`.
 * @throws as {@link criticalTimes}.
 * @example
 * ```ts
 * learningOrder([{ lambda: 1, rho: 3 }, { lambda: 2, rho: 1 }], { objective: 'mae', depth: 3, epsilon: 0.01 }).order; // => [1, 0]
 * ```
 */
export function learningOrder(features: readonly FeatureInput[], options: CriticalTimeOptions): LearningOrder {
  const times = criticalTimesFor('learningOrder', features, options);
  const order: number[] = [];
  const never: number[] = [];
  times.forEach((r, i) => (r.exists ? order : never).push(i));
  const t = (i: number): number => {
    const r = times[i];
    return r.exists ? r.t : Number.POSITIVE_INFINITY;
  };
  order.sort((i, j) => t(i) - t(j) || i - j);
  return { order, never, times };
}

/** Result of {@link orderFlipDepth}. */
export type OrderFlipDepth =
  | { readonly found: true; /** Smallest depth L at which t*_A < t*_B. */ readonly depth: number }
  | { readonly found: false; /** Largest depth examined. */ readonly maxDepth: number; readonly message: string };

/**
 * The depth experiment of docs/math.md §3: the smallest depth L in `1…maxDepth` at which
 * feature A is learned strictly before feature B (`t*_A < t*_B`). Depths at which either
 * critical time does not exist do not count as a flip.
 *
 * @param a - feature A.
 * @param b - feature B.
 * @param options - as for {@link criticalTime} without `depth`, plus `maxDepth` (integer ≥ 1, default 64).
 * @returns `{ found: true, depth }` or `{ found: false, maxDepth, message }`.
 * @throws as {@link criticalTime}; {@link InvalidArgumentError} for a bad maxDepth.
 * @example
 * ```ts
 * orderFlipDepth({ lambda: 1, rho: 3 }, { lambda: 2, rho: 1 }, { objective: 'mae', epsilon: 0.01, maxDepth: 10 }).found; // => false
 * ```
 */
export function orderFlipDepth(
  a: FeatureInput,
  b: FeatureInput,
  options: Omit<CriticalTimeOptions, 'depth'> & { maxDepth?: number },
): OrderFlipDepth {
  const maxDepth = validateInteger('orderFlipDepth', 'maxDepth', options.maxDepth ?? 64, 1);
  for (let depth = 1; depth <= maxDepth; depth++) {
    const [ra, rb] = criticalTimesFor('orderFlipDepth', [a, b], { ...options, depth });
    if (ra.exists && rb.exists && ra.t < rb.t) return { found: true, depth };
  }
  return { found: false, maxDepth, message: `feature A is not learned before feature B at any depth from 1 to ${maxDepth}.` };
}
