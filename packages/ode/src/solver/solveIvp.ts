/**
 * The public entry point of the initial-value-problem solver.
 *
 * @module
 */

import { integrate } from './integrate.js';
import { normalizeProblem } from './normalizeProblem.js';
import type { DenseSolveResult, RhsFunction, SolveOptions, SolveResult } from './types.js';

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
 * A callback that throws (`f`, `jacobian`, an event function) ends the run with status
 * `'f-error'` and the error as `cause`; `onStep` and `signal` watch and stop a run
 * (`'stopped'`, `'aborted'`). For a run you drive step by step, see {@link createIntegrator}.
 *
 * Misuse is rejected, not integrated: an unknown option name (the closest valid one is
 * suggested), `rtol` below 100·2⁻⁵², and on the first call an `f` that returns a value
 * or a Promise instead of writing `dydt`, leaves a component unwritten (`y0` longer than
 * the system), or changes `y`; a `jacobian` that leaves an entry unwritten or non-finite.
 *
 * @typeParam P - type of `options.params`, passed to `f`, `jacobian` and event functions.
 * @param f - right-hand side, writes `dy/dt` into its third argument (and receives `options.params` as its fourth).
 * @param tspan - `[t0, t1]`, finite, `t1 ≠ t0`; time in the caller's unit.
 * @param y0 - initial state (finite numbers, length n ≥ 1).
 * @param options - see {@link SolveOptions}; defaults are Hairer's.
 * @returns times, states, status, message, statistics, events, `sol` when `dense`
 *   (typed as present: {@link DenseSolveResult}), `switches` with `method: 'auto'`,
 *   `segments` with `clockRestart`, `cause` with `'f-error'` and `'aborted'`.
 * @throws {InvalidArgumentError} for invalid arguments and misused callbacks (naming the
 *   argument, the rule and the value).
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
 * // One f for many parameter sets: y' = −k y.
 * const decay = (t: number, y: Float64Array, dy: Float64Array, p: { k: number }): void => { dy[0] = -p.k * y[0]; };
 * const runs = [1, 2].map((k) => solveIvp(decay, [0, 1], [1], { params: { k }, dense: true, rtol: 1e-10, atol: 1e-12 }));
 * Math.abs(runs[1].sol(0.5)[0] - Math.exp(-1)) < 1e-9; // => true  (sol is typed as present with dense: true)
 * // A misspelt option is an error, not a silent default.
 * solveIvp(decay, [0, 1], [1], { params: { k: 1 }, max_step: 0.1 } as never);
 * // => throws InvalidArgumentError: did you mean 'maxStep'?
 * ```
 */
export function solveIvp<P = void>(
  f: RhsFunction<P>,
  tspan: readonly [number, number],
  y0: ArrayLike<number>,
  options: SolveOptions<P> & { dense: true },
): DenseSolveResult;
/** {@inheritDoc solveIvp:(0)} */
export function solveIvp<P = void>(
  f: RhsFunction<P>,
  tspan: readonly [number, number],
  y0: ArrayLike<number>,
  options?: SolveOptions<P>,
): SolveResult;
export function solveIvp<P = void>(
  f: RhsFunction<P>,
  tspan: readonly [number, number],
  y0: ArrayLike<number>,
  options: SolveOptions<P> = {},
): SolveResult {
  return integrate(normalizeProblem(f, tspan, y0, options));
}
