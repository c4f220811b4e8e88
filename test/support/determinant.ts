/**
 * Determinant of a small dense square matrix by Gaussian elimination with partial
 * pivoting, written out here so that tests and benches judge the library with code of
 * their own. Shared by test/matrix-flow-vs-sim.test.ts and bench/stiff.ts (not a test file).
 *
 * @param m - an n×n matrix as rows (not modified).
 * @returns det m (the product of the pivots, signed by the row swaps).
 */
export function determinant(m: readonly (readonly number[])[]): number {
  const n = m.length;
  const a = m.map((r) => r.slice());
  let v = 1;
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(a[i][k]) > Math.abs(a[p][k])) p = i;
    if (p !== k) {
      [a[p], a[k]] = [a[k], a[p]];
      v = -v;
    }
    v *= a[k][k];
    for (let i = k + 1; i < n; i++) {
      const f = a[i][k] / a[k][k];
      for (let j = k; j < n; j++) a[i][j] -= f * a[k][j];
    }
  }
  return v;
}
