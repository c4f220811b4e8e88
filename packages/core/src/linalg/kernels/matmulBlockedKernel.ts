/**
 * The register-blocked `C = A·B` kernel in plain JavaScript, without argument checks:
 * the fallback when WebAssembly SIMD is unavailable, and the edges of the SIMD kernel's
 * blocks. Bit-identical to the reference loop (kernels/matmulReferenceKernels.ts): every
 * entry is accumulated from 0 in ascending inner index with separate multiply and add.
 *
 * @module
 */

/**
 * `C = A·B`, A m×k, B k×n (row-major); 4×4 blocks of C are held in 16 local
 * accumulators while the inner dimension streams through. Cost m·k·n multiply-adds;
 * no allocation. `C` must not overlap `A` or `B`.
 */
export function matmulBlockedKernel(c: Float64Array, a: Float64Array, b: Float64Array, m: number, k: number, n: number): Float64Array {
  const m4 = m - (m % 4);
  const n4 = n - (n % 4);
  for (let i = 0; i < m4; i += 4) {
    const a0 = i * k,
      a1 = a0 + k,
      a2 = a1 + k,
      a3 = a2 + k;
    for (let j = 0; j < n4; j += 4) {
      let c00 = 0,
        c01 = 0,
        c02 = 0,
        c03 = 0,
        c10 = 0,
        c11 = 0,
        c12 = 0,
        c13 = 0;
      let c20 = 0,
        c21 = 0,
        c22 = 0,
        c23 = 0,
        c30 = 0,
        c31 = 0,
        c32 = 0,
        c33 = 0;
      for (let p = 0, bp = j; p < k; p++, bp += n) {
        const b0 = b[bp],
          b1 = b[bp + 1],
          b2 = b[bp + 2],
          b3 = b[bp + 3];
        const x0 = a[a0 + p],
          x1 = a[a1 + p],
          x2 = a[a2 + p],
          x3 = a[a3 + p];
        c00 += x0 * b0;
        c01 += x0 * b1;
        c02 += x0 * b2;
        c03 += x0 * b3;
        c10 += x1 * b0;
        c11 += x1 * b1;
        c12 += x1 * b2;
        c13 += x1 * b3;
        c20 += x2 * b0;
        c21 += x2 * b1;
        c22 += x2 * b2;
        c23 += x2 * b3;
        c30 += x3 * b0;
        c31 += x3 * b1;
        c32 += x3 * b2;
        c33 += x3 * b3;
      }
      let o = i * n + j;
      c[o] = c00;
      c[o + 1] = c01;
      c[o + 2] = c02;
      c[o + 3] = c03;
      o += n;
      c[o] = c10;
      c[o + 1] = c11;
      c[o + 2] = c12;
      c[o + 3] = c13;
      o += n;
      c[o] = c20;
      c[o + 1] = c21;
      c[o + 2] = c22;
      c[o + 3] = c23;
      o += n;
      c[o] = c30;
      c[o + 1] = c31;
      c[o + 2] = c32;
      c[o + 3] = c33;
    }
  }
  matmulEdges(c, a, b, m, k, n, m4, n4);
  return c;
}

/**
 * The entries of `C = op(A)·op(B)` outside the leading m4×n4 block (rows ≥ m4, or
 * columns ≥ n4), each accumulated from 0 in ascending inner index. The factors are read
 * through strides, as the reference loop reads them: `op(A)_ip = a[i·ai + p·ap]`,
 * `op(B)_pj = b[p·bp + j·bj]` (defaults: A m×k and B k×n, not transposed).
 */
export function matmulEdges(
  c: Float64Array,
  a: Float64Array,
  b: Float64Array,
  m: number,
  k: number,
  n: number,
  m4: number,
  n4: number,
  ai = k,
  ap = 1,
  bp = n,
  bj = 1,
): void {
  for (let i = 0; i < m; i++) {
    const j0 = i < m4 ? n4 : 0;
    for (let j = j0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += a[i * ai + p * ap] * b[p * bp + j * bj];
      c[i * n + j] = s;
    }
  }
}
