/**
 * The public entry point of the initial-value-problem solver.
 *
 * @module
 */

import { integrate } from './integrate.js';
import { normalizeProblem } from './normalizeProblem.js';
import type { RhsFunction, SolveOptions, SolveResult } from './types.js';

/**
 * Solves the initial-value problem `y' = f(t, y)`, `y(t0) = y0` on `[t0, t1]`
 * (or `[t1, t0]` backwards when `t1 < t0`) with one of the registered methods
 * ({@link solverMethods}): Hairer's explicit DOPRI5 (default) or DOP853, his GBS
 * extrapolation code ODEX (the npm package `odex`), the stiff Rosenbrock method
 * RODAS4, or `'auto'`, which switches between an explicit and a stiff method as
 * Hairer's stiffness test finds. For DOPRI5 and DOP853, step control, initial
 * step, stiffness test and work counters follow Hairer's Fortran codes, so the
 * f-evaluation counts match theirs. With `clockRestart`, solutions with long
 * plateaus and fast transitions are integrated on a restarted local clock.
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
 * @returns times, states, status, message, statistics, events, `sol` when `dense`,
 *   `switches` with `method: 'auto'`, `segments` with `clockRestart`.
 * @throws {InvalidArgumentError} for invalid arguments (naming the argument, rule and value),
 *   and when an event function (or the `clockRestart` measure) throws or returns a non-finite value.
 * @example
 * ```ts
 * // y' = -y, y(0) = 1, so y(1) = e^{-1}
 * const r = solveIvp((t, y, dy) => { dy[0] = -y[0]; }, [0, 1], [1], { rtol: 1e-10, atol: 1e-12 });
 * r.status;                                     // => 'success'
 * Math.abs(r.y[r.y.length - 1][0] - Math.exp(-1)) < 1e-9; // => true
 * // A stiff stretch: y' = −1e4 (y − cos t). 'auto' starts with dopri5 and switches to rodas4.
 * const s = solveIvp((t, y, dy) => { dy[0] = -1e4 * (y[0] - Math.cos(t)); }, [0, 10], [1], { method: 'auto' });
 * s.status;                                     // => 'success'
 * s.switches?.map((w) => w.to);                 // => ['rodas4']
 * ```
 */
export function solveIvp(f: RhsFunction, tspan: readonly [number, number], y0: ArrayLike<number>, options: SolveOptions = {}): SolveResult {
  return integrate(normalizeProblem(f, tspan, y0, options));
}
