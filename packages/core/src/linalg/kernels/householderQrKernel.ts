/**
 * {@link householderQr} without argument checks: blocked Householder QR in row-major
 * storage, with the block reflectors in compact WY form and their applications as
 * matrix products on the WebAssembly kernels.
 *
 * Method (Golub & Van Loan, Matrix Computations, 4th ed., §5.2.3; LAPACK's dgeqrf/dorgqr):
 * the columns are taken in panels of b. A panel is copied transposed (its columns become
 * contiguous rows) and factored by b Householder reflections `H = I − τ v vᵀ` (v₀ = 1,
 * LAPACK's dlarfg convention), each reading and updating rows of the copy; the panel's
 * reflections are gathered as `H₁⋯H_b = I − V T Vᵀ` (T upper triangular, dlarft) and
 * applied to the trailing matrix as `A ← A − V Tᵀ (Vᵀ A)`, two products of the
 * workspace. The trailing matrix is kept contiguous (copied down by b rows and columns
 * after each panel), so every product runs on packed row-major panels. Q is then
 * accumulated backwards, `Q ← (I − V T Vᵀ) Q` from the last panel to the first, on a
 * matrix that grows by b each time. Flops ≈ (4/3)n³ for R and (4/3)n³ for Q, nearly all
 * in the products; memory ≈ 5n² doubles.
 *
 * The products run on the plain `'wasm'` backend (or `'js'` without WebAssembly SIMD),
 * both bit-identical to the reference loop, so Q and R are the same bits on every
 * engine: a seeded initialisation is reproducible in a browser and in Node alike.
 *
 * @module
 */
import type { QrFactors } from '../householderQr.js';
import { createMatrixWorkspace } from '../matrixWorkspace.js';
import { wasmSimdAvailable } from './wasmGemm.js';

/** Panel width b: measured fastest of 16, 32, 64 at n = 512 and 1024 on the development machine. */
export const QR_BLOCK_SIZE = 32;

/**
 * {@link householderQr} for a valid order n ≥ 1 and `a` of at least n² entries.
 *
 * @param a - n×n, row-major, not modified.
 * @param n - the order.
 * @param blockSize - panel width b ≥ 1 (default {@link QR_BLOCK_SIZE}); any b gives the same
 *   factors up to rounding (b ≥ n is the unblocked algorithm).
 * @returns Q and R, with `r[i·n + i]` the β of the i-th reflection (its sign is the convention
 *   of Householder's method: opposite to the sign of the pivot entry).
 */
export function householderQrKernel(a: Float64Array, n: number, blockSize = QR_BLOCK_SIZE): QrFactors {
  const nb = Math.max(1, Math.min(blockSize, n));
  const n2 = n * n;
  const panels = Math.ceil(n / nb);
  const ws = createMatrixWorkspace({
    capacity: 4 * n2 + 2 * nb * n + nb * nb,
    largestMatrix: n2,
    backend: wasmSimdAvailable() ? 'wasm' : 'js',
  });
  const work = ws.alloc(n2); // the trailing matrix, contiguous (m × m at panel j0, m = n − j0)
  const vs = ws.alloc(n2); // every panel's Vᵀ (b × m rows, zero above v's leading 1)
  const product = ws.alloc(n2); // V·X, the update
  const q = ws.alloc(n2);
  const wy = ws.alloc(nb * n); // Vᵀ A (then Tᵀ Vᵀ A)
  const twy = ws.alloc(nb * n);
  const t = ws.alloc(nb * nb);
  const ts: Float64Array[] = [];
  const tau = new Float64Array(n);
  const r = new Float64Array(n2);
  work.set(a.subarray(0, n2));

  // Factorization: panel by panel on the shrinking trailing matrix.
  let vOffset = 0;
  for (let j0 = 0; j0 < n; j0 += nb) {
    const m = n - j0;
    const b = Math.min(nb, m);
    const vt = vs.subarray(vOffset, vOffset + b * m);
    vOffset += b * m;
    // the panel, transposed: row c of vt is column c of the panel (rows j0 … n−1 of A)
    for (let i = 0; i < m; i++) for (let c = 0; c < b; c++) vt[c * m + i] = work[i * m + c];
    factorPanel(vt, b, m, tau, j0);
    // R's panel columns (on and above the diagonal), then zeros where V has none
    for (let c = 0; c < b; c++) {
      for (let i = 0; i < c; i++) {
        r[(j0 + i) * n + j0 + c] = vt[c * m + i];
        vt[c * m + i] = 0;
      }
      r[(j0 + c) * n + j0 + c] = vt[c * m + c];
      vt[c * m + c] = 1;
    }
    const tb = Float64Array.from(blockReflector(t, vt, b, m, tau, j0).subarray(0, b * b));
    ts.push(tb);
    if (b === m) break;
    // A ← A − V Tᵀ (Vᵀ A): the panel's own columns are updated too (b/m of the work, discarded)
    ws.matmul(wy, vt, work, b, m, m);
    ws.matmulTransA(twy, t, wy, b, b, m);
    ws.matmulTransA(product, vt, twy, m, b, m);
    for (let i = 0; i < m * m; i++) work[i] -= product[i];
    // R's rows of this panel right of it, then the trailing (m − b)² block moves up
    for (let i = 0; i < b; i++) for (let j = b; j < m; j++) r[(j0 + i) * n + j0 + j] = work[i * m + j];
    const m1 = m - b;
    for (let i = 0; i < m1; i++) work.copyWithin(i * m1, (i + b) * m + b, (i + b) * m + m);
  }

  // Q = H_1 ⋯ H_{n−1}, accumulated backwards: Q ← (I − V T Vᵀ) Q on the trailing block.
  // q holds the current block Q[j0:, j0:] contiguously (m × m).
  let m = 0;
  for (let p = panels - 1; p >= 0; p--) {
    const j0 = p * nb;
    const b = Math.min(nb, n - j0);
    const mOld = m;
    m = n - j0;
    vOffset -= b * m;
    const vt = vs.subarray(vOffset, vOffset + b * m);
    // embed: [[I_b, 0], [0, Q_old]]
    for (let i = mOld - 1; i >= 0; i--) {
      q.copyWithin((i + b) * m + b, i * mOld, i * mOld + mOld);
      q.fill(0, (i + b) * m, (i + b) * m + b);
    }
    for (let i = 0; i < b; i++) {
      q.fill(0, i * m, i * m + m);
      q[i * m + i] = 1;
    }
    t.set(ts[p]);
    ws.matmul(wy, vt, q, b, m, m);
    ws.matmul(twy, t, wy, b, b, m);
    ws.matmulTransA(product, vt, twy, m, b, m);
    for (let i = 0; i < m * m; i++) q[i] -= product[i];
  }
  return { q: Float64Array.from(q), r };
}

