import type { TimeEvaluator } from './TimeEvaluator.js';
import { validateDepth } from '@jepa-dynamics/core';
import { MAX_DEPTH } from './MAX_DEPTH.js';

/**
 * The roots of unity of G's closed form for m = L + 1 (docs/math.md §3): with
 * θ_j = 2πj/m, the real partial fractions of x/(1 − x^m) pair the roots j and m − j.
 */
interface RootTable {
  readonly m: number;
  /** cos θ_j, sin θ_j, cos 2θ_j, sin 2θ_j for j = 1 … ⌊(m−1)/2⌋ (index j − 1). */
  readonly c: Float64Array;
  readonly s: Float64Array;
  readonly c2: Float64Array;
  readonly s2: Float64Array;
  /** Whether x = −1 is a root (m even). */
  readonly even: boolean;
}

function rootTable(m: number): RootTable {
  const J = Math.floor((m - 1) / 2);
  const c = new Float64Array(J);
  const s = new Float64Array(J);
  const c2 = new Float64Array(J);
  const s2 = new Float64Array(J);
  for (let j = 1; j <= J; j++) {
    const theta = (2 * Math.PI * j) / m;
    c[j - 1] = Math.cos(theta);
    s[j - 1] = Math.sin(theta);
    c2[j - 1] = Math.cos(2 * theta);
    s2[j - 1] = Math.sin(2 * theta);
  }
  return { m, c, s, c2, s2, even: m % 2 === 0 };
}

/**
 * g_m(x) − g_m(x0) for 0 ≤ x0, x < 1, where g_m(x) = Σ_k x^{mk+2}/(mk+2) = ∫_0^x y/(1 − y^m) dy
 * and G(u) = (r²/ρ) g_m(u/r), r = ρ^{1/m}. Closed form through the m-th roots of unity:
 *
 *     g_m(x) = −(1/m) [ ln(1−x) + [m even] ln(1+x)
 *                       + Σ_{j=1}^{⌊(m−1)/2⌋} ( cos2θ_j ln(1 − 2x cosθ_j + x²) − 2 sin2θ_j atan(x sinθ_j/(1 − x cosθ_j)) ) ],
 *
 * evaluated as a difference term by term (log1p of the exact difference of the
 * quadratics, atan A − atan B = atan((A − B)/(1 + AB)) with AB ≥ 0), so nothing
 * cancels when x0 is close to x. For small arguments the power series is used
 * instead: there the closed form's O(x) terms would cancel to O(x²).
 */
function gDifference(t: RootTable, x0: number, x: number): number {
  const m = t.m;
  if (x <= 0.25 && x0 <= 0.25) {
    // series: terms fall by ≥ 4^m per step; 60 terms is far beyond double precision for m ≥ 2
    let sum = 0;
    const xm = Math.pow(x, m);
    const x0m = Math.pow(x0, m);
    let a = x * x;
    let b = x0 * x0;
    for (let k = 0; k < 60; k++) {
      const term = (a - b) / (m * k + 2);
      sum += term;
      if (Math.abs(term) <= 1e-18 * Math.abs(sum)) break;
      a *= xm;
      b *= x0m;
    }
    return sum;
  }
  const d = x - x0;
  let sum = -Math.log1p(d / (1 - x));
  if (t.even) sum += Math.log1p(d / (1 + x0));
  const J = t.c.length;
  for (let j = 0; j < J; j++) {
    const c = t.c[j];
    const s = t.s[j];
    const p0 = 1 - 2 * c * x0 + x0 * x0;
    sum += t.c2[j] * Math.log1p((d * (x + x0 - 2 * c)) / p0);
    sum -= 2 * t.s2[j] * Math.atan((s * d) / ((1 - c * x) * (1 - c * x0) + x * x0 * s * s));
  }
  return -sum / m;
}

/** g_m(x) itself (same closed form and series switch as {@link gDifference}), for 0 ≤ x < 1. */
function gValue(t: RootTable, x: number): number {
  const m = t.m;
  if (x <= 0.25) {
    const xm = Math.pow(x, m);
    let a = x * x;
    let sum = 0;
    for (let k = 0; k < 60; k++) {
      const term = a / (m * k + 2);
      sum += term;
      if (term <= 1e-18 * sum) break;
      a *= xm;
    }
    return sum;
  }
  let sum = Math.log1p(-x);
  if (t.even) sum += Math.log1p(x);
  const J = t.c.length;
  for (let j = 0; j < J; j++) {
    const c = t.c[j];
    sum += t.c2[j] * Math.log(1 - 2 * c * x + x * x);
    sum -= 2 * t.s2[j] * Math.atan((x * t.s[j]) / (1 - c * x));
  }
  return -sum / m;
}

