/**
 * Polynomial interpolation on Chebyshev–Lobatto nodes in barycentric form
 * (Berrut & Trefethen, SIAM Review 46 (2004), eq. (5.2) with the weights of §5):
 * exact, up to rounding, for polynomials of degree ≤ CHEBYSHEV_DEGREE, and well
 * conditioned. Used to store the odex dense output, which the `odex` package
 * exposes only as a closure valid during one step.
 *
 * @module
 */

/** Degree of the stored polynomial: odex's dense output has degree ≤ 2·km + 1 = 19 (km = 9 columns). */
export const CHEBYSHEV_DEGREE = 19;

/** Nodes θ_j = (1 − cos(jπ/m))/2 on [0, 1], j = 0..m. */
export const CHEBYSHEV_NODES: Float64Array = (() => {
  const m = CHEBYSHEV_DEGREE;
  const nodes = new Float64Array(m + 1);
  for (let j = 0; j <= m; j++) nodes[j] = j === 0 ? 0 : j === m ? 1 : (1 - Math.cos((j * Math.PI) / m)) / 2;
  return nodes;
})();

/**
 * Evaluates at `theta` the polynomials whose values at the nodes are stored as
 * `coef[offset + j·n + i]` (node j, component i); writes component i into `out[i]`.
 */
export function chebyshevEvaluate(coef: Float64Array, offset: number, theta: number, n: number, out: Float64Array): void {
  const m = CHEBYSHEV_DEGREE;
  for (let j = 0; j <= m; j++) {
    if (theta === CHEBYSHEV_NODES[j]) {
      for (let i = 0; i < n; i++) out[i] = coef[offset + j * n + i];
      return;
    }
  }
  out.fill(0, 0, n);
  let den = 0;
  for (let j = 0; j <= m; j++) {
    let w = (j & 1) === 0 ? 1 : -1;
    if (j === 0 || j === m) w *= 0.5;
    const c = w / (theta - CHEBYSHEV_NODES[j]);
    den += c;
    const o = offset + j * n;
    for (let i = 0; i < n; i++) out[i] += c * coef[o + i];
  }
  for (let i = 0; i < n; i++) out[i] /= den;
}
