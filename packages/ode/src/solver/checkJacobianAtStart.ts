/**
 * `options.checkJacobian`: the caller's Jacobian compared with central differences of
 * `f` at (t0, y0), before the integration starts, so that a wrong entry (a sign, a
 * factor, the transpose) is named instead of making a stiff method crawl or fail.
 *
 * @module
 */

import { InvalidArgumentError } from '@jepa-dynamics/core';
import type { CountedRhs } from './countedRhs.js';
import { jacobianEntry } from './guardedJacobian.js';
import { formatTime } from './statusMessage.js';
import type { JacobianFunction } from './types.js';

/** Relative agreement required of an entry (central differences are good to ~1e-10 here; a wrong entry is off by O(1)). */
const RELATIVE = 1e-3;
/** Entries below this fraction of their row's largest entry are compared against that scale (differences carry noise there). */
const ROW_FLOOR = 1e-6;
const CBRT_EPS = Math.cbrt(Number.EPSILON);

/**
 * Compares `jacobian(t0, y0)` with central differences `(f(y + δ_j e_j) − f(y − δ_j e_j)) / 2δ_j`,
 * `δ_j = ε^{1/3} · max(|y_j|, atol_j)` (atol_j = 0: 1e-5), whose truncation and rounding
 * errors are ~1e-10 relative for smooth f. An entry mismatches when
 * `|J_ij − D_ij| > 1e-3 · max(|J_ij|, |D_ij|) + 1e-6 · max_k |D_ik| + 100 ε (|f⁺_i| + |f⁻_i|) / 2δ_j`
 * (the last term bounds the rounding of the difference quotient).
 * Cost: 2n f-evaluations through `rhs` (counted in `nfev`) and one Jacobian call.
 *
 * @throws {InvalidArgumentError} naming the worst entry, and saying so when the
 *   caller's matrix is the transpose of ∂f/∂y.
 */
export function checkJacobianAtStart(jacobian: JacobianFunction, rhs: CountedRhs, t0: number, y0: Float64Array, atol: Float64Array): void {
  const n = y0.length;
  const given = new Float64Array(n * n);
  jacobian(t0, y0, given);
  const differences = new Float64Array(n * n);
  const rounding = new Float64Array(n * n);
  const y = y0.slice();
  const plus = new Float64Array(n);
  const minus = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const delta = CBRT_EPS * Math.max(Math.abs(y0[j]), atol[j] > 0 ? atol[j] : 1e-5);
    y[j] = y0[j] + delta;
    const up = y[j] - y0[j];
    rhs.eval(t0 - rhs.origin, y, plus);
    y[j] = y0[j] - delta;
    const down = y0[j] - y[j];
    rhs.eval(t0 - rhs.origin, y, minus);
    y[j] = y0[j];
    for (let i = 0; i < n; i++) {
      differences[i * n + j] = (plus[i] - minus[i]) / (up + down);
      rounding[i * n + j] = (100 * Number.EPSILON * (Math.abs(plus[i]) + Math.abs(minus[i]))) / (up + down);
    }
  }
  const bound = (k: number, value: number): number => {
    const i = Math.floor(k / n);
    let row = 0;
    for (let j = 0; j < n; j++) row = Math.max(row, Math.abs(differences[i * n + j]));
    return RELATIVE * Math.max(Math.abs(value), Math.abs(differences[k])) + ROW_FLOOR * row + rounding[k];
  };
  let worst = -1;
  let worstRatio = 1;
  for (let k = 0; k < n * n; k++) {
    const ratio = Math.abs(given[k] - differences[k]) / bound(k, given[k]);
    if (ratio > worstRatio) {
      worst = k;
      worstRatio = ratio;
    }
  }
  if (worst < 0) return;
  let transposeMatches = true;
  for (let k = 0; k < n * n && transposeMatches; k++) {
    const transposed = given[(k % n) * n + Math.floor(k / n)];
    if (Math.abs(transposed - differences[k]) > bound(k, transposed)) transposeMatches = false;
  }
  const i = Math.floor(worst / n);
  const j = worst % n;
  throw new InvalidArgumentError(
    'solveIvp',
    'options.jacobian',
    `must agree with ∂f/∂y (checkJacobian: central differences of f at t0 = ${formatTime(t0)}, y0); ${jacobianEntry(worst, n)}, ∂f_${i}/∂y_${j}, is ${given[worst]} but the differences give ${differences[worst]}${
      transposeMatches ? '. The matrix written is the transpose of ∂f/∂y: jac must be row-major, jac[i·n + j] = ∂f_i/∂y_j' : ''
    }`,
    jacobian,
  );
}
