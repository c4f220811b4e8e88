/**
 * The Jacobian of the matrix flow at a diagonal state with diagonal covariances, which is
 * block diagonal: the entries (i, j) and (j, i) of every matrix form one block of order 2K,
 * and the diagonal entries (i, i) one of order K (K = L + 1 matrices, 2L + 1 with an EMA
 * target). Internal, for the preconditioner of {@link matrixFlow}.
 *
 * Why: a product of diagonal matrices D, D' with the perturbation `P = α E_ij + β E_ji`
 * (E_ij the unit matrix) stays in that two-dimensional space, `D P D' = α d_i d'_j E_ij +
 * β d_j d'_i E_ji`, and a transpose swaps α and β. Every term of the Jacobian-vector
 * product of kernels/matrixFlowKernel.ts is such a product (its lines are repeated here on
 * the pairs (α, β)), so the products never leave the pair: O(L) scalar operations per
 * column, O(K²·L) per block, O(d² K² L) for all of them.
 *
 * For a diagonal entry (i = i) the same arithmetic holds with (α, β) both on E_ii: the
 * coefficient is α + β (the pair map is consistent with that sum).
 *
 * @module
 */
import type { Objective } from '@jepa-dynamics/core';

/** The diagonal data of the flow at one index: V, W_1…W_L, the EMA target's layers, Σxx_ii, Σyx_ii. */
export interface DiagonalEntries {
  v: number;
  w: Float64Array;
  /** The EMA target's layers (empty without EMA). */
  wt: Float64Array;
  sxx: number;
  syx: number;
}

/** Settings shared by every block. */
export interface PairJacobianSettings {
  objective: Objective;
  depth: number;
  emaTime: number | null;
  rateScale: number;
}

/** Scratch of {@link pairJacobianBlock}: the forward quantities at i and j and the pairs (α, β) of each line. */
export interface PairJacobianScratch {
  qi: Float64Array;
  qj: Float64Array;
  qti: Float64Array;
  qtj: Float64Array;
  gi: Float64Array;
  gj: Float64Array;
  /** Q̇_a and the target's Q̇^T_a as (α, β). */
  qda: Float64Array;
  qdb: Float64Array;
  qtda: Float64Array;
  qtdb: Float64Array;
  /** The column's outputs per matrix, (α, β). */
  outa: Float64Array;
  outb: Float64Array;
}

/** Scratch for depth L (allocate once, reuse for every block). */
export function createPairJacobianScratch(depth: number): PairJacobianScratch {
  const n = depth + 1;
  const k = 2 * depth + 1;
  const f = (): Float64Array => new Float64Array(n);
  return {
    qi: f(),
    qj: f(),
    qti: f(),
    qtj: f(),
    gi: f(),
    gj: f(),
    qda: f(),
    qdb: f(),
    qtda: f(),
    qtdb: f(),
    outa: new Float64Array(k),
    outb: new Float64Array(k),
  };
}

/**
 * Writes the Jacobian block of the pair (i, j) into `out` (2K × 2K row-major, unknowns
 * ordered M_0(i,j), M_0(j,i), M_1(i,j), M_1(j,i), …, M_0 = V, M_a = W_a, then the EMA
 * target's layers), or, when `diagonalEntry`, the K × K block of the entries (i, i).
 * Allocation-free with a `scratch` from {@link createPairJacobianScratch}.
 */