/**
 * Kernel of the MAE implicit solution (docs/math.md §3):
 *
 *     t = (1/λ) [ (u0^{1−L} − u^{1−L})/(L − 1) + (r²/ρ)(g_m(u/r) − g_m(u0/r)) ],  m = L + 1, r = ρ^{1/m}
 *
 * (first term ln(u/u0) for L = 1). The power difference is (b0 − b) Σ_i b0^i b^{L−2−i}
 * with b = 1/u, b0 − b = (u − u0)/(u u0): positive terms only.
 */
function maeTimeKernel(L: number, lambda: number, rho: number, r: number, u0: number, u: number, gDiff: number): number {
  const du = u - u0;
  let first: number;
  if (L === 1) {
    first = Math.log1p(du / u0);
  } else {
    // b0^{L−1} − b^{L−1} = (b0 − b) h, h = Σ_{i=0}^{L−2} b0^i b^{L−2−i} by h ← b0 h + b^k
    const b0 = 1 / u0;
    const b = 1 / u;
    let h = 1;
    let bk = 1;
    for (let k = 1; k <= L - 2; k++) {
      bk *= b;
      h = b0 * h + bk;
    }
    first = ((du / (u * u0)) * h) / (L - 1);
  }
  return (first + ((r * r) / rho) * gDiff) / lambda;
}

/**
 * The fast evaluator of the MAE critical time at depth L, built on the derived
 * split and the real partial fractions of G over the (L+1)-th roots of ρ (docs/math.md §3).
 * Cost O(L) per call: ⌈L/2⌉ `log1p` and ⌊L/2⌋ `atan`.
 *
 * @param depth - encoder depth L, 1…12.
 * @returns `tOfU(u, λ, ρ, ε)` and `tStar(λ, ρ, ε, p)` (gradient-flow time; `null` when no critical time exists).
 * @throws {InvalidArgumentError} unless depth is an integer from 1 to 12.
 * @example
 * // L = 1 exact: t* = (1/(2λ)) ln[(p²/(1−p²))(ρ − ε²)/ε²]
 * maeTime(1).tStar(1, 1, 0.01, 0.5); // => 4.055814039153869 (= ½ ln(9999/3))
 */
export function maeTime(depth: number): TimeEvaluator {
  const L = validateDepth('maeTime', depth, MAX_DEPTH);
  const table = rootTable(L + 1);
  const tOfU = (u: number, lambda: number, rho: number, epsilon: number): number => {
    if (!(rho > 0 && lambda > 0 && u > 0)) return Number.NaN;
    const r = Math.pow(rho, 1 / (L + 1));
    const u0 = Math.pow(epsilon, 1 / L);
    // the path runs from u0 towards r = ρ^{1/(L+1)}; the closed form covers the start below r
    if (!(u0 < r && u < r)) return Number.NaN;
    return maeTimeKernel(L, lambda, rho, r, u0, u, gDifference(table, u0 / r, u / r));
  };
  // g(x*) at x* = p^{1/L} depends on p alone: kept for the last p seen (t* is usually scanned at fixed p)
  let lastP = Number.NaN;
  let xStar = Number.NaN;
  let gStar = Number.NaN;
  const tStar = (lambda: number, rho: number, epsilon: number, p: number): number | null => {
    if (!(rho > 0)) return null;
    if (!(epsilon < p * Math.pow(rho, L / (L + 1)))) return null; // docs/math.md §3: ε ≥ p·w̄∞ = p ρ^{L/(L+1)}, no critical time
    if (p !== lastP) {
      lastP = p;
      xStar = Math.pow(p, 1 / L);
      gStar = gValue(table, xStar);
    }
    const r = Math.pow(rho, 1 / (L + 1));
    const uStar = xStar * r; // docs/math.md §3: u* = p^{1/L} ρ^{1/(L+1)}
    const u0 = Math.pow(epsilon, 1 / L);
    // ε just below the target may round to u0 ≥ u*: the time is then 0 to within rounding
    if (!(u0 < uStar)) return 0;
    const x0 = u0 / r;
    // far below x*, g(x0) ≤ g(x*)/4 and the plain difference loses nothing; near x*, the stable difference form
    const gDiff = x0 <= 0.5 * xStar ? gStar - gValue(table, x0) : gDifference(table, x0, xStar);
    return maeTimeKernel(L, lambda, rho, r, u0, uStar, gDiff);
  };
  return { depth: L, tOfU, tStar };
}
