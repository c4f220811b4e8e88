/**
 * The generic driver of one-step methods: Hairer's step loop (DOPCOR/DP86CO in
 * `dopri5.f`/`dop853.f`) with the method supplied as a {@link Stepper}. It owns
 * step acceptance, the last-step logic, `maxStep`/`maxSteps`, step-size
 * underflow, non-finite detection, Hairer's stiffness test, the statistics and
 * the status messages; output, events and `sol` go through {@link SolutionRecorder}.
 *
 * @module
 */

import { initialStepSize } from './initialStepSize.js';
import { CountedRhs, type MethodDefinition } from './stepper.js';
import type { NormalizedProblem } from './normalizeProblem.js';
import { SolutionRecorder } from './solutionRecorder.js';
import type { SolveResult, SolveStats } from './types.js';

/** Hairer's default unit roundoff UROUND, used in the step-size underflow test. */
const UROUND = 2.3e-16;
/**
 * Non-finite trial steps (each retried 10× shorter) tolerated before the run has
 * passed the end of the first failed trial step; one more ends the run.
 */
const NON_FINITE_RETRIES = 6;
/** Hairer's stiffness test: this many positive checks in a row mean "stiff". */
const STIFF_HITS = 15;

/** Formats a time for messages (full precision: users compare digits). */
function fmt(t: number): string {
  return String(t);
}

/**
 * Integrates a validated problem with the given method. Kernel behind
 * {@link solveIvp}; see `stepper.ts` for the protocol.
 */
export function integrateWithStepper(method: MethodDefinition, problem: NormalizedProblem): SolveResult {
  const { n, t0, t1, direction, rtol, atol, maxSteps, stiffnessCheck } = problem;
  const hMax = problem.maxStep;
  const rhs = new CountedRhs(problem.f);
  const wantsDense = problem.dense || problem.tEval !== null || problem.events.length > 0;
  const stepper = method.create({ rhs, n, rtol, atol, dense: wantsDense, jacobian: problem.jacobian, jacobianColumns: problem.jacobianColumns });
  const recorder = new SolutionRecorder(problem, stepper.denseSize, (c, o, th, out) => stepper.interpolate(c, o, th, out));
  const controller = method.createController(problem.controller);
  const dense = wantsDense ? new Float64Array(stepper.denseSize) : null;
  const stats: SolveStats = { nfev: 0, nsteps: 0, naccepted: 0, nrejected: 0 };
  const name = method.name;

  let y = problem.y0.slice();
  let yNew = new Float64Array(n);
  let t = t0;
  recorder.start();

  const finish = (status: SolveResult['status'], message: string): SolveResult => {
    stats.nfev = rhs.count;
    if (stepper.workCounters !== undefined) {
      stats.njev = stepper.workCounters.njev;
      stats.nlu = stepper.workCounters.nlu;
    }
    return recorder.result(status, message, stats);
  };
  const stoppedByEvent = (): SolveResult =>
    finish('event', `solveIvp (${name}): a terminal event stopped the integration at t = ${fmt(recorder.tReached)}.`);

  stepper.start(t0, y);
  const bad = firstNonFinite(stepper.f0);
  if (bad >= 0) {
    return finish(
      'non-finite',
      `solveIvp (${name}): f(t0, y0) returned ${stepper.f0[bad]} in component ${bad} at t = ${fmt(t0)}; no step was taken. Check the right-hand side and y0.`,
    );
  }

  let h: number;
  // A given first step is clamped to maxStep (Hairer's code does not; it matters
  // only for inconsistent options, and maxStep is documented as a hard bound).
  if (problem.firstStep > 0) h = Math.min(problem.firstStep, hMax) * direction;
  else {
    h = initialStepSize(
      rhs, t0, y, stepper.f0, direction, method.order, hMax, rtol, atol, yNew, new Float64Array(n),
    );
  }

  const stiffThreshold = stiffnessCheck > 0 ? method.stiffnessThreshold : undefined;
  let reject = false;
  let last = false;
  let nonFiniteTries = 0;
  // End of the earliest trial step that produced non-finite values; the counter
  // resets once the integration has passed it.
  let nonFiniteEnd = t0;
  let iasti = 0;
  let nonsti = 0;

  for (;;) {
    if (stats.nsteps >= maxSteps) {
      return finish(
        'max-steps',
        `solveIvp (${name}): stopped at t = ${fmt(t)} after maxSteps = ${maxSteps} steps without reaching t1 = ${fmt(t1)}; raise maxSteps, loosen rtol/atol, or (if the problem is stiff) use a stiff method.`,
      );
    }
    if (0.1 * Math.abs(h) <= Math.abs(t) * UROUND || t + h === t) {
      return finish(
        'step-too-small',
        `solveIvp (${name}): the step size fell to ${h} at t = ${fmt(t)}, below what double precision can resolve; the solution may be singular there or the tolerances too strict.`,
      );
    }
    if ((t + 1.01 * h - t1) * direction > 0) {
      // Hairer's last-step rule: stretch (or shrink) the step to land on t1.
      h = t1 - t;
      last = true;
    }
    stats.nsteps++;
    const err = stepper.attempt(t, y, h, yNew);

    if (!(err <= 1)) {
      if (!Number.isFinite(err)) {
        // Non-finite values in the trial step: retry shorter before concluding.
        stats.nrejected++;
        reject = true;
        last = false;
        if (nonFiniteTries === 0 || (t + h - nonFiniteEnd) * direction < 0) nonFiniteEnd = t + h;
        if (++nonFiniteTries > NON_FINITE_RETRIES) return finish('non-finite', nonFiniteMessage(name, rhs, t, y, h, n));
        h *= 0.1;
        continue;
      }
      h = controller.rejected(err, Math.abs(h)) * direction;
      reject = true;
      stats.nrejected++;
      last = false;
      continue;
    }

    // Accepted.
    if (nonFiniteTries > 0 && (t + h - nonFiniteEnd) * direction > 0) nonFiniteTries = 0;
    let hNew = controller.accepted(err, Math.abs(h)) * direction;
    stats.naccepted++;
    stepper.accept(t, y, h, yNew, dense);
    if (stiffThreshold !== undefined && (stats.naccepted % stiffnessCheck === 0 || iasti > 0)) {
      // Hairer's stiffness detection (Hairer & Wanner, Solving ODEs II, §IV.2; dopri5.f, dop853.f).
      const hlamb = stepper.stiffnessIndicator(h, yNew);
      if (hlamb > stiffThreshold) {
        nonsti = 0;
        iasti++;
        if (iasti === STIFF_HITS) {
          const tNow = last ? t1 : t + h;
          if (recorder.step(t, h, tNow, yNew, dense ?? yNew)) return stoppedByEvent();
          return finish(
            'stiff',
            `solveIvp (${name}): the problem appears stiff at t = ${fmt(tNow)} (Hairer's test: |h·λ| > ${stiffThreshold} in ${STIFF_HITS} checks); use a stiff method for it (method: 'rodas4'), or pass stiffnessCheck: false to continue with ${name} regardless.`,
          );
        }
      } else {
        nonsti++;
        if (nonsti === 6) iasti = 0;
      }
    }
    const tOld = t;
    t = last ? t1 : t + h;
    const swap = y;
    y = yNew;
    yNew = swap;
    if (recorder.step(tOld, h, t, y, dense ?? y)) return stoppedByEvent();
    if (last) {
      return finish(
        'success',
        `solveIvp (${name}): reached t1 = ${fmt(t1)} in ${stats.naccepted} accepted steps (${stats.nrejected} rejected, ${rhs.count} f-evaluations).`,
      );
    }
    if (Math.abs(hNew) > hMax) hNew = direction * hMax;
    // Hairer: no step increase right after a rejection.
    if (reject) hNew = direction * Math.min(Math.abs(hNew), Math.abs(h));
    reject = false;
    h = hNew;
  }
}

