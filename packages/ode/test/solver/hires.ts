/**
 * HIRES, the 8-component "High Irradiance RESponse" photomorphogenesis problem of
 * Schäfer (1975), as in Hairer & Wanner, *Solving ODEs II*, §IV.10, and the "Test Set
 * for IVP Solvers" (Mazzia et al.): t ∈ [0, 321.8122]. (Not a test file.)
 */
import type { JacobianFunction, RhsFunction } from '../../src/solver/types.js';

/** Initial value and end of the interval. */
export const HIRES = {
  y0: [1, 0, 0, 0, 0, 0, 0, 0.0057],
  tEnd: 321.8122,
  /**
   * y(321.8122) of the Test Set (its `hiressol`: "computed using true double precision
   * RADAU5 on Cray C90, uround = 1.01e-19, rtol = atol = h0 = 1.1e-18").
   */
  published: [
    0.7371312573325668e-3, 0.1442485726316185e-3, 0.5888729740967575e-4, 0.1175651343283149e-2, 0.2386356198831331e-2,
    0.6238968252742796e-2, 0.2849998395185769e-2, 0.2850001604814231e-2,
  ],
};

/** The right-hand side, written as in the Test Set (and Hairer's driver). */
export const hires: RhsFunction = (_t, y, f) => {
  f[0] = -1.71 * y[0] + 0.43 * y[1] + 8.32 * y[2] + 0.0007;
  f[1] = 1.71 * y[0] - 8.75 * y[1];
  f[2] = -10.03 * y[2] + 0.43 * y[3] + 0.035 * y[4];
  f[3] = 8.32 * y[1] + 1.71 * y[2] - 1.12 * y[3];
  f[4] = -1.745 * y[4] + 0.43 * y[5] + 0.43 * y[6];
  f[5] = -280 * y[5] * y[7] + 0.69 * y[3] + 1.71 * y[4] - 0.43 * y[5] + 0.69 * y[6];
  f[6] = 280 * y[5] * y[7] - 1.81 * y[6];
  f[7] = -f[6];
};

/** Its Jacobian, row-major. */
export const hiresJac: JacobianFunction = (_t, y, J) => {
  J.fill(0);
  const set = (i: number, j: number, v: number): void => {
    J[i * 8 + j] = v;
  };
  set(0, 0, -1.71);
  set(0, 1, 0.43);
  set(0, 2, 8.32);
  set(1, 0, 1.71);
  set(1, 1, -8.75);
  set(2, 2, -10.03);
  set(2, 3, 0.43);
  set(2, 4, 0.035);
  set(3, 1, 8.32);
  set(3, 2, 1.71);
  set(3, 3, -1.12);
  set(4, 4, -1.745);
  set(4, 5, 0.43);
  set(4, 6, 0.43);
  set(5, 3, 0.69);
  set(5, 4, 1.71);
  set(5, 5, -0.43 - 280 * y[7]);
  set(5, 6, 0.69);
  set(5, 7, -280 * y[5]);
  set(6, 5, 280 * y[7]);
  set(6, 6, -1.81);
  set(6, 7, 280 * y[5]);
  set(7, 5, -280 * y[7]);
  set(7, 6, 1.81);
  set(7, 7, -280 * y[5]);
};
