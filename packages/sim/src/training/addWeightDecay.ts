/**
 * Weight decay on the gradients of a training kernel.
 * @module
 */
import type { TrainingKernel } from './trainingKernel.js';

/**
 * Adds γθ to the gradient of every parameter matrix θ ∈ {W_1, …, W_L, V}: the gradient of
 * ½γ Σ_θ ‖θ‖²_F, so that gradient descent minimises the objective plus that penalty (an EMA
 * target, if any, is not a parameter and is not decayed). Call it between `gradients()`
 * and `update()`. Per feature with balanced aligned initialisation the flow becomes
 * du/dt = σ²u^{2L}(ρ − u) − γu (JEPA) or σ²u^L(ρ − u^{L+1}) − γu (MAE): see
 * docs/derivation.md, "Your own flow". Cost O(L d²).
 *
 * @param kernel - the kernel, after `gradients()`.
 * @param gamma - γ ≥ 0 (not validated here: the kernel half of the validate → kernel split; {@link train} validates).
 * @example
 * ```ts
 * const options = { objective: 'mae', d: 1, depth: 1, covarianceKind: 'diagonal' } as const;
 * const ws = createMatrixWorkspace({ capacity: kernelCapacity(options), largestMatrix: 1 });
 * const kernel = createTrainingKernel(ws, options);
 * kernel.load({ d: 1, layers: [Float64Array.of(0.5)], predictor: Float64Array.of(0.5) });
 * kernel.cov.sigmaXX[0] = 1;
 * kernel.cov.sigmaYX[0] = 1;
 * kernel.forward();
 * kernel.gradients();
 * addWeightDecay(kernel, 0.2);
 * kernel.gradPredictor; // => Float64Array [-0.275]  (−0.375 + 0.2·0.5)
 * ```
 */
export function addWeightDecay(kernel: Pick<TrainingKernel, 'layers' | 'gradLayers' | 'predictor' | 'gradPredictor'>, gamma: number): void {
  if (gamma === 0) return;
  kernel.layers.forEach((w, a) => decay(kernel.gradLayers[a], w, gamma));
  decay(kernel.gradPredictor, kernel.predictor, gamma);
}

/** `g ← g + γ w`. */
function decay(g: Float64Array, w: Float64Array, gamma: number): void {
  for (let i = 0; i < g.length; i++) g[i] += gamma * w[i];
}