function firstNonFinite(v: Float64Array): number {
  for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i])) return i;
  return -1;
}

/**
 * Says where the non-finite values came from, with at most two diagnostic
 * f-evaluations: at (t, y), then at the Euler predictor (t + h, y + h·f(t, y))
 * of the last trial step.
 */
function nonFiniteMessage(name: string, rhs: CountedRhs, t: number, y: Float64Array, h: number, n: number): string {
  const f = new Float64Array(n);
  rhs.eval(t, y, f);
  let bad = firstNonFinite(f);
  if (bad >= 0) {
    return `solveIvp (${name}): f returned ${f[bad]} in component ${bad} at t = ${fmt(t)}; the integration stopped there. Check the right-hand side.`;
  }
  const yp = new Float64Array(n);
  for (let i = 0; i < n; i++) yp[i] = y[i] + h * f[i];
  const fp = new Float64Array(n);
  rhs.eval(t + h, yp, fp);
  bad = firstNonFinite(fp);
  if (bad >= 0) {
    return `solveIvp (${name}): f returned ${fp[bad]} in component ${bad} at t = ${fmt(t + h)} (probed near the solution); the integration stopped at t = ${fmt(t)}. Check the right-hand side there.`;
  }
  return `solveIvp (${name}): every trial step from t = ${fmt(t)} (down to h = ${h}) produced non-finite values (NaN or ±Infinity); the integration stopped at t = ${fmt(t)}. f probably returns NaN or overflows just after it, or the solution blows up there.`;
}
