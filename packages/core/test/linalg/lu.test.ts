import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, luDecompose, luDecomposeKernel, luSolve, luSolveKernel } from '../../src/index.js';

/** y = A x for a row-major A. */
function matVec(a: Float64Array, n: number, x: ArrayLike<number>): Float64Array {
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) y[i] += a[i * n + j] * x[j];
  return y;
}

function binomial(n: number, k: number): number {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return c;
}

describe('luDecompose / luSolve', () => {
  it('luDecompose(a, n, piv) pivots a zero leading entry and solves [[0, 2], [1, 1]] x = [4, 3] exactly', () => {
    const a = new Float64Array([0, 2, 1, 1]);
    const piv = new Int32Array(2);
    expect(luDecompose(a, 2, piv)).toBe(0);
    expect(Array.from(piv)).toEqual([1, 1]);
    const b = new Float64Array([4, 3]);
    luSolve(a, 2, piv, b);
    expect(Array.from(b)).toEqual([1, 2]);
  });

  it('luSolve recovers the columns of the known inverse of the lower Pascal matrix, (P⁻¹)_ij = (−1)^{i−j} C(i, j)', () => {
    // κ∞(P) = 2^{2(n−1)} = 4.2e6 for n = 12 (numpy), so a backward-stable solve gives
    // |error| ≲ κ∞ · n · u · max|P⁻¹| ≈ 4e6 · 12 · 1.1e-16 · 462 ≈ 2.5e-6 in the worst case.
    const n = 12;
    const p = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) p[i * n + j] = binomial(i, j);
    const piv = new Int32Array(n);
    expect(luDecompose(p, n, piv)).toBe(0);
    for (let j = 0; j < n; j++) {
      const e = new Float64Array(n);
      e[j] = 1;
      luSolve(p, n, piv, e);
      for (let i = 0; i < n; i++) {
        const exact = i >= j ? (-1) ** (i - j) * binomial(i, j) : 0;
        expect(Math.abs(e[i] - exact)).toBeLessThan(2.5e-6);
      }
    }
  });

  it('luSolve solves random diagonally dominant systems to a backward error of a few ulps (fast-check, seeded)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 900, maxLength: 900 }),
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 30, maxLength: 30 }),
        (n, entries, xs) => {
          // Row-permuted, diagonally dominant: well conditioned, and pivoting is exercised.
          const a = new Float64Array(n * n);
          for (let i = 0; i < n; i++) {
            for (let j = 0; j < n; j++) a[i * n + j] = entries[i * 30 + j];
            a[i * n + ((i + 3) % n)] += n + 1;
          }
          const x = xs.slice(0, n);
          const b = matVec(a, n, x);
          const lu = a.slice();
          const piv = new Int32Array(n);
          expect(luDecompose(lu, n, piv)).toBe(0);
          const sol = b.slice();
          luSolve(lu, n, piv, sol);
          // ‖x̂ − x‖∞ ≤ κ∞ · n · u-scale; κ∞ of these matrices is below ~3, so 1e-13 is ample.
          for (let i = 0; i < n; i++) expect(Math.abs(sol[i] - x[i])).toBeLessThan(1e-13);
        },
      ),
      { seed: 20241125, numRuns: 200 },
    );
  });

  it('luDecompose reports the first zero pivot of a singular matrix (1-based, like LINPACK INFO)', () => {
    // Second column is twice the first: elimination leaves a zero in column 1.
    const a = new Float64Array([1, 2, 3, 2, 4, 1, 3, 6, 2]);
    expect(luDecompose(a, 3, new Int32Array(3))).toBe(2);
  });

  it('luDecompose and luSolve name the argument they reject', () => {
    expect(() => luDecompose(new Float64Array(3), 2, new Int32Array(2))).toThrow(InvalidArgumentError);
    expect(() => luDecompose(new Float64Array(4), 0, new Int32Array(2))).toThrow(/luDecompose: invalid argument n/);
    expect(() => luSolve(new Float64Array(4), 2, new Int32Array(2), new Float64Array(1))).toThrow(/luSolve: invalid argument b/);
    expect(() => luDecompose(new Float64Array(4), 2, new Float64Array(2) as unknown as Int32Array)).toThrow(
      'luDecompose: invalid argument pivots: must be an Int32Array',
    );
  });

  it('luDecomposeKernel and luSolveKernel, the unchecked hot path, give exactly what the checked entries give', () => {
    const n = 7;
    const a = Float64Array.from({ length: n * n }, (_, i) => Math.sin(1 + i * i) + (i % (n + 1) === 0 ? 3 : 0));
    const checked = a.slice(),
      unchecked = a.slice();
    const p1 = new Int32Array(n),
      p2 = new Int32Array(n);
    expect(luDecompose(checked, n, p1)).toBe(luDecomposeKernel(unchecked, n, p2));
    expect(unchecked).toEqual(checked);
    expect(p2).toEqual(p1);
    const b1 = Float64Array.from({ length: n }, (_, i) => i - 3),
      b2 = b1.slice();
    luSolve(checked, n, p1, b1);
    luSolveKernel(unchecked, n, p2, b2);
    expect(b2).toEqual(b1);
  });

  it('luDecomposeKernel (panels of four columns) gives bit for bit the factors, swaps and status of column-at-a-time elimination', () => {
    // the textbook right-looking elimination with partial pivoting, one column at a time
    const plain = (a: Float64Array, n: number, piv: Int32Array): number => {
      for (let k = 0; k < n; k++) {
        let p = k;
        for (let i = k + 1; i < n; i++) if (Math.abs(a[i * n + k]) > Math.abs(a[p * n + k])) p = i;
        piv[k] = p;
        const big = Math.abs(a[p * n + k]);
        if (big === 0 || !Number.isFinite(big)) return k + 1;
        for (let j = 0; j < n; j++) [a[k * n + j], a[p * n + j]] = [a[p * n + j], a[k * n + j]];
        const inv = 1 / a[k * n + k];
        for (let i = k + 1; i < n; i++) {
          const m = a[i * n + k] * inv;
          a[i * n + k] = m;
          if (m !== 0) for (let j = k + 1; j < n; j++) a[i * n + j] -= m * a[k * n + j];
        }
      }
      return 0;
    };
    let seed = 7;
    const random = (): number => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647 - 0.5;
    };
    // sizes on both sides of the panel width; sparse matrices take the path for zero multipliers,
    // a repeated row a zero pivot after some panels, a NaN a non-finite one
    for (const n of [1, 2, 3, 4, 5, 7, 8, 9, 13, 16, 31, 64, 70])
      for (const kind of ['dense', 'sparse', 'singular', 'nan'] as const) {
        const a = Float64Array.from({ length: n * n }, () => (kind === 'sparse' && random() < 0.2 ? 0 : random()));
        if (kind === 'singular' && n > 1) for (let j = 0; j < n; j++) a[(n - 1) * n + j] = a[(n >> 1) * n + j] * 0.5 * 2;
        if (kind === 'nan') a[Math.floor(n * n * 0.6)] = Number.NaN;
        const mine = Float64Array.from(a);
        const theirs = Float64Array.from(a);
        const pm = new Int32Array(n);
        const pt = new Int32Array(n);
        const status = luDecomposeKernel(mine, n, pm);
        expect(status, `n = ${n}, ${kind}`).toBe(plain(theirs, n, pt));
        if (status !== 0) continue;
        expect(Array.from(pm), `n = ${n}, ${kind}`).toEqual(Array.from(pt));
        expect(Array.from(mine), `n = ${n}, ${kind}`).toEqual(Array.from(theirs));
      }
  });

  it('luDecomposeKernel at n = 150 reproduces P·A = L·U to a few ulps of the entries (independent of the elimination order)', () => {
    const n = 150;
    let seed = 11;
    const a = Float64Array.from({ length: n * n }, () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647 - 0.5;
    });
    const lu = Float64Array.from(a);
    const piv = new Int32Array(n);
    expect(luDecomposeKernel(lu, n, piv)).toBe(0);
    const pa = Float64Array.from(a);
    for (let k = 0; k < n; k++) for (let j = 0; j < n; j++) [pa[k * n + j], pa[piv[k] * n + j]] = [pa[piv[k] * n + j], pa[k * n + j]];
    // |P A − L U| ≤ γ_n |L||U| entrywise (Higham, Thm 9.3), γ_n = n u / (1 − n u)
    const gamma = (n * 2 ** -53) / (1 - n * 2 ** -53);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        let prod = 0;
        let bound = 0;
        for (let k = 0; k <= Math.min(i, j); k++) {
          const l = k === i ? 1 : lu[i * n + k];
          prod += l * lu[k * n + j];
          bound += Math.abs(l * lu[k * n + j]);
        }
        expect(Math.abs(pa[i * n + j] - prod)).toBeLessThanOrEqual(gamma * bound);
      }
  });

  it('luSolveKernel with offsets reads a factorization stored inside a larger array exactly as from its own array', () => {
    const n = 5;
    const a = Float64Array.from({ length: n * n }, (_, i) => Math.cos(2 + i * i) + (i % (n + 1) === 0 ? 2 : 0));
    const alone = a.slice();
    const piv = new Int32Array(n);
    luDecomposeKernel(alone, n, piv);
    // the same factors after 3 unrelated blocks, the pivots after 2 unrelated ones (filled with garbage)
    const shared = new Float64Array(4 * n * n).fill(Number.NaN);
    shared.set(alone, 3 * n * n);
    const sharedPiv = new Int32Array(3 * n).fill(-1);
    sharedPiv.set(piv, 2 * n);
    const b1 = Float64Array.from({ length: n }, (_, i) => 1 - i),
      b2 = b1.slice();
    luSolveKernel(alone, n, piv, b1);
    luSolveKernel(shared, n, sharedPiv, b2, 3 * n * n, 2 * n);
    expect(b2).toEqual(b1);
    expect(b2.every(Number.isFinite)).toBe(true);
  });
});
