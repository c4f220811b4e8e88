/**
 * The public entry point of the initial-value-problem solver.
 *
 * @module
 */

import { DOP853 } from './dop853.js';
import { DOPRI5 } from './dopri5.js';
import { integrateWithStepper } from './integrate.js';
import { normalizeProblem } from './normalizeProblem.js';
import { integrateWithOdex } from './odex.js';
import { RODAS4 } from './rodas4.js';
import type { ControllerSettings, MethodDefinition } from './stepper.js';
import type { Method, RhsFunction, SolveOptions, SolveResult } from './types.js';

/** The Runge–Kutta method definitions by name; `null` for methods with their own driver. */
function rungeKuttaMethod(method: Method): MethodDefinition | null {
  switch (method) {
    case 'dopri5':
      return DOPRI5;
    case 'dop853':
      return DOP853;
    case 'odex':
      return null;
    case 'rodas4':
      return RODAS4;
  }
}

/**
 * Solves the initial-value problem `y' = f(t, y)`, `y(t0) = y0` on `[t0, t1]`
 * (or `[t1, t0]` backwards when `t1 < t0`) with an adaptive explicit method:
 * Hairer's DOPRI5 (default) or DOP853, or Hairer's GBS extrapolation code ODEX
 * (the npm package `odex`); for stiff problems the Rosenbrock method `'rodas4'`.
 * For DOPRI5 and DOP853, step control, initial step, stiffness test and work
 * counters follow Hairer's Fortran codes, so the f-evaluation counts match theirs.
 * A guide with a runnable example: docs/solver.md.
 *
 * Cost: per accepted step 6 f-evaluations (dopri5) or 12 (dop853; 15 when dense
 * output is needed), plus output storage. Nothing is allocated per f-call.
 *
 * A failed run (`status` other than `'success'`/`'event'`) still returns what was
 * computed up to the time reached; the `message` states that time. Check `status`.
 *
 * @param f - right-hand side, writes `dy/dt` into its third argument.
 * @param tspan - `[t0, t1]`, finite, `t1 ≠ t0`; time in the caller's unit.
 * @param y0 - initial state (finite numbers, length n ≥ 1).
 * @param options - see {@link SolveOptions}; defaults are Hairer's.
 * @returns times, states, status, message, statistics, events, and `sol` when `dense`.
 * @throws {InvalidArgumentError} for invalid arguments (naming the argument, rule and value),
 *   and when an event function throws or returns a non-finite value.
 * @example
 * ```ts
 * // y' = -y, y(0) = 1, so y(1) = e^{-1}
 * const r = solveIvp((t, y, dy) => { dy[0] = -y[0]; }, [0, 1], [1], { rtol: 1e-10, atol: 1e-12 });
 * r.status;                                     // => 'success'
 * Math.abs(r.y[r.y.length - 1][0] - Math.exp(-1)) < 1e-9; // => true
 * ```
 */
export function solveIvp(
  f: RhsFunction,
  tspan: readonly [number, number],
  y0: ArrayLike<number>,
  options: SolveOptions = {},
): SolveResult {
  const problem = normalizeProblem(f, tspan, y0, options, controllerDefaults);
  const rk = rungeKuttaMethod(problem.method);
  if (rk !== null) return integrateWithStepper(rk, problem);
  return integrateWithOdex(problem);
}

function controllerDefaults(method: Method): ControllerSettings | null {
  const rk = rungeKuttaMethod(method);
  return rk === null ? null : rk.defaults;
}
