/**
 * The full matrix gradient flow of a deep linear JEPA or MAE network (docs/math.md §1)
 * as an ODE for {@link solveIvp}: the continuous-time limit (η → 0, t = kη) of
 * `@jepa-dynamics/sim`'s population training `θ ← θ − η ∇θ`.
 *
 * @module
 */

import {
  createMatrixWorkspace,
  InvalidArgumentError,
  matmulBlocked,
  validateDepth,
  validateEpsilon,
  validateInteger,
  validatePositive,
  validateSymmetricPositiveDefinite,
  type KernelBackend,
  type Objective,
  type TimeUnit,
} from '@jepa-dynamics/core';
import type { JacobianVectorProduct, PreconditionerSetup, PreconditionerSolve, RhsFunction, SolveOptions } from '../solver/types.js';
import { flowSettings } from './flowSettings.js';
import { createMatrixFlowKernel, matrixFlowKernelCapacity } from './matrixFlowKernel.js';
import {
  createMatrixFlowPreconditioner,
  matrixFlowPreconditionerCapacity,
  type MatrixFlowPreconditioner,
} from './matrixFlowPreconditioner.js';

/** Matrices at the API surface: arrays of rows (`m[i][j]` is row i, column j). */
export type Matrix = readonly (readonly number[])[];

/**
 * The network parameters: predictor/decoder `V` and encoder layers `W[0] = W_1 … W[L−1] = W_L`,
 * each d×d, and with a continuous-time EMA target its layers.
 */
export interface MatrixFlowState {
  /** Predictor (JEPA) or decoder (MAE), d×d. */
  V: number[][];
  /** Encoder layers W_1 … W_L (W_1 acts first: `W̄ = W_L ⋯ W_1`), each d×d. */
  W: number[][][];
  /** With `emaTime`: the target encoder's layers (default in {@link MatrixFlow.pack}: equal to `W`). */
  target?: number[][][];
}

/** Input of {@link matrixFlow}. */
export interface MatrixFlowInput {
  /** `'jepa'` (StopGrad target `W̄ y`) or `'mae'` (target `y`). */
  objective: Objective;
  /** Encoder depth L (integer ≥ 1). */
  depth: number;
  /** `Σxx = E[x xᵀ]`, d×d, symmetric positive definite (any basis, not only diagonal). */
  sigmaXX: Matrix;
  /** `Σyx = E[y xᵀ]`, d×d, any real matrix (not necessarily symmetric or diagonal). */
  sigmaYX: Matrix;
  /** Unit of time; default `'gradient-flow'` (t = kη). `'paper'` (τ = L·t) divides the rates by L. */
  timeUnit?: TimeUnit;
  /**
   * JEPA only: a continuous-time EMA target with time constant τ_ema > 0 (gradient-flow
   * time): the target encoder's layers follow `dW^T_a/dt = (W_a − W^T_a)/τ_ema` and the
   * loss's StopGrad branch is `W^T_L ⋯ W^T_1 y`. This is the limit η → 0 of training with
   * `target ← τ·target + (1 − τ)·online` at `τ = 1 − η/τ_ema` (the discrete decay
   * `τ^k = (1 − η/τ_ema)^{t/η} → e^{−t/τ_ema}`); a fixed τ as η → 0 gives the StopGrad flow
   * instead. The state then holds the L target layers after the online ones.
   * Omitted: StopGrad of the online encoder.
   */
  emaTime?: number;
  /** Matrix-product backend of the right-hand side and its products; default `'auto'`. */
  backend?: KernelBackend | 'auto';
}

