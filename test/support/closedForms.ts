/**
 * Independent mathematics for the tests of the reproduced results (docs/math.md §2–3),
 * written out here so that no expected value comes from the packages under test:
 *
 * - critical times by the closed forms (JEPA: partial fractions; MAE: the split of §3
 *   with G summed as its power series);
 * - the leading-order formulas of §3, written out again;
 * - gradient descent with aligned balanced init reduced to its exact scalar recursion
 *   (balance v = w_a = u is preserved by every discrete step, §2).
 *
 * Shared by test/reproduce.test.ts and packages/experiments/test (not a test file).
 */

/** The two objectives, as the tests name them. */
export type Objective = 'jepa' | 'mae';

/** Per-layer rate du/dt of the balanced flow, gradient-flow time. */
export function rate(objective: Objective, sigma2: number, rho: number, L: number, u: number): number {
  return objective === 'jepa' ? sigma2 * u ** (2 * L) * (rho - u) : sigma2 * u ** L * (rho - u ** (L + 1));
}

/**
 * t(u) from u0 = ε^{1/L} by the closed forms of docs/math.md §3. JEPA: partial fractions.
 * MAE: the split 1/(s^L(ρ − s^{L+1})) = (1/ρ)s^{−L} + s/(ρ(ρ − s^{L+1})) with
 * G(u) = Σ_k u^{(L+1)k+2} / (ρ^{k+1}((L+1)k+2)), summed until the terms stop mattering.
 */
export function timeToReach(objective: Objective, lambda: number, rho: number, L: number, epsilon: number, u: number): number {
  const sigma2 = lambda / rho;
  const u0 = epsilon ** (1 / L);
  if (objective === 'jepa') {
    const n = 2 * L;
    let t = rho ** -n * Math.log((u * (rho - u0)) / (u0 * (rho - u)));
    for (let k = 2; k <= n; k++) t += (rho ** (k - n - 1) * (u0 ** (1 - k) - u ** (1 - k))) / (k - 1);
    return t / sigma2;
  }
  const G = (x: number): number => {
    const r = x ** (L + 1) / rho;
    let term = (x * x) / rho;
    let sum = 0;
    for (let k = 0; k < 50_000_000; k++) {
      const add = term / ((L + 1) * k + 2);
      sum += add;
      if (add < 1e-18 * sum) break;
      term *= r;
    }
    return sum;
  };
  const power = L === 1 ? Math.log(u / u0) : (u0 ** (1 - L) - u ** (1 - L)) / (L - 1);
  return (power + G(u) - G(u0)) / lambda;
}

/** Fixed point w̄∞ (docs/math.md §2). */
export function wbarInfinity(objective: Objective, rho: number, L: number): number {
  return objective === 'jepa' ? rho ** L : rho ** (L / (L + 1));
}

/** Per-layer fixed point u∞ = w̄∞^{1/L}. */
export function uInfinity(objective: Objective, rho: number, L: number): number {
  return objective === 'jepa' ? rho : rho ** (1 / (L + 1));
}

/** Exact t*_p, or null when ε ≥ p·w̄∞. */
export function criticalTime(objective: Objective, lambda: number, rho: number, L: number, epsilon: number, p = 0.5): number | null {
  if (!(epsilon < p * wbarInfinity(objective, rho, L))) return null;
  const uStar = objective === 'jepa' ? p ** (1 / L) * rho : p ** (1 / L) * rho ** (1 / (L + 1));
  return timeToReach(objective, lambda, rho, L, epsilon, uStar);
}

/** Leading order as ε → 0 (docs/math.md §3). */
export function leadingOrder(objective: Objective, lambda: number, rho: number, L: number, epsilon: number, p = 0.5): number {
  if (objective === 'jepa') {
    let s = 0;
    for (let n = 1; n <= 2 * L - 1; n++) s += 1 / (n * rho ** (2 * L - 1 - n) * epsilon ** (n / L));
    return s / lambda;
  }
  if (L === 1) return Math.log(((p * p) / (1 - p * p)) * ((rho - epsilon * epsilon) / (epsilon * epsilon))) / (2 * lambda);
  return epsilon ** (-(L - 1) / L) / ((L - 1) * lambda);
}

/** Indices sorted by time, first learned first; null times left out. */
export function order(times: readonly (number | null)[]): number[] {
  return times
    .map((t, i) => [t, i] as const)
    .filter((x): x is readonly [number, number] => x[0] !== null)
    .sort((x, y) => x[0] - y[0] || x[1] - y[1])
    .map((x) => x[1]);
}

/** Gradient descent with aligned balanced init, reduced exactly to u_{k+1} = u_k − η u_k^{…}(…): w̄ after each step. */
export function scalarGradientDescent(
  objective: Objective,
  lambda: number,
  rho: number,
  L: number,
  epsilon: number,
  eta: number,
  steps: number,
): Float64Array {
  const sigma2 = lambda / rho;
  const out = new Float64Array(steps + 1);
  let u = epsilon ** (1 / L);
  out[0] = u ** L;
  for (let k = 1; k <= steps; k++) {
    // ∂loss/∂v = ∂loss/∂w_a at v = w_a = u: JEPA u^{2L}(σ²u − λ), MAE u^L(σ²u^{L+1} − λ)
    const g = objective === 'jepa' ? u ** (2 * L) * (sigma2 * u - lambda) : u ** L * (sigma2 * u ** (L + 1) - lambda);
    u -= eta * g;
    out[k] = u ** L;
  }
  return out;
}

/** |a − b| / |b|. */
export const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

/**
 * How far (t, w̄) is from the exact solution from ε: the pair [|t(u) − t|, allowed] with
 * u = w̄^{1/L} and allowed = 1e-7 relative in t, or the time an error of 1e-8 in u
 * amounts to. `null` at t = 0 and within 1e-3 of the fixed point, where t(u) is
 * ill-conditioned.
 */
export function offSolution(
  objective: Objective,
  lambda: number,
  rho: number,
  L: number,
  epsilon: number,
  t: number,
  wbar: number,
): [number, number] | null {
  const u = wbar ** (1 / L);
  if (t === 0 || !(u < uInfinity(objective, rho, L) * (1 - 1e-3))) return null;
  const dtdu = 1 / rate(objective, lambda / rho, rho, L, u);
  return [Math.abs(timeToReach(objective, lambda, rho, L, epsilon, u) - t), 1e-7 * t + 1e-8 * u * dtdu];
}
