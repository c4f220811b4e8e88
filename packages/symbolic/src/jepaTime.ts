import type { TimeEvaluator } from './TimeEvaluator.js';
import { validateDepth } from '@jepa-dynamics/core';
import { MAX_DEPTH } from './MAX_DEPTH.js';

/**
 * Kernel of the JEPA implicit solution (docs/math.md §3, n = 2L):
 *
 *     t = (ρ^{1−2L}/λ) [ ln(u/u0) + ln((ρ−u0)/(ρ−u)) + Σ_{n=1}^{2L−1} (a0^n − a^n)/n ],  a0 = ρ/u0, a = ρ/u,
 *
 * which is the derived t(u) with 1/σ² = ρ/λ and ρ^{k−2L−1}u^{1−k} = ρ^{−2L} a^{k−1}.
 * Every term has the sign of u − u0, so nothing cancels: a0^n − a^n = (a0 − a) h_n with
 * h_n = Σ_i a0^i a^{n−1−i} (all positive), a0 − a = ρ(u − u0)/(u u0), and the logs as
 * log1p of ratios of the (exactly formed) difference u − u0. `rhoMinusU` is passed in
 * so that t* can form ρ − u* = −ρ·expm1(ln p / L) without cancellation.
 */
function jepaTimeKernel(L: number, lambda: number, rho: number, u0: number, u: number, rhoMinusU: number): number {
  const du = u - u0;
  const a0 = rho / u0;
  const a = rho / u;
  let h = 1;
  let an = 1;
  let sum = 0;
  for (let n = 1; n < 2 * L; n++) {
    sum += h / n;
    an *= a;
    h = a0 * h + an;
  }
  const logs = Math.log1p(du / u0) + Math.log1p(du / rhoMinusU);
  return (Math.pow(rho, 1 - 2 * L) / lambda) * (logs + ((rho * du) / (u * u0)) * sum);
}

/**
 * The fast evaluator of the JEPA critical time at depth L, built on the derived
 * partial-fraction structure (docs/math.md §3). Cost O(L) per call, two `log1p`, one `pow`.
 *
 * @param depth - encoder depth L, 1…12.
 * @returns `tOfU(u, λ, ρ, ε)` and `tStar(λ, ρ, ε, p)` (gradient-flow time; `null` when no critical time exists).
 * @throws {InvalidArgumentError} unless depth is an integer from 1 to 12.
 * @example
 * // L = 1: t* = (1/λ)[ρ^{-1} ln(u*(ρ−u0)/(u0(ρ−u*))) + 1/u0 − 1/u*], u0 = ε, u* = ρ/2
 * jepaTime(1).tStar(1, 1, 0.01, 0.5); // => 102.5951198501346 (= ln 99 + 98)
 */
export function jepaTime(depth: number): TimeEvaluator {
  const L = validateDepth('jepaTime', depth, MAX_DEPTH);
  const tOfU = (u: number, lambda: number, rho: number, epsilon: number): number => {
    const u0 = Math.pow(epsilon, 1 / L);
    // the path runs from u0 towards ρ: u must lie between them
    if (!(rho > 0 && lambda > 0 && u > 0 && (u0 - u) * (u - rho) >= 0 && u !== rho)) return Number.NaN;
    return jepaTimeKernel(L, lambda, rho, u0, u, rho - u);
  };
  const tStar = (lambda: number, rho: number, epsilon: number, p: number): number | null => {
    if (!(rho > 0)) return null;
    if (!(epsilon < p * Math.pow(rho, L))) return null; // docs/math.md §3: ε ≥ p·w̄∞ = p ρ^L, no critical time
    const lnRatio = Math.log(p) / L;
    const uStar = rho * Math.exp(lnRatio); // u* = p^{1/L} ρ
    const u0 = Math.pow(epsilon, 1 / L);
    // ε just below the target may round to u0 ≥ u*: the time is then 0 to within rounding
    if (!(u0 < uStar)) return 0;
    return jepaTimeKernel(L, lambda, rho, u0, uStar, -rho * Math.expm1(lnRatio));
  };
  return { depth: L, tOfU, tStar };
}
