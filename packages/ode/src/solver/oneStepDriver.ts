/**
 * The shared driver of one-step methods: Hairer's step loop (DOPCOR/DP86CO in
 * `dopri5.f`/`dop853.f`, the same in `rodas.f`) with the method supplied as a
 * {@link Stepper}. It owns step acceptance, the last-step logic, `maxStep`/`maxSteps`,
 * step-size underflow, non-finite detection and retries, and the stiffness detector;
 * output, events and `sol` go through the {@link StepSink}. See `stepper.ts` for the
 * protocol and `driver.ts` for runs.
 *
 * @module
 */

import type { CountedRhs } from './countedRhs.js';
import type { RunEnd, RunEndReason, RunSetup, StepSink } from './driver.js';
import { initialStepSize } from './initialStepSize.js';
import { formatTime, nonFiniteStartMessage, singularMessage } from './statusMessage.js';
import type { ControllerSettings, Stepper, StepperContext, StepSizeController } from './stepper.js';
import type { EigenvalueSource } from './stiffnessDetector.js';

/** Hairer's default unit roundoff UROUND, used in the step-size underflow test. */
const UROUND = 2.3e-16;
/**
 * Non-finite trial steps (each retried 10× shorter) tolerated before the run has
 * passed the end of the first failed trial step; one more ends the run.
 */
const NON_FINITE_RETRIES = 6;

/** How the one-step driver builds a method's pieces (see {@link oneStepMethod}). */
export interface OneStepParts {
  /** Order used by HINIT (Hairer's IORD): 5 for DOPRI5, 8 for DOP853, 4 for RODAS. */
  readonly hinitOrder: number;
  /** Optional: the initial step magnitude when the caller gives none, instead of HINIT (clamped to hMax). */
  readonly defaultFirstStep?: number;
  /**
   * Optional: the method's last-step rule, whether a step of signed size `h` from `t`
   * should instead land exactly on `tEnd` (`naccepted`: steps accepted so far in the run).
   * Default: Hairer's explicit codes' `(t + 1.01h − tEnd)·direction > 0`.
   */
  readonly reachesEnd?: (t: number, h: number, tEnd: number, direction: number, naccepted: number) => boolean;
  /** Optional: the number of singular iteration matrices at which a run ends with `'singular'` (default: never; shorter steps are tried). */
  readonly maxSingular?: number;
  /** Builds the stepper with its preallocated buffers. */
  createStepper(context: StepperContext): Stepper;
  /** Builds the step-size controller from the settings (defaults already applied). */
  createController(settings: ControllerSettings): StepSizeController;
}

/**
 * One run of a one-step method (the {@link Driver} of every {@link oneStepMethod}).
 * Kernel: the setup is valid.
 */
