/**
 * Gradient descent on the deep linear network from the aligned balanced start, reduced
 * exactly to one scalar recursion per feature (docs/math.md §2: every discrete step keeps
 * v = w_a = u), written for the tests independently of the packages.
 */
import type { Objective } from '@jepa-dynamics/core';

/**
 * w̄ = u^L after each of `steps` steps of size η from u0 = ε^{1/L} (index 0: the start), with
 * ∂loss/∂v = ∂loss/∂w_a = JEPA u^{2L}(σ²u − λ), MAE u^L(σ²u^{L+1} − λ), σ² = λ/ρ.
 */
export function scalarGradientDescent(
  objective: Objective,
  L: number,
  lambda: number,
  rho: number,
  epsilon: number,
  eta: number,
  steps: number,
): Float64Array {
  const sigma2 = lambda / rho;
  const out = new Float64Array(steps + 1);
  let u = epsilon ** (1 / L);
  out[0] = u ** L;
  for (let k = 1; k <= steps; k++) {
    const g = objective === 'jepa' ? u ** (2 * L) * (sigma2 * u - lambda) : u ** L * (sigma2 * u ** (L + 1) - lambda);
    u -= eta * g;
    out[k] = u ** L;
  }
  return out;
}
