import { describe, expect, it } from 'vitest';
import {
  cholesky,
  createGaussianSource,
  createMatrixWorkspace,
  householderQr,
  matmulBlocked,
  matmulReference,
  matmulTransAReference,
  matmulTransBReference,
  randomOrthogonal,
  scaleColumns,
  scaleRows,
  singularValueDecomposition,
  symmetricEigen,
  wasmSimdAvailable,
} from '../src/index.js';

const gauss = createGaussianSource(7);
const randomMatrix = (m: number, n: number): Float64Array => gauss.fill(new Float64Array(m * n));

/** Independent truth: the textbook dot-product definition, j-outer loop order. */
function dotProduct(a: Float64Array, b: Float64Array, m: number, k: number, n: number): Float64Array {
  const c = new Float64Array(m * n);
  for (let j = 0; j < n; j++) for (let i = 0; i < m; i++) {
    let s = 0;
    for (let p = 0; p < k; p++) s += a[i * k + p] * b[p * n + j];
    c[i * n + j] = s;
  }
  return c;
}
const transposed = (a: Float64Array, m: number, n: number): Float64Array => {
  const t = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) t[j * m + i] = a[i * n + j];
  return t;
};
const maxAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
};

describe('matrix products', () => {
  const shapes: [number, number, number][] = [[1, 1, 1], [2, 3, 5], [4, 4, 4], [7, 5, 9], [8, 13, 12], [17, 16, 19], [64, 64, 64]];

  it('matmulReference(c, a, b) equals the dot-product definition to rounding (same summation order: exactly)', () => {
    for (const [m, k, n] of shapes) {
      const a = randomMatrix(m, k), b = randomMatrix(k, n);
      expect(matmulReference(new Float64Array(m * n), a, b, m, k, n)).toEqual(dotProduct(a, b, m, k, n));
    }
  });

  it('the transposed reference kernels equal the product with the explicit transpose', () => {
    for (const [m, k, n] of shapes) {
      const at = randomMatrix(k, m), b = randomMatrix(k, n), bt = randomMatrix(n, k), a = randomMatrix(m, k);
      expect(matmulTransAReference(new Float64Array(m * n), at, b, m, k, n)).toEqual(dotProduct(transposed(at, k, m), b, m, k, n));
      expect(matmulTransBReference(new Float64Array(m * n), a, bt, m, k, n)).toEqual(dotProduct(a, transposed(bt, n, k), m, k, n));
    }
  });

  it('matmulBlocked is bit-identical to matmulReference, including edge rows and columns', () => {
    for (const [m, k, n] of shapes) {
      const a = randomMatrix(m, k), b = randomMatrix(k, n);
      expect(matmulBlocked(new Float64Array(m * n), a, b, m, k, n)).toEqual(matmulReference(new Float64Array(m * n), a, b, m, k, n));
    }
  });

  it('this engine has WebAssembly SIMD (Node ≥ 16), so the wasm backend is exercised', () => {
    expect(wasmSimdAvailable()).toBe(true);
  });

  for (const backend of ['wasm', 'js', 'reference'] as const) {
    it(`workspace backend ${backend}: matmul, matmulTransA, matmulTransB are bit-identical to the reference kernels`, () => {
      for (const [m, k, n] of shapes) {
        const ws = createMatrixWorkspace({ capacity: 3 * m * k + 3 * k * n + 3 * n * k + 3 * m * n, largestMatrix: Math.max(m, n) * k, backend });
        expect(ws.backend).toBe(backend);
        const a = ws.alloc(m * k), at = ws.alloc(k * m), b = ws.alloc(k * n), bt = ws.alloc(n * k), c = ws.alloc(m * n);
        a.set(randomMatrix(m, k)); at.set(randomMatrix(k, m)); b.set(randomMatrix(k, n)); bt.set(randomMatrix(n, k));
        expect(Array.from(ws.matmul(c, a, b, m, k, n))).toEqual(Array.from(matmulReference(new Float64Array(m * n), a, b, m, k, n)));
        expect(Array.from(ws.matmulTransA(c, at, b, m, k, n))).toEqual(Array.from(matmulTransAReference(new Float64Array(m * n), at, b, m, k, n)));
        expect(Array.from(ws.matmulTransB(c, a, bt, m, k, n))).toEqual(Array.from(matmulTransBReference(new Float64Array(m * n), a, bt, m, k, n)));
      }
    });
  }

  it('a workspace rejects an exhausted arena and an undersized transpose scratch instead of corrupting memory', () => {
    const ws = createMatrixWorkspace({ capacity: 8, largestMatrix: 4, backend: 'js' });
    const a = ws.alloc(4), b = ws.alloc(4);
    expect(() => ws.alloc(1)).toThrow(/arena/);
    const big = new Float64Array(9);
    expect(() => ws.matmulTransA(new Float64Array(9), big, big, 3, 3, 3)).toThrow(/largestMatrix/);
    expect(ws.matmul(new Float64Array(4), a, b, 2, 2, 2)).toEqual(new Float64Array(4));
  });

  it('scaleColumns and scaleRows equal products with the formed diagonal matrix', () => {
    const a = randomMatrix(3, 4), s4 = randomMatrix(1, 4), s3 = randomMatrix(1, 3);
    const diag = (s: Float64Array): Float64Array => {
      const n = s.length, m = new Float64Array(n * n);
      for (let i = 0; i < n; i++) m[i * n + i] = s[i];
      return m;
    };
    expect(maxAbsDiff(scaleColumns(new Float64Array(12), a, s4, 3, 4), dotProduct(a, diag(s4), 3, 4, 4))).toBe(0);
    expect(maxAbsDiff(scaleRows(new Float64Array(12), a, s3, 3, 4), dotProduct(diag(s3), a, 3, 3, 4))).toBe(0);
  });
});

