/**
 * docs/math.md §3's closed-form critical time written for the tests, independently of the
 * library's `implicitTime` (plain formulas, no expm1/log1p rearrangement, G by its plain
 * power series), and checked against 40-digit mpmath quadrature in
 * flows-critical-time.test.ts (fixtures/flows-critical-times.py). Shared by that test,
 * test/cli-order.test.ts and test/embedding-example.test.ts (not a test file). The JEPA
 * t(u) is jepaClosedForm.ts's, so the mpmath check covers that too.
 */
import { jepaTimeOfU } from './jepaClosedForm.js';

/** docs/math.md §3 t(u*) in gradient-flow time, straight from the formulas; undefined if there is no critical time. */
export function closedFormCriticalTime(
  objective: 'jepa' | 'mae',
  L: number,
  lambda: number,
  rho: number,
  epsilon: number,
  p = 0.5,
): number | undefined {
  const sigma2 = lambda / rho;
  const u0 = Math.pow(epsilon, 1 / L);
  if (objective === 'jepa') {
    if (!(epsilon < p * Math.pow(rho, L))) return undefined;
    return jepaTimeOfU(Math.pow(p, 1 / L) * rho, sigma2, rho, L, u0);
  }
  if (!(epsilon < p * Math.pow(rho, L / (L + 1)))) return undefined;
  const u = Math.pow(p, 1 / L) * Math.pow(rho, 1 / (L + 1));
  const G = (x: number): number => {
    if (L === 1) return -0.5 * Math.log(1 - (x * x) / rho);
    // Σ_k x^{(L+1)k+2} / (ρ^{k+1} ((L+1)k+2)), with z^k = (x^{L+1}/ρ)^k formed by repeated products (no underflow of ρ^{k+1})
    const z = Math.pow(x, L + 1) / rho;
    let sum = 0;
    let zk = 1;
    for (let k = 0; k < 200_000; k++) {
      const term = zk / ((L + 1) * k + 2);
      sum += term;
      if (term < 1e-18 * sum) break;
      zk *= z;
    }
    return ((x * x) / rho) * sum;
  };
  const power = L === 1 ? Math.log(u / u0) : (Math.pow(u0, 1 - L) - Math.pow(u, 1 - L)) / (L - 1);
  return (power + G(u) - G(u0)) / lambda;
}
