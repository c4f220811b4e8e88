/**
 * Matrices for the tests: a seeded standard-normal stream independent of the library (Box–Muller
 * on mulberry32 uniforms), and textbook products, transposes and orthogonality errors written
 * out here, row-major like the packages' dense matrices.
 */
import type { StandardNormalSource } from '@jepa-dynamics/core';
import { mulberry32 } from './mulberry32.js';

/**
 * Shapes [m, k, n] for tests of products: degenerate, odd, exact and ragged multiples of the
 * 4×4 register blocks, and one large enough for the blocked and SIMD paths.
 */
export const PRODUCT_SHAPES: readonly (readonly [number, number, number])[] = [
  [1, 1, 1],
  [2, 3, 5],
  [4, 4, 4],
  [7, 5, 9],
  [8, 13, 12],
  [17, 16, 19],
  [64, 64, 64],
];

/** Independent N(0, 1) numbers from `seed`, with `fill` as randomOrthogonal consumes them. */
export function normalSource(seed: number): StandardNormalSource & { next(): number } {
  const uniform = mulberry32(seed);
  const next = (): number => {
    // 1 − U lies in (0, 1], so the logarithm is finite
    const r = Math.sqrt(-2 * Math.log(1 - uniform()));
    return r * Math.cos(2 * Math.PI * uniform());
  };
  return {
    next,
    fill(out) {
      for (let i = 0; i < out.length; i++) out[i] = next();
      return out;
    },
  };
}

/** An m×n matrix of independent N(0, 1) entries, row-major. */
export function randomMatrix(source: StandardNormalSource, m: number, n: number): Float64Array {
  return source.fill(new Float64Array(m * n));
}

/** Largest |a_i − b_i|. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

/** Independent truth for products: the textbook dot-product definition, j-outer loop order. */
export function dotProduct(a: Float64Array, b: Float64Array, m: number, k: number, n: number): Float64Array {
  const c = new Float64Array(m * n);
  for (let j = 0; j < n; j++)
    for (let i = 0; i < m; i++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += a[i * k + p] * b[p * n + j];
      c[i * n + j] = s;
    }
  return c;
}

/** The explicit transpose of an m×n matrix, written out here. */
export function transposed(a: Float64Array, m: number, n: number): Float64Array {
  const t = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) t[j * m + i] = a[i * n + j];
  return t;
}

/** max |QᵀQ − I| of an n×n Q, by the dot-product definition. */
export function orthogonalityError(q: Float64Array, n: number): number {
  const qtq = dotProduct(transposed(q, n, n), q, n, n, n);
  let e = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) e = Math.max(e, Math.abs(qtq[i * n + j] - (i === j ? 1 : 0)));
  return e;
}

/** The n×n diagonal matrix with the given diagonal, row-major. */
export function diagonalMatrix(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) m[i * n + i] = values[i];
  return m;
}
