/**
 * The per-feature gradient flow's `w̄(t)` at given times, robust on any horizon.
 * @module
 */
import type { Objective } from '@jepa-dynamics/core';
import { fixedPoint, flowTrajectory, implicitTime, resolveFeature, type FeatureInput } from '@jepa-dynamics/ode';

/** Settings of {@link flowReference}. */
export interface FlowReferenceOptions {
  objective: Objective;
  depth: number;
  /** Balanced aligned start `w̄(0) = ε`, `u(0) = ε^{1/L}`. */
  epsilon: number;
  /** Times (gradient-flow time), strictly increasing, ≥ 0. */
  times: ArrayLike<number>;
}

/**
 * `ref[i][k] = w̄_i(times[k])` of the balanced per-feature flow (docs/math.md §2) from ε.
 * For a feature with ρ > 0 that starts below its fixed point (the common case),
 * `u(t)` is found by inverting the exact implicit solution `t(u)` of docs/math.md §3
 * (`implicitTime` of `@jepa-dynamics/ode`) by bisection on `[u0, u∞)` to the last
 * representable bit: exact, and immune to the long-horizon stiffness that
 * stops an adaptive integrator once `w̄` sits at its fixed point. Other features
 * (ρ ≤ 0, or a start at or above the fixed point) are integrated with
 * `flowTrajectory` (per-layer formulation).
 *
 * @param features - any two of σ², λ, ρ each.
 * @param options - objective, depth, ε, times.
 * @throws InvalidArgumentError from `@jepa-dynamics/ode` for invalid input; IntegrationError if an integration fails.
 * @returns one array per feature.
 * @example
 * ```ts
 * // JEPA, L = 1, σ² = ρ = 1, ε = ¼: t(½) = 2 + ln 3 (docs/math.md §3)
 * flowReference([{ lambda: 1, rho: 1 }], { objective: 'jepa', depth: 1, epsilon: 0.25, times: [0, 2 + Math.log(3)] });
 * // => [[0.25, 0.5]] (to 1e-15)
 * ```
 */
export function flowReference(features: readonly FeatureInput[], options: FlowReferenceOptions): number[][] {
  const { objective, depth, epsilon } = options;
  const times = Array.from(options.times);
  return features.map((input, i) => {
    const feature = resolveFeature(input, `flowReference: features[${i}]`);
    const u0 = Math.pow(epsilon, 1 / depth);
    const uInf = fixedPoint(feature, objective, depth).u;
    if (!(feature.rho > 0 && u0 < uInf)) {
      return Array.from(flowTrajectory(feature, { objective, depth, epsilon, times }).wbar);
    }
    const tOf = (u: number): number => implicitTime(feature, { objective, depth, epsilon, u });
    return times.map((t) => {
      if (t <= 0) return epsilon;
      let lo = u0,
        hi = uInf; // t(lo) ≤ t < t(hi) = ∞
      for (;;) {
        const mid = lo + 0.5 * (hi - lo);
        if (mid <= lo || mid >= hi) break;
        if (tOf(mid) <= t) lo = mid;
        else hi = mid;
      }
      return Math.pow(lo, depth);
    });
  });
}
