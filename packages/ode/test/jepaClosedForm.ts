/**
 * docs/math.md §3's exact JEPA solution of the balanced per-layer flow du/dt = σ² u^{2L}(ρ − u),
 * written for the tests independently of the library: t(u) by partial fractions (n = 2L,
 * 1/(s^n(ρ − s)) = Σ_{k=1}^{n} ρ^{k−n−1} s^{−k} + ρ^{−n}/(ρ − s)) and u(t) by bisection.
 * Checked against 40-digit mpmath quadrature through closedFormCriticalTime in
 * flows-critical-time.test.ts. Shared by the ode tests, test/cli-solve-coupled.test.ts
 * and the benches (via fiftyFeatures.ts and solver/problems.ts). Not a test file.
 */

/**
 * The time, in gradient-flow units, the weight takes from u0 to u (u0 ≤ u < ρ).
 *
 * @param u - the end value.
 * @param sigma2 - σ² > 0.
 * @param rho - ρ > 0.
 * @param L - depth.
 * @param u0 - the start value ε^{1/L}.
 * @returns t(u).
 */
export function jepaTimeOfU(u: number, sigma2: number, rho: number, L: number, u0: number): number {
  let s = rho ** (-2 * L) * Math.log((u * (rho - u0)) / (u0 * (rho - u)));
  for (let k = 2; k <= 2 * L; k++) s += (rho ** (k - 2 * L - 1) * (u0 ** (1 - k) - u ** (1 - k))) / (k - 1);
  return s / sigma2;
}

/**
 * u(t): t(u) is increasing on (u0, ρ), so bisection (at most 200 halvings) inverts it.
 *
 * @param t - time ≥ 0.
 * @param sigma2 - σ² > 0.
 * @param rho - ρ > 0.
 * @param L - depth.
 * @param u0 - the start value ε^{1/L}.
 * @param width - stop once the bracket is this narrow (1e-16: about 1 ulp at u ≈ 0.5).
 * @returns u(t), the midpoint of the final bracket.
 */
export function jepaUAt(t: number, sigma2: number, rho: number, L: number, u0: number, width = 1e-16): number {
  let a = u0;
  let b = rho;
  for (let it = 0; it < 200 && b - a > width; it++) {
    const m = 0.5 * (a + b);
    if (jepaTimeOfU(m, sigma2, rho, L, u0) < t) a = m;
    else b = m;
  }
  return 0.5 * (a + b);
}
