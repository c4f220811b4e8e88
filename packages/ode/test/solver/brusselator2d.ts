/**
 * The two-dimensional Brusselator with diffusion, BRUSS-2D of Hairer & Wanner, *Solving
 * ODEs II* (2nd ed.), §IV.10, eq. (10.14)–(10.15): on the unit square with periodic
 * boundaries, N×N grid points x_i = i/N, the method of lines gives n = 2N² equations
 *
 *     u' = 1 + u²v − 4.4u + α Δ_h u + f(x, y, t),   v' = 3.4u − u²v + α Δ_h v,   α = 0.1,
 *
 * Δ_h the five-point Laplacian (1/N⁻²), f = 5 inside the disc (x − 0.3)² + (y − 0.6)² ≤ 0.01
 * for t ≥ 1.1 and 0 otherwise, u(0) = 22 y(1 − y)^{3/2}, v(0) = 27 x(1 − x)^{3/2}, t ∈ [0, 11.5].
 * The forcing switches on discontinuously, so the problem is integrated in two pieces
 * (as one restarts any solver at a known discontinuity): [0, 1.1] with `rhs(false)`,
 * then [1.1, 11.5] with `rhs(true)` ({@link integrateBrusselator}).
 * Layout: point (i, j) (x_i = i/N, y_j = j/N) holds u at 2(iN + j), v at 2(iN + j) + 1.
 * Shared by the bdf tests and bench/stiff.ts (not a test file: no `.test.ts` suffix).
 */
import type { JacobianVectorProduct, RhsFunction } from '../../src/solver/types.js';

/** The problem at grid size N: right-hand side, exact Jacobian-vector product, initial state. */
export interface Brusselator2d {
  readonly n: number;
  /** The right-hand side without (before t = 1.1) or with the forcing. */
  readonly rhs: (forced: boolean) => RhsFunction;
  readonly jvp: JacobianVectorProduct;
  readonly y0: Float64Array;
}

/** BRUSS-2D on an N×N grid (n = 2N²), diffusion α (default Hairer–Wanner's 0.1). */
export function brusselator2d(N: number, alpha = 0.1): Brusselator2d {
  const n = 2 * N * N;
  const c = alpha * N * N;
  const inDisc = new Uint8Array(N * N);
  const y0 = new Float64Array(n);
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < N; j++) {
      const x = i / N;
      const y = j / N;
      inDisc[i * N + j] = (x - 0.3) ** 2 + (y - 0.6) ** 2 <= 0.01 ? 1 : 0;
      y0[2 * (i * N + j)] = 22 * y * (1 - y) ** 1.5;
      y0[2 * (i * N + j) + 1] = 27 * x * (1 - x) ** 1.5;
    }
  }
  /** out = α Δ_h of component `s` (0: u, 1: v) of `w`, added with weight `scale`. */
  const laplacian = (w: Float64Array, p: number, i: number, j: number, s: number): number => {
    const ip = ((i + 1) % N) * N + j;
    const im = ((i + N - 1) % N) * N + j;
    const jp = i * N + ((j + 1) % N);
    const jm = i * N + ((j + N - 1) % N);
    return c * (w[2 * ip + s] + w[2 * im + s] + w[2 * jp + s] + w[2 * jm + s] - 4 * w[2 * p + s]);
  };
  const rhs =
    (forced: boolean): RhsFunction =>
    (_t, y, d) => {
      const forcing = forced ? 5 : 0;
      for (let i = 0; i < N; i++) {
        for (let j = 0; j < N; j++) {
          const p = i * N + j;
          const u = y[2 * p];
          const v = y[2 * p + 1];
          const uuv = u * u * v;
          d[2 * p] = 1 + uuv - 4.4 * u + laplacian(y, p, i, j, 0) + (inDisc[p] === 1 ? forcing : 0);
          d[2 * p + 1] = 3.4 * u - uuv + laplacian(y, p, i, j, 1);
        }
      }
    };
  const jvp: JacobianVectorProduct = (_t, y, w, out) => {
    for (let i = 0; i < N; i++) {
      for (let j = 0; j < N; j++) {
        const p = i * N + j;
        const u = y[2 * p];
        const v = y[2 * p + 1];
        const du = w[2 * p];
        const dv = w[2 * p + 1];
        const a = 2 * u * v;
        const b = u * u;
        out[2 * p] = (a - 4.4) * du + b * dv + laplacian(w, p, i, j, 0);
        out[2 * p + 1] = (3.4 - a) * du - b * dv + laplacian(w, p, i, j, 1);
      }
    }
  };
  return { n, rhs, jvp, y0 };
}

/** Where the forcing switches on. */
export const FORCING_TIME = 1.1;

/**
 * Integrates BRUSS-2D from 0 to `t1` (> 1.1) in the two pieces around the forcing's
 * switch, with the same options for both; returns the state at t1 and the summed work.
 */
export function integrateBrusselator(
  b: Brusselator2d,
  t1: number,
  solve: (
    f: RhsFunction,
    tspan: [number, number],
    y0: Float64Array,
  ) => { status: string; y: Float64Array[]; stats: Record<string, number | undefined> },
): { status: string; y: Float64Array; stats: Record<string, number> } {
  const first = solve(b.rhs(false), [0, FORCING_TIME], b.y0);
  const stats: Record<string, number> = {};
  const add = (s: Record<string, number | undefined>): void => {
    for (const [key, v] of Object.entries(s)) if (v !== undefined) stats[key] = (stats[key] ?? 0) + v;
  };
  add(first.stats);
  if (first.status !== 'success') return { status: first.status, y: first.y[first.y.length - 1], stats };
  const second = solve(b.rhs(true), [FORCING_TIME, t1], first.y[first.y.length - 1]);
  add(second.stats);
  return { status: second.status, y: second.y[second.y.length - 1], stats };
}
