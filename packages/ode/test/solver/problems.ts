/**
 * Test problems with independent truths, shared by the solver tests and bench.
 * (Not a test file: no `.test.ts` suffix.)
 */
import type { RhsFunction } from '../../src/index.js';
import { timeOfU } from '../../../../test/support/oracles/index.js';

/** Arenstorf orbit (Hairer, Nørsett & Wanner, Solving ODEs I, §II.0, (0.1)): periodic with period T. */
export const ARENSTORF = {
  mu: 0.012277471,
  y0: [0.994, 0, 0, -2.00158510637908252240537862224],
  T: 17.0652165601579625588917206249,
};

/** Right-hand side of the restricted three-body problem of the Arenstorf orbit. */
export const arenstorf: RhsFunction = (_t, y, dy) => {
  const mu = ARENSTORF.mu;
  const mup = 1 - mu;
  const r1 = (y[0] + mu) ** 2 + y[1] ** 2;
  const r2 = (y[0] - mup) ** 2 + y[1] ** 2;
  const d1 = r1 * Math.sqrt(r1);
  const d2 = r2 * Math.sqrt(r2);
  dy[0] = y[2];
  dy[1] = y[3];
  dy[2] = y[0] + 2 * y[3] - (mup * (y[0] + mu)) / d1 - (mu * (y[0] - mup)) / d2;
  dy[3] = y[1] - 2 * y[2] - (mup * y[1]) / d1 - (mu * y[1]) / d2;
};

/**
 * A non-autonomous rotation y' = ω(t)·(y2, −y1), ω(t) = 1 + t/2, whose exact
 * solution from (1, 0) is a rotation by the angle φ(t) = t + t²/4.
 */
export const rotation: RhsFunction = (t, y, dy) => {
  const w = 1 + t / 2;
  dy[0] = w * y[1];
  dy[1] = -w * y[0];
};
/** Exact solution of {@link rotation} from y(0) = (1, 0). */
export function rotationExact(t: number): [number, number] {
  const phi = t + (t * t) / 4;
  return [Math.cos(phi), -Math.sin(phi)];
}

/**
 * Scalar plateau-then-transition problem (the JEPA per-layer flow of docs/math.md §2):
 * du/dt = σ² u^{2L}(ρ − u), L = 4, σ² = 1, ρ = 1, u(0) = ε^{1/L}, ε = 1e-3.
 */
export const PLATEAU = { L: 4, sigma2: 1, rho: 1, epsilon: 1e-3 };
export const plateau: RhsFunction = (_t, y, dy) => {
  const u = y[0];
  const u2 = u * u;
  const u4 = u2 * u2;
  dy[0] = PLATEAU.sigma2 * u4 * u4 * (PLATEAU.rho - u);
};
/** Exact time to reach u from u0 for {@link plateau} (docs/math.md §3, partial fractions; test/support/oracles). */
export function plateauTime(u: number): number {
  const { L, sigma2, rho, epsilon } = PLATEAU;
  return timeOfU('jepa', L, sigma2 * rho, rho, epsilon, u);
}

/** y' = y·cos t, exact solution y = y0·exp(sin t). */
export const expSin: RhsFunction = (t, y, dy) => {
  dy[0] = y[0] * Math.cos(t);
};

/**
 * Free fall with drag-free gravity, z = (height, velocity), z' = (v, −g): the
 * exact solution is a quadratic, reproduced exactly (up to rounding) by any
 * Runge–Kutta method of order ≥ 2 and by the dense outputs of order ≥ 2.
 */
export const GRAVITY = 9.81;
export const freeFall: RhsFunction = (_t, y, dy) => {
  dy[0] = y[1];
  dy[1] = -GRAVITY;
};

/** Lotka–Volterra predator–prey system (nonlinear, non-stiff, no closed form). */
export const lotkaVolterra: RhsFunction = (_t, y, dy) => {
  dy[0] = y[0] * (1.5 - y[1]);
  dy[1] = y[1] * (y[0] - 3);
};
