/**
 * The `'odex'` method: Hairer's GBS extrapolation code ODEX as ported by the npm
 * package `odex` (2.0.4), behind the options and result shape of {@link solveIvp}.
 *
 * The package drives its own step loop (1-based `number[]` arrays, allocating),
 * so it does not use the Runge–Kutta driver; it shares the output side
 * ({@link SolutionRecorder}: tEval, events, `sol`) through its per-step callback.
 * Its dense output is a per-component closure `dense(i, x)` valid during one
 * step only; when dense output is needed, each step's interpolant (a polynomial
 * of degree ≤ 19) is stored exactly by sampling it at 20 Chebyshev–Lobatto nodes.
 *
 * Differences from the Runge–Kutta methods, by design of the package:
 * - Its controller is ODEX's (not configurable here; `safety`, `facMin`,
 *   `facMax`, `beta` are rejected) and it has no stiffness test.
 * - It switches to the step-number sequence 4·j − 2 and an interpolation-error
 *   check when dense output is needed (`dense`, `tEval`, `events`), so such runs
 *   take slightly different steps.
 * - `stats.nfev` counts every call of `f` (the package's own `nEval` omits the
 *   extra evaluation its dense output makes per step); `stats` otherwise reports
 *   the package's counters (`nsteps` = its nStep).
 * - The package floors the first step at 1e-4 (in absolute time).
 *
 * @module
 */

import { Outcome, Solver } from 'odex';
import { CHEBYSHEV_DEGREE, CHEBYSHEV_NODES, chebyshevEvaluate } from './chebyshevInterpolant.js';
import type { NormalizedProblem } from './normalizeProblem.js';
import { SolutionRecorder } from './solutionRecorder.js';
import type { SolveResult, SolveStats } from './types.js';

/** Thrown inside the package's callbacks to stop it when f returns a non-finite value. */
class NonFiniteSignal {
  constructor(
    readonly t: number,
    readonly component: number,
    readonly value: number,
  ) {}
}

/** Integrates a validated problem with the `odex` package. Kernel behind {@link solveIvp}. */
export function integrateWithOdex(problem: NormalizedProblem): SolveResult {
  const { n, f, t0, t1, y0 } = problem;
  const nodes = CHEBYSHEV_DEGREE + 1;
  const denseSize = nodes * n;
  const recorder = new SolutionRecorder(problem, denseSize, (c, o, th, out) => chebyshevEvaluate(c, o, th, n, out));
  const coef = new Float64Array(denseSize);
  const yBuf = new Float64Array(n);
  const dyBuf = new Float64Array(n);
  const ret: number[] = new Array<number>(n).fill(0);
  const yNew = new Float64Array(n);
  let nfev = 0;

  const derivative = (x: number, y: number[]): number[] => {
    for (let i = 0; i < n; i++) yBuf[i] = y[i];
    nfev++;
    f(x, yBuf, dyBuf);
    for (let i = 0; i < n; i++) {
      const v = dyBuf[i];
      if (!Number.isFinite(v)) throw new NonFiniteSignal(x, i, v);
      // The package copies the returned array at once, so one array is reused.
      ret[i] = v;
    }
    return ret;
  };

  const solver = new Solver(n);
  solver.relativeTolerance = problem.rtol;
  solver.absoluteTolerance = Array.from(problem.atol);
  solver.maxSteps = problem.maxSteps;
  solver.maxStepSize = problem.maxStep;
  if (problem.firstStep > 0) solver.initialStepSize = problem.firstStep;
  solver.denseOutput = recorder.needsDense;

  // The package may stop a few ulps short of t1 (its end test is relative to uRound).
  const snapTol = 16 * Number.EPSILON * Math.max(1, Math.abs(t1));
  let stoppedByEvent = false;
  let accepted = 0;
  const solOut = (nr: number, xOld: number, x: number, y: number[], dense?: (c: number, x: number) => number): boolean => {
    if (nr === 1) return true;
    accepted++;
    const tNew = Math.abs(x - t1) <= snapTol ? t1 : x;
    for (let i = 0; i < n; i++) yNew[i] = y[i];
    if (recorder.needsDense && dense !== undefined) {
      const h = x - xOld;
      for (let j = 0; j < nodes; j++) {
        const tj = j === nodes - 1 ? x : xOld + CHEBYSHEV_NODES[j] * h;
        for (let i = 0; i < n; i++) coef[j * n + i] = dense(i, tj);
      }
    }
    if (recorder.step(xOld, x - xOld, tNew, yNew, coef)) {
      stoppedByEvent = true;
      return false;
    }
    return true;
  };

  recorder.start();
  const stats: SolveStats = { nfev: 0, nsteps: 0, naccepted: 0, nrejected: 0 };
  let outcome: Outcome;
  try {
    const res = solver.solve(derivative, t0, Array.from(y0), t1, solOut);
    outcome = res.outcome;
    stats.nsteps = res.nStep;
    stats.naccepted = res.nAccept;
    stats.nrejected = res.nReject;
  } catch (e) {
    if (!(e instanceof NonFiniteSignal)) throw e;
    // The package's own counters are lost with the exception: report the accepted
    // steps we saw (rejections unknown, so nsteps counts the accepted ones only).
    stats.nfev = nfev;
    stats.naccepted = accepted;
    stats.nsteps = accepted;
    return recorder.result(
      'non-finite',
      `solveIvp (odex): f returned ${e.value} in component ${e.component} at t = ${e.t}; the integration stopped at t = ${recorder.tReached}. Check the right-hand side.`,
      stats,
    );
  }
  stats.nfev = nfev;
  const tReached = recorder.tReached;
  switch (outcome) {
    case Outcome.Converged:
      return recorder.result(
        'success',
        `solveIvp (odex): reached t1 = ${t1} in ${stats.naccepted} accepted steps (${stats.nrejected} rejected, ${nfev} f-evaluations).`,
        stats,
      );
    case Outcome.MaxStepsExceeded:
      return recorder.result(
        'max-steps',
        `solveIvp (odex): stopped at t = ${tReached} after maxSteps = ${problem.maxSteps} steps without reaching t1 = ${t1}; raise maxSteps, loosen rtol/atol, or (if the problem is stiff) use a stiff method.`,
        stats,
      );
    case Outcome.EarlyReturn:
      if (stoppedByEvent) {
        return recorder.result('event', `solveIvp (odex): a terminal event stopped the integration at t = ${tReached}.`, stats);
      }
      throw new Error(`solveIvp (odex): internal error: the package returned early at t = ${tReached} without a reason.`);
  }
}
