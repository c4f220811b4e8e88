/**
 * The preconditioner of the matrix flow for `'bdf'` with GMRES: `P ≈ I − γJ` built from
 * the exact Jacobian of a diagonal surrogate of the state, in the basis in which the
 * state is (nearly) diagonal. Internal, for {@link matrixFlow}.
 *
 * - **Aligned states** (every matrix diagonal, Σ diagonal: the aligned init on diagonal
 *   covariances, for all time): the Jacobian is exactly block diagonal over the index pairs
 *   {(i, j), (j, i)} (kernels in matrixFlowPairJacobian.ts), so P is `I − γJ` itself at the
 *   setup point and GMRES needs about one iteration per Newton step.
 * - **Other states**: the flow is equivariant under the orthogonal changes of basis
 *   `W_a → U_aᵀ W_a U_{a−1}`, `V → U_Lᵀ V U_L` (JEPA; MAE `U_0ᵀ V U_L`), `Σ → U_0ᵀ Σ U_0`
 *   (the loss is invariant, docs/math.md §5.2). A balanced state `W_a = U_a S U_{a−1}ᵀ`
 *   becomes diagonal in the basis U_0 = eigenvectors of W_1ᵀW_1, U_a = the orthogonal
 *   factor of W_a U_{a−1} (QR, diag R ≥ 0); P is built from the diagonals of the
 *   transformed state and covariances and applied as `Φᵀ P'⁻¹ Φ` (Φ the change of basis,
 *   orthogonal: 4(L + 1) extra d×d products per application). Exact when the transformed
 *   state and covariances are diagonal (the rotated init; the random init once its modes
 *   have aligned); an approximation GMRES corrects otherwise.
 * - **Learned × unlearned modes** (the random init once some modes are learned): on the
 *   modes still at the start's scale (the set U, u modes) the singular values are nearly
 *   equal, and balancedness (`VᵀV = W_L W_Lᵀ`) leaves the predictor's block there `O·S`
 *   with O a full rotation frozen from the init, not diagonal; J couples the entries (i, j),
 *   (j, i) of a learned mode i with all j ∈ U through it, and the diagonal surrogate's error
 *   grew ∝ γ (docs/flows.md, "A limit"). So a mode whose diagonal entry of the transformed W̄
 *   is `LEARNED_RATIO` times the smallest counts as learned, and when U has u ≥ 2 modes on
 *   which V′ or a layer is not diagonal (off-diagonal above `DIAGONAL_TOLERANCE` of the
 *   block's largest entry), the surrogate keeps the full u × u blocks of every matrix and
 *   of Σ′ on U: its Jacobian is then block diagonal with, per learned i, one block of order
 *   2Ku over {(i, j), (j, i) : j ∈ U} of every matrix
 *   (matrixFlowSectorJacobian.ts, exact for that surrogate), the pair blocks elsewhere (the
 *   pairs inside U keep only the diagonals: what is left of the error, still growing ∝ γ).
 *   Of that block P keeps two diagonal blocks of order Ku, the entries (i, U) and the entries
 *   (U, i) of every matrix: across modes J couples each side with itself (W_1(i, U) through
 *   Σxx′, V(U, i) and W_L(U, i) through V′) and hardly with the other (d = 16, ε = 1e-6: γ times
 *   the parts between the sides at most 75 where those within reached 4.5e6), and two blocks of
 *   order Ku cost a quarter of the LU and half the solve (d = 32, ε = 1e-6: 194 → 159 s CPU
 *   side by side for 6 % more GMRES iterations). A learned mode's block is factored only while
 *   γ times what it adds to the pair blocks exceeds `COUPLING_THRESHOLD` (its LU costs more
 *   than the GMRES iterations it saves below);
 *   the blocks are built from the most learned mode down only as far as they could be used, and
 *   the most learned mode's coupling, once measured, stands for `REPROBE_AFTER` full setups.
 *   MAE has the same structure (V′ = U_0ᵀ V U_L) and is treated alike.
 *
 * Setup: an eigendecomposition and L QR factorizations (non-aligned states), then
 * d(d − 1)/2 LU factorizations of order 2K and d of order K (K = L + 1, or 2L + 1 with an
 * EMA target), and with unlearned modes coupled, 2ℓ of order Ku (ℓ learned modes in use:
 * O(2ℓ (Ku)³/3) operations, their solves 2ℓ (Ku)² per application). The blocks of J are
 * kept, so that a setup with `reuse` (the solver keeps its Jacobian and only γ changed:
 * CVODE's `jok`) skips the bases and the blocks and only refactors `I − γJ` (measured at
 * d = 64, L = 4, aligned: 89 % of the setups, the whole integration 13 % faster for 1 % more
 * GMRES iterations). Memory ≈ 4K² d² doubles, and 4ℓ (Ku)² + (2Ku)² more with coupled modes.
 *
 * @module
 */