/** The flow: its right-hand side, Jacobian-vector product, preconditioner, and the maps between matrices and the flat state. */
export interface MatrixFlow {
  /** Dimension d of the views. */
  readonly d: number;
  /** Depth L. */
  readonly depth: number;
  /** Length of the flat state, `(L + 1) d²` (`(2L + 1) d²` with an EMA target). */
  readonly dimension: number;
  /**
   * `θ' = −∇θ L(θ)` on the flat state `[V, W_1, …, W_L]` (then the EMA target's layers),
   * each block row-major. Allocation-free; about 3L d×d products per call with diagonal Σ
   * (3L + 2 with full Σ; docs/math.md §5.1), on the GEMM kernels of `@jepa-dynamics/core`.
   */
  readonly rhs: RhsFunction;
  /**
   * The exact Jacobian-vector product `out = (∂θ'/∂θ) v` (the directional derivative of
   * {@link MatrixFlow.rhs}, through the target as well): about 6L products per call, plus 3L
   * when `y` is not the point of the previous call (whose products are kept).
   */
  readonly jvp: JacobianVectorProduct;
  /**
   * `'bdf'`'s preconditioner setup: rebuilds `P ≈ I − γJ(y)` (see {@link MatrixFlow.stiffOptions});
   * with `reuse` (the solver keeps its Jacobian), only for the new γ, from the blocks of J
   * and the bases of the previous full setup.
   */
  readonly psetup: PreconditionerSetup;
  /** Applies `z = P⁻¹ r` (exact for aligned states, docs/stiff.md). */
  readonly psolve: PreconditionerSolve;
  /**
   * The options with which `solveIvp` integrates this flow by `'bdf'` with matrix-free GMRES:
   * `{ method: 'bdf', linearSolver: 'gmres', jvp, psetup, psolve, gmres: { krylovDimension: 40,
   * maxRestarts: 10 } }` (no preconditioner with `{ preconditioner: false }`; the Krylov dimension
   * is at most n). No n×n matrix ever exists (n = {@link MatrixFlow.dimension}); GMRES holds
   * 81 vectors of length n.
   */
  stiffOptions(options?: {
    preconditioner?: boolean;
  }): Pick<SolveOptions, 'method' | 'linearSolver' | 'jvp' | 'psetup' | 'psolve' | 'gmres'>;
  /**
   * Preconditioner setups so far, how many needed the change of basis of a non-aligned
   * state, how many reused the Jacobian blocks of the previous full setup (`reuse`), and for how
   * many full setups the learned modes were coupled with the unlearned ones (blocks of order 2K·u,
   * K = L + 1 or 2L + 1 with EMA, u the number of unlearned modes, built at that setup or at one
   * reusing its Jacobian; see matrixFlowPreconditioner.ts).
   */
  readonly preconditionerCounts: {
    readonly setups: number;
    readonly rotated: number;
    readonly reused: number;
    readonly coupled: number;
  };
  /** Flattens matrices into a state vector. @throws {@link InvalidArgumentError} on a shape mismatch or non-finite entry. */
  pack(state: MatrixFlowState): Float64Array;
  /** Reads a state vector back into matrices. */
  unpack(y: ArrayLike<number>): MatrixFlowState;
  /** The encoder product `W̄ = W_L ⋯ W_1` of a state vector. */
  encoder(y: ArrayLike<number>): number[][];
}

/**
 * Builds the full matrix gradient flow of docs/math.md §1 for any d×d covariances:
 *
 * - JEPA: `∇V = (V W̄ Σxx − W̄ Σyx) W̄ᵀ`, `∇W̄ = Vᵀ (V W̄ Σxx − W̄ Σyx)`
 * - MAE:  `∇V = (V W̄ Σxx − Σyx) W̄ᵀ`,  `∇W̄ = Vᵀ (V W̄ Σxx − Σyx)`
 * - each layer `∇W_a = (W_L ⋯ W_{a+1})ᵀ ∇W̄ (W_{a−1} ⋯ W_1)ᵀ`,
 *
 * from the population losses `½E‖V W̄ x − sg(W̄ y)‖²` (JEPA, no gradient through the
 * target) and `½E‖V W̄ x − y‖²` (MAE), and the flow `θ' = −∇θ` in gradient-flow time;
 * with `emaTime`, JEPA's target is a continuous-time EMA of the encoder. With diagonal
 * covariances and diagonal (e.g. aligned, `ε^{1/L} I`) initial matrices the diagonal
 * entries follow the per-feature flows of docs/math.md §2 exactly.
 *
 * For long runs (the plateau of a small init lasts ~ε^{−(2L−1)/L}, and learned modes are
 * stiff) integrate with `solveIvp(flow.rhs, tspan, y0, { ...flow.stiffOptions(), rtol, atol })`:
 * BDF with GMRES on the exact Jacobian-vector product and the block preconditioner.
 *
 * @param input - objective, depth, covariances, time unit, EMA time constant, backend.
 * @returns the flow (right-hand side, Jacobian-vector product, preconditioner, packing helpers).
 * @throws {@link InvalidArgumentError} when the objective or depth is invalid, the
 *   covariances are not square of the same size with finite entries, Σxx is not
 *   symmetric (to 1e-12 relative) positive definite, or `emaTime` is not positive or given for MAE.
 * @example
 * ```ts
 * const flow = matrixFlow({ objective: 'mae', depth: 1, sigmaXX: [[1]], sigmaYX: [[2]] });
 * const d = new Float64Array(2);
 * flow.rhs(0, flow.pack({ V: [[1]], W: [[[1]]] }), d);
 * Array.from(d); // => [1, 1]   (residual V W̄ Σxx − Σyx = −1)
 * ```
 */
