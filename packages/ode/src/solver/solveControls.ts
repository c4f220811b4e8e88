/**
 * The options of {@link solveIvp} that watch and steer a run rather than shape its
 * steps: `params` for `f`, `onStep` and `signal` to watch and stop, and
 * `checkJacobian` to check a hand-written Jacobian first.
 *
 * @module
 */

/** What `onStep` learns with each accepted step. */
export interface StepStats {
  /** Right-hand-side evaluations so far (the run's `stats.nfev` up to now). */
  readonly nfev: number;
  /** Accepted steps so far. */
  readonly naccepted: number;
  /** The signed size of the step just accepted (time unit of `tspan`). */
  readonly h: number;
}

/**
 * The part of a DOM/Node `AbortSignal` the solver reads: any `AbortSignal` (from an
 * `AbortController`, or `AbortSignal.timeout(ms)`) fits.
 */
export interface AbortSignalLike {
  /** Whether the signal has been aborted. */
  readonly aborted: boolean;
  /** Why (the result's `cause` when the run is aborted). */
  readonly reason?: unknown;
}

/**
 * Watching and steering a run (part of `SolveOptions`).
 *
 * @example
 * ```ts
 * const decay = (t: number, y: Float64Array, dy: Float64Array): void => { dy[0] = -y[0]; };
 * // onStep sees every accepted step; returning false stops the run where it is.
 * const seen: number[] = [];
 * const r = solveIvp(decay, [0, 10], [1], { onStep: (t, y, stats) => { seen.push(stats.naccepted); return t < 2; } });
 * r.status;                                      // => 'stopped'
 * r.t[r.t.length - 1] >= 2 && seen.length === r.t.length - 1; // => true
 * // An AbortSignal, here aborted from onStep after 3 steps: status 'aborted', the reason as cause.
 * const controller = new AbortController();
 * const a = solveIvp(decay, [0, 10], [1], {
 *   signal: controller.signal,
 *   onStep: (t, y, stats) => { if (stats.naccepted === 3) controller.abort('enough'); },
 * });
 * [a.status, a.cause, a.t.length];               // => ['aborted', 'enough', 4]
 * ```
 */
export interface SolveControls<P = void> {
  /**
   * Passed as the last argument of `f`, `jacobian` and every event function `g`, so that
   * one right-hand side serves many parameter sets (no closure per set). Not copied:
   * do not change it during a run.
   */
  params?: P;
  /**
   * Called after every accepted step with the time reached, the state there and the
   * statistics so far; return `false` to end the run with status `'stopped'` (anything
   * else continues). `y` is the solver's buffer: read it or copy it, do not keep or
   * modify it. The step has already been recorded (events and `tEval` outputs included).
   * Costs one call per step; use it for progress reports, live plots, or a stop rule of
   * your own (a wall-clock budget, a quantity crossing a bound, …).
   */
  onStep?: (t: number, y: Float64Array, stats: StepStats) => unknown;
  /**
   * Checked before the first step and after every accepted step: once aborted, the run
   * ends with status `'aborted'`, the time reached, the partial result and the signal's
   * `reason` as `cause`. `solveIvp` runs synchronously, so a signal aborted by a timer or
   * an event handler takes effect only once the JavaScript thread is free: abort it from
   * `onStep`, share it with other work, or use {@link createIntegrator} in a loop that
   * yields (`await`) between steps.
   */
  signal?: AbortSignalLike;
  /**
   * Compare `options.jacobian` with central differences of `f` at (t0, y0) before the
   * integration starts, and reject it naming the first wrong entry (and saying so when
   * it is the transpose). Costs 2n f-evaluations (counted in `nfev`) and one Jacobian
   * call. Default false. Requires `jacobian`.
   */
  checkJacobian?: boolean;
}
