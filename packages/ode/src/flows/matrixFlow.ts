/**
 * The full matrix gradient flow of a deep linear JEPA or MAE network (MATH.md §1)
 * as an ODE for {@link solveIvp}: the continuous-time limit (η → 0, t = kη) of
 * `@jepa-dynamics/sim`'s population training `θ ← θ − η ∇θ`.
 *
 * @module
 */

import { InvalidArgumentError, validateDepth, validateEpsilon, validateObjective, validateTimeUnit, type Objective, type TimeUnit } from '@jepa-dynamics/core';
import type { RhsFunction } from '../solver/types.js';
import { timeFactor } from './timeFactor.js';

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
   * Allocation-free; costs about `(3L + 6) d³` multiply–adds per call.
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
 * Builds the full matrix gradient flow of MATH.md §1 for any d×d covariances:
 *
 * - JEPA: `∇V = (V W̄ Σxx − W̄ Σyx) W̄ᵀ`, `∇W̄ = Vᵀ (V W̄ Σxx − W̄ Σyx)`
 * - MAE:  `∇V = (V W̄ Σxx − Σyx) W̄ᵀ`,  `∇W̄ = Vᵀ (V W̄ Σxx − Σyx)`
 * - each layer `∇W_a = (W_L ⋯ W_{a+1})ᵀ ∇W̄ (W_{a−1} ⋯ W_1)ᵀ`,
 *
 * from the population losses `½E‖V W̄ x − sg(W̄ y)‖²` (JEPA, no gradient through the
 * target) and `½E‖V W̄ x − y‖²` (MAE), and the flow `θ' = −∇θ` in gradient-flow time.
 * With diagonal covariances and diagonal (e.g. aligned, `ε^{1/L} I`) initial matrices
 * the diagonal entries follow the per-feature flows of MATH.md §2 exactly.
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
  const objective = validateObjective(where, input.objective);
  const L = validateDepth(where, input.depth);
  const scale = 1 / timeFactor(validateTimeUnit(where, input.timeUnit), L);
  const d = validateSquare(where, 'sigmaXX', input.sigmaXX);
  const dy = validateSquare(where, 'sigmaYX', input.sigmaYX);
  if (dy !== d) {
    throw new InvalidArgumentError(where, 'sigmaYX', `must be ${d}×${d} like sigmaXX`, `${dy}×${dy}`);
  }
  validateSymmetricPositiveDefinite(where, 'sigmaXX', input.sigmaXX);
  const sxx = flatten(input.sigmaXX);
  const syx = flatten(input.sigmaYX);
  const d2 = d * d;
  const dimension = (L + 1) * d2;

  // prefix[a] = W_a ⋯ W_1 (a = 1..L; slot 0 unused: the empty product is I);
  // suffix[a] = W_L ⋯ W_{a+1} (a = 0..L−1; slot L unused).
  const prefix = new Float64Array((L + 1) * d2);
  const suffix = new Float64Array((L + 1) * d2);
  const a1 = new Float64Array(d2);
  const resid = new Float64Array(d2);
  const grad = new Float64Array(d2);
  const tmp = new Float64Array(d2);

  const rhs: RhsFunction = (_t, y, dydt) => {
    // Prefix products: prefix_1 = W_1, prefix_a = W_a prefix_{a−1}.
    copy(y, d2, prefix, d2, d2);
    for (let a = 2; a <= L; a++) mul(y, a * d2, false, prefix, (a - 1) * d2, false, prefix, a * d2, d);
    // Suffix products: suffix_{L−1} = W_L, suffix_{a} = suffix_{a+1} W_{a+1}.
    if (L >= 2) copy(y, L * d2, suffix, (L - 1) * d2, d2);
    for (let a = L - 2; a >= 1; a--) mul(suffix, (a + 1) * d2, false, y, (a + 1) * d2, false, suffix, a * d2, d);
    const wbarOff = L * d2; // W̄ = prefix_L
    // resid = V W̄ Σxx − (W̄ Σyx | Σyx): MATH.md §1.
    mul(prefix, wbarOff, false, sxx, 0, false, a1, 0, d);
    mul(y, 0, false, a1, 0, false, resid, 0, d);
    switch (objective) {
      case 'jepa':
        mul(prefix, wbarOff, false, syx, 0, false, tmp, 0, d);
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
    mul(resid, 0, false, prefix, wbarOff, true, dydt, 0, d);
    // ∇W̄ = Vᵀ resid.
    mul(y, 0, true, resid, 0, false, grad, 0, d);
    for (let a = 1; a <= L; a++) {
      const out = a * d2;
      // left factor (W_L ⋯ W_{a+1})ᵀ, right factor (W_{a−1} ⋯ W_1)ᵀ; empty products are I.
      if (a < L) mul(suffix, a * d2, true, grad, 0, false, tmp, 0, d);
      else copy(grad, 0, tmp, 0, d2);
      if (a > 1) mul(tmp, 0, false, prefix, (a - 1) * d2, true, dydt, out, d);
      else copy(tmp, 0, dydt, out, d2);
    }
    for (let i = 0; i < dimension; i++) dydt[i] = -scale * dydt[i];
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
    const acc = new Float64Array(d2);
    const next = new Float64Array(d2);
    for (let i = 0; i < d2; i++) acc[i] = y[d2 + i];
    const yy = Float64Array.from(y);
    for (let a = 2; a <= L; a++) {
      mul(yy, a * d2, false, acc, 0, false, next, 0, d);
      acc.set(next);
    }
    return block(acc, 0);
  };
  return { d, depth: L, dimension, rhs, pack, unpack, encoder };
}

