/**
 * The Jacobian of the matrix flow at a state whose matrices (and covariances) are block
 * diagonal over a partition of the indices into single "learned" indices i and one
 * "unlearned" set U of u indices: diagonal entries at every learned index, a full u × u
 * block on U. Internal, for the preconditioner of {@link matrixFlow}.
 *
 * Why: for such block-diagonal D, D' and a perturbation P supported on row i and column i
 * against U, `P = (α, β)` with α = P(i, U) (a row) and β = P(U, i) (a column),
 *
 *     (D P D')(i, U) = d_i α D'_U,   (D P D')(U, i) = D_U β d'_i,   Pᵀ = (βᵀ, αᵀ),
 *
 * so every line of the Jacobian-vector product of kernels/matrixFlowKernel.ts keeps the
 * perturbation in the 2u-dimensional space of (α, β) of each matrix. The entries
 * {(i, j), (j, i) : j ∈ U} of all K matrices (K = L + 1, or 2L + 1 with an EMA target) form
 * one block of J of order 2Ku, decoupled from everything else; matrixFlowPairJacobian.ts is
 * the case u = 1. The lines are those of the pair kernel with the scalars d_j replaced by
 * the u × u blocks on U (row vectors α multiplied from the right, columns β from the left).
 *
 * Cost: the forward quantities on U (3L + 3 products of order u) once for all i, then
 * O(K·L·u) products of a u-vector with a u × u block per column, O(K²·L·u³) per block.
 *
 * @module
 */
import { matmulReference, matmulTransAReference, type Objective } from '@jepa-dynamics/core';
import type { DiagonalEntries, PairJacobianSettings } from './matrixFlowPairJacobian.js';

/** The u × u blocks on U (row-major) of V, W_1…W_L, the EMA target's layers, Σxx and Σyx. */
export interface SectorBlocks {
  u: number;
  v: Float64Array;
  w: Float64Array[];
  /** The EMA target's layers (empty without EMA). */
  wt: Float64Array[];
  sxx: Float64Array;
  syx: Float64Array;
}

/** The forward quantities of the flow on U: Q_a = W_a⋯W_1, the target's product, X, R, G_a. */
export interface SectorForward {
  blocks: SectorBlocks;
  /** q[a] = Q_a for a = 1…L (q[0] unused: the identity). */
  q: Float64Array[];
  /** The target's products (the same arrays as q without EMA). */
  qt: Float64Array[];
  x: Float64Array;
  r: Float64Array;
  /** g[a] = G_a for a = 1…L (g[0] unused). */
  g: Float64Array[];
}

/**
 * The forward quantities on U of docs/math.md §1 (kernels/matrixFlowKernel.ts):
 * `X = Q_L Σxx`, `R = V X − T̄ Σyx` (JEPA) | `V X − Σyx` (MAE), `G_L = Vᵀ R`, `G_{a−1} = W_aᵀ G_a`.
 */
export function sectorForward(objective: Objective, blocks: SectorBlocks): SectorForward {
  const { u, w, wt } = blocks;
  const L = w.length;
  const ema = wt.length > 0;
  const uu = u * u;
  const none = new Float64Array(0);
  const q = Array.from({ length: L + 1 }, (_, a) => (a === 0 ? none : a === 1 ? w[0] : new Float64Array(uu)));
  for (let a = 2; a <= L; a++) matmulReference(q[a], w[a - 1], q[a - 1], u, u, u);
  let qt = q;
  if (ema) {
    qt = Array.from({ length: L + 1 }, (_, a) => (a === 0 ? none : a === 1 ? wt[0] : new Float64Array(uu)));
    for (let a = 2; a <= L; a++) matmulReference(qt[a], wt[a - 1], qt[a - 1], u, u, u);
  }
  const x = new Float64Array(uu);
  matmulReference(x, q[L], blocks.sxx, u, u, u);
  const r = new Float64Array(uu);
  matmulReference(r, blocks.v, x, u, u, u);
  const tmp = new Float64Array(uu);
  switch (objective) {
    case 'jepa':
      matmulReference(tmp, qt[L], blocks.syx, u, u, u);
      break;
    case 'mae':
      tmp.set(blocks.syx);
      break;
    default: {
      const never: never = objective;
      throw new Error(`sectorForward: unknown objective ${String(never)}`);
    }
  }
  for (let k = 0; k < uu; k++) r[k] -= tmp[k];
  const g = Array.from({ length: L + 1 }, (_, a) => (a === 0 ? none : new Float64Array(uu)));
  matmulTransAReference(g[L], blocks.v, r, u, u, u);
  for (let a = L; a >= 2; a--) matmulTransAReference(g[a - 1], w[a - 1], g[a], u, u, u);
  return { blocks, q, qt, x, r, g };
}

