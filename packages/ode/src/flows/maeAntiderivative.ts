import { digamma } from './digamma.js';

const EULER_GAMMA = 0.5772156649015329;
/** Below this `z = u^{L+1}/ρ` the power series is summed; above it the z → 1 − z continuation. Both then converge at least like 2^{−n}. */
const SERIES_LIMIT = 0.5;

/**
 * `G(u) = ∫_0^u s/(ρ − s^{L+1}) ds` for `0 ≤ u`, `u^{L+1} < ρ` (docs/math.md §3), equal to
 * `(u²/(2ρ)) ₂F₁(1, b; 1+b; z)` with `b = 2/(L+1)`, `z = u^{L+1}/ρ`.
 *
 * For z ≤ ½ the power series `(u²/ρ) Σ_k z^k/((L+1)k + 2)`; for z > ½ the logarithmic
 * case of the z → 1 − z transformation (Abramowitz & Stegun 15.3.10 with a = 1, c = a + b):
 * `₂F₁(1, b; 1+b; z) = b Σ_n ((b)_n/n!) [ψ(n+1) − ψ(b+n) − ln(1−z)] (1−z)^n`.
 * Internal kernel, no validation.
 */
export function maeAntiderivative(rho: number, depth: number, u: number): number {
  const z = Math.pow(u, depth + 1) / rho;
  if (z <= SERIES_LIMIT) return ((u * u) / rho) * seriesSum(z, depth, null, 0);
  const b = 2 / (depth + 1);
  const w = 1 - z;
  const logW = Math.log((rho - Math.pow(u, depth + 1)) / rho);
  let c = 1; // (b)_n / n!
  let d = -EULER_GAMMA - digamma(b); // ψ(n+1) − ψ(b+n) at n = 0
  let wn = 1;
  let sum = 0;
  for (let n = 0; n < 10_000; n++) {
    const term = c * (d - logW) * wn;
    sum += term;
    if (Math.abs(term) <= 1e-17 * Math.abs(sum) && n > 2) break;
    c *= (b + n) / (n + 1);
    d += 1 / (n + 1) - 1 / (b + n);
    wn *= w;
  }
  return ((u * u) / (2 * rho)) * b * sum;
}

/**
 * `G(u) − G(u0)` for `0 < u0 ≤ u`, `u^{L+1} < ρ`, without cancellation when u0 is close
 * to u: for z ≤ ½ term by term `u^m (1 − (u0/u)^m)` (directly from running powers of
 * `u0/u` when `u0 ≤ u/2`, else with `−expm1`); for z > ½, where the series is in `1 − z`,
 * by Gauss–Legendre quadrature of `G'(s) = s/(ρ − s^{L+1})` when `[u0, u]` is short
 * against the scale on which G' varies, else as the difference of G (then at most a
 * factor ~10 of cancellation). The difference alone lost up to 7e-11 relative of t* at
 * ε 1e-6 below the target with p = 0.9. `growth = ln(u/u0)` is passed in (the caller's
 * `logGrowth`, accurate for u close to u0), and `gap = u − u0` (the caller's, possibly more
 * accurate than the difference of the doubles). One kernel for the scalar and batched paths.
 * Internal kernel.
 */
export function maeAntiderivativeDifference(rho: number, depth: number, u0: number, u: number, growth: number, gap: number): number {
  const z = Math.pow(u, depth + 1) / rho;
  if (z <= SERIES_LIMIT) return ((u * u) / rho) * seriesSum(z, depth, u0 / u, growth);
  const h = gap;
  // |G''/G'| = 1/s + (L+1)s^L/(ρ − s^{L+1}) is largest at u; G' is analytic within about
  // 1/|G''/G'| of [u0, u], so for h·|G''/G'| ≤ 0.1 six-point Gauss–Legendre is exact to
  // ~(0.1/4)^12 ≈ 6e-20 relative.
  const uL1 = Math.pow(u, depth + 1);
  if (h * (1 / u0 + ((depth + 1) * uL1) / (u * (rho - uL1))) <= 0.1) {
    const mid = u0 + h / 2;
    let sum = 0;
    for (let i = 0; i < GAUSS_NODES.length; i++) {
      const offset = (h / 2) * GAUSS_NODES[i];
      const left = mid - offset;
      const right = mid + offset;
      sum += GAUSS_WEIGHTS[i] * (left / (rho - Math.pow(left, depth + 1)) + right / (rho - Math.pow(right, depth + 1)));
    }
    return (h / 2) * sum;
  }
  return maeAntiderivative(rho, depth, u) - maeAntiderivative(rho, depth, u0);
}

/** Positive nodes of six-point Gauss–Legendre quadrature on [−1, 1] (Abramowitz & Stegun Table 25.4; doubles from numpy's leggauss(6)). */
const GAUSS_NODES = [0.2386191860831969, 0.6612093864662645, 0.9324695142031519];
/** Their weights. */
const GAUSS_WEIGHTS = [0.46791393457269104, 0.3607615730481387, 0.17132449237917027];

/** Below this ratio `q = u0/u`, `1 − q^m ≥ 1 − q² ≥ ¾` is formed directly from running powers of q; above it as `−expm1(−m ln(u/u0))`. */
const DIRECT_RATIO_LIMIT = 0.5;

/**
 * Σ_k z^k (1 − q^{m_k}) / m_k with m_k = (L+1)k + 2 and `q = u0/u = e^{−growth}`;
 * `q = null` means the plain sum Σ z^k/m_k (u0 = 0).
 */
function seriesSum(z: number, depth: number, q: number | null, growth: number): number {
  // q ≤ ½: 1 − q^m ≥ ¾, so the running product q^m (relative error ~k ulp) perturbs it by less than an ulp per term
  const direct = q !== null && q <= DIRECT_RATIO_LIMIT;
  const qStep = direct ? Math.pow(q, depth + 1) : 0;
  let qPower = direct ? q * q : 0; // q^{m_k}
  let sum = 0;
  let zk = 1;
  for (let k = 0; k < 10_000; k++) {
    const m = (depth + 1) * k + 2;
    const factor = q === null ? 1 : direct ? 1 - qPower : -Math.expm1(-m * growth);
    const term = (zk * factor) / m;
    sum += term;
    if (term <= 1e-17 * sum || sum === 0) break;
    zk *= z;
    qPower *= qStep;
  }
  return sum;
}
