/**
 * JEPA on a plane on which the predictor is turned against the encoder: the exact solution of
 * docs/math.md §9.1 (features alike on the plane, balanced start).
 *
 * @module
 */
import {
  adaptiveQuadrature,
  IntegrationError,
  InvalidArgumentError,
  validateDepth,
  validateEpsilon,
  validateFinite,
  validateFraction,
  validateTimeUnit,
  type NoCriticalTimeReason,
  type TimeUnit,
} from '@jepa-dynamics/core';
import { criticalTarget } from './criticalTarget.js';
import { implicitTimeKernel } from './implicitTime.js';
import { resolveFeature } from './resolveFeature.js';
import { timeFactor } from './timeFactor.js';
import type { FeatureInput } from './types.js';

/** The turn θ0 of the predictor: a finite number of radians in [0, π]. */
function validateAngle(where: string, angle: unknown): number {
  const theta = validateFinite(where, 'angle', angle);
  if (!(theta >= 0 && theta <= Math.PI)) throw new InvalidArgumentError(where, 'angle', 'must be in [0, π] (radians)', theta);
  return theta;
}

/** Settings of {@link turnedPlaneCriticalTime}. */
export interface TurnedPlaneOptions {
  /** Encoder depth L, integer ≥ 1. */
  depth: number;
  /** Initialisation scale ε > 0: `w̄(0) = ε` on the plane, so every layer and V start at `s0 = ε^{1/L}`. */
  epsilon: number;
  /** θ0 in radians, 0 ≤ θ0 ≤ π: the predictor at the start is `s0·R(θ0)` on the plane, R the rotation. */
  angle: number;
  /** Fraction p of the fixed point `w̄∞ = ρ^L` to reach, 0 < p < 1; default ½. */
  fraction?: number;
  /** `'gradient-flow'` (default) or `'paper'` (τ = L t). */
  timeUnit?: TimeUnit;
}

/** Result of {@link turnedPlaneCriticalTime}: the time, or why there is none (never a sentinel number). */
export type TurnedPlaneResult =
  | {
      readonly exists: true;
      /** The time at which `w̄ = s^L` reaches `p·ρ^L`, in the requested unit. */
      readonly t: number;
      /** The angle θ of the predictor then, radians (0 for θ0 = 0). */
      readonly angleAtTarget: number;
      /** The smallest `w̄ = s^L` on the way: ε unless the start is anti-aligned enough to shrink first. */
      readonly smallestWbar: number;
    }
  | {
      readonly exists: false;
      /** `'opposed'`: θ0 = π, the direction never turns and shrinks for ever; otherwise as for `criticalTime`. */
      readonly reason: NoCriticalTimeReason | 'opposed';
      /** One sentence with the numbers involved. */
      readonly message: string;
    };