describe('factorisations', () => {
  const identityError = (q: Float64Array, n: number): number => {
    const qtq = matmulTransAReference(new Float64Array(n * n), q, q, n, n, n);
    let e = 0;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) e = Math.max(e, Math.abs(qtq[i * n + j] - (i === j ? 1 : 0)));
    return e;
  };

  it('householderQr(A): Q orthogonal, R upper triangular, QR = A (to 1e-13 relative), also for a singular A', () => {
    for (const n of [1, 2, 5, 16]) {
      const a = randomMatrix(n, n);
      if (n === 5) for (let j = 0; j < n; j++) a[4 * n + j] = a[3 * n + j]; // rank deficient
      const { q, r } = householderQr(a, n);
      expect(identityError(q, n)).toBeLessThan(1e-14 * n);
      for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) expect(r[i * n + j]).toBe(0);
      expect(maxAbsDiff(matmulReference(new Float64Array(n * n), q, r, n, n, n), a)).toBeLessThan(1e-13 * n);
    }
  });

  it('householderQr matches the hand-computed factors of [[3, 0], [4, 5]]', () => {
    const { q, r } = householderQr(Float64Array.of(3, 0, 4, 5), 2);
    expect(maxAbsDiff(q, [-0.6, -0.8, -0.8, 0.6])).toBeLessThan(1e-15);
    expect(maxAbsDiff(r, [-5, -4, 0, 3])).toBeLessThan(1e-14);
  });

  it('randomOrthogonal(n) is orthogonal, reproducible, and Haar: E[Q₁₁²] = 1/n, E[det Q] = 0', () => {
    const n = 3;
    expect(randomOrthogonal(n, createGaussianSource(5))).toEqual(randomOrthogonal(n, createGaussianSource(5)));
    const source = createGaussianSource(11);
    const trials = 4000;
    let q11sq = 0, det = 0;
    for (let t = 0; t < trials; t++) {
      const q = randomOrthogonal(n, source);
      expect(identityError(q, n)).toBeLessThan(1e-14);
      q11sq += q[0] * q[0];
      det += q[0] * (q[4] * q[8] - q[5] * q[7]) - q[1] * (q[3] * q[8] - q[5] * q[6]) + q[2] * (q[3] * q[7] - q[4] * q[6]);
    }
    // Haar: Q₁₁² ~ Beta(1/2, (n−1)/2), mean 1/n, variance 2(n−1)/(n²(n+2)) = 0.0889; det = ±1 equally likely.
    // 5-sigma bounds: sd of the mean = sqrt(0.0889/4000) = 0.0047; of mean det = 1/sqrt(4000) = 0.0158.
    expect(Math.abs(q11sq / trials - 1 / n)).toBeLessThan(5 * 0.0047);
    expect(Math.abs(det / trials)).toBeLessThan(5 * 0.0158);
  });

  it('symmetricEigen recovers the eigenvalues and eigenvectors of Q diag(λ) Qᵀ', () => {
    const n = 6;
    const q = randomOrthogonal(n, createGaussianSource(3));
    const lambda = [5, 3, 1, 0.5, -0.25, -2];
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) for (let k = 0; k < n; k++) a[i * n + j] += q[i * n + k] * lambda[k] * q[j * n + k];
    const { values, vectors } = symmetricEigen(a, n);
    expect(maxAbsDiff(values, lambda)).toBeLessThan(1e-14 * 5 * n);
    expect(identityError(vectors, n)).toBeLessThan(1e-13);
    for (let k = 0; k < n; k++) {
      // eigenvector equals ± the k-th column of Q
      let dot = 0;
      for (let i = 0; i < n; i++) dot += vectors[i * n + k] * q[i * n + k];
      expect(Math.abs(Math.abs(dot) - 1)).toBeLessThan(1e-12);
    }
  });

  it('singularValueDecomposition recovers singular values of U diag(s) Vᵀ, small ones to high relative accuracy', () => {
    const n = 6;
    const source = createGaussianSource(4);
    const u = randomOrthogonal(n, source), v = randomOrthogonal(n, source);
    const s = [10, 3, 1, 1e-3, 1e-6, 1e-9];
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) for (let k = 0; k < n; k++) a[i * n + j] += u[i * n + k] * s[k] * v[j * n + k];
    const svd = singularValueDecomposition(a, n);
    // forming A costs ~n·ulp·‖A‖ absolute, so a singular value σ is determined only to ~1e-15·10/σ relative
    svd.values.forEach((x, k) => expect(Math.abs(x - s[k])).toBeLessThan(1e-13 * 10));
    // A = U Σ Vᵀ
    const rec = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) for (let k = 0; k < n; k++) rec[i * n + j] += svd.u[i * n + k] * svd.values[k] * svd.v[j * n + k];
    expect(maxAbsDiff(rec, a)).toBeLessThan(1e-13 * 10);
    expect(Array.from(singularValueDecomposition(Float64Array.of(0, 2, 3, 0), 2).values)).toEqual([3, 2]);
  });

  it('cholesky(A) gives L Lᵀ = A for SPD A and null for indefinite or singular A', () => {
    const n = 5;
    const g = randomMatrix(n, n);
    const a = matmulTransAReference(new Float64Array(n * n), g, g, n, n, n);
    for (let i = 0; i < n; i++) a[i * n + i] += 0.1;
    const l = cholesky(a, n);
    expect(l).not.toBeNull();
    if (l === null) return;
    expect(maxAbsDiff(matmulTransBReference(new Float64Array(n * n), l, l, n, n, n), a)).toBeLessThan(1e-13 * 10);
    expect(Array.from(cholesky(Float64Array.of(4, 2, 2, 5), 2) ?? [])).toEqual([2, 0, 1, 2]);
    expect(cholesky(Float64Array.of(1, 2, 2, 1), 2)).toBeNull();
    expect(cholesky(Float64Array.of(1, 1, 1, 1), 2)).toBeNull();
  });
});

