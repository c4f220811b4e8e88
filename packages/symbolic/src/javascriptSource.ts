import { validateDepth, type Objective } from '@jepa-dynamics/core';
import { MAX_DEPTH } from './MAX_DEPTH.js';

/**
 * A standalone ES module (no imports) exporting `tOfU(u, lambda, rho, epsilon)`
 * and `criticalTime(lambda, rho, epsilon, p)` for one objective and depth: the same
 * arithmetic as {@link jepaTime} / {@link maeTime} with the depth and the roots of unity
 * inlined. `criticalTime` returns `null` when no critical time exists. Gradient-flow time.
 * This is text for the user to save as a `.mjs` file and import (or paste); the library
 * itself never evaluates it.
 *
 * @param objective - `'jepa'` or `'mae'`.
 * @param depth - L, 1…12.
 * @returns the source text of an ES module.
 * @throws {InvalidArgumentError} unless depth is an integer from 1 to 12.
 * @example
 * javascriptSource('jepa', 2).includes('export function criticalTime(lambda, rho, epsilon, p)'); // => true
 */
export function javascriptSource(objective: Objective, depth: number): string {
  const L = validateDepth('javascriptSource', depth, MAX_DEPTH);
  switch (objective) {
    case 'jepa':
      return `// JEPA, depth L = ${L}: t(u) = (ρ^{1−2L}/λ)[ln(u(ρ−u0)/(u0(ρ−u))) + Σ_{n=1}^{2L−1} ρ^n (u0^{−n} − u^{−n})/n], u0 = ε^{1/L}
// (derived by @jepa-dynamics/symbolic; gradient-flow time t = kη)
function jepaKernel(lambda, rho, u0, u, rhoMinusU) {
  const du = u - u0, a0 = rho / u0, a = rho / u;
  let h = 1, an = 1, sum = 0;
  for (let n = 1; n < ${2 * L}; n++) { sum += h / n; an *= a; h = a0 * h + an; }
  const logs = Math.log1p(du / u0) + Math.log1p(du / rhoMinusU);
  return (Math.pow(rho, ${1 - 2 * L}) / lambda) * (logs + ((rho * du) / (u * u0)) * sum);
}
export function tOfU(u, lambda, rho, epsilon) {
  const u0 = Math.pow(epsilon, 1 / ${L});
  if (!(rho > 0 && lambda > 0 && u > 0 && (u0 - u) * (u - rho) >= 0 && u !== rho)) return NaN;
  return jepaKernel(lambda, rho, u0, u, rho - u);
}
export function criticalTime(lambda, rho, epsilon, p) {
  if (!(rho > 0)) return null;
  if (!(epsilon < p * Math.pow(rho, ${L}))) return null; // ε ≥ p·w̄∞ = p ρ^L: no critical time
  const lnRatio = Math.log(p) / ${L};
  const uStar = rho * Math.exp(lnRatio), u0 = Math.pow(epsilon, 1 / ${L});
  if (!(u0 < uStar)) return 0; // ε just below the target, rounded
  return jepaKernel(lambda, rho, u0, uStar, -rho * Math.expm1(lnRatio));
}
`;
    case 'mae': {
      const m = L + 1;
      const J = Math.floor((m - 1) / 2);
      const rows: string[] = [];
      for (let j = 1; j <= J; j++) {
        const th = (2 * Math.PI * j) / m;
        rows.push(`[${Math.cos(th)}, ${Math.sin(th)}, ${Math.cos(2 * th)}, ${Math.sin(2 * th)}]`);
      }
      return `// MAE, depth L = ${L}: t(u) = (1/λ)[${L === 1 ? 'ln(u/u0)' : `(u0^{1−L} − u^{1−L})/(L−1)`} + ρ^{(1−L)/(L+1)}(g(u/r) − g(u0/r))], r = ρ^{1/${m}}, u0 = ε^{1/L}
// g(x) = ∫_0^x y/(1 − y^${m}) dy through the ${m}-th roots of unity (derived by @jepa-dynamics/symbolic; gradient-flow time t = kη)
const ROOTS = [${rows.join(', ')}]; // cos θ_j, sin θ_j, cos 2θ_j, sin 2θ_j, θ_j = 2πj/${m}
function gDifference(x0, x) {
  if (x <= 0.25 && x0 <= 0.25) {
    let sum = 0, a = x * x, b = x0 * x0;
    const xm = Math.pow(x, ${m}), x0m = Math.pow(x0, ${m});
    for (let k = 0; k < 60; k++) {
      const term = (a - b) / (${m} * k + 2);
      sum += term;
      if (Math.abs(term) <= 1e-18 * Math.abs(sum)) break;
      a *= xm; b *= x0m;
    }
    return sum;
  }
  const d = x - x0;
  let sum = -Math.log1p(d / (1 - x));${m % 2 === 0 ? '\n  sum += Math.log1p(d / (1 + x0));' : ''}
  for (const [c, s, c2, s2] of ROOTS) {
    sum += c2 * Math.log1p((d * (x + x0 - 2 * c)) / (1 - 2 * c * x0 + x0 * x0));
    sum -= 2 * s2 * Math.atan((s * d) / ((1 - c * x) * (1 - c * x0) + x * x0 * s * s));
  }
  return -sum / ${m};
}
function maeKernel(lambda, rho, r, u0, u) {
  const du = u - u0;
  ${
    L === 1
      ? 'const first = Math.log1p(du / u0);'
      : `const b0 = 1 / u0, b = 1 / u;
  let h = 1, bk = 1; // u0^{1−L} − u^{1−L} = (b0 − b) Σ_i b0^i b^{L−2−i}
  for (let k = 1; k <= ${L - 2}; k++) { bk *= b; h = b0 * h + bk; }
  const first = ((du / (u * u0)) * h) / ${L - 1};`
  }
  return (first + ((r * r) / rho) * gDifference(u0 / r, u / r)) / lambda;
}
export function tOfU(u, lambda, rho, epsilon) {
  if (!(rho > 0 && lambda > 0 && u > 0)) return NaN;
  const r = Math.pow(rho, 1 / ${m}), u0 = Math.pow(epsilon, 1 / ${L});
  if (!(u0 < r && u < r)) return NaN;
  return maeKernel(lambda, rho, r, u0, u);
}
export function criticalTime(lambda, rho, epsilon, p) {
  if (!(rho > 0)) return null;
  if (!(epsilon < p * Math.pow(rho, ${L} / ${m}))) return null; // ε ≥ p·w̄∞ = p ρ^{L/(L+1)}: no critical time
  const r = Math.pow(rho, 1 / ${m}), uStar = Math.pow(p, 1 / ${L}) * r, u0 = Math.pow(epsilon, 1 / ${L});
  if (!(u0 < uStar)) return 0; // ε just below the target, rounded
  return maeKernel(lambda, rho, r, u0, uStar);
}
`;
    }
  }
}
