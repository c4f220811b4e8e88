/**
 * Per-feature numbers read from the network's matrices in the feature basis of its
 * initialisation: what {@link train} records and what its critical times are measured on.
 * @module
 */
import { InvalidArgumentError, validateInteger, validateObjective, type Objective } from '@jepa-dynamics/core';

/** Reads feature i's strengths from d×d row-major matrices; see {@link createFeatureReadout}. */
export interface FeatureReadout {
  readonly objective: Objective;
  readonly d: number;
  /** The feature basis R (d×d orthogonal, row-major). */
  readonly basis: Float64Array;
  /** `w̄_i = (RᵀW̄)_ii`, the feature-basis diagonal of W̄. O(1) when R = I, else O(d). */
  wbar(wbar: Float64Array, i: number): number;
  /** `‖W̄ e_i‖`, rotation invariant. O(d). */
  modeStrength(wbar: Float64Array, i: number): number;
  /** V's feature-basis diagonal: `(RᵀVR)_ii` (JEPA: V maps the representation to itself), `(VR)_ii` (MAE: back to the input). O(1) when R = I, else O(d²). */
  predictor(v: Float64Array, i: number): number;
}

/**
 * A readout for networks of one objective whose features live in the basis R
 * ({@link InitialNetwork}'s `basis`: `R_L` for the rotated init, I otherwise).
 * Cost: O(d²) once (to detect R = I, where every read is a single entry).
 *
 * @param objective - `'jepa'` or `'mae'` (where V's output lives).
 * @param basis - R, d×d row-major.
 * @param d - width.
 * @throws InvalidArgumentError for an unknown objective, d not a positive integer, or a basis without d² entries.
 * @returns the readout.
 * @example
 * ```ts
 * // R = rotation by 90°, W̄ = R·diag(3, 2): in the basis R its diagonal is (3, 2)
 * const r = createFeatureReadout('jepa', Float64Array.of(0, -1, 1, 0), 2);
 * const wbar = Float64Array.of(0, -2, 3, 0);
 * [r.wbar(wbar, 0), r.wbar(wbar, 1)]; // => [3, 2]
 * [r.modeStrength(wbar, 0), r.modeStrength(wbar, 1)]; // => [3, 2]
 * ```
 */
export function createFeatureReadout(objective: Objective, basis: Float64Array, d: number): FeatureReadout {
  const where = 'createFeatureReadout';
  validateObjective(where, objective);
  validateInteger(where, 'd', d, 1);
  if (basis.length !== d * d) throw new InvalidArgumentError(where, 'basis', `must have d² = ${d * d} entries`, basis.length);
  const basisIsIdentity = isIdentity(basis, d);
  return {
    objective,
    d,
    basis,
    wbar: (wbar, i) => (basisIsIdentity ? wbar[i * d + i] : basisDiagonal(basis, wbar, d, i)),
    modeStrength: (wbar, i) => columnNorm(wbar, d, i),
    predictor: (v, i) => (basisIsIdentity ? v[i * d + i] : predictorDiagonal(objective, basis, v, d, i)),
  };
}

function isIdentity(m: Float64Array, d: number): boolean {
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) if (m[i * d + j] !== (i === j ? 1 : 0)) return false;
  return true;
}

/** `(RᵀM)_ii = Σ_k R_ki M_ki`. */
function basisDiagonal(r: Float64Array, m: Float64Array, d: number, i: number): number {
  let s = 0;
  for (let k = 0; k < d; k++) s += r[k * d + i] * m[k * d + i];
  return s;
}

/** JEPA `(RᵀVR)_ii`, MAE `(VR)_ii` (V maps the representation back to the input space). */
function predictorDiagonal(objective: Objective, r: Float64Array, v: Float64Array, d: number, i: number): number {
  let s = 0;
  for (let k = 0; k < d; k++) {
    let vr = 0; // (VR)_ki
    for (let j = 0; j < d; j++) vr += v[k * d + j] * r[j * d + i];
    s += objective === 'jepa' ? r[k * d + i] * vr : k === i ? vr : 0;
  }
  return s;
}

function columnNorm(m: Float64Array, d: number, i: number): number {
  let s = 0;
  for (let k = 0; k < d; k++) s += m[k * d + i] * m[k * d + i];
  return Math.sqrt(s);
}
