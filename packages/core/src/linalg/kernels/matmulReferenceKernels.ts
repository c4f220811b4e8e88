/**
 * The plain i-k-j triple loops behind {@link matmulReference} and its transposed
 * variants, without argument checks. Each entry `c_ij` is accumulated as
 * `((0 + a_i0 b_0j) + a_i1 b_1j) + …` in ascending inner index with a separate multiply
 * and add (JavaScript never fuses them); every fast kernel keeps this order, which is
 * why their results are bit-identical.
 *
 * All matrices dense, row-major; `c` overwritten and must not overlap `a` or `b`.
 *
 * @module
 */

/** A product kernel `(c, a, b, m, k, n) ↦ c`: C is m×n, the inner dimension k. */
type ProductKernel = (c: Float64Array, a: Float64Array, b: Float64Array, m: number, k: number, n: number) => Float64Array;

/** `C = A·B`, A m×k, B k×n: m·k·n multiply-adds. */
export const matmulReferenceKernel: ProductKernel = (c, a, b, m, k, n) => stridedProduct(c, a, b, m, k, n, k, 1, n, 1);

/** `C = Aᵀ·B`, A k×m, B k×n. */
export const matmulTransAReferenceKernel: ProductKernel = (c, a, b, m, k, n) => stridedProduct(c, a, b, m, k, n, 1, m, n, 1);

/** `C = A·Bᵀ`, A m×k, B n×k. */
export const matmulTransBReferenceKernel: ProductKernel = (c, a, b, m, k, n) => stridedProduct(c, a, b, m, k, n, k, 1, 1, k);

/**
 * The one i-k-j loop of the three: `c_ij = Σ_p x_ip y_pj` with the left factor read as
 * `x_ip = a[i·ai + p·ap]` and the right one as `y_pj = b[p·bp + j·bj]`, so a transpose is
 * a choice of strides and every variant accumulates in the same order.
 */
function stridedProduct(
  c: Float64Array,
  a: Float64Array,
  b: Float64Array,
  m: number,
  k: number,
  n: number,
  ai: number,
  ap: number,
  bp: number,
  bj: number,
): Float64Array {
  c.fill(0, 0, m * n);
  for (let i = 0; i < m; i++) {
    const ci = i * n;
    for (let p = 0; p < k; p++) {
      const x = a[i * ai + p * ap];
      const row = p * bp;
      for (let j = 0; j < n; j++) c[ci + j] += x * b[row + j * bj];
    }
  }
  return c;
}
