/**
 * The dense output of {@link BDF}: on the step from t_n to t_{n+1} = t_n + h at order k,
 * the polynomial of degree k through y_{n+1}, y_n, …, y_{n+1−k} (equally spaced by h,
 * the quasi-constant step-size form), in Newton's backward-difference form
 *
 *     p(t_n + θh) = Σ_{j=0}^{k} ∇^j y_{n+1} · Π_{m=0}^{j−1} (θ − 1 + m)/(m + 1)
 *
 * (Shampine & Reichelt 1997, §2; scipy's `BdfDenseOutput`). Its error is O(h^{k+1}),
 * that of the step itself; it is exact at both ends of the step.
 *
 * @module
 */

import type { DenseInterpolant } from './stepper.js';

/**
 * The interpolant of steps of order `k`: the step's coefficients are the differences
 * ∇^0 y_{n+1} … ∇^k y_{n+1}, row j at `coef[offset + j·n …]` ((k + 1)·n numbers).
 *
 * @param n - the dimension.
 * @param k - the order (≥ 1).
 * @returns the interpolant (one object per order: the recorder stores each step with its own).
 * @example
 * ```ts
 * // y = t² sampled at t = 0, 1, 2 (h = 1, step from 1 to 2): ∇⁰ = 4, ∇¹ = 3, ∇² = 2.
 * const out = new Float64Array(1);
 * bdfInterpolant(1, 2).interpolate(Float64Array.of(4, 3, 2), 0, 0.5, out);
 * out[0]; // => 2.25
 * ```
 */
export function bdfInterpolant(n: number, k: number): DenseInterpolant {
  return {
    denseSize: (k + 1) * n,
    interpolate(coef: Float64Array, offset: number, theta: number, out: Float64Array): void {
      for (let i = 0; i < n; i++) out[i] = coef[offset + i];
      let p = 1;
      for (let j = 1; j <= k; j++) {
        p *= (theta - 1 + (j - 1)) / j;
        const row = offset + j * n;
        for (let i = 0; i < n; i++) out[i] += p * coef[row + i];
      }
    },
  };
}
