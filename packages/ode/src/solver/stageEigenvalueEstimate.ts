/**
 * Hairer's eigenvalue estimate of an explicit Runge–Kutta step (Hairer & Wanner,
 * *Solving ODEs II*, §IV.2; `dopri5.f`, `dop853.f`), shared by the DOPRI5 and
 * DOP853 steppers: what their stiffness test multiplies by |h|.
 *
 * @module
 */

/**
 * `‖f(t+h, y_new) − f(t+h, y_stage)‖₂/‖y_new − y_stage‖₂ ≈ |λ|`, where `y_stage` is
 * the argument of a stage evaluated at the same time `t + h` (DOPRI5: stage 6,
 * DOP853: stage 12): a difference quotient of f along the step's last two
 * arguments, so of the size of the dominant eigenvalue of ∂f/∂y there.
 * Kernel: no validation, no allocation.
 *
 * @param fNew - `f(t + h, y_new)`, length n.
 * @param fStage - `f(t + h, y_stage)`, length n.
 * @param yNew - the new state, length n.
 * @param yStage - the stage argument, length n.
 * @returns the estimate of `|λ|` (1/time); 0 when `y_new = y_stage`.
 * @example
 * ```ts
 * // f(y) = −10 y: the estimate recovers |λ| = 10
 * stageEigenvalueEstimate(Float64Array.of(-10), Float64Array.of(-20), Float64Array.of(1), Float64Array.of(2)); // => 10
 * ```
 */
export function stageEigenvalueEstimate(fNew: Float64Array, fStage: Float64Array, yNew: Float64Array, yStage: Float64Array): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < yNew.length; i++) {
    num += (fNew[i] - fStage[i]) ** 2;
    den += (yNew[i] - yStage[i]) ** 2;
  }
  return den > 0 ? Math.sqrt(num / den) : 0;
}