export function runOneStepMethod(parts: OneStepParts, setup: RunSetup, sink: StepSink): RunEnd {
  const { problem, rhs, tEnd, hMax, maxSteps, detector, label } = setup;
  const { n, rtol, atol } = problem;
  const direction = tEnd > setup.t ? 1 : -1;
  const stepper = parts.createStepper({
    rhs,
    n,
    rtol,
    atol,
    dense: setup.dense,
    jacobian: problem.jacobian,
    jacobianColumns: problem.jacobianColumns,
  });
  if (setup.controller === undefined) throw new Error(`solveIvp (${label}): internal error: a one-step method needs controller settings.`);
  const controller = parts.createController(setup.controller);
  const dense = setup.dense ? new Float64Array(stepper.denseSize) : null;
  const reachesEnd = parts.reachesEnd ?? explicitReachesEnd;
  const maxSingular = parts.maxSingular ?? Number.POSITIVE_INFINITY;
  const estimate = stepper.eigenvalueEstimate?.bind(stepper);
  // A stepper without an eigenvalue estimate cannot be watched: its runs never end 'detected'.
  const source: EigenvalueSource | undefined = estimate === undefined ? undefined : { eigenvalueEstimate: estimate };

  let y = setup.y.slice();
  let yNew = new Float64Array(n);
  let t = setup.t;
  let nsteps = 0;
  let naccepted = 0;
  let nrejected = 0;
  let h = 0;
  let hLast = 0;
  let nsingular = 0;
  let newtonFailures = 0;
  let last = false;
  const end = (reason: RunEndReason, message?: string): RunEnd => ({
    reason,
    t,
    y,
    // After the last step a method may have skipped f at the new point.
    f: reason === 'non-finite' || last ? undefined : stepper.f0,
    h: naccepted > 0 ? hLast : h,
    hNext: h,
    nsteps,
    naccepted,
    nrejected,
    njev: stepper.workCounters?.njev,
    nlu: stepper.workCounters?.nlu,
    nsol: stepper.workCounters?.nsol,
    nnewton: stepper.workCounters?.nnewton,
    message,
  });

  stepper.start(t, y, setup.f);
  if (setup.f === undefined) {
    const bad = firstNonFinite(stepper.f0);
    if (bad >= 0) return end('non-finite', nonFiniteStartMessage(label, stepper.f0[bad], bad, rhs.origin + t));
  }
  h =
    setup.h ??
    (parts.defaultFirstStep === undefined
      ? initialStepSize(rhs, t, y, stepper.f0, direction, parts.hinitOrder, hMax, rtol, atol, yNew, new Float64Array(n))
      : Math.min(parts.defaultFirstStep, hMax) * direction);

  let reject = false;
  let nonFiniteTries = 0;
  // End of the earliest trial step that produced non-finite values; the counter
  // resets once the integration has passed it.
  let nonFiniteEnd = t;

  for (;;) {
    if (nsteps >= maxSteps) return end('max-steps');
    if (0.1 * Math.abs(h) <= Math.abs(t) * UROUND || t + h === t) {
      return end('step-too-small', newtonFailures > 0 ? newtonFailureMessage(label, rhs, t, h) : undefined);
    }
    if (reachesEnd(t, h, tEnd, direction, naccepted)) {
      // Hairer's last-step rule: stretch (or shrink) the step to land on tEnd.
      h = tEnd - t;
      last = true;
    }
    nsteps++;
    const outcome = stepper.attempt(t, y, h, yNew);
    switch (outcome.status) {
      case 'accepted':
        break;
      case 'non-finite':
        // Non-finite values in the trial step: retry shorter before concluding.
        nrejected++;
        reject = true;
        last = false;
        if (nonFiniteTries === 0 || (t + h - nonFiniteEnd) * direction < 0) nonFiniteEnd = t + h;
        if (++nonFiniteTries > NON_FINITE_RETRIES) return end('non-finite', nonFiniteMessage(label, rhs, t, y, h, n));
        h *= 0.1;
        continue;
      case 'singular':
      case 'newton-failed':
      case 'rejected':
        if (outcome.status === 'singular' && ++nsingular >= maxSingular) {
          nrejected++;
          return end('singular', singularMessage(label, rhs.origin + t, nsingular));
        }
        // The step-too-small message names Newton failures when they were the last cause.
        newtonFailures = outcome.status === 'newton-failed' ? newtonFailures + 1 : 0;
        h = controller.rejected(outcome, Math.abs(h)) * direction;
        reject = true;
        nrejected++;
        last = false;
        continue;
      default: {
        const never: never = outcome.status;
        return never;
      }
    }

    if (nonFiniteTries > 0 && (t + h - nonFiniteEnd) * direction > 0) nonFiniteTries = 0;
    let hNew = controller.accepted(outcome, Math.abs(h)) * direction;
    naccepted++;
    newtonFailures = 0;
    stepper.accept(t, y, h, yNew, dense, last);
    const detected = detector !== undefined && source !== undefined && detector.observe(naccepted, h, source);
    const tOld = t;
    t = last ? tEnd : t + h;
    const swap = y;
    y = yNew;
    yNew = swap;
    hLast = h;
    if (sink.step(tOld, h, t, y, dense ?? y, stepper)) return end('stopped');
    if (last) return end('finished');
    if (Math.abs(hNew) > hMax) hNew = direction * hMax;
    // Hairer: no step increase right after a rejection.
    if (reject) hNew = direction * Math.min(Math.abs(hNew), Math.abs(h));
    reject = false;
    if (controller.retain !== undefined && !reachesEnd(t, hNew, tEnd, direction, naccepted)) {
      hNew = controller.retain(outcome, Math.abs(h), Math.abs(hNew)) * direction;
    }
    h = hNew;
    if (detected) return end('detected');
  }
}

/** Hairer's last-step rule in DOPRI5, DOP853 and RODAS: a step within 1 % of tEnd is stretched to it. */
function explicitReachesEnd(t: number, h: number, tEnd: number, direction: number): boolean {
  return (t + 1.01 * h - tEnd) * direction > 0;
}

/** `'step-too-small'` after Newton failures: the implicit method's iteration did not converge even for tiny steps. */
function newtonFailureMessage(label: string, rhs: CountedRhs, t: number, h: number): string {
  return `solveIvp (${label}): the step size fell to ${h} at t = ${formatTime(rhs.origin + t)} because the Newton iteration of the implicit method kept failing to converge; f may be discontinuous or singular there, or the Jacobian wrong.`;
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
function nonFiniteMessage(label: string, rhs: CountedRhs, t: number, y: Float64Array, h: number, n: number): string {
  const at = (tt: number): string => formatTime(rhs.origin + tt);
  const f = new Float64Array(n);
  rhs.eval(t, y, f);
  let bad = firstNonFinite(f);
  if (bad >= 0) {
    return `solveIvp (${label}): f returned ${f[bad]} in component ${bad} at t = ${at(t)}; the integration stopped there. Check the right-hand side.`;
  }
  const yp = new Float64Array(n);
  for (let i = 0; i < n; i++) yp[i] = y[i] + h * f[i];
  const fp = new Float64Array(n);
  rhs.eval(t + h, yp, fp);
  bad = firstNonFinite(fp);
  if (bad >= 0) {
    return `solveIvp (${label}): f returned ${fp[bad]} in component ${bad} at t = ${at(t + h)} (probed near the solution); the integration stopped at t = ${at(t)}. Check the right-hand side there.`;
  }
  return `solveIvp (${label}): every trial step from t = ${at(t)} (down to h = ${h}) produced non-finite values (NaN or ±Infinity); the integration stopped at t = ${at(t)}. f probably returns NaN or overflows just after it, or the solution blows up there.`;
}