export function matrixFlow(input: MatrixFlowInput): MatrixFlow {
  const where = 'matrixFlow';
  const { objective, depth: L, rateScale } = flowSettings(where, input.objective, input.depth, input.timeUnit);
  const d = validateSquare(where, 'sigmaXX', input.sigmaXX);
  const dy = validateSquare(where, 'sigmaYX', input.sigmaYX);
  if (dy !== d) {
    throw new InvalidArgumentError(where, 'sigmaYX', `must be ${d}×${d} like sigmaXX`, `${dy}×${dy}`);
  }
  let emaTime: number | null = null;
  if (input.emaTime !== undefined) {
    if (objective !== 'jepa') throw new InvalidArgumentError(where, 'emaTime', 'only applies to the JEPA objective', input.emaTime);
    emaTime = validatePositive(where, 'emaTime', input.emaTime);
  }
  const d2 = d * d;
  const sxx = flatten(input.sigmaXX);
  const syx = flatten(input.sigmaYX);
  validateSymmetricPositiveDefinite(where, 'sigmaXX', sxx, d);
  // diagonal covariances make every ·Σ a column scaling (3L products per call instead of 3L + 2)
  const diagonal = isDiagonal(sxx, d) && isDiagonal(syx, d);
  const diagonalOf = (m: Float64Array): Float64Array => Float64Array.from({ length: d }, (_, i) => m[i * d + i]);
  const ema = emaTime !== null;
  const layersInState = ema ? 2 * L : L;
  const dimension = (layersInState + 1) * d2;
  const backend = input.backend ?? 'auto';
  const ws = createMatrixWorkspace({ capacity: matrixFlowKernelCapacity(d, L, diagonal, ema), largestMatrix: d2, backend });
  const kernel = createMatrixFlowKernel(ws, {
    objective,
    d,
    depth: L,
    sigmaXX: diagonal ? diagonalOf(sxx) : sxx,
    sigmaYX: diagonal ? diagonalOf(syx) : syx,
    diagonal,
    emaTime,
    rateScale,
  });
  // The preconditioner (≈ 2K²d² doubles) is built on its first setup only.
  let preconditioner: MatrixFlowPreconditioner | null = null;
  const counts = { setups: 0, rotated: 0, reused: 0, coupled: 0 };
  const psetup: PreconditionerSetup = (_t, y, gamma, reuse) => {
    if (preconditioner === null) {
      const pws = createMatrixWorkspace({ capacity: matrixFlowPreconditionerCapacity(d, L, ema), largestMatrix: d2, backend });
      preconditioner = createMatrixFlowPreconditioner(pws, { objective, d, depth: L, sigmaXX: sxx, sigmaYX: syx, emaTime, rateScale });
    }
    preconditioner.setup(y, gamma, reuse);
    counts.setups = preconditioner.counts.setups;
    counts.rotated = preconditioner.counts.rotated;
    counts.reused = preconditioner.counts.reused;
    counts.coupled = preconditioner.counts.coupled;
  };
  const psolve: PreconditionerSolve = (t, y, gamma, r, z) => {
    if (preconditioner === null) psetup(t, y, gamma, false);
    if (preconditioner !== null) preconditioner.solve(r, z);
  };
  const rhs: RhsFunction = (_t, y, dydt) => kernel.rhs(y, dydt);
  const jvp: JacobianVectorProduct = (_t, y, v, out) => kernel.jvp(y, v, out);

  const pack = (state: MatrixFlowState): Float64Array => {
    const y = new Float64Array(dimension);
    if (!Array.isArray(state.W) || state.W.length !== L) {
      throw new InvalidArgumentError('matrixFlow.pack', 'state.W', `must hold L = ${L} matrices`, state.W);
    }
    writeBlock('state.V', state.V, y, 0);
    state.W.forEach((w, a) => writeBlock(`state.W[${a}]`, w, y, (a + 1) * d2));
    if (ema) {
      const target = state.target ?? state.W;
      if (!Array.isArray(target) || target.length !== L)
        throw new InvalidArgumentError('matrixFlow.pack', 'state.target', `must hold L = ${L} matrices`, target);
      target.forEach((w, a) => writeBlock(`state.target[${a}]`, w, y, (L + 1 + a) * d2));
    } else if (state.target !== undefined) {
      throw new InvalidArgumentError(
        'matrixFlow.pack',
        'state.target',
        'must be omitted: the flow has no EMA target (emaTime)',
        state.target,
      );
    }
    return y;
  };
  const writeBlock = (name: string, m: Matrix, y: Float64Array, off: number): void => {
    if (validateSquare('matrixFlow.pack', name, m) !== d) {
      throw new InvalidArgumentError('matrixFlow.pack', name, `must be ${d}×${d}`, `${m.length} rows`);
    }
    for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) y[off + i * d + j] = m[i][j];
  };
  const block = (y: ArrayLike<number>, off: number): number[][] =>
    Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => y[off + i * d + j]));
  const unpack = (y: ArrayLike<number>): MatrixFlowState => ({
    V: block(y, 0),
    W: Array.from({ length: L }, (_, a) => block(y, (a + 1) * d2)),
    ...(ema ? { target: Array.from({ length: L }, (_, a) => block(y, (L + 1 + a) * d2)) } : {}),
  });
  const encoder = (y: ArrayLike<number>): number[][] => {
    let acc = Float64Array.from({ length: d2 }, (_, i) => y[d2 + i]);
    let next = new Float64Array(d2);
    const layer = new Float64Array(d2);
    for (let a = 2; a <= L; a++) {
      for (let i = 0; i < d2; i++) layer[i] = y[a * d2 + i];
      matmulBlocked(next, layer, acc, d, d, d);
      [acc, next] = [next, acc];
    }
    return block(acc, 0);
  };
  // GMRES(40) with 10 restarts: away from aligned states the preconditioner is approximate, and
  // GMRES(10) (the solver's default) stalled there, each failure rejecting a step (random init,
  // d = 8, L = 4, ε = 1e-6: 66 s with GMRES(10), 4.6 s with GMRES(40)); at aligned states one
  // iteration suffices and only memory grows (2n doubles per Krylov vector)
  const gmres = { krylovDimension: Math.min(40, dimension), maxRestarts: 10 };
  const stiffOptions: MatrixFlow['stiffOptions'] = (options = {}) =>
    options.preconditioner === false
      ? { method: 'bdf', linearSolver: 'gmres', jvp, gmres }
      : { method: 'bdf', linearSolver: 'gmres', jvp, psetup, psolve, gmres };
  return { d, depth: L, dimension, rhs, jvp, psetup, psolve, stiffOptions, preconditionerCounts: counts, pack, unpack, encoder };
}