import { householderQr, luDecomposeKernel, luSolveKernel, symmetricEigen, type MatrixWorkspace, type Objective } from '@jepa-dynamics/core';
import { createPairJacobianScratch, pairJacobianBlock, type DiagonalEntries, type PairJacobianSettings } from './matrixFlowPairJacobian.js';
import {
  createSectorJacobianScratch,
  sectorForward,
  sectorJacobianBlock,
  type SectorForward,
  type SectorJacobianScratch,
} from './matrixFlowSectorJacobian.js';

/**
 * A mode counts as learned when its diagonal entry of the transformed W̄ exceeds the smallest
 * one this many times. Measured from the random init, d = 16, L = 4, ε = 1e-6, seed 1 (every
 * block used, before COUPLING_THRESHOLD): 30, 100, 1e3, 1e4, 1e5 took 6.4, 5.5, 5.0, 4.8, 4.9
 * GMRES iterations per Newton iteration; at 10 and 3 the modes still rising from the start's scale are split off with their O(ε^{1/L})
 * couplings through V′ dropped, and the spectral radius of (I − γJ)P⁻¹ − I is back at 1e5.
 */
const LEARNED_RATIO = 1e3;
/**
 * A learned mode's block is factored and used only when γ times the ∞-norm of its entries between
 * different unlearned modes (what the pair blocks miss) exceeds this; else its pair blocks serve.
 * Measured (random init, L = 4, seed 1): at ε = 1e-3, d = 32, 0 (always), 1, 10, 100 took 56, 45,
 * 31, 25 s (20.7 s without the blocks: they halve the GMRES iterations there, 35,526 → 21,580, but
 * their LU factorizations cost more than the iterations saved); at ε = 1e-6, d = 16, 20, 20, 17,
 * 18 s; at ε = 1e-6, d = 64, 100 instead of 0 advanced 6,158 instead of 4,866 steps in 120 s.
 */
const COUPLING_THRESHOLD = 100;
/**
 * The most learned mode's coupling, once measured, stands for this many later full setups with
 * the same learned set: its block is then not built while γ times it stays PROBE_DRIFT below
 * COUPLING_THRESHOLD. From one full setup to the next it changed by a factor 0.92 … 1.05 (random
 * init, L = 4, ε = 1e-3, seed 1: d = 32, 183 pairs of setups; d = 64, 312), so by at most
 * 1.05⁸ ≈ 1.5 < PROBE_DRIFT over REPROBE_AFTER setups.
 */
const REPROBE_AFTER = 8;
/** See REPROBE_AFTER. */
const PROBE_DRIFT = 2;
/**
 * A block on U whose off-diagonal entries are at most this fraction of its largest entry counts
 * as diagonal. From the rotated init they are 1e-12 … 3e-6 (the integration's errors on nearly
 * equal singular values), where coupling changed nothing (d = 16: 75,451 GMRES iterations, not
 * coupled 75,214) and cost 40 % more time; from the random init they are O(1).
 */
const DIAGONAL_TOLERANCE = 1e-3;

/** What {@link createMatrixFlowPreconditioner} is built for. */
export interface MatrixFlowPreconditionerOptions {
  objective: Objective;
  d: number;
  depth: number;
  /** Σxx and Σyx, full d×d row-major. */
  sigmaXX: Float64Array;
  sigmaYX: Float64Array;
  emaTime: number | null;
  rateScale: number;
}