/**
 * Householder reflections of the b columns of a panel stored as the rows of `vt`
 * (b × m): column c is reduced below its entry c, its reflector vector overwrites it
 * from entry c on (entry c = β, the new diagonal of R; the rest v's tail, v₀ = 1
 * implied), and the later columns are reflected. τ of column c goes to `tau[j0 + c]`.
 * A column whose tail is already zero gets τ = 0 (no reflection).
 */
function factorPanel(vt: Float64Array, b: number, m: number, tau: Float64Array, j0: number): void {
  for (let c = 0; c < b; c++) {
    const row = c * m;
    const alpha = vt[row + c];
    let tail = 0;
    for (let i = c + 1; i < m; i++) tail += vt[row + i] * vt[row + i];
    if (tail === 0) {
      tau[j0 + c] = 0;
      continue;
    }
    // β = −sign(α)‖x‖ avoids cancellation in α − β (Golub & Van Loan §5.1.3)
    const norm = Math.sqrt(alpha * alpha + tail);
    const beta = alpha >= 0 ? -norm : norm;
    const tc = (beta - alpha) / beta;
    tau[j0 + c] = tc;
    const scale = 1 / (alpha - beta);
    for (let i = c + 1; i < m; i++) vt[row + i] *= scale;
    vt[row + c] = beta;
    // the later columns of the panel: x ← x − τ v (vᵀ x), v = (1, tail)
    for (let k = c + 1; k < b; k++) {
      const rk = k * m;
      let s = vt[rk + c];
      for (let i = c + 1; i < m; i++) s += vt[row + i] * vt[rk + i];
      const f = tc * s;
      vt[rk + c] -= f;
      for (let i = c + 1; i < m; i++) vt[rk + i] -= f * vt[row + i];
    }
  }
}

/**
 * The triangular factor T (b × b, row-major, in `t`) with `H_1 ⋯ H_b = I − V T Vᵀ`
 * (LAPACK's dlarft, forward, column-wise): `T_cc = τ_c`,
 * `T[0:c, c] = −τ_c T[0:c, 0:c] (V[:, 0:c]ᵀ v_c)`. `vt` holds Vᵀ (rows zero before
 * their leading 1). Cost b²m + b³/3.
 */
function blockReflector(t: Float64Array, vt: Float64Array, b: number, m: number, tau: Float64Array, j0: number): Float64Array {
  t.fill(0, 0, b * b);
  const w = new Float64Array(b);
  for (let c = 0; c < b; c++) {
    const tc = tau[j0 + c];
    t[c * b + c] = tc;
    for (let j = 0; j < c; j++) {
      let s = 0;
      for (let i = c; i < m; i++) s += vt[j * m + i] * vt[c * m + i];
      w[j] = s;
    }
    for (let i = 0; i < c; i++) {
      let s = 0;
      for (let j = i; j < c; j++) s += t[i * b + j] * w[j];
      t[i * b + c] = -tc * s;
    }
  }
  return t;
}
