/**
 * Hairer's starting step size HINIT (Hairer, Nørsett & Wanner, *Solving ODEs I*,
 * §II.4, "Starting step size"), as in DOPRI5 and DOP853.
 *
 * @module
 */

import type { CountedRhs } from './countedRhs.js';

/**
 * Signed initial step from (t0, y0) towards `direction`, Hairer's HINIT:
 * a first guess `h0 = 0.01·‖y0‖/‖f0‖` (or 1e-6), one explicit Euler step to
 * estimate ‖y''‖, then `h1 = (0.01/max(‖f0‖, ‖y''‖))^(1/order)` and
 * `h = min(100·h0, h1, hMax)`. The norms are Hairer's (weighted by
 * `atol + rtol·|y0|`, summed without division by n). Costs one f-evaluation.
 * Kernel: assumes validated inputs; writes its scratch into `y1` and `f1`.
 */
export function initialStepSize(
  rhs: CountedRhs,
  t0: number,
  y0: Float64Array,
  f0: Float64Array,
  direction: number,
  order: number,
  hMax: number,
  rtol: number,
  atol: Float64Array,
  y1: Float64Array,
  f1: Float64Array,
): number {
  const n = y0.length;
  let dnf = 0;
  let dny = 0;
  for (let i = 0; i < n; i++) {
    const sk = atol[i] + rtol * Math.abs(y0[i]);
    dnf += (f0[i] / sk) ** 2;
    dny += (y0[i] / sk) ** 2;
  }
  let h = dnf <= 1e-10 || dny <= 1e-10 ? 1e-6 : Math.sqrt(dny / dnf) * 0.01;
  h = Math.min(h, hMax) * direction;
  for (let i = 0; i < n; i++) y1[i] = y0[i] + h * f0[i];
  rhs.eval(t0 + h, y1, f1);
  let der2 = 0;
  for (let i = 0; i < n; i++) {
    const sk = atol[i] + rtol * Math.abs(y0[i]);
    der2 += ((f1[i] - f0[i]) / sk) ** 2;
  }
  der2 = Math.sqrt(der2) / Math.abs(h);
  const der12 = Math.max(Math.abs(der2), Math.sqrt(dnf));
  let h1 = der12 <= 1e-15 ? Math.max(1e-6, Math.abs(h) * 1e-3) : (0.01 / der12) ** (1 / order);
  // A non-finite f at the Euler point would poison h1; fall back to the Euler guess
  // and let the step controller (and its non-finite handling) take over.
  if (!Number.isFinite(h1)) h1 = Math.abs(h);
  return Math.min(100 * Math.abs(h), h1, hMax) * direction;
}