/** `setup` at a state and γ, then `solve` as often as needed. */
export interface MatrixFlowPreconditioner {
  /**
   * Rebuilds P for `I − γ J(y)`; with `reuse` (and a previous setup), for `I − γ J(y₀)` with
   * the J and the bases of the last setup without `reuse` (y is then not read).
   */
  setup(y: Float64Array, gamma: number, reuse?: boolean): void;
  /** `z = P⁻¹ r` (r is not modified). */
  solve(r: Float64Array, z: Float64Array): void;
  /**
   * Setups so far, how many of them needed the change of basis, how many reused J, and for how
   * many full setups blocks of the learned × unlearned entries were built (at that setup or at
   * one reusing its J; see the module comment).
   */
  readonly counts: { setups: number; rotated: number; reused: number; coupled: number };
}

/** Doubles of workspace the preconditioner takes: L + 1 bases, 2 state-sized buffers, Σ′ and a scratch. */
export function matrixFlowPreconditionerCapacity(d: number, depth: number, ema: boolean): number {
  const blocks = ema ? 2 * depth + 1 : depth + 1;
  return (depth + 1 + 2 * blocks + 3) * d * d;
}

/** Allocates the preconditioner in `ws` (room for {@link matrixFlowPreconditionerCapacity} doubles). */
export function createMatrixFlowPreconditioner(ws: MatrixWorkspace, options: MatrixFlowPreconditionerOptions): MatrixFlowPreconditioner {
  const { objective, d, depth: L, emaTime } = options;
  const dd = d * d;
  const ema = emaTime !== null;
  const K = ema ? 2 * L + 1 : L + 1;
  const dimension = K * dd;
  const settings: PairJacobianSettings = { objective, depth: L, emaTime, rateScale: options.rateScale };
  const U = Array.from({ length: L + 1 }, () => ws.alloc(dd));
  const moved = ws.alloc(dimension);
  const solved = ws.alloc(dimension);
  const sxx = ws.alloc(dd);
  const syx = ws.alloc(dd);
  const tmp = ws.alloc(dd);
  const covariancesDiagonal = isDiagonal(options.sigmaXX, d) && isDiagonal(options.sigmaYX, d);
  let rotate = false;

  const pairs = (d * (d - 1)) / 2;
  const size2 = 2 * K;
  // LU factors of the blocks of I − γJ (partial pivoting), pair after pair in the order the
  // solves read them; a block found singular (exactly) keeps the identity
  const pairLu = new Float64Array(pairs * size2 * size2);
  const pairPivots = new Int32Array(pairs * size2);
  const diagLu = new Float64Array(d * K * K);
  const diagPivots = new Int32Array(d * K);
  // the blocks of J of the last full setup, for setups with `reuse`
  const pairJacobian = new Float64Array(pairs * size2 * size2);
  const diagJacobian = new Float64Array(d * K * K);
  let haveJacobian = false;
  const scratch = createPairJacobianScratch(L);
  // transposed copies of the K blocks of r and z, so that entries (j, i) are read row by row
  const sourceT = new Float64Array(dimension);
  const targetT = new Float64Array(dimension);
  const counts = { setups: 0, rotated: 0, reused: 0, coupled: 0 };
  // the learned × unlearned sector: learned indices, U, and per learned index the block of J and its LU factors
  let learned: number[] = [];
  let unlearned: number[] = [];
  // per learned mode two blocks of order h = Ku (its entries (i, U), then (U, i), of every matrix),
  // the block of order 2Ku they are taken from, and the two sides of a vector
  let sectorJacobian = new Float64Array(0);
  let sectorLu = new Float64Array(0);
  let sectorPivots = new Int32Array(0);
  let sectorScratch: SectorJacobianScratch | null = null;
  let sectorBlock = new Float64Array(0);
  let sectorRow = new Float64Array(0);
  let sectorColumn = new Float64Array(0);
  // the diagonal entries of the transformed state at each index (of the last full setup)
  let all: DiagonalEntries[] = [];
  const sectorSize = (): number => 2 * K * unlearned.length;
  // the learned × unlearned sector of the last full setup: the forward quantities on U, its learned set,
  // the learned modes from the most learned down, how many of their blocks are built (in that order,
  // at the setups that need them), and the coupling of each built one (0 for the others)
  let forwardOnU: SectorForward | null = null;
  let partition = '';
  let order: number[] = [];
  let built = 0;
  let coupling: number[] = [];
  // per learned mode: whether its block is used at this γ
  let active: boolean[] = [];
  // the most learned mode's coupling when its block was last built, the learned set then, and the
  // full setups since
  let probe = { partition: '', coupling: 0, age: 0 };
  /**
   * Builds the next learned mode's block (in `order`) and records what its pair blocks miss: the
   * ∞-norm of its entries between different unlearned indices.
   */
  const buildNext = (forward: SectorForward, scratch: SectorJacobianScratch): void => {
    const p = order[built++];
    const n = sectorSize();
    const u = unlearned.length;
    const h = K * u;
    const b = sectorJacobianBlock(settings, all[learned[p]], forward, sectorBlock, scratch);
    let worst = 0;
    for (let r = 0; r < n; r++) {
      let sum = 0;
      for (let c = 0; c < n; c++) if (r % u !== c % u) sum += Math.abs(b[r * n + c]);
      worst = Math.max(worst, sum);
    }
    coupling[p] = worst;
    // the two sides' blocks (b orders its unknowns per matrix m: (i, U) at 2mu + c, (U, i) at 2mu + u + c)
    for (let side = 0; side < 2; side++) {
      const out = p * 2 * h * h + side * h * h;
      for (let m1 = 0; m1 < K; m1++)
        for (let c1 = 0; c1 < u; c1++) {
          const from = (2 * m1 * u + side * u + c1) * n + side * u;
          const to = out + (m1 * u + c1) * h;
          for (let m2 = 0; m2 < K; m2++) sectorJacobian.set(b.subarray(from + 2 * m2 * u, from + 2 * m2 * u + u), to + m2 * u);
        }
    }
    if (built === 1) {
      counts.coupled++;
      probe = { partition, coupling: worst, age: 0 };
    }
  };
  /**
   * Factors the blocks used at this γ: those whose γ times coupling exceeds COUPLING_THRESHOLD.
   * The couplings fell with the modes' W̄ entries at every setup measured (random init, d = 16,
   * ε = 1e-6), so the blocks are built from the most learned mode down, and no further than the
   * first that is not used; none while the most learned mode's last measured coupling says it
   * would not be (see REPROBE_AFTER).
   */
  const factorSector = (gamma: number): void => {
    const forward = forwardOnU;
    const scratch = sectorScratch;
    if (forward === null || scratch === null) return;
    const stands = partition === probe.partition && probe.age < REPROBE_AFTER && gamma * probe.coupling * PROBE_DRIFT <= COUPLING_THRESHOLD;
    if (built > 0 || !stands)
      while (built < order.length && (built === 0 || gamma * coupling[order[built - 1]] > COUPLING_THRESHOLD)) buildNext(forward, scratch);
    const h = K * unlearned.length;
    active = coupling.map((c) => gamma * c > COUPLING_THRESHOLD);
    for (let p = 0; p < learned.length; p++) {
      if (!active[p]) continue;
      for (let side = 0; side < 2; side++) {
        const at = (2 * p + side) * h * h;
        sectorLu.set(sectorJacobian.subarray(at, at + h * h), at);
        factorBlock(h, gamma, sectorLu, at, sectorPivots, (2 * p + side) * h);
      }
    }
  };

  /**
   * Partitions the modes of the transformed state (`moved`, covariances `sxx`, `syx`) and prepares
   * the blocks of the learned × unlearned entries (factorSector builds those it needs); none (the
   * pair blocks alone) when either set is empty, |U| < 2, or every block on U is diagonal (then the
   * pair blocks are these blocks).
   */
  const buildSector = (): void => {
    learned = [];
    unlearned = [];
    const q = Array.from({ length: d }, (_, i) => {
      let p = 1;
      for (let a = 1; a <= L; a++) p *= moved[a * dd + i * d + i];
      return Math.abs(p);
    });
    const smallest = Math.min(...q);
    const isLearned = q.map((x) => x > LEARNED_RATIO * smallest);
    const u = isLearned.filter((x) => !x).length;
    if (u === d || u < 2) return;
    for (let i = 0; i < d; i++) (isLearned[i] ? learned : unlearned).push(i);
    const restrict = (m: Float64Array): Float64Array => {
      const out = new Float64Array(u * u);
      for (let r = 0; r < u; r++) for (let c = 0; c < u; c++) out[r * u + c] = m[unlearned[r] * d + unlearned[c]];
      return out;
    };
    const blocks = {
      u,
      v: restrict(block(moved, 0)),
      w: Array.from({ length: L }, (_, a) => restrict(block(moved, a + 1))),
      wt: Array.from({ length: ema ? L : 0 }, (_, a) => restrict(block(moved, L + 1 + a))),
      sxx: restrict(sxx),
      syx: restrict(syx),
    };
    if ([blocks.v, ...blocks.w, ...blocks.wt].every((m) => isDiagonal(m, u, DIAGONAL_TOLERANCE))) {
      learned = [];
      unlearned = [];
      return;
    }
    partition = learned.join(',');
    if (partition === probe.partition) probe.age++;
    forwardOnU = sectorForward(objective, blocks);
    const n = sectorSize();
    const h = K * u;
    const size = learned.length * 2 * h * h;
    if (sectorJacobian.length < size) {
      sectorJacobian = new Float64Array(size);
      sectorLu = new Float64Array(size);
    }
    if (sectorPivots.length < learned.length * 2 * h) sectorPivots = new Int32Array(learned.length * 2 * h);
    if (sectorBlock.length !== n * n) sectorBlock = new Float64Array(n * n);
    if (sectorRow.length < h) {
      sectorRow = new Float64Array(h);
      sectorColumn = new Float64Array(h);
    }
    if (sectorScratch === null || sectorScratch.u !== u) sectorScratch = createSectorJacobianScratch(L, u);
    order = learned.map((_, p) => p).sort((a, b) => q[learned[b]] - q[learned[a]]);
    built = 0;
    coupling = learned.map(() => 0);
  };

  /** Factors `I − γ·J` in place (n × n at `lu[offset …]`), pivots at `piv[pivOffset …]`; the identity if singular. */
  const factorBlock = (n: number, gamma: number, lu: Float64Array, offset: number, piv: Int32Array, pivOffset: number): void => {
    const block = lu.subarray(offset, offset + n * n);
    shiftAndScale(block, n, gamma);
    if (luDecomposeKernel(block, n, piv.subarray(pivOffset, pivOffset + n)) !== 0) {
      block.fill(0);
      for (let i = 0; i < n; i++) {
        block[i * n + i] = 1;
        piv[pivOffset + i] = i;
      }
    }
  };

  /** Block m of a state-sized vector. */
  const block = (v: Float64Array, m: number): Float64Array => v.subarray(m * dd, (m + 1) * dd);
  /** Left and right bases of matrix m: M'_m = U_leftᵀ M_m U_right. */
  const basesOf = (m: number): [Float64Array, Float64Array] => {
    if (m === 0) return [objective === 'jepa' ? U[L] : U[0], U[L]];
    const a = m <= L ? m : m - L;
    return [U[a], U[a - 1]];
  };
  /** `out = Φ v` (forward: into the aligned basis) or `Φᵀ v` (back). */
  const changeBasis = (v: Float64Array, out: Float64Array, forward: boolean): void => {
    for (let m = 0; m < K; m++) {
      const [left, right] = basesOf(m);
      if (forward) {
        ws.matmulTransA(tmp, left, block(v, m), d, d, d);
        ws.matmul(block(out, m), tmp, right, d, d, d);
      } else {
        ws.matmul(tmp, left, block(v, m), d, d, d);
        ws.matmulTransB(block(out, m), tmp, right, d, d, d);
      }
    }
  };

  /** The bases in which a balanced state is diagonal (see the module comment). */
  const alignedBases = (state: Float64Array): void => {
    const w1 = block(state, 1);
    ws.matmulTransA(tmp, w1, w1, d, d, d);
    U[0].set(symmetricEigen(Float64Array.from(tmp), d).vectors);
    for (let a = 1; a <= L; a++) {
      ws.matmul(tmp, block(state, a), U[a - 1], d, d, d);
      const { q, r } = householderQr(Float64Array.from(tmp), d);
      // columns of Q with diag R ≥ 0, so that U_aᵀ W_a U_{a−1} = R has a non-negative diagonal
      for (let j = 0; j < d; j++) if (r[j * d + j] < 0) for (let i = 0; i < d; i++) q[i * d + j] = -q[i * d + j];
      U[a].set(q);
    }
    for (const [target, source] of [
      [sxx, options.sigmaXX],
      [syx, options.sigmaYX],
    ] as const) {
      tmp.set(source);
      ws.matmulTransA(solved.subarray(0, dd), U[0], tmp, d, d, d);
      ws.matmul(target, solved.subarray(0, dd), U[0], d, d, d);
    }
  };

  const setup = (y: Float64Array, gamma: number, reuse = false): void => {
    counts.setups++;
    if (reuse && haveJacobian) {
      counts.reused++;
      pairLu.set(pairJacobian);
      diagLu.set(diagJacobian);
      for (let i = 0; i < d; i++) factorBlock(K, gamma, diagLu, i * K * K, diagPivots, i * K);
      for (let p = 0; p < pairs; p++) factorBlock(size2, gamma, pairLu, p * size2 * size2, pairPivots, p * size2);
      if (learned.length > 0) factorSector(gamma);
      return;
    }
    moved.set(y.subarray(0, dimension));
    rotate = !(covariancesDiagonal && isDiagonalState(moved, d, K));
    if (rotate) {
      counts.rotated++;
      alignedBases(moved);
      changeBasis(moved, solved, true);
      moved.set(solved);
    } else {
      sxx.set(options.sigmaXX);
      syx.set(options.sigmaYX);
    }
    const entries = (i: number): DiagonalEntries => {
      const at = (m: number): number => moved[m * dd + i * d + i];
      return {
        v: at(0),
        w: Float64Array.from({ length: L }, (_, a) => at(a + 1)),
        wt: Float64Array.from({ length: ema ? L : 0 }, (_, a) => at(L + 1 + a)),
        sxx: sxx[i * d + i],
        syx: syx[i * d + i],
      };
    };
    all = Array.from({ length: d }, (_, i) => entries(i));
    learned = [];
    unlearned = [];
    if (rotate) buildSector();
    for (let i = 0; i < d; i++) pairJacobianBlock(settings, all[i], all[i], true, diagLu.subarray(i * K * K, (i + 1) * K * K), scratch);
    let p = 0;
    for (let i = 0; i < d; i++)
      for (let j = i + 1; j < d; j++, p++)
        pairJacobianBlock(settings, all[i], all[j], false, pairLu.subarray(p * size2 * size2, (p + 1) * size2 * size2), scratch);
    pairJacobian.set(pairLu);
    diagJacobian.set(diagLu);
    haveJacobian = true;
    for (let i = 0; i < d; i++) factorBlock(K, gamma, diagLu, i * K * K, diagPivots, i * K);
    for (let p = 0; p < pairs; p++) factorBlock(size2, gamma, pairLu, p * size2 * size2, pairPivots, p * size2);
    if (learned.length > 0) factorSector(gamma);
  };

  const x = new Float64Array(size2);
  const solve = (r: Float64Array, z: Float64Array): void => {
    let source = r;
    if (rotate) {
      // through the workspace's arrays: products whose operands all lie there run on its fast kernels
      // (r and z are the solver's; with them as operands half the products ran on the JavaScript fallback)
      solved.set(r);
      changeBasis(solved, moved, true);
      source = moved;
    }
    const target = rotate ? solved : z;
    for (let m = 0; m < K; m++) transposeBlock(source, sourceT, m * dd, d);
    for (let i = 0; i < d; i++) {
      const at = i * d + i;
      for (let m = 0; m < K; m++) x[m] = source[m * dd + at];
      solveFactored(diagLu, i * K * K, K, diagPivots, i * K, x);
      for (let m = 0; m < K; m++) target[m * dd + at] = x[m];
    }
    let p = 0;
    for (let i = 0; i < d; i++) {
      const row = i * d;
      for (let j = i + 1; j < d; j++, p++) {
        // unknowns M_m(i, j), M_m(j, i): row i of block m and of its transpose
        for (let m = 0; m < K; m++) {
          x[2 * m] = source[m * dd + row + j];
          x[2 * m + 1] = sourceT[m * dd + row + j];
        }
        solveFactored(pairLu, p * size2 * size2, size2, pairPivots, p * size2, x);
        for (let m = 0; m < K; m++) {
          target[m * dd + row + j] = x[2 * m];
          targetT[m * dd + row + j] = x[2 * m + 1];
        }
      }
    }
    // the (j, i) entries, written transposed, go back in place (the diagonal is already there)
    for (let m = 0; m < K; m++) {
      const off = m * dd;
      for (let i = 0; i < d; i++) for (let j = i + 1; j < d; j++) target[off + j * d + i] = targetT[off + i * d + j];
    }
    // the learned × unlearned entries: their blocks overwrite what the pair blocks gave them above
    const u = unlearned.length;
    const h = K * u;
    for (let p = 0; p < learned.length; p++) {
      if (!active[p]) continue;
      const i = learned[p];
      for (let m = 0; m < K; m++)
        for (let c = 0; c < u; c++) {
          sectorRow[m * u + c] = source[m * dd + i * d + unlearned[c]];
          sectorColumn[m * u + c] = source[m * dd + unlearned[c] * d + i];
        }
      luSolveKernel(sectorLu, h, sectorPivots, sectorRow, 2 * p * h * h, 2 * p * h);
      luSolveKernel(sectorLu, h, sectorPivots, sectorColumn, (2 * p + 1) * h * h, (2 * p + 1) * h);
      for (let m = 0; m < K; m++)
        for (let c = 0; c < u; c++) {
          target[m * dd + i * d + unlearned[c]] = sectorRow[m * u + c];
          target[m * dd + unlearned[c] * d + i] = sectorColumn[m * u + c];
        }
    }
    if (rotate) {
      changeBasis(solved, moved, false);
      z.set(moved);
    }
  };

  return { setup, solve, counts };
}