export function pairJacobianBlock(
  settings: PairJacobianSettings,
  ei: DiagonalEntries,
  ej: DiagonalEntries,
  diagonalEntry: boolean,
  out: Float64Array,
  scratch: PairJacobianScratch = createPairJacobianScratch(settings.depth),
): Float64Array {
  const { objective, depth: L, emaTime, rateScale: s } = settings;
  const ema = emaTime !== null;
  const jepa = objective === 'jepa';
  const K = ema ? 2 * L + 1 : L + 1;
  const size = diagonalEntry ? K : 2 * K;
  const { qi, qj, qti, qtj, gi, gj, qda, qdb, qtda, qtdb, outa, outb } = scratch;
  // forward quantities at each index: Q_a = W_a⋯W_1 (Q_0 = 1), the target's product, X, R, G_a
  qi[0] = qj[0] = qti[0] = qtj[0] = 1;
  for (let a = 1; a <= L; a++) {
    qi[a] = qi[a - 1] * ei.w[a - 1];
    qj[a] = qj[a - 1] * ej.w[a - 1];
    qti[a] = ema ? qti[a - 1] * ei.wt[a - 1] : qi[a];
    qtj[a] = ema ? qtj[a - 1] * ej.wt[a - 1] : qj[a];
  }
  const xi = qi[L] * ei.sxx,
    xj = qj[L] * ej.sxx;
  const ri = jepa ? ei.v * xi - qti[L] * ei.syx : ei.v * xi - ei.syx;
  const rj = jepa ? ej.v * xj - qtj[L] * ej.syx : ej.v * xj - ej.syx;
  gi[L] = ei.v * ri;
  gj[L] = ej.v * rj;
  for (let a = L; a >= 2; a--) {
    gi[a - 1] = ei.w[a - 1] * gi[a];
    gj[a - 1] = ej.w[a - 1] * gj[a];
  }
  // On pairs: D·(α, β) = (d_i α, d_j β), (α, β)·D = (α d_j, β d_i), (α, β)ᵀ = (β, α).
  for (let c = 0; c < size; c++) {
    // the unit direction: matrix k = ⌊c/2⌋, entry (i, j) or (j, i) (or k = c, entry (i, i))
    const k = diagonalEntry ? c : c >> 1;
    const ua = diagonalEntry || (c & 1) === 0 ? 1 : 0;
    const ub = 1 - ua;
    const da = (m: number): number => (m === k ? ua : 0);
    const db = (m: number): number => (m === k ? ub : 0);
    // Q̇_1 = Ẇ_1, Q̇_a = W_a Q̇_{a−1} + Ẇ_a Q_{a−1}; the target's likewise on matrices L + a
    qda[1] = da(1);
    qdb[1] = db(1);
    qtda[1] = da(L + 1);
    qtdb[1] = db(L + 1);
    for (let a = 2; a <= L; a++) {
      qda[a] = ei.w[a - 1] * qda[a - 1] + da(a) * qj[a - 1];
      qdb[a] = ej.w[a - 1] * qdb[a - 1] + db(a) * qi[a - 1];
      if (ema) {
        qtda[a] = ei.wt[a - 1] * qtda[a - 1] + da(L + a) * qtj[a - 1];
        qtdb[a] = ej.wt[a - 1] * qtdb[a - 1] + db(L + a) * qti[a - 1];
      }
    }
    const tda = ema ? qtda[L] : qda[L];
    const tdb = ema ? qtdb[L] : qdb[L];
    // Ẋ = Q̇_L Σxx, Ṙ = V̇ X + V Ẋ (− T̄̇ Σyx)
    const xda = qda[L] * ej.sxx,
      xdb = qdb[L] * ei.sxx;
    let rda = da(0) * xj + ei.v * xda;
    let rdb = db(0) * xi + ej.v * xdb;
    if (jepa) {
      rda -= tda * ej.syx;
      rdb -= tdb * ei.syx;
    }
    // (∇V)˙ = Ṙ W̄ᵀ + R Q̇_Lᵀ
    outa[0] = rda * qj[L] + ri * qdb[L];
    outb[0] = rdb * qi[L] + rj * qda[L];
    // Ġ_L = V̇ᵀ R + Vᵀ Ṙ, Ġ_{a−1} = Ẇ_aᵀ G_a + W_aᵀ Ġ_a, (∇W_a)˙ = Ġ_a Q_{a−1}ᵀ + G_a Q̇_{a−1}ᵀ
    let gda = db(0) * rj + ei.v * rda;
    let gdb = da(0) * ri + ej.v * rdb;
    for (let a = L; a >= 2; a--) {
      outa[a] = gda * qj[a - 1] + gi[a] * qdb[a - 1];
      outb[a] = gdb * qi[a - 1] + gj[a] * qda[a - 1];
      const na = db(a) * gj[a] + ei.w[a - 1] * gda;
      const nb = da(a) * gi[a] + ej.w[a - 1] * gdb;
      gda = na;
      gdb = nb;
    }
    outa[1] = gda;
    outb[1] = gdb;
    for (let m = 0; m <= L; m++) {
      outa[m] *= -s;
      outb[m] *= -s;
    }
    if (ema && emaTime !== null)
      for (let a = 1; a <= L; a++) {
        outa[L + a] = (s * (da(a) - da(L + a))) / emaTime;
        outb[L + a] = (s * (db(a) - db(L + a))) / emaTime;
      }
    for (let m = 0; m < K; m++) {
      if (diagonalEntry) out[m * size + c] = outa[m] + outb[m];
      else {
        out[2 * m * size + c] = outa[m];
        out[(2 * m + 1) * size + c] = outb[m];
      }
    }
  }
  return out;
}