describe('createGaussianSource', () => {
  it('is reproducible from its seed and differs across seeds', () => {
    const a = createGaussianSource(42).fill(new Float64Array(10));
    expect(createGaussianSource(42).fill(new Float64Array(10))).toEqual(a);
    expect(createGaussianSource(43).fill(new Float64Array(10))).not.toEqual(a);
  });

  it('has the moments of N(0, 1) within 5 standard errors (n = 200000)', () => {
    const n = 200000;
    const x = createGaussianSource(2024).fill(new Float64Array(n));
    let m1 = 0, m2 = 0, m4 = 0, below = 0;
    for (const v of x) {
      m1 += v; m2 += v * v; m4 += v ** 4;
      if (v < 1) below++;
    }
    m1 /= n; m2 /= n; m4 /= n;
    expect(Math.abs(m1)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(m2 - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
    expect(Math.abs(m4 - 3)).toBeLessThan(5 * Math.sqrt(96 / n));
    // Φ(1) = 0.841344746
    expect(Math.abs(below / n - 0.841344746)).toBeLessThan(5 * Math.sqrt(0.1335 / n));
  });

  it('rejects a seed that is not a 32-bit integer', () => {
    expect(() => createGaussianSource(1.5)).toThrow(/createGaussianSource: invalid argument seed/);
  });
});