/** Scratch of {@link sectorJacobianBlock} for depth L and |U| = u. */
export interface SectorJacobianScratch {
  u: number;
  /** The scalars at i: Q_a, the target's, G_a. */
  qi: Float64Array;
  qti: Float64Array;
  gi: Float64Array;
  /** (α, β) of the direction per matrix, of Q̇_a, of the target's Q̇_a, and of the outputs; 2u each. */
  dir: Float64Array[];
  qd: Float64Array[];
  qtd: Float64Array[];
  out: Float64Array[];
  xd: Float64Array;
  rd: Float64Array;
  gd: Float64Array;
  gn: Float64Array;
}

/** Scratch for depth L and u unlearned indices (allocate once per u, reuse for every i). */
export function createSectorJacobianScratch(depth: number, u: number): SectorJacobianScratch {
  const k = 2 * depth + 1;
  const pairs = (n: number): Float64Array[] => Array.from({ length: n }, () => new Float64Array(2 * u));
  return {
    u,
    qi: new Float64Array(depth + 1),
    qti: new Float64Array(depth + 1),
    gi: new Float64Array(depth + 1),
    dir: pairs(k),
    qd: pairs(depth + 1),
    qtd: pairs(depth + 1),
    out: pairs(k),
    xd: new Float64Array(2 * u),
    rd: new Float64Array(2 * u),
    gd: new Float64Array(2 * u),
    gn: new Float64Array(2 * u),
  };
}

/** `out[o + c] (+)= scale · Σ_k x[xo + k] M[k, c]`: a row vector times M, or Mᵀ times a column. */
function timesM(out: Float64Array, o: number, x: Float64Array, xo: number, m: Float64Array, u: number, scale: number, add: boolean): void {
  if (!add) out.fill(0, o, o + u);
  for (let k = 0; k < u; k++) {
    const xk = scale * x[xo + k];
    if (xk === 0) continue;
    const row = k * u;
    for (let c = 0; c < u; c++) out[o + c] += xk * m[row + c];
  }
}

/** `out[o + c] (+)= scale · Σ_k M[c, k] x[xo + k]`: M times a column, or a row vector times Mᵀ. */
function timesMT(out: Float64Array, o: number, x: Float64Array, xo: number, m: Float64Array, u: number, scale: number, add: boolean): void {
  for (let c = 0; c < u; c++) {
    const row = c * u;
    let acc = 0;
    for (let k = 0; k < u; k++) acc += m[row + k] * x[xo + k];
    out[o + c] = add ? out[o + c] + scale * acc : scale * acc;
  }
}

/** `out[o + c] (+)= scale · x[xo + c]`. */
function axpy(out: Float64Array, o: number, x: Float64Array, xo: number, u: number, scale: number, add: boolean): void {
  for (let c = 0; c < u; c++) out[o + c] = add ? out[o + c] + scale * x[xo + c] : scale * x[xo + c];
}

/**
 * Writes the Jacobian block of the learned index i against U into `out` (n × n row-major,
 * n = 2Ku), unknowns ordered per matrix M_0 = V, M_a = W_a, then the EMA target's layers:
 * M_m(i, U_0…U_{u−1}), then M_m(U_0…U_{u−1}, i). `ei` holds the diagonal entries at i,
 * `forward` the quantities on U ({@link sectorForward}). With u = 1 this is
 * pairJacobianBlock's block of the pair (i, j), its unknowns in the same order.
 */
