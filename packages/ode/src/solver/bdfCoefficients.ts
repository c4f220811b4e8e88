/**
 * Coefficients of the backward differentiation formulas (BDF) and of Klopfenstein's
 * and Shampine's numerical differentiation formulas (NDF) in the backward-difference
 * form of Shampine & Reichelt, "The MATLAB ODE Suite" (SIAM J. Sci. Comput. 18, 1997),
 * §2, which scipy's `BDF` also uses, and the rescaling of the difference array when the
 * step size changes (the quasi-constant step-size implementation of that paper).
 *
 * Order-k formula for y_{n+1} with constant step h, predictor
 * `y⁽⁰⁾ = Σ_{j=0}^{k} ∇^j y_n` and correction `d = y_{n+1} − y⁽⁰⁾`:
 *
 *     α_k d = h f(t_{n+1}, y_{n+1}) − Σ_{j=1}^{k} γ_j ∇^j y_n,   γ_j = Σ_{m=1}^{j} 1/m,
 *     α_k = (1 − κ_k) γ_k,   local error ≈ E_k d,   E_k = κ_k γ_k + 1/(k + 1),
 *
 * (Shampine & Reichelt eq. (2) and (3) with the NDF's κ; κ = 0 gives the BDFs).
 *
 * @module
 */

/** The largest order. */
export const BDF_MAX_ORDER = 5;

/** Which family: plain BDFs (CVODE, DASSL) or the NDFs of `ode15s` (default of scipy's BDF). */
export const BDF_FORMULAS = ['bdf', 'ndf'] as const;

/** One of {@link BDF_FORMULAS}. */
export type BdfFormula = (typeof BDF_FORMULAS)[number];

/**
 * κ_k of the NDFs, k = 1…5 (index 0 unused): Shampine & Reichelt Table 1; κ_5 = 0 (the
 * NDF of order 5 is BDF5, since NDF5 would lose too much stability). With these the
 * NDFs of orders 1–2 take 26 % longer steps than the BDFs at the same accuracy, at
 * a small loss of stability angle for orders 3–4 (Table 1: 90°, 90°, 80°, 66° vs 90°,
 * 90°, 86°, 73°).
 */
const NDF_KAPPA = [0, -0.185, -1 / 9, -0.0823, -0.0415, 0];

/** The coefficients of one family, indexed by the order k = 0…6 (index 0 and 6 for the order-selection estimates). */
export interface BdfCoefficients {
  /** γ_k = Σ_{m ≤ k} 1/m. */
  readonly gamma: Float64Array;
  /** α_k = (1 − κ_k) γ_k. */
  readonly alpha: Float64Array;
  /** E_k, the local-error constant of the order-k formula: error ≈ E_k · d. */
  readonly errorConstant: Float64Array;
}

/**
 * The coefficients of the BDF or NDF family.
 *
 * @param formula - `'bdf'` or `'ndf'`.
 * @returns γ, α and the error constants for orders 0…6 (κ_6 = 0).
 * @example
 * ```ts
 * const c = bdfCoefficients('bdf');
 * c.errorConstant[1]; // => 0.5
 * c.alpha[2]; // => 1.5
 * ```
 */
export function bdfCoefficients(formula: BdfFormula): BdfCoefficients {
  const gamma = new Float64Array(BDF_MAX_ORDER + 2);
  const alpha = new Float64Array(BDF_MAX_ORDER + 2);
  const errorConstant = new Float64Array(BDF_MAX_ORDER + 2);
  for (let k = 0; k <= BDF_MAX_ORDER + 1; k++) {
    gamma[k] = k === 0 ? 0 : gamma[k - 1] + 1 / k;
    const kappa = formula === 'ndf' && k <= BDF_MAX_ORDER ? NDF_KAPPA[k] : 0;
    alpha[k] = (1 - kappa) * gamma[k];
    errorConstant[k] = kappa * gamma[k] + 1 / (k + 1);
  }
  return { gamma, alpha, errorConstant };
}

/**
 * Writes into `r` ((k+1)×(k+1), row-major) the matrix R(ρ) of Shampine & Reichelt §2:
 * `R_ij = Π_{m=1}^{i} (m − 1 − ρ j)/m` (R_0j = 1), which maps backward differences on
 * the grid of step h to values of the interpolating polynomial on the grid of step ρh.
 */
function differenceRescaling(k: number, rho: number, r: Float64Array): void {
  const w = k + 1;
  for (let j = 0; j <= k; j++) r[j] = 1;
  for (let i = 1; i <= k; i++) {
    for (let j = 0; j <= k; j++) r[i * w + j] = r[(i - 1) * w + j] * ((i - 1 - rho * j) / i);
  }
}

