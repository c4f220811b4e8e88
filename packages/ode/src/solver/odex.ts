/**
 * The `'odex'` method: Hairer's GBS extrapolation code ODEX as ported by the npm
 * package `odex` (2.0.4), behind the options and result shape of {@link solveIvp}.
 *
 * The package drives its own step loop (1-based `number[]` arrays, allocating),
 * so the method brings its own {@link Driver}; it shares the output side (tEval,
 * events, `sol`, clock restarts) through the package's per-step callback, which
 * hands each step to the run's {@link StepSink} and stops the package when the sink says so.
 * Its dense output is a per-component closure `dense(i, x)` valid during one
 * step only; when dense output is needed, each step's interpolant (a polynomial
 * of degree ≤ 19) is stored exactly by sampling it at 20 Chebyshev–Lobatto nodes.
 *
 * Differences from the Runge–Kutta methods, by design of the package:
 * - Its controller is ODEX's (not configurable here; `safety`, `facMin`,
 *   `facMax`, `beta` are rejected) and it has no stiffness test (so it cannot be a
 *   partner of `method: 'auto'`).
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
import { CallbackFailure } from './callbackFailure.js';
import { CHEBYSHEV_DEGREE, CHEBYSHEV_NODES, chebyshevEvaluate } from './chebyshevInterpolant.js';
import type { Driver, RunEnd, RunEndReason, RunSetup, StepSink } from './driver.js';
import type { MethodDefinition } from './methodDefinition.js';
import { formatTime } from './statusMessage.js';
import type { DenseInterpolant } from './stepper.js';

/** Thrown inside the package's callbacks to stop it when f returns a non-finite value. */
class NonFiniteSignal {
  constructor(
    readonly t: number,
    readonly component: number,
    readonly value: number,
  ) {}
}

/** One run of the `odex` package from `setup.t` to `setup.tEnd`. Kernel: the setup is valid. */
function runOdex(setup: RunSetup, sink: StepSink): RunEnd {
  const { problem, rhs, tEnd: t1, label } = setup;
  const n = problem.n;
  const nodes = CHEBYSHEV_DEGREE + 1;
  const interpolant: DenseInterpolant = {
    denseSize: nodes * n,
    interpolate: (c, o, th, out) => chebyshevEvaluate(c, o, th, n, out),
  };
  const coef = new Float64Array(interpolant.denseSize);
  const yBuf = new Float64Array(n);
  const dyBuf = new Float64Array(n);
  const ret: number[] = new Array<number>(n).fill(0);
  const yNew = new Float64Array(n);
  let tReached = setup.t;
  let hLast = 0;
  let accepted = 0;
  const end = (
    reason: RunEndReason,
    counts: { nsteps: number; naccepted: number; nrejected: number },
    message?: string,
    failure?: CallbackFailure,
  ): RunEnd => ({
    reason,
    t: tReached,
    y: accepted > 0 ? yNew : setup.y,
    f: undefined,
    h: hLast,
    hNext: hLast,
    ...counts,
    njev: undefined,
    nlu: undefined,
    message,
    failure,
  });
  if (setup.maxSteps <= 0) return end('max-steps', { nsteps: 0, naccepted: 0, nrejected: 0 });

  const derivative = (x: number, y: number[]): number[] => {
    for (let i = 0; i < n; i++) yBuf[i] = y[i];
    rhs.eval(x, yBuf, dyBuf);
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
  solver.maxSteps = setup.maxSteps;
  solver.maxStepSize = setup.hMax;
  if (setup.h !== undefined) solver.initialStepSize = Math.abs(setup.h);
  solver.denseOutput = setup.dense;

  // The package may stop a few ulps short of t1 (its end test is relative to uRound).
  const snapTol = 16 * Number.EPSILON * Math.max(1, Math.abs(t1));
  let stopped = false;
  const solOut = (nr: number, xOld: number, x: number, y: number[], dense?: (c: number, x: number) => number): boolean => {
    if (nr === 1) return true;
    accepted++;
    const tNew = Math.abs(x - t1) <= snapTol ? t1 : x;
    for (let i = 0; i < n; i++) yNew[i] = y[i];
    if (setup.dense && dense !== undefined) {
      const h = x - xOld;
      for (let j = 0; j < nodes; j++) {
        const tj = j === nodes - 1 ? x : xOld + CHEBYSHEV_NODES[j] * h;
        for (let i = 0; i < n; i++) coef[j * n + i] = dense(i, tj);
      }
    }
    tReached = tNew;
    hLast = x - xOld;
    if (sink.step(xOld, x - xOld, tNew, yNew, coef, interpolant)) {
      stopped = true;
      return false;
    }
    return true;
  };

  let outcome: Outcome;
  let counts: { nsteps: number; naccepted: number; nrejected: number };
  try {
    const res = solver.solve(derivative, setup.t, Array.from(setup.y), t1, solOut);
    outcome = res.outcome;
    counts = { nsteps: res.nStep, naccepted: res.nAccept, nrejected: res.nReject };
  } catch (e) {
    if (e instanceof CallbackFailure) {
      // As for non-finite values: the package's counters are lost with the exception.
      return end('f-error', { nsteps: accepted, naccepted: accepted, nrejected: 0 }, undefined, e);
    }
    if (!(e instanceof NonFiniteSignal)) throw e;
    // The package's own counters are lost with the exception: report the accepted
    // steps we saw (rejections unknown, so nsteps counts the accepted ones only).
    return end(
      'non-finite',
      { nsteps: accepted, naccepted: accepted, nrejected: 0 },
      `solveIvp (${label}): f returned ${e.value} in component ${e.component} at t = ${formatTime(rhs.origin + e.t)}; the integration stopped at t = ${formatTime(rhs.origin + tReached)}. Check the right-hand side.`,
    );
  }
  switch (outcome) {
    case Outcome.Converged:
      return end('finished', counts);
    case Outcome.MaxStepsExceeded:
      return end('max-steps', counts);
    case Outcome.EarlyReturn:
      if (stopped) return end('stopped', counts);
      throw new Error(
        `solveIvp (${label}): internal error: the package returned early at t = ${formatTime(rhs.origin + tReached)} without a reason.`,
      );
  }
}

/** The ODEX method: the package's own step loop behind the common {@link Driver} interface. */
const ODEX_DRIVER: Driver = { run: runOdex };

/** The `'odex'` method: Gragg–Bulirsch–Stoer extrapolation of variable order, no controller options, no stiffness test. */
export const ODEX: MethodDefinition = {
  name: 'odex',
  order: 'variable',
  errorOrder: 'variable',
  denseOrder: 'variable',
  stiff: false,
  needs: [],
  summary: "Gragg–Bulirsch–Stoer extrapolation, Hairer's ODEX (the npm package odex)",
  driver: ODEX_DRIVER,
  controllerDefaults: undefined,
  stabilityBoundary: undefined,
  stiffnessTest: undefined,
  estimatesEigenvalues: false,
};