/**
 * The critical time of a JEPA plane whose predictor starts turned by θ0 against the encoder
 * (docs/math.md §9.1): `Σxx = σ²I`, `Σyx = λI` on the plane, a balanced start of scale
 * `s0 = ε^{1/L}` with `V = s0·R(θ0)` (the encoder's layers any rotations times s0). Then
 * `V = s·R(θ)` with `1/s = C sin θ + cos θ/ρ`, `C = (1/s0 − cos θ0/ρ)/sin θ0`, and the time is
 * `t(θ) = (1/λ) ∫_θ^{θ0} (C sin φ + cos φ/ρ)^{2L−1}/sin φ dφ`; this returns `t(θ*)` at the angle θ*
 * where `s^L = p·ρ^L`. θ0 = 0 is the aligned feature (`criticalTime`'s exact t*); θ0 = π never
 * turns (`reason: 'opposed'`). The angle θ* is the smaller root of a quadratic in tan(θ/2), taken in
 * a form without cancellation; the integral is computed by {@link adaptiveQuadrature} to 1e-13
 * relative in ln φ below π/2 and in ln(π − φ) above it, with `(C sin φ + cos φ/ρ)^{2L−1}` written
 * `A^{2L−1} sin^{2L−1}(φ + β)` (`A = √(C² + 1/ρ²)`, `β = atan2(1/ρ, C)`) so that nothing overflows
 * before the last product.
 *
 * @param feature - any two of σ², λ, ρ.
 * @param options - depth, epsilon, angle; fraction (default ½), timeUnit (default `'gradient-flow'`).
 * @returns a {@link TurnedPlaneResult}.
 * @throws {@link InvalidArgumentError} for invalid input (angle outside [0, π], …) or when the time
 *   exceeds the largest double; {@link IntegrationError} (status `'quadrature-not-converged'`,
 *   `tReached` NaN: a quadrature reaches no time) if the quadrature does not converge.
 * @example
 * ```ts
 * const feature = { sigma2: 1.5, rho: 0.6 };
 * const aligned = turnedPlaneCriticalTime(feature, { depth: 4, epsilon: 1e-8, angle: 0 });
 * const turned = turnedPlaneCriticalTime(feature, { depth: 4, epsilon: 1e-8, angle: (131.5 * Math.PI) / 180 });
 * // s0 = ε^{1/4} = 0.01: 53.8 times the aligned time (r(131.5°) = 50.6 is the limit ε → 0)
 * aligned.exists && turned.exists && turned.t / aligned.t; // => ≈ 53.80
 * turnedPlaneCriticalTime(feature, { depth: 4, epsilon: 1e-8, angle: Math.PI }).exists; // => false
 * ```
 */
export function turnedPlaneCriticalTime(feature: FeatureInput, options: TurnedPlaneOptions): TurnedPlaneResult {
  const where = 'turnedPlaneCriticalTime';
  const { sigma2, lambda, rho } = resolveFeature(feature, where);
  if (typeof options !== 'object' || options === null) throw new InvalidArgumentError(where, 'options', 'must be an object', options);
  const L = validateDepth(where, options.depth);
  const epsilon = validateEpsilon(where, options.epsilon);
  const fraction = validateFraction(where, options.fraction ?? 0.5);
  const factor = timeFactor(validateTimeUnit(where, options.timeUnit), L);
  const theta0 = validateAngle(where, options.angle);

  const target = criticalTarget('jepa', rho, L, epsilon, fraction);
  if (!target.exists) return { exists: false, reason: target.reason, message: target.message };
  if (theta0 === Math.PI) {
    return {
      exists: false,
      reason: 'opposed',
      message: `no critical time: with the predictor opposed to the encoder (angle = π), w̄ shrinks for ever from epsilon = ${epsilon} (ds/dt = −s^{2L}(λ + σ²s), docs/math.md §9.1).`,
    };
  }
  if (theta0 === 0) {
    const t = implicitTimeKernel('jepa', sigma2, lambda, rho, L, target.u0, target.uStar, target.gap);
    return { exists: true, t: factor * t, angleAtTarget: 0, smallestWbar: epsilon };
  }

  const n = 2 * L - 1;
  const s0 = target.u0;
  const uStar = target.uStar;
  const invRho = 1 / rho;
  const C = (1 / s0 - Math.cos(theta0) * invRho) / Math.sin(theta0);
  const A = Math.hypot(C, invRho);
  const beta = Math.atan2(invRho, C);
  // C sin θ − (1 − cos θ)/ρ = D with D = 1/u* − 1/ρ > 0; in τ = tan(θ/2) the smaller root of
  // (D + 2/ρ)τ² − 2Cτ + D = 0 is D/(C + √(C² − D(D + 2/ρ))), and C² − D(D + 2/ρ) = A² − 1/u*².
  const D = (rho - uStar) / (rho * uStar);
  const thetaStar = 2 * Math.atan(D / (C + Math.sqrt((A - 1 / uStar) * (A + 1 / uStar))));
  // s is smallest where C sin θ + cos θ/ρ = A sin(θ + β) peaks, at θ = π/2 − β, if the path passes it
  const peak = Math.atan2(C, invRho);
  const smallestWbar = theta0 > peak ? Math.pow(1 / A, L) : epsilon;

  const integral = (a: number, b: number, g: (x: number) => number): number => {
    if (!(b > a)) return 0;
    const r = adaptiveQuadrature(g, a, b, 1e-13);
    if (!r.converged)
      throw new IntegrationError(
        `${where}: the quadrature of t(θ) did not converge (estimate ${r.value}, error ${r.error}; angle = ${theta0}, epsilon = ${epsilon}, depth = ${L}).`,
        'quadrature-not-converged',
        Number.NaN,
      );
    return r.value;
  };
  const half = Math.PI / 2;
  // φ = e^x on [θ*, min(θ0, π/2)]: sin^n(φ + β)/sin φ dφ = sin^n(φ + β)·φ/sin φ dx
  const low = integral(Math.log(thetaStar), Math.log(Math.min(theta0, half)), (x) => {
    const phi = Math.exp(x);
    return (Math.pow(Math.sin(phi + beta), n) * phi) / Math.sin(phi);
  });
  // φ = π − e^x on [π/2, θ0]: sin φ = sin e^x, and dφ = −e^x dx
  const high =
    theta0 > half
      ? integral(Math.log(Math.PI - theta0), Math.log(half), (x) => {
          const e = Math.exp(x);
          return (Math.pow(Math.sin(Math.PI - e + beta), n) * e) / Math.sin(e);
        })
      : 0;
  const t = factor * ((Math.pow(A, n) * (low + high)) / lambda);
  if (!Number.isFinite(t))
    throw new InvalidArgumentError(where, 'angle', `must leave the critical time below the largest double at epsilon = ${epsilon}`, theta0);
  return { exists: true, t, angleAtTarget: thetaStar, smallestWbar };
}