/**
 * The balanced, aligned initialization of MATH.md §1: `V(0) = W_a(0) = ε^{1/L} I`,
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
  if (!Number.isInteger(d) || d < 1) throw new InvalidArgumentError(where, 'd', 'must be an integer ≥ 1', d);
  const L = validateDepth(where, depth);
  const u = validateEpsilon(where, epsilon) ** (1 / L);
  const scaled = (): number[][] => Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j ? u : 0)));
  return { V: scaled(), W: Array.from({ length: L }, scaled) };
}

/** Checks a square matrix with finite entries; returns its order. */
function validateSquare(where: string, name: string, m: unknown): number {
  if (!Array.isArray(m) || m.length === 0) throw new InvalidArgumentError(where, name, 'must be a non-empty square matrix (array of rows)', m);
  const d = m.length;
  for (let i = 0; i < d; i++) {
    const row: unknown = m[i];
    if (!Array.isArray(row) || row.length !== d) {
      throw new InvalidArgumentError(where, `${name}[${i}]`, `must be a row of length ${d} (the matrix must be square)`, row);
    }
    for (let j = 0; j < d; j++) {
      const v: unknown = row[j];
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new InvalidArgumentError(where, `${name}[${i}][${j}]`, 'must be a finite number', v);
    }
  }
  return d;
}

/** Symmetric to 1e-12 relative and positive definite (Cholesky succeeds with positive pivots). */
function validateSymmetricPositiveDefinite(where: string, name: string, m: Matrix): void {
  const d = m.length;
  let maxAbs = 0;
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) maxAbs = Math.max(maxAbs, Math.abs(m[i][j]));
  for (let i = 0; i < d; i++) {
    for (let j = i + 1; j < d; j++) {
      if (Math.abs(m[i][j] - m[j][i]) > 1e-12 * maxAbs) {
        throw new InvalidArgumentError(where, name, `must be symmetric (entries [${i}][${j}] and [${j}][${i}] differ)`, [m[i][j], m[j][i]]);
      }
    }
  }
  const c = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let s = m[i][j];
      for (let k = 0; k < j; k++) s -= c[i * d + k] * c[j * d + k];
      if (i === j) {
        if (!(s > 0)) throw new InvalidArgumentError(where, name, `must be positive definite (Cholesky pivot ${i} is ${s})`, m[i][i]);
        c[i * d + i] = Math.sqrt(s);
      } else {
        c[i * d + j] = s / c[j * d + j];
      }
    }
  }
}

function flatten(m: Matrix): Float64Array {
  const d = m.length;
  const out = new Float64Array(d * d);
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) out[i * d + j] = m[i][j];
  return out;
}

function copy(src: ArrayLike<number>, so: number, dst: Float64Array, dOff: number, len: number): void {
  for (let i = 0; i < len; i++) dst[dOff + i] = src[so + i];
}

/**
 * `C = op(A) op(B)` for d×d row-major blocks at offsets, op = transpose when the flag is set.
 * `C` must not overlap `A` or `B`.
 */
function mul(
  A: ArrayLike<number>,
  ao: number,
  ta: boolean,
  B: ArrayLike<number>,
  bo: number,
  tb: boolean,
  C: Float64Array,
  co: number,
  d: number,
): void {
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d; j++) {
      let s = 0;
      for (let k = 0; k < d; k++) {
        const aik = ta ? A[ao + k * d + i] : A[ao + i * d + k];
        const bkj = tb ? B[bo + j * d + k] : B[bo + k * d + j];
        s += aik * bkj;
      }
      C[co + i * d + j] = s;
    }
  }
}