/** `out` block at `offset` (d × d) = the transpose of `v`'s block there. */
function transposeBlock(v: Float64Array, out: Float64Array, offset: number, d: number): void {
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) out[offset + j * d + i] = v[offset + i * d + j];
}

/**
 * `x ← A⁻¹ x` from the LU factors of A (n × n at `lu[offset …]`, as luDecomposeKernel
 * leaves them) in column order: after x_j is known, it is subtracted from every later
 * (earlier) unknown at once. The updates of one column are independent, where the
 * row-by-row dot products of the usual substitution form one chain of dependent
 * operations; on these small blocks (n = 2K) the solve ran about twice as fast. (The
 * learned × unlearned blocks, of order Ku, use core's row-by-row luSolveKernel: from order 20
 * on its contiguous reads made it 1.5–1.6× as fast as this one.)
 */
function solveFactored(lu: Float64Array, offset: number, n: number, pivots: Int32Array, pivotOffset: number, x: Float64Array): void {
  for (let k = 0; k < n; k++) {
    const p = pivots[pivotOffset + k];
    if (p !== k) {
      const t = x[k];
      x[k] = x[p];
      x[p] = t;
    }
  }
  for (let j = 0; j < n - 1; j++) {
    const xj = x[j];
    if (xj === 0) continue;
    for (let i = j + 1, at = offset + (j + 1) * n + j; i < n; i++, at += n) x[i] -= lu[at] * xj;
  }
  for (let j = n - 1; j >= 0; j--) {
    const xj = x[j] / lu[offset + j * n + j];
    x[j] = xj;
    if (xj === 0) continue;
    for (let i = 0, at = offset + j; i < j; i++, at += n) x[i] -= lu[at] * xj;
  }
}

/** J ↦ I − γJ in place (n × n). */
function shiftAndScale(j: Float64Array, n: number, gamma: number): void {
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++) {
      const k = r * n + c;
      j[k] = (r === c ? 1 : 0) - gamma * j[k];
    }
}

/**
 * Whether a d×d matrix's off-diagonal entries are at most `tolerance` times its largest entry
 * (with the default 0: exactly diagonal).
 */
function isDiagonal(m: Float64Array, d: number, tolerance = 0): boolean {
  let largest = 0;
  let offDiagonal = 0;
  for (let i = 0; i < d; i++)
    for (let j = 0; j < d; j++) {
      const x = Math.abs(m[i * d + j]);
      largest = Math.max(largest, x);
      if (i !== j) offDiagonal = Math.max(offDiagonal, x);
    }
  return offDiagonal <= tolerance * largest;
}

/** Whether all K blocks of a state are diagonal. */
function isDiagonalState(y: Float64Array, d: number, blocks: number): boolean {
  for (let m = 0; m < blocks; m++) if (!isDiagonal(y.subarray(m * d * d, (m + 1) * d * d), d)) return false;
  return true;
}
