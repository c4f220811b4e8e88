/**
 * The exact (population) gradients of a network, by the training kernel.
 * @module
 */
import { InvalidArgumentError, createMatrixWorkspace, type Objective, type KernelBackend } from '@jepa-dynamics/core';
import type { Covariances, Network } from '../model/types.js';
import { validateCovariances } from '../model/validateCovariances.js';
import { createTrainingKernel, kernelCapacity } from './trainingKernel.js';

/** Gradients of the loss with respect to each layer `W_a` (`layers[a − 1]`) and to V. */
export interface NetworkGradients {
  layers: Float64Array[];
  predictor: Float64Array;
}

/**
 * The gradients {@link train} descends (docs/math.md §1): with `E = VW̄Σxx − TΣyx`,
 * `∇V = E W̄ᵀ`, `∇W̄ = VᵀE`, `∇W_a = (W_L⋯W_{a+1})ᵀ ∇W̄ (W_{a−1}⋯W_1)ᵀ`, where
 * `T = W̄` (JEPA, StopGrad: no derivative through the target branch), the
 * product of `targetLayers` (JEPA with an EMA target) or `T = I` with `W̄Σyx`
 * replaced by `Σyx` (MAE). These are the derivatives of {@link networkLoss} with
 * the target held fixed.
 *
 * @param network - the point of evaluation.
 * @param cov - second moments.
 * @param objective - `'jepa'` or `'mae'`.
 * @param targetLayers - JEPA only: the target encoder's layers (default: the online ones).
 * @param backend - matrix-product backend (default `'auto'`).
 * @throws InvalidArgumentError for an unknown objective, or sizes that do not match the covariances.
 * @returns the gradients (fresh arrays).
 * @example
 * ```ts
 * const s = (x: number) => Float64Array.of(x);
 * const g = networkGradients({ d: 1, layers: [s(1)], predictor: s(2) }, { kind: 'diagonal', sigmaXX: s(1), sigmaYX: s(0.5) }, 'mae');
 * g.predictor; // => Float64Array [1.5]  (∇V = E W̄ᵀ with E = VW̄σ² − λ = 1.5)
 * g.layers[0]; // => Float64Array [3]  (∇W̄ = VᵀE)
 * ```
 */
export function networkGradients(
  network: Network,
  cov: Covariances,
  objective: Objective,
  targetLayers?: Float64Array[],
  backend: KernelBackend | 'auto' = 'auto',
): NetworkGradients {
  const where = 'networkGradients';
  if (objective !== 'jepa' && objective !== 'mae') throw new InvalidArgumentError(where, 'objective', 'must be "jepa" or "mae"', objective);
  const d = validateCovariances(cov, where);
  const depth = network.layers.length;
  if (network.d !== d) throw new InvalidArgumentError(where, 'network.d', `must equal the covariances' width ${d}`, network.d);
  if (depth < 1) throw new InvalidArgumentError(where, 'network.layers', 'must hold at least one layer', depth);
  const all = [...network.layers, network.predictor, ...(targetLayers ?? [])];
  all.forEach((m, i) => {
    if (m.length !== d * d)
      throw new InvalidArgumentError(where, 'network matrices', `must each have d² = ${d * d} entries (matrix ${i})`, m.length);
  });
  if (targetLayers !== undefined && targetLayers.length !== depth)
    throw new InvalidArgumentError(where, 'targetLayers', `must hold ${depth} layers`, targetLayers.length);
  const separateTarget = targetLayers !== undefined && objective === 'jepa';
  const kernelOptions = { objective, d, depth, covarianceKind: cov.kind, separateTarget };
  const ws = createMatrixWorkspace({ capacity: kernelCapacity(kernelOptions), largestMatrix: d * d, backend });
  const kernel = createTrainingKernel(ws, kernelOptions);
  kernel.load(network, separateTarget ? targetLayers : undefined);
  kernel.cov.sigmaXX.set(cov.sigmaXX);
  kernel.cov.sigmaYX.set(cov.sigmaYX);
  kernel.forward();
  kernel.gradients();
  return { layers: kernel.gradLayers.map((g) => Float64Array.from(g)), predictor: Float64Array.from(kernel.gradPredictor) };
}
