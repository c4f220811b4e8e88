/**
 * Which features a training run stopped at time T has learned.
 *
 * @module
 */
import { InvalidArgumentError, validateObjective, validateTimeUnit, type Objective, type TimeUnit } from '@jepa-dynamics/core';
import type { BatchParameter } from './batchParameter.js';
import { CRITICAL_TIME_STATUSES, criticalTimeBatch } from './criticalTimeBatch.js';
import type { FeatureArrays } from './featureArrays.js';

/** Settings of {@link learnedBy}. */
export interface LearnedByOptions {
  /** `'jepa'` or `'mae'`. */
  objective: Objective;
  /** Encoder depth L (integer ≥ 1). */
  depth: number;
  /** Initialisation scale ε > 0. */
  epsilon: number;
  /** The stopping time T ≥ 0, in `timeUnit`. */
  stopTime: number;
  /** Fraction p of `w̄∞` that counts as learned, 0 < p < 1; default ½. */
  fraction?: BatchParameter;
  /** Unit of `stopTime` and of the returned times: `'gradient-flow'` (default) or `'paper'` (τ = L t). */
  timeUnit?: TimeUnit;
}

/** Result of {@link learnedBy}: indices into the features, in input order within each list. */
export interface LearnedBy {
  /** Features with t*_p ≤ T: learned by the stopping time. */
  readonly learned: number[];
  /** Features with a critical time after T: not yet learned. */
  readonly pending: number[];
  /** Features without a critical time (never reach p·w̄∞ from below, or t* beyond the largest double). */
  readonly never: number[];
  /** Every feature with a critical time, sorted by it (first learned first; ties keep input order). */
  readonly order: number[];
  /** t*_p per feature in `timeUnit`; NaN where it does not exist. */
  readonly t: Float64Array;
}

/**
 * The set of features learned by a stopping time T under one objective (docs/math.md §7): a
 * feature counts as learned when its exact critical time t*_p (docs/math.md §3) is at most T,
 * i.e. when w̄ has reached the fraction p of w̄∞ by T on the balanced, aligned flow. Growing T
 * adds features in the learning order, so `order` is the sequence in which the set fills.
 *
 * Cost: one `criticalTimeBatch` call, O(n·L), and a sort.
 *
 * @param features - two or three of the columns `sigma2`, `lambda`, `rho`.
 * @param options - objective, depth, epsilon, stopTime, fraction, timeUnit.
 * @returns `{ learned, pending, never, order, t }`.
 * @throws {@link InvalidArgumentError} for invalid features or settings (a negative or non-finite T).
 * @example
 * ```ts
 * // A = (λ=1, ρ=3) and B = (λ=2, ρ=1) at L = 8, ε = 1e-2: JEPA learns A first (docs/math.md §3.5)
 * const f = { lambda: [1, 2], rho: [3, 1] };
 * const jepa = learnedBy(f, { objective: 'jepa', depth: 8, epsilon: 1e-2, stopTime: 475 }); // t*_A = 469.3, t*_B = 478.7
 * [jepa.learned, jepa.pending]; // => [[0], [1]]
 * learnedBy(f, { objective: 'mae', depth: 8, epsilon: 1e-2, stopTime: 6 }).learned; // => [1] (t*_A = 8.07, t*_B = 4.04)
 * ```
 */
export function learnedBy(features: FeatureArrays, options: LearnedByOptions): LearnedBy {
  const where = 'learnedBy';
  if (typeof options !== 'object' || options === null) throw new InvalidArgumentError(where, 'options', 'must be an object', options);
  const stopTime = options.stopTime;
  if (typeof stopTime !== 'number' || !(stopTime >= 0 && stopTime < Infinity))
    throw new InvalidArgumentError(where, 'stopTime', 'must be a finite number ≥ 0', stopTime);
  const r = criticalTimeBatch(features, {
    objective: validateObjective(where, options.objective),
    depth: options.depth,
    epsilon: options.epsilon,
    fraction: options.fraction,
    timeUnit: validateTimeUnit(where, options.timeUnit),
  });
  const learned: number[] = [];
  const pending: number[] = [];
  const never: number[] = [];
  r.status.forEach((s, i) => {
    if (CRITICAL_TIME_STATUSES[s] !== 'exists') never.push(i);
    else (r.t[i] <= stopTime ? learned : pending).push(i);
  });
  const order = [...learned, ...pending].sort((i, j) => r.t[i] - r.t[j] || i - j);
  return { learned, pending, never, order, t: r.t };
}