/**
 * The limit, as ε → 0, of the turned plane's critical time over the aligned feature's
 * (docs/math.md §9.1): `r(θ0) = (2L − 1) ∫_0^{θ0} sin^{2L−2}φ dφ / sin^{2L−1}θ0`, the integral by
 * {@link adaptiveQuadrature} to 1e-14 relative (the recurrence for it cancels for small θ0). 1 at
 * θ0 = 0 (the limit), Infinity at θ0 = π.
 *
 * @param depth - encoder depth L, integer ≥ 1.
 * @param angle - θ0 in radians, 0 ≤ θ0 ≤ π.
 * @returns r(θ0) ≥ 1.
 * @throws {@link InvalidArgumentError} for a depth or angle out of range.
 * @example
 * ```ts
 * turnedPlaneDelayFactor(4, Math.PI / 2); // => ≈ 3.43612  (7 · (5π/32) / 1: ∫_0^{π/2} sin⁶ = 5π/32)
 * turnedPlaneDelayFactor(1, Math.PI / 2); // => ≈ 1.570796  (θ0 / sin θ0 = π/2)
 * ```
 */
export function turnedPlaneDelayFactor(depth: number, angle: number): number {
  const where = 'turnedPlaneDelayFactor';
  const L = validateDepth(where, depth);
  const theta = validateAngle(where, angle);
  if (theta === 0) return 1;
  if (theta === Math.PI) return Number.POSITIVE_INFINITY;
  const m = 2 * L - 2;
  const r = adaptiveQuadrature((phi) => Math.pow(Math.sin(phi), m), 0, theta, 1e-14);
  if (!r.converged)
    throw new IntegrationError(
      `${where}: the quadrature of ∫ sin^${m} did not converge (angle = ${theta}).`,
      'quadrature-not-converged',
      Number.NaN,
    );
  return ((2 * L - 1) * r.value) / Math.pow(Math.sin(theta), 2 * L - 1);
}