export function sectorJacobianBlock(
  settings: PairJacobianSettings,
  ei: DiagonalEntries,
  forward: SectorForward,
  out: Float64Array,
  scratch: SectorJacobianScratch = createSectorJacobianScratch(settings.depth, forward.blocks.u),
): Float64Array {
  const { objective, depth: L, emaTime, rateScale: s } = settings;
  const ema = emaTime !== null;
  const jepa = objective === 'jepa';
  const K = ema ? 2 * L + 1 : L + 1;
  const { u, v: vu, w: wu, wt: wtu, sxx: sxxu, syx: syxu } = forward.blocks;
  const { q: qu, qt: qtu, x: xu, r: ru, g: gu } = forward;
  const n = 2 * K * u;
  const { qi, qti, gi, dir, qd, qtd, out: o, xd, rd, gd, gn } = scratch;
  // the scalars at i, as in pairJacobianBlock
  qi[0] = qti[0] = 1;
  for (let a = 1; a <= L; a++) {
    qi[a] = qi[a - 1] * ei.w[a - 1];
    qti[a] = ema ? qti[a - 1] * ei.wt[a - 1] : qi[a];
  }
  const xi = qi[L] * ei.sxx;
  const ri = jepa ? ei.v * xi - qti[L] * ei.syx : ei.v * xi - ei.syx;
  gi[L] = ei.v * ri;
  for (let a = L; a >= 2; a--) gi[a - 1] = ei.w[a - 1] * gi[a];
  // every vector below is (α, β): α at [0, u), β at [u, 2u)
  for (let col = 0; col < n; col++) {
    const k = Math.floor(col / (2 * u));
    for (let m = 0; m < K; m++) dir[m].fill(0);
    dir[k][col - 2 * k * u] = 1;
    // Q̇_1 = Ẇ_1, Q̇_a = W_a Q̇_{a−1} + Ẇ_a Q_{a−1}: α ↦ w_a α + α_W Q_{a−1}, β ↦ W_a β + β_W q_{a−1}
    qd[1].set(dir[1]);
    for (let a = 2; a <= L; a++) {
      axpy(qd[a], 0, qd[a - 1], 0, u, ei.w[a - 1], false);
      timesM(qd[a], 0, dir[a], 0, qu[a - 1], u, 1, true);
      timesMT(qd[a], u, qd[a - 1], u, wu[a - 1], u, 1, false);
      axpy(qd[a], u, dir[a], u, u, qi[a - 1], true);
    }
    if (ema) {
      qtd[1].set(dir[L + 1]);
      for (let a = 2; a <= L; a++) {
        axpy(qtd[a], 0, qtd[a - 1], 0, u, ei.wt[a - 1], false);
        timesM(qtd[a], 0, dir[L + a], 0, qtu[a - 1], u, 1, true);
        timesMT(qtd[a], u, qtd[a - 1], u, wtu[a - 1], u, 1, false);
        axpy(qtd[a], u, dir[L + a], u, u, qti[a - 1], true);
      }
    }
    const td = ema ? qtd[L] : qd[L];
    const ql = qd[L];
    // Ẋ = Q̇_L Σxx
    timesM(xd, 0, ql, 0, sxxu, u, 1, false);
    axpy(xd, u, ql, u, u, ei.sxx, false);
    // Ṙ = V̇ X + V Ẋ (− T̄̇ Σyx)
    timesM(rd, 0, dir[0], 0, xu, u, 1, false);
    axpy(rd, 0, xd, 0, u, ei.v, true);
    axpy(rd, u, dir[0], u, u, xi, false);
    timesMT(rd, u, xd, u, vu, u, 1, true);
    if (jepa) {
      timesM(rd, 0, td, 0, syxu, u, -1, true);
      axpy(rd, u, td, u, u, -ei.syx, true);
    }
    // (∇V)˙ = Ṙ W̄ᵀ + R Q̇_Lᵀ
    timesMT(o[0], 0, rd, 0, qu[L], u, 1, false);
    axpy(o[0], 0, ql, u, u, ri, true);
    axpy(o[0], u, rd, u, u, qi[L], false);
    timesMT(o[0], u, ql, 0, ru, u, 1, true);
    // Ġ_L = V̇ᵀ R + Vᵀ Ṙ
    timesM(gd, 0, dir[0], u, ru, u, 1, false);
    axpy(gd, 0, rd, 0, u, ei.v, true);
    axpy(gd, u, dir[0], 0, u, ri, false);
    timesM(gd, u, rd, u, vu, u, 1, true);
    let g = gd;
    let next = gn;
    for (let a = L; a >= 2; a--) {
      // (∇W_a)˙ = Ġ_a Q_{a−1}ᵀ + G_a Q̇_{a−1}ᵀ
      timesMT(o[a], 0, g, 0, qu[a - 1], u, 1, false);
      axpy(o[a], 0, qd[a - 1], u, u, gi[a], true);
      axpy(o[a], u, g, u, u, qi[a - 1], false);
      timesMT(o[a], u, qd[a - 1], 0, gu[a], u, 1, true);
      // Ġ_{a−1} = Ẇ_aᵀ G_a + W_aᵀ Ġ_a
      timesM(next, 0, dir[a], u, gu[a], u, 1, false);
      axpy(next, 0, g, 0, u, ei.w[a - 1], true);
      axpy(next, u, dir[a], 0, u, gi[a], false);
      timesM(next, u, g, u, wu[a - 1], u, 1, true);
      [g, next] = [next, g];
    }
    o[1].set(g);
    for (let m = 0; m <= L; m++) for (let c = 0; c < 2 * u; c++) o[m][c] *= -s;
    if (ema && emaTime !== null)
      for (let a = 1; a <= L; a++) for (let c = 0; c < 2 * u; c++) o[L + a][c] = (s * (dir[a][c] - dir[L + a][c])) / emaTime;
    for (let m = 0; m < K; m++) for (let c = 0; c < 2 * u; c++) out[(2 * m * u + c) * n + col] = o[m][c];
  }
  return out;
}
