/**
 * Training read in the modes of the generalised eigenproblem (docs/math.md §8): per mode
 * its amplitude ‖W̄u_k‖, and the off-diagonal leakage of W̄ in the mode basis.
 * @module
 */
import {
  InvalidArgumentError,
  createMatrixWorkspace,
  validateDepth,
  validateInteger,
  validateObjective,
  validatePositive,
  type Objective,
} from '@jepa-dynamics/core';
import { initialNetwork, type Initialization } from '../model/initialNetwork.js';
import { createTrainingKernel, kernelCapacity } from '../training/trainingKernel.js';

/** Options of {@link trainModes}. */
export interface TrainModesOptions {
  objective: Objective;
  /** Encoder depth L ≥ 1. */
  depth: number;
  /** Σxx and Σyx, d×d row-major (population moments; assumed valid, e.g. from {@link rotatedStaticCovariances}). */
  sigmaXX: Float64Array;
  sigmaYX: Float64Array;
  /** The modes: eigenvectors v_k (Σxx-normalised) and unit dual directions u_k, each of length d. */
  modes: readonly { vector: Float64Array; dual: Float64Array }[];
  init: Initialization;
  /** Learning rate η > 0. */
  learningRate: number;
  /** Steps K ≥ 1. */
  steps: number;
  /** Record every this many steps (steps 0 and K always). */
  recordEvery: number;
}

/** Result of {@link trainModes} (times are gradient-flow time t = kη). */
export interface TrainModesResult {
  status: 'completed' | 'diverged';
  /** Recorded times. */
  t: number[];
  /** `amplitude[k][r]`: ‖W̄ u_k‖ at `t[r]` (rotation invariant on the representation side; = |w̄_k| where Σ is diagonal). */
  amplitude: number[][];
  /** `leakage[r]`: max_{j≠k} |Ŵ_jk| / max_k |Ŵ_kk| with Ŵ = Pᵀ W̄ Σxx P (P = [v_1 … v_d]); 0 where the modes stay decoupled. */
  leakage: number[];
}

/**
 * Trains by gradient descent on population moments (the kernel of {@link train}) and reads
 * each record in the mode basis: the amplitude `a_k = ‖W̄ u_k‖` of mode k, and the leakage
 * of W̄ out of the mode-diagonal form, `max_{j≠k}|Ŵ_jk| / max_k|Ŵ_kk|`, Ŵ = Pᵀ W̄ Σxx P
 * (Ŵ = εI at an aligned start; Ŵ = diag(w̄_k) for all t where Σ is diagonal). A run whose
 * weights become non-finite stops with status `'diverged'` and keeps its records.
 * Cost: K steps of `3L + 2` d×d products, O(d³) per record.
 *
 * @param options - see {@link TrainModesOptions}.
 * @returns the records.
 * @throws `InvalidArgumentError` for an unknown objective, bad depth, η, K or `recordEvery`, or modes of the wrong count or length.
 * @example
 * ```ts
 * // d = 1, JEPA, L = 1: the mode is the feature; u ← u + η u²(1 − u) from ½
 * const r = trainModes({
 *   objective: 'jepa', depth: 1, sigmaXX: Float64Array.of(1), sigmaYX: Float64Array.of(1),
 *   modes: [{ vector: Float64Array.of(1), dual: Float64Array.of(1) }],
 *   init: { kind: 'aligned', epsilon: 0.5 }, learningRate: 0.1, steps: 1, recordEvery: 1,
 * });
 * r.amplitude; // => [[0.5, 0.5125]]
 * ```
 */
export function trainModes(options: TrainModesOptions): TrainModesResult {
  const where = 'trainModes';
  const objective = validateObjective(where, options.objective);
  const depth = validateDepth(where, options.depth);
  const eta = validatePositive(where, 'learningRate', options.learningRate);
  const K = validateInteger(where, 'steps', options.steps, 1);
  const every = validateInteger(where, 'recordEvery', options.recordEvery, 1);
  const d = options.modes.length;
  if (d === 0 || options.sigmaXX.length !== d * d || options.sigmaYX.length !== d * d)
    throw new InvalidArgumentError(where, 'modes', 'must be d modes for d×d covariances', d);
  options.modes.forEach((m, k) => {
    if (m.vector.length !== d || m.dual.length !== d)
      throw new InvalidArgumentError(where, `modes[${k}]`, `must have vectors of length d = ${d}`, m);
  });
  const kernelOptions = { objective, d, depth, covarianceKind: 'full' as const };
  const ws = createMatrixWorkspace({ capacity: kernelCapacity(kernelOptions), largestMatrix: d * d, backend: 'auto' });
  const kernel = createTrainingKernel(ws, kernelOptions);
  kernel.load(initialNetwork(options.init, d, depth, objective).network);
  kernel.cov.sigmaXX.set(options.sigmaXX);
  kernel.cov.sigmaYX.set(options.sigmaYX);
  const read = modeReader(options.sigmaXX, options.modes, d);
  const result: TrainModesResult = { status: 'completed', t: [], amplitude: Array.from({ length: d }, () => []), leakage: [] };
  for (let k = 0; ; k++) {
    kernel.forward();
    if (!kernel.isFinite()) {
      result.status = 'diverged';
      break;
    }
    if (k % every === 0 || k === K) {
      result.t.push(k * eta);
      result.leakage.push(read(kernel.wbar, result.amplitude));
    }
    if (k === K) break;
    kernel.gradients();
    kernel.update(eta);
  }
  return result;
}

/** Reads amplitudes (appended to `amplitude`) and returns the leakage of one W̄. */
function modeReader(
  sigmaXX: Float64Array,
  modes: readonly { vector: Float64Array; dual: Float64Array }[],
  d: number,
): (wbar: Float64Array, amplitude: number[][]) => number {
  // Σxx P, column k = Σxx v_k
  const sp = new Float64Array(d * d);
  for (let i = 0; i < d; i++)
    for (let k = 0; k < d; k++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += sigmaXX[i * d + j] * modes[k].vector[j];
      sp[i * d + k] = s;
    }
  const wsp = new Float64Array(d * d);
  return (wbar, amplitude) => {
    for (let k = 0; k < d; k++) {
      const u = modes[k].dual;
      let norm = 0;
      for (let i = 0; i < d; i++) {
        let s = 0;
        for (let j = 0; j < d; j++) s += wbar[i * d + j] * u[j];
        norm += s * s;
      }
      amplitude[k].push(Math.sqrt(norm));
    }
    for (let i = 0; i < d; i++)
      for (let k = 0; k < d; k++) {
        let s = 0;
        for (let j = 0; j < d; j++) s += wbar[i * d + j] * sp[j * d + k];
        wsp[i * d + k] = s;
      }
    let diagonal = 0;
    let off = 0;
    for (let j = 0; j < d; j++)
      for (let k = 0; k < d; k++) {
        // Ŵ_jk = v_jᵀ (W̄ Σxx P)_{·k}
        let s = 0;
        for (let i = 0; i < d; i++) s += modes[j].vector[i] * wsp[i * d + k];
        if (j === k) diagonal = Math.max(diagonal, Math.abs(s));
        else off = Math.max(off, Math.abs(s));
      }
    return off / diagonal;
  };
}
