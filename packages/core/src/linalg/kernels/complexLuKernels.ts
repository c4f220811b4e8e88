/**
 * Dense complex LU decomposition with partial pivoting and its solve, the real and
 * imaginary parts held in two `Float64Array`s (no complex objects, nothing allocated):
 * the complex iteration matrix `(α + iβ)/h · I − J` of the implicit Runge–Kutta method
 * RADAU5. Same layout and conventions as {@link luDecomposeKernel} (row-major, the
 * factors overwrite the matrix, `pivots[k]` is the row swapped with row k at stage k).
 *
 * Pivoting follows Moler's complex DECC (ACM Algorithm 423 as modified in Hairer &
 * Wanner's `decsol.f`): the pivot maximises `|Re| + |Im|`, a cheap proxy of the modulus.
 * The back substitution runs column by column (each `x_k` eliminated from the rows
 * above it as soon as it is known), so rounding happens in the same order as there.
 *
 * @module
 */

/**
 * Factors the complex n×n matrix `A = re + i·im` (row-major, length ≥ n² each) in place
 * as `P A = L U`: on return `re`/`im` hold U on and above the diagonal and the
 * multipliers of L (unit diagonal) below it; `pivots[k]` is the row swapped with row k.
 * Kernel: no argument checks. Cost about 8n³/3 real flops.
 *
 * @param re - real part, row-major, length ≥ n²; overwritten by the factors' real parts.
 * @param im - imaginary part, same layout; overwritten by the factors' imaginary parts.
 * @param n - the order, an integer ≥ 1 (not checked).
 * @param pivots - length ≥ n; receives the row swaps.
 * @returns 0, or k + 1 for the first column k whose pivot is zero or non-finite (the matrix is then singular to working precision).
 * @example
 * ```ts
 * // A = [[0, 1], [i, 1]]: the first pivot is i (row 1).
 * const re = Float64Array.of(0, 1, 0, 1), im = Float64Array.of(0, 0, 1, 0), piv = new Int32Array(2);
 * complexLuDecomposeKernel(re, im, 2, piv); // => 0
 * Array.from(piv); // => [1, 1]
 * ```
 */
export function complexLuDecomposeKernel(re: Float64Array, im: Float64Array, n: number, pivots: Int32Array): number {
  for (let k = 0; k < n; k++) {
    const rk = k * n;
    let p = k;
    let big = Math.abs(re[rk + k]) + Math.abs(im[rk + k]);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(re[i * n + k]) + Math.abs(im[i * n + k]);
      if (v > big) {
        big = v;
        p = i;
      }
    }
    pivots[k] = p;
    if (big === 0 || !Number.isFinite(big)) return k + 1;
    if (p !== k) {
      const rp = p * n;
      for (let j = 0; j < n; j++) {
        let tmp = re[rk + j];
        re[rk + j] = re[rp + j];
        re[rp + j] = tmp;
        tmp = im[rk + j];
        im[rk + j] = im[rp + j];
        im[rp + j] = tmp;
      }
    }
    // 1/pivot = conj(pivot)/|pivot|².
    const pr = re[rk + k];
    const pi = im[rk + k];
    const den = pr * pr + pi * pi;
    const invR = pr / den;
    const invI = -pi / den;
    for (let i = k + 1; i < n; i++) {
      const ri = i * n;
      const ar = re[ri + k];
      const ai = im[ri + k];
      const mr = ar * invR - ai * invI;
      const mi = ai * invR + ar * invI;
      re[ri + k] = mr;
      im[ri + k] = mi;
      if (mr === 0 && mi === 0) continue;
      for (let j = k + 1; j < n; j++) {
        const ur = re[rk + j];
        const ui = im[rk + j];
        re[ri + j] -= mr * ur - mi * ui;
        im[ri + j] -= mi * ur + mr * ui;
      }
    }
  }
  return 0;
}

/**
 * Solves `A x = b` in place from the factors of {@link complexLuDecomposeKernel}:
 * `b = bRe + i·bIm` is overwritten by x. Kernel: no argument checks. Cost about 8n² real
 * flops; no allocation.
 *
 * @param re - the factors' real parts.
 * @param im - the factors' imaginary parts.
 * @param n - the order (not checked).
 * @param pivots - the row swaps.
 * @param bRe - real part of the right-hand side, length ≥ n; overwritten by Re x.
 * @param bIm - imaginary part of the right-hand side, length ≥ n; overwritten by Im x.
 * @example
 * ```ts
 * // (1 + i) x = 2  =>  x = 1 − i
 * const re = Float64Array.of(1), im = Float64Array.of(1), piv = new Int32Array(1);
 * complexLuDecomposeKernel(re, im, 1, piv);
 * const bRe = Float64Array.of(2), bIm = Float64Array.of(0);
 * complexLuSolveKernel(re, im, 1, piv, bRe, bIm);
 * [bRe[0], bIm[0]]; // => [1, -1]
 * ```
 */
export function complexLuSolveKernel(
  re: Float64Array,
  im: Float64Array,
  n: number,
  pivots: Int32Array,
  bRe: Float64Array,
  bIm: Float64Array,
): void {
  for (let k = 0; k < n; k++) {
    const p = pivots[k];
    if (p !== k) {
      let tmp = bRe[k];
      bRe[k] = bRe[p];
      bRe[p] = tmp;
      tmp = bIm[k];
      bIm[k] = bIm[p];
      bIm[p] = tmp;
    }
  }
  // L y = P b, row by row (each row's terms in column order).
  for (let i = 1; i < n; i++) {
    const ri = i * n;
    let sr = bRe[i];
    let si = bIm[i];
    for (let j = 0; j < i; j++) {
      const mr = re[ri + j];
      const mi = im[ri + j];
      sr -= mr * bRe[j] - mi * bIm[j];
      si -= mi * bRe[j] + mr * bIm[j];
    }
    bRe[i] = sr;
    bIm[i] = si;
  }
  // U x = y, column by column from the last.
  for (let k = n - 1; k >= 0; k--) {
    const dr = re[k * n + k];
    const di = im[k * n + k];
    const den = dr * dr + di * di;
    const xr = (bRe[k] * dr + bIm[k] * di) / den;
    const xi = (bIm[k] * dr - bRe[k] * di) / den;
    bRe[k] = xr;
    bIm[k] = xi;
    for (let i = 0; i < k; i++) {
      const ur = re[i * n + k];
      const ui = im[i * n + k];
      bRe[i] -= ur * xr - ui * xi;
      bIm[i] -= ui * xr + ur * xi;
    }
  }
}
