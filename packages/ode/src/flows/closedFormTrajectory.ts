/**
 * w̄(t) from the exact implicit solution t(u) of the balanced flow, without integrating.
 * @module
 */
import {
  InvalidArgumentError,
  validateDepth,
  validateEpsilon,
  validateObjective,
  validateTimeUnit,
  type Objective,
  type TimeUnit,
} from '@jepa-dynamics/core';
import { fixedPointKernel } from './fixedPoint.js';
import { implicitTimeKernel } from './implicitTime.js';
import { resolveFeature } from './resolveFeature.js';
import { timeFactor } from './timeFactor.js';
import type { FeatureInput } from './types.js';

/** Settings of {@link closedFormTrajectory}. */
export interface ClosedFormTrajectoryOptions {
  /** `'jepa'` or `'mae'`. */
  objective: Objective;
  /** Encoder depth L, integer ≥ 1. */
  depth: number;
  /** Initialisation scale ε > 0, below the fixed point w̄∞: the flow starts at `u0 = ε^{1/L}`. */
  epsilon: number;
  /** Times ≥ 0, in `timeUnit`, in any order. */
  times: ArrayLike<number>;
  /** `'gradient-flow'` (default) or `'paper'` (τ = L t): the unit of `times`. */
  timeUnit?: TimeUnit;
}

/** What {@link closedFormTrajectory} returns. */
export interface ClosedFormTrajectory {
  /** The times asked for, in the requested unit. */
  t: Float64Array;
  /** The per-layer weight u(t), to the last bit of the bisection. */
  u: Float64Array;
  /** The end-to-end weight `w̄(t) = u(t)^L`. */
  wbar: Float64Array;
  /** The fixed point `w̄∞` the trajectory rises to. */
  wbarInfinity: number;
}

/**
 * Kernel of {@link closedFormTrajectory}: the u in `[u0, u∞)` with `t(u) = t` (gradient-flow
 * time), by bisection of the increasing t(u) of {@link implicitTimeKernel} down to adjacent
 * doubles. No validation.
 */
export function closedFormUKernel(
  objective: Objective,
  sigma2: number,
  lambda: number,
  rho: number,
  depth: number,
  u0: number,
  uInfinity: number,
  t: number,
): number {
  if (!(t > 0)) return u0;
  let lo = u0; // t(lo) ≤ t
  let hi = uInfinity; // t(hi) = ∞ > t
  for (;;) {
    const mid = lo + 0.5 * (hi - lo);
    if (mid <= lo || mid >= hi) return lo;
    if (implicitTimeKernel(objective, sigma2, lambda, rho, depth, u0, mid) <= t) lo = mid;
    else hi = mid;
  }
}

/**
 * The end-to-end weight w̄(t) of one feature's balanced flow at given times, from the exact
 * implicit solution t(u) (docs/math.md §3) inverted by bisection: the trajectory's closed
 * form, with no integration error (compare `flowTrajectory`, which integrates the ODE).
 * The flow must rise: ρ > 0 and ε below w̄∞.
 *
 * Cost: about 55 evaluations of t(u), O(L) each, per time.
 *
 * @param feature - the feature (any two of σ², λ, ρ).
 * @param options - objective, depth, ε, times, time unit.
 * @returns the times, u(t), w̄(t) and w̄∞.
 * @throws InvalidArgumentError for an invalid setting, ρ ≤ 0, ε ≥ w̄∞, or a time that is
 *   negative or not finite.
 * @example
 * ```ts
 * // JEPA, L = 2, ρ = 2: w̄∞ = ρ^L = 4; at its critical time (p = 1/2) w̄ is 2
 * const f = { lambda: 1, rho: 2 };
 * const c = criticalTime(f, { objective: 'jepa', depth: 2, epsilon: 0.01 });
 * const r = closedFormTrajectory(f, { objective: 'jepa', depth: 2, epsilon: 0.01, times: [0, c.exists ? c.t : 0] });
 * Array.from(r.wbar, (w) => +w.toPrecision(12)); // => [0.01, 2]
 * ```
 */
export function closedFormTrajectory(feature: FeatureInput, options: ClosedFormTrajectoryOptions): ClosedFormTrajectory {
  const where = 'closedFormTrajectory';
  const { sigma2, lambda, rho } = resolveFeature(feature, where);
  const objective = validateObjective(where, options.objective);
  const depth = validateDepth(where, options.depth);
  const epsilon = validateEpsilon(where, options.epsilon);
  const factor = timeFactor(validateTimeUnit(where, options.timeUnit), depth);
  if (!(rho > 0))
    throw new InvalidArgumentError(where, 'feature.rho', 'must be > 0 (for ρ ≤ 0 the flow decays and t(u) is not this formula)', rho);
  const { u: uInfinity, wbar: wbarInfinity } = fixedPointKernel(objective, rho, depth);
  const u0 = Math.pow(epsilon, 1 / depth);
  if (!(u0 < uInfinity)) throw new InvalidArgumentError(where, 'epsilon', `must be below w̄∞ = ${wbarInfinity} (the flow rises)`, epsilon);
  const times = options.times as unknown;
  if (times === null || typeof times !== 'object' || typeof (times as ArrayLike<unknown>).length !== 'number')
    throw new InvalidArgumentError(where, 'times', 'must be a list of finite times ≥ 0', times);
  const t = Float64Array.from(times as ArrayLike<number>);
  if (!t.every((x) => Number.isFinite(x) && x >= 0)) throw new InvalidArgumentError(where, 'times', 'must be finite and ≥ 0', times);
  const u = new Float64Array(t.length);
  const wbar = new Float64Array(t.length);
  for (let k = 0; k < t.length; k++) {
    u[k] = closedFormUKernel(objective, sigma2, lambda, rho, depth, u0, uInfinity, t[k] / factor);
    wbar[k] = Math.pow(u[k], depth);
  }
  return { t, u, wbar, wbarInfinity };
}
