/**
 * The caller's Jacobian as the stiff methods call it: with `options.params`, checked
 * on its first call, and with a throw turned into status `'f-error'`.
 *
 * The first call fills `jac` with NaN first and then requires every one of the n²
 * entries to be written and finite: a Jacobian that writes only its nonzero entries
 * (relying on a zeroed buffer), writes n entries instead of n², or returns Infinity
 * would otherwise make a stiff method take wrong or endless steps silently. (Writing
 * the transpose is caught only by comparison with finite differences: the option
 * `checkJacobian`, see `checkJacobianAtStart.ts`.)
 *
 * @module
 */

import { InvalidArgumentError } from '@jepa-dynamics/core';
import { failureOf } from './callbackFailure.js';
import { formatTime } from './statusMessage.js';
import type { JacobianFunction } from './types.js';

const WHERE = 'solveIvp';

/** `jac[1] (row 0, column 1)`: an entry of a row-major n×n matrix. */
export function jacobianEntry(k: number, n: number): string {
  return `jac[${k}] (row ${Math.floor(k / n)}, column ${k % n})`;
}

/**
 * Wraps the caller's Jacobian (see the module comment).
 * @param jacobian - `options.jacobian`.
 * @param n - the dimension.
 * @param params - `options.params`, passed as the 4th argument.
 * @returns the checked Jacobian `(t, y, jac) => void`.
 */
export function guardedJacobian<P>(jacobian: JacobianFunction<P>, n: number, params: P): JacobianFunction {
  let checked = false;
  const call = (t: number, y: Float64Array, jac: Float64Array): unknown => {
    try {
      return (jacobian as (t: number, y: Float64Array, jac: Float64Array, params: P) => unknown)(t, y, jac, params);
    } catch (e) {
      throw failureOf('options.jacobian', t, e);
    }
  };
  return (t, y, jac) => {
    if (checked) {
      call(t, y, jac);
      return;
    }
    checked = true;
    jac.fill(Number.NaN, 0, n * n);
    const returned = call(t, y, jac);
    if (returned !== undefined) {
      throw new InvalidArgumentError(
        WHERE,
        'options.jacobian',
        'must write ∂f/∂y into its preallocated argument jac (row-major) and return nothing; it returned a value (a returned matrix is not read)',
        jacobian,
      );
    }
    const unwritten: number[] = [];
    for (let k = 0; k < n * n; k++) {
      const v = jac[k];
      if (Number.isNaN(v)) unwritten.push(k);
      else if (!Number.isFinite(v)) {
        throw new InvalidArgumentError(
          WHERE,
          'options.jacobian',
          `must write finite values; on its first call, at t = ${formatTime(t)}, it wrote ${v} into ${jacobianEntry(k, n)}`,
          jacobian,
        );
      }
    }
    if (unwritten.length === 0) return;
    const listed = unwritten.slice(0, 4).map((k) => jacobianEntry(k, n));
    throw new InvalidArgumentError(
      WHERE,
      'options.jacobian',
      `must write all n² = ${n * n} entries of ∂f/∂y row-major (jac[i·n + j] = ∂f_i/∂y_j), zeros included, as finite numbers; on its first call, at t = ${formatTime(t)}, it left ${listed.join(', ')}${unwritten.length > 4 ? `, … (${unwritten.length} in all)` : ''} unwritten (or wrote NaN there)`,
      jacobian,
    );
  };
}
