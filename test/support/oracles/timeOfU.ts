/**
 * The exact implicit solution t(u) of the balanced per-feature flow (docs/math.md §3), and
 * its inverse u(t), written for the tests independently of the packages: JEPA by partial
 * fractions, MAE by the split of its integrand into a power, a logarithm and a smooth
 * remainder integrated by Gauss–Legendre (the library sums G's power series and its
 * z → 1 − z continuation instead). Checked against 40-digit mpmath quadrature in
 * test/oracles.test.ts.
 */
import type { Objective } from '@jepa-dynamics/core';
import { fixedPointU } from './balancedFlow.js';
import { gaussLegendre } from './gaussLegendre.js';

/**
 * Gradient-flow time the balanced flow takes from u0 = ε^{1/L} to u, feature (λ, ρ), ρ > 0.
 * Valid for u between u0 and u∞ (JEPA also for a start above the fixed point, ρ < u ≤ u0:
 * every factor of t(u) changes sign together).
 *
 * JEPA, n = 2L: 1/(s^n(ρ − s)) = Σ_{k=1}^{n} ρ^{k−n−1} s^{−k} + ρ^{−n}/(ρ − s), so
 * t = (1/σ²)[ρ^{−n} ln(u(ρ−u0)/(u0(ρ−u))) + Σ_{k=2}^{n} ρ^{k−n−1}(u0^{1−k} − u^{1−k})/(k−1)].
 *
 * MAE: 1/(s^L(ρ − s^{L+1})) = (1/ρ)s^{−L} + s/(ρ(ρ − s^{L+1})), so
 * t = (1/λ)[(u0^{1−L} − u^{1−L})/(L−1) (ln(u/u0) at L = 1) + G(u) − G(u0)] ({@link maeGDifference}).
 */
export function timeOfU(objective: Objective, L: number, lambda: number, rho: number, epsilon: number, u: number): number {
  const u0 = epsilon ** (1 / L);
  if (objective === 'jepa') {
    const n = 2 * L;
    let s = rho ** -n * Math.log((u * (rho - u0)) / (u0 * (rho - u)));
    for (let k = 2; k <= n; k++) s += (rho ** (k - n - 1) * (u0 ** (1 - k) - u ** (1 - k))) / (k - 1);
    return (s * rho) / lambda;
  }
  const power = L === 1 ? Math.log(u / u0) : (u0 ** (1 - L) - u ** (1 - L)) / (L - 1);
  return (power + maeGDifference(L, rho, u0, u)) / lambda;
}

/**
 * u(t) of the balanced flow from u0 = ε^{1/L} below the fixed point (ρ > 0): t(u) increases
 * from 0 to ∞ on [u0, u∞), so bisection inverts it, down to adjacent doubles unless the
 * bracket is narrower than `width` first.
 *
 * @returns u(t), the midpoint of the final bracket (u0 for t ≤ 0).
 */
export function uAt(objective: Objective, L: number, lambda: number, rho: number, epsilon: number, t: number, width = 0): number {
  let lo = epsilon ** (1 / L);
  if (t <= 0) return lo;
  let hi = fixedPointU(objective, L, rho);
  for (let it = 0; it < 2000 && hi - lo > width; it++) {
    const mid = 0.5 * (lo + hi);
    if (mid <= lo || mid >= hi) break;
    if (timeOfU(objective, L, lambda, rho, epsilon, mid) < t) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/**
 * MAE's G(u) − G(u0) (0 ≤ u0 ≤ u < u∞ = ρ^{1/(L+1)}), G(x) = ∫_0^x s/(ρ − s^{L+1}) ds. With
 * r = s/u∞ and a = L + 1 (u∞^a = ρ): r/(1 − r^a) = 1/(a(1 − r)) − (a − S(r))/(a P(r)),
 * P = Σ_{j<a} r^j, S = Σ_{i≤a−2}(a−1−i) r^i. The first part integrates to a logarithm (formed
 * as log1p of the ratio, exact also for u0 close to u); the second is smooth on [0, 1] (P ≥ 1)
 * and is integrated by 8 panels of 16-point Gauss–Legendre, so the formula holds up to u → u∞.
 */
export function maeGDifference(L: number, rho: number, u0: number, u: number): number {
  const a = L + 1;
  const uInf = fixedPointU('mae', L, rho);
  const smooth = (r: number): number => {
    let P = 0;
    let S = 0;
    let ri = 1;
    for (let i = 0; i < a; i++) {
      P += ri;
      if (i <= a - 2) S += (a - 1 - i) * ri;
      ri *= r;
    }
    return -(a - S) / (a * P);
  };
  const r0 = u0 / uInf;
  const r1 = u / uInf;
  // ln(1 − r0) − ln(1 − r1) = ln(1 + (r1 − r0)/(1 − r1))
  const logPart = Math.log1p((r1 - r0) / (1 - r1)) / a;
  return ((uInf * uInf) / rho) * (logPart + gaussLegendre(smooth, r0, r1, 8));
}
