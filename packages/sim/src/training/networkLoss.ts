/**
 * The population loss of a network (docs/math.md §1), for measurement and tests.
 * @module
 */
import { matmulReference, type Objective } from '@jepa-dynamics/core';
import type { Covariances, Network } from '../model/types.js';

/**
 * `½E‖V W̄x − T y‖²` with `T = W̄_target` (JEPA; the online `W̄` unless a target
 * product is given, held fixed as StopGrad prescribes) or `T = I` (MAE), computed
 * exactly from the second moments:
 * `½tr(EΣxxEᵀ) − tr(EΣxyTᵀ) + ½tr(TΣyyTᵀ)`, `E = VW̄`, `Σxy = Σyxᵀ`
 * (`Σyy` defaults to `Σxx`). Inputs are assumed valid (see {@link train}). Cost: L + 2 products.
 *
 * @param network - the network.
 * @param cov - second moments.
 * @param objective - `'jepa'` or `'mae'`.
 * @param target - JEPA only: the StopGrad target product (d×d); default the network's own W̄.
 * @returns the loss.
 * @example
 * ```ts
 * const s = (x: number) => Float64Array.of(x);
 * networkLoss({ d: 1, layers: [s(1)], predictor: s(2) }, { kind: 'diagonal', sigmaXX: s(1), sigmaYX: s(0.5) }, 'mae');
 * // => 1.5   (½E(2x − y)² = ½(4σ² − 4λ + σ²_y) = ½(4 − 2 + 1))
 * ```
 */
export function networkLoss(network: Network, cov: Covariances, objective: Objective, target?: Float64Array): number {
  const d = network.d;
  const wbar = encoderProduct(network);
  const e = matmulReference(new Float64Array(d * d), network.predictor, wbar, d, d, d);
  const t = objective === 'jepa' ? (target ?? wbar) : null;
  const syy = cov.sigmaYY ?? cov.sigmaXX;
  // tr(A S Bᵀ) (S or Sᵀ) with S diagonal (length d) or full (d²); the callers apply the ½
  const trace = (a: Float64Array, s: Float64Array, b: Float64Array | null, transposeS: boolean): number => {
    let sum = 0;
    for (let i = 0; i < d; i++)
      for (let j = 0; j < d; j++) {
        // (A S)_ij
        let as = 0;
        if (cov.kind === 'diagonal') as = a[i * d + j] * s[j];
        else for (let k = 0; k < d; k++) as += a[i * d + k] * (transposeS ? s[j * d + k] : s[k * d + j]);
        sum += as * (b === null ? (i === j ? 1 : 0) : b[i * d + j]);
      }
    return sum;
  };
  const quad = 0.5 * trace(e, cov.sigmaXX, e, false);
  const cross = trace(e, cov.sigmaYX, t, true);
  let tyy: number;
  if (t !== null) tyy = 0.5 * trace(t, syy, t, false);
  else {
    tyy = 0;
    for (let i = 0; i < d; i++) tyy += cov.kind === 'diagonal' ? syy[i] : syy[i * d + i];
    tyy *= 0.5;
  }
  return quad - cross + tyy;
}

/**
 * The encoder's end-to-end matrix `W̄ = W_L ⋯ W_1` (layer 1 applied first), by the
 * reference kernel. Cost: L − 1 d×d products; allocates the result.
 *
 * @param network - the network's width and layers (`layers[0]` is W_1; the predictor is not read).
 * @returns `W̄`, d×d row-major.
 * @example
 * ```ts
 * // W_1 = [[1, 1], [0, 1]], W_2 = [[1, 0], [1, 1]]: W_2 W_1 = [[1, 1], [1, 2]]
 * encoderProduct({ d: 2, layers: [Float64Array.of(1, 1, 0, 1), Float64Array.of(1, 0, 1, 1)], predictor: new Float64Array(4) });
 * // => Float64Array [1, 1, 1, 2]
 * ```
 */
export function encoderProduct(network: Pick<Network, 'd' | 'layers'>): Float64Array {
  const d = network.d;
  let p: Float64Array = Float64Array.from(network.layers[0]);
  for (let a = 1; a < network.layers.length; a++) p = matmulReference(new Float64Array(d * d), network.layers[a], p, d, d, d);
  return p;
}
