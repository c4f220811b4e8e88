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
  validateSymmetricPositiveDefinite,
  type Objective,
  type TimeUnit,
} from '@jepa-dynamics/core';
import type { RhsFunction } from '../solver/types.js';
import { flowSettings } from './flowSettings.js';

/** Matrices at the API surface: arrays of rows (`m[i][j]` is row i, column j). */
export type Matrix = readonly (readonly number[])[];

/** The network parameters: predictor/decoder `V` and encoder layers `W[0] = W_1 … W[L−1] = W_L`, each d×d. */
export interface MatrixFlowState {
  /** Predictor (JEPA) or decoder (MAE), d×d. */
  V: number[][];
  /** Encoder layers W_1 … W_L (W_1 acts first: `W̄ = W_L ⋯ W_1`), each d×d. */
  W: number[][][];
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
}

/** The flow: its right-hand side and the maps between matrices and the flat state. */
export interface MatrixFlow {
  /** Dimension d of the views. */
  readonly d: number;
  /** Depth L. */
  readonly depth: number;
  /** Length of the flat state, `(L + 1) d²`. */
  readonly dimension: number;
  /**
   * `θ' = −∇θ L(θ)` on the flat state `[V, W_1, …, W_L]`, each block row-major.
   * Allocation-free; costs about `(3L + 6) d³` multiply–adds per call, on the GEMM
   * kernels of `@jepa-dynamics/core` (bit-identical to the plain i-k-j loop).
   */
  readonly rhs: RhsFunction;
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
 * target) and `½E‖V W̄ x − y‖²` (MAE), and the flow `θ' = −∇θ` in gradient-flow time.
 * With diagonal covariances and diagonal (e.g. aligned, `ε^{1/L} I`) initial matrices
 * the diagonal entries follow the per-feature flows of docs/math.md §2 exactly.
 *
 * @param input - objective, depth, covariances and time unit.
 * @returns the flow (right-hand side, packing helpers).
 * @throws {@link InvalidArgumentError} when the objective or depth is invalid, the
 *   covariances are not square of the same size with finite entries, or Σxx is not
 *   symmetric (to 1e-12 relative) positive definite.
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
  const { objective, depth: L, rateScale: scale } = flowSettings(where, input.objective, input.depth, input.timeUnit);
  const d = validateSquare(where, 'sigmaXX', input.sigmaXX);
  const dy = validateSquare(where, 'sigmaYX', input.sigmaYX);
  if (dy !== d) {
    throw new InvalidArgumentError(where, 'sigmaYX', `must be ${d}×${d} like sigmaXX`, `${dy}×${dy}`);
  }
  const d2 = d * d;
  const dimension = (L + 1) * d2;
  // Every product runs on core's GEMM kernels (bit-identical to the plain i-k-j loop;
  // WebAssembly SIMD where available), so all operands live in one workspace arena.
  const ws = createMatrixWorkspace({ capacity: (2 * (L + 1) + Math.max(0, L - 1) + Math.max(0, L - 2) + 6) * d2, largestMatrix: d2 });
  const sxx = ws.alloc(d2);
  const syx = ws.alloc(d2);
  sxx.set(flatten(input.sigmaXX));
  syx.set(flatten(input.sigmaYX));
  validateSymmetricPositiveDefinite(where, 'sigmaXX', sxx, d);
  // θ = [V, W_1, …, W_L] is copied into the arena and θ' assembled there.
  const theta = ws.alloc(dimension);
  const thetaDot = ws.alloc(dimension);
  const blocks = (m: Float64Array): Float64Array[] => Array.from({ length: L + 1 }, (_, a) => m.subarray(a * d2, (a + 1) * d2));
  const [V, ...W] = blocks(theta);
  const [dV, ...dW] = blocks(thetaDot);
  // prefix[a] = W_a ⋯ W_1 for a = 1..L, prefix[1] being W_1 itself; suffix[a] = W_L ⋯ W_{a+1}
  // for a = 1..L−1, suffix[L−1] being W_L itself. Slot 0 of both is unused (the empty
  // product is I and is never formed).
  const unused = new Float64Array(0);
  const prefix = Array.from({ length: L + 1 }, (_, a) => (a === 0 ? unused : a === 1 ? W[0] : ws.alloc(d2)));
  const suffix = Array.from({ length: L }, (_, a) => (a === 0 ? unused : a === L - 1 ? W[L - 1] : ws.alloc(d2)));
  const a1 = ws.alloc(d2);
  const resid = ws.alloc(d2);
  const grad = ws.alloc(d2);
  const tmp = ws.alloc(d2);

  const rhs: RhsFunction = (_t, y, dydt) => {
    theta.set(y.subarray(0, dimension));
    // Prefix products: prefix_a = W_a prefix_{a−1}.
    for (let a = 2; a <= L; a++) ws.matmul(prefix[a], W[a - 1], prefix[a - 1], d, d, d);
    // Suffix products: suffix_a = suffix_{a+1} W_{a+1}.
    for (let a = L - 2; a >= 1; a--) ws.matmul(suffix[a], suffix[a + 1], W[a], d, d, d);
    const wbar = prefix[L];
    // resid = V W̄ Σxx − (W̄ Σyx | Σyx): docs/math.md §1.
    ws.matmul(a1, wbar, sxx, d, d, d);
    ws.matmul(resid, V, a1, d, d, d);
    switch (objective) {
      case 'jepa':
        ws.matmul(tmp, wbar, syx, d, d, d);
        for (let i = 0; i < d2; i++) resid[i] -= tmp[i];
        break;
      case 'mae':
        for (let i = 0; i < d2; i++) resid[i] -= syx[i];
        break;
      default: {
        const never: never = objective;
        throw new Error(`matrixFlow: unknown objective ${String(never)}`);
      }
    }
    // dV/dt = −resid W̄ᵀ.
    ws.matmulTransB(dV, resid, wbar, d, d, d);
    // ∇W̄ = Vᵀ resid.
    ws.matmulTransA(grad, V, resid, d, d, d);
    for (let a = 1; a <= L; a++) {
      // left factor (W_L ⋯ W_{a+1})ᵀ, right factor (W_{a−1} ⋯ W_1)ᵀ; empty products are I.
      if (a < L) ws.matmulTransA(tmp, suffix[a], grad, d, d, d);
      else tmp.set(grad);
      if (a > 1) ws.matmulTransB(dW[a - 1], tmp, prefix[a - 1], d, d, d);
      else dW[a - 1].set(tmp);
    }
    for (let i = 0; i < dimension; i++) dydt[i] = -scale * thetaDot[i];
  };

  const pack = (state: MatrixFlowState): Float64Array => {
    const y = new Float64Array(dimension);
    if (!Array.isArray(state.W) || state.W.length !== L) {
      throw new InvalidArgumentError('matrixFlow.pack', 'state.W', `must hold L = ${L} matrices`, state.W);
    }
    writeBlock('state.V', state.V, y, 0);
    state.W.forEach((w, a) => writeBlock(`state.W[${a}]`, w, y, (a + 1) * d2));
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
  return { d, depth: L, dimension, rhs, pack, unpack, encoder };
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

function flatten(m: Matrix): Float64Array {
  const d = m.length;
  const out = new Float64Array(d * d);
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) out[i * d + j] = m[i][j];
  return out;
}