/**
 * Re-expresses the backward differences `D[0..k]` (rows of n numbers in `d`) of the
 * interpolating polynomial on the grid `t_n − j h` on the grid `t_n − j ρh`, the step
 * having changed from h to ρh: `D ← (R(ρ) U)ᵀ D` with `U = R(1)` (Shampine & Reichelt,
 * eq. before (4)). The polynomial is unchanged; only its representation. Cost O(k² n).
 *
 * @param d - the difference array, row j at `d[j·n …]`, at least k + 1 rows; rows 0…k overwritten.
 * @param n - the dimension.
 * @param k - the order (1…5).
 * @param rho - the ratio of the new step to the old one (> 0).
 * @param work - scratch of length ≥ 3 (k+1)² + (k+1); a longer one (room for k + 1 chunks of the rows
 *   after the first 3 (k+1)²) lets the rows be read and written contiguously.
 */
export function rescaleDifferences(d: Float64Array, n: number, k: number, rho: number, work: Float64Array): void {
  const w = k + 1;
  const r = work.subarray(0, w * w);
  const u = work.subarray(w * w, 2 * w * w);
  const ru = work.subarray(2 * w * w, 3 * w * w);
  const col = work.subarray(3 * w * w, 3 * w * w + w);
  differenceRescaling(k, rho, r);
  differenceRescaling(k, 1, u);
  for (let i = 0; i < w; i++) {
    for (let j = 0; j < w; j++) {
      let s = 0;
      for (let m = 0; m < w; m++) s += r[i * w + m] * u[m * w + j];
      ru[i * w + j] = s;
    }
  }
  // New row j = Σ_i RU_ij · old row i. Component by component would read the k + 1 rows
  // with a stride of n; instead, a chunk of each old row is copied to the scratch and the
  // new rows are written chunk by chunk, contiguously (same sums in the same order).
  const chunk = Math.floor((work.length - 3 * w * w) / w);
  if (chunk < 1) {
    for (let c = 0; c < n; c++) {
      for (let i = 0; i < w; i++) col[i] = d[i * n + c];
      for (let j = 0; j < w; j++) {
        let s = 0;
        for (let i = 0; i < w; i++) s += ru[i * w + j] * col[i];
        d[j * n + c] = s;
      }
    }
    return;
  }
  const old = work.subarray(3 * w * w, 3 * w * w + w * chunk);
  for (let c0 = 0; c0 < n; c0 += chunk) {
    const len = Math.min(chunk, n - c0);
    for (let i = 0; i < w; i++) old.set(d.subarray(i * n + c0, i * n + c0 + len), i * chunk);
    for (let j = 0; j < w; j++) combineRows(d, j * n + c0, old, chunk, len, ru, w, j);
  }
}

/**
 * `d[out + c] = Σ_{i<w} ru[i·w + j] · old[i·chunk + c]` for c < len, summed in the order
 * i = 0, 1, …; written out for each w ≤ 6 (BDF orders 1–5) so that a component is one
 * expression, not w passes over the row.
 */
function combineRows(
  d: Float64Array,
  out: number,
  old: Float64Array,
  chunk: number,
  len: number,
  ru: Float64Array,
  w: number,
  j: number,
): void {
  const a0 = ru[j];
  const a1 = w > 1 ? ru[w + j] : 0;
  const a2 = w > 2 ? ru[2 * w + j] : 0;
  const a3 = w > 3 ? ru[3 * w + j] : 0;
  const a4 = w > 4 ? ru[4 * w + j] : 0;
  const a5 = w > 5 ? ru[5 * w + j] : 0;
  const o1 = chunk;
  const o2 = 2 * chunk;
  const o3 = 3 * chunk;
  const o4 = 4 * chunk;
  const o5 = 5 * chunk;
  switch (w) {
    case 1:
      for (let c = 0; c < len; c++) d[out + c] = a0 * old[c];
      return;
    case 2:
      for (let c = 0; c < len; c++) d[out + c] = a0 * old[c] + a1 * old[o1 + c];
      return;
    case 3:
      for (let c = 0; c < len; c++) d[out + c] = a0 * old[c] + a1 * old[o1 + c] + a2 * old[o2 + c];
      return;
    case 4:
      for (let c = 0; c < len; c++) d[out + c] = a0 * old[c] + a1 * old[o1 + c] + a2 * old[o2 + c] + a3 * old[o3 + c];
      return;
    case 5:
      for (let c = 0; c < len; c++) d[out + c] = a0 * old[c] + a1 * old[o1 + c] + a2 * old[o2 + c] + a3 * old[o3 + c] + a4 * old[o4 + c];
      return;
    case 6:
      for (let c = 0; c < len; c++)
        d[out + c] = a0 * old[c] + a1 * old[o1 + c] + a2 * old[o2 + c] + a3 * old[o3 + c] + a4 * old[o4 + c] + a5 * old[o5 + c];
      return;
    default:
      for (let c = 0; c < len; c++) {
        let s = 0;
        for (let i = 0; i < w; i++) s += ru[i * w + j] * old[i * chunk + c];
        d[out + c] = s;
      }
  }
}