/**
 * The balanced, aligned initialization of docs/math.md §1: `V(0) = W_a(0) = ε^{1/L} I`,
 * so that `W̄(0) = ε I`.
 *
 * @param d - dimension (integer ≥ 1).
 * @param depth - encoder depth L (integer ≥ 1).
 * @param epsilon - initialization scale ε > 0.
 * @returns the state as matrices (pass to {@link MatrixFlow.pack}).
 * @throws {@link InvalidArgumentError} for a non-integer d or depth, or ε ≤ 0.
 * @example
 * ```ts
 * alignedMatrixInit(2, 2, 0.01).W[0]; // => [[0.1, 0], [0, 0.1]]
 * ```
 */
export function alignedMatrixInit(d: number, depth: number, epsilon: number): MatrixFlowState {
  const where = 'alignedMatrixInit';
  validateInteger(where, 'd', d, 1);
  const L = validateDepth(where, depth);
  const u = validateEpsilon(where, epsilon) ** (1 / L);
  const scaled = (): number[][] => Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j ? u : 0)));
  return { V: scaled(), W: Array.from({ length: L }, scaled) };
}

/** Checks a square matrix with finite entries; returns its order. */
function validateSquare(where: string, name: string, m: unknown): number {
  if (!Array.isArray(m) || m.length === 0)
    throw new InvalidArgumentError(where, name, 'must be a non-empty square matrix (array of rows)', m);
  const d = m.length;
  for (let i = 0; i < d; i++) {
    const row: unknown = m[i];
    if (!Array.isArray(row) || row.length !== d) {
      throw new InvalidArgumentError(where, `${name}[${i}]`, `must be a row of length ${d} (the matrix must be square)`, row);
    }
    for (let j = 0; j < d; j++) {
      const v: unknown = row[j];
      if (typeof v !== 'number' || !Number.isFinite(v))
        throw new InvalidArgumentError(where, `${name}[${i}][${j}]`, 'must be a finite number', v);
    }
  }
  return d;
}

/** Whether a d×d matrix has only zeros off its diagonal. */
function isDiagonal(m: Float64Array, d: number): boolean {
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) if (i !== j && m[i * d + j] !== 0) return false;
  return true;
}

function flatten(m: Matrix): Float64Array {
  const d = m.length;
  const out = new Float64Array(d * d);
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) out[i * d + j] = m[i][j];
  return out;
}
