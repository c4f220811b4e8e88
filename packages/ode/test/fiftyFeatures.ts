/**
 * The issue's 50-feature stiff problem with its exact solution, shared by
 * coupledFlow.test.ts and bench/stiff.ts (not a test file: no `.test.ts` suffix).
 * L = 3, ε = 1e-3, σ² = logspace(−2, 2, 50), ρ uniform in (0.1, 0.9) (mulberry32, seed 2024),
 * JEPA per-layer flows; T is the median of the features' times to reach 0.99ρ.
 */
import { mulberry32, timeOfU, uAt } from '../../../test/support/oracles/index.js';

/** Number of features. */
export const N = 50;
/** Encoder depth. */
export const L = 3;
/** Initialisation scale: w̄(0) = ε, so u(0) = ε^{1/L}. */
export const EPS = 1e-3;

const random = mulberry32(2024);
/** σ²_i = 10^{−2 + 4i/(N−1)}. */
export const sigma2: readonly number[] = Array.from({ length: N }, (_, i) => 10 ** (-2 + (4 * i) / (N - 1)));
/** ρ_i uniform in (0.1, 0.9), seeded. */
export const rho: readonly number[] = Array.from({ length: N }, () => 0.1 + 0.8 * random());

/** docs/math.md §3, JEPA: the exact time feature i takes to go from u0 to u (closed form). */
export function tOf(u: number, i: number): number {
  return timeOfU('jepa', L, sigma2[i] * rho[i], rho[i], EPS, u);
}

/** Exact u_i(t), by bisection of the closed-form t(u). */
export function exactU(t: number, i: number): number {
  return uAt('jepa', L, sigma2[i] * rho[i], rho[i], EPS, t);
}

const reach = rho.map((p, i) => tOf(0.99 * p, i)).sort((a, b) => a - b);
/** End time: the median of the 50 times to reach 0.99ρ. */
export const T = 0.5 * (reach[N / 2 - 1] + reach[N / 2]);
