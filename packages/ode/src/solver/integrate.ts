/**
 * The orchestrator behind {@link solveIvp}: chains the runs of the methods' drivers
 * (see `driver.ts`) over the segments of the clock, switches methods under
 * `method: 'auto'`, and turns how the last run ended into the result's status and
 * message. Every run hands its steps to one {@link SolutionRecorder}.
 *
 * - **Segments** (`options.clockRestart`): segment k runs on local time τ ∈ [0, t1 − t_k]
 *   with `f` called at `t_k + τ`; it ends where the recorder locates the restart
 *   crossing, and segment k + 1 starts there afresh, `t_{k+1} = t_k + τ_end` (a
 *   plain sum). Without restarts there is one segment, on absolute time.
 * - **'auto'**: the non-stiff method runs with its stiffness test; when it fires, the
 *   stiff method continues from the same point (same f, the proposed step), with
 *   {@link EndOfStiffnessTest}; when that fires, the non-stiff method takes over
 *   again with the stiff method's last step. A clock restart keeps the current method.
 * - **Watching** (`onStep`, `signal`): a {@link WatchedSink} between the drivers and the
 *   recorder. **Callback failures** (a `CallbackFailure` from `f`, the Jacobian, an event
 *   function, the measure or `onStep`) end the run with status `'f-error'`, whether the
 *   driver reports them or they arise between runs.
 *
 * @module
 */

import { CallbackFailure } from './callbackFailure.js';
import { checkJacobianAtStart } from './checkJacobianAtStart.js';
import { CountedRhs } from './countedRhs.js';
import type { RunEnd, StepSink } from './driver.js';
import { EndOfStiffnessTest } from './endOfStiffnessTest.js';
import { AUTO_DEFAULT_STIFF, type RegisteredMethod } from './methodRegistry.js';
import { controllerSettings, type NormalizedProblem } from './normalizeProblem.js';
import { SolutionRecorder } from './solutionRecorder.js';
import {
  abortedMessage,
  callbackErrorMessage,
  maxStepsMessage,
  reachedMessage,
  stepTooSmallMessage,
  stiffMessage,
  stoppedMessage,
  terminalEventMessage,
} from './statusMessage.js';
import type { StiffnessDetector } from './stiffnessDetector.js';
import { WatchedSink } from './watchedSink.js';
import type { MethodSwitch, SolveResult, SolveStats, SolveStatus } from './types.js';

/**
 * Integrates a validated problem. Kernel behind {@link solveIvp}.
 * @throws {InvalidArgumentError} when a callback is misused in a way its first call shows
 *   (see `firstRhsCall.ts`, `guardedJacobian.ts`) or `checkJacobian` finds a wrong entry.
 */
export function integrate(problem: NormalizedProblem): SolveResult {
  const { plan, t0, t1, direction, clockRestart, controls } = problem;
  const rhs = new CountedRhs(problem.f);
  const recorder = new SolutionRecorder(problem);
  const watcher = controls.onStep === undefined && controls.signal === undefined ? undefined : new WatchedSink(recorder, controls, rhs);
  const sink: StepSink = watcher ?? recorder;
  const auto = plan.kind === 'auto' ? plan : undefined;
  const switches: MethodSwitch[] | undefined = auto === undefined ? undefined : [];
  let current: RegisteredMethod = plan.kind === 'single' ? plan.method : plan.nonStiff;
  let nsteps = 0;
  let naccepted = 0;
  let nrejected = 0;
  let njev: number | undefined = auto === undefined ? undefined : 0;
  let nlu: number | undefined = njev;
  // Linear solves and Newton iterations of one-step implicit runs (radau5).
  let nsol: number | undefined;
  let nnewton: number | undefined;
  const label = (): string => (auto === undefined ? current.name : `auto/${current.name}`);

  // Newton and linear-solver work of implicit multistep runs (bdf), summed over runs.
  let newton: { nnewton: number; nlinear: number; njvp: number; nprec: number } | undefined;
  const finish = (status: SolveStatus, message: string, cause?: unknown): SolveResult => {
    const stats: SolveStats = { nfev: rhs.count, nsteps, naccepted, nrejected };
    if (njev !== undefined) stats.njev = njev;
    if (nlu !== undefined) stats.nlu = nlu;
    if (newton !== undefined) Object.assign(stats, newton);
    if (nsol !== undefined) stats.nsol = nsol;
    if (nnewton !== undefined) stats.nnewton = (stats.nnewton ?? 0) + nnewton;
    const result = recorder.result(status, message, stats, switches);
    if (status === 'f-error' || status === 'aborted') result.cause = cause;
    return result;
  };
  const failed = (failure: CallbackFailure): SolveResult =>
    finish('f-error', callbackErrorMessage(label(), failure.description, recorder.tReached), failure.cause);
  const aborted = (): SolveResult => finish('aborted', abortedMessage(label(), recorder.tReached), controls.signal?.reason);
  const tally = (end: RunEnd): void => {
    nsteps += end.nsteps;
    naccepted += end.naccepted;
    nrejected += end.nrejected;
    if (end.njev !== undefined) njev = (njev ?? 0) + end.njev;
    if (end.nlu !== undefined) nlu = (nlu ?? 0) + end.nlu;
    if (end.nsol !== undefined) nsol = (nsol ?? 0) + end.nsol;
    if (end.nnewton !== undefined) nnewton = (nnewton ?? 0) + end.nnewton;
    if (end.newton !== undefined) {
      newton ??= { nnewton: 0, nlinear: 0, njvp: 0, nprec: 0 };
      newton.nnewton += end.newton.nnewton;
      newton.nlinear += end.newton.nlinear;
      newton.njvp += end.newton.njvp;
      newton.nprec += end.newton.nprec;
    }
  };

  try {
    if (controls.checkJacobian && problem.jacobian !== undefined && watcher?.aborted() !== true) {
      checkJacobianAtStart(problem.jacobian, rhs, t0, problem.y0, problem.atol);
    }
  } catch (e) {
    if (e instanceof CallbackFailure) return failed(e);
    throw e;
  }

  // Segment k: local time [a, b] from origin; without restarts one segment on absolute time.
  let origin = clockRestart === undefined ? 0 : t0;
  let a = clockRestart === undefined ? t0 : 0;
  let y = problem.y0;
  let firstRun = true;
  for (;;) {
    const b = clockRestart === undefined ? t1 : t1 - origin;
    if (!((b - a) * direction > 0)) {
      // The origin has reached t1 by rounding: nothing is left to integrate.
      recorder.finishWith(y);
      return finish('success', reachedMessage(label(), t1, naccepted, nrejected, rhs.count));
    }
    try {
      recorder.beginSegment(origin, a, b, y);
    } catch (e) {
      if (e instanceof CallbackFailure) return failed(e);
      throw e;
    }
    if (watcher?.aborted() === true) return aborted();
    rhs.origin = origin;
    const hMax = problem.maxStep ?? Math.abs(b - a);
    // A given first step is clamped to maxStep (Hairer's code does not; it matters
    // only for inconsistent options, and maxStep is documented as a hard bound).
    let start: { t: number; y: Float64Array; f?: Float64Array; h?: number } = {
      t: a,
      y,
      h: firstRun && problem.firstStep > 0 ? Math.min(problem.firstStep, hMax) * direction : undefined,
    };
    firstRun = false;
    for (;;) {
      const detector = detectorFor(problem, current);
      watcher?.beginRun(naccepted);
      let end: RunEnd;
      try {
        end = current.driver.run(
          {
            problem,
            rhs,
            t: start.t,
            y: start.y,
            tEnd: b,
            hMax,
            f: start.f,
            h: start.h,
            maxSteps: problem.maxSteps - nsteps,
            dense: recorder.needsDense,
            controller: controllerSettings(problem, current),
            detector,
            label: label(),
          },
          sink,
        );
      } catch (e) {
        // A driver that does not report callback failures itself (they are then counted only up to its last run).
        if (e instanceof CallbackFailure) return failed(e);
        throw e;
      }
      tally(end);
      const tAbs = origin + end.t;
      switch (end.reason) {
        case 'finished':
          return finish('success', reachedMessage(auto === undefined ? current.name : 'auto', t1, naccepted, nrejected, rhs.count));
        case 'stopped':
          if (recorder.stopReason === 'event') return finish('event', terminalEventMessage(label(), recorder.tReached));
          if (watcher?.stopReason === 'stopped') return finish('stopped', stoppedMessage(label(), recorder.tReached));
          if (watcher?.stopReason === 'aborted') return aborted();
          break;
        case 'detected': {
          if (auto === undefined || switches === undefined) {
            return finish('stiff', stiffMessage(label(), tAbs, detector?.description ?? 'stiffness test', AUTO_DEFAULT_STIFF));
          }
          const next = current === auto.nonStiff ? auto.stiff : auto.nonStiff;
          switches.push({ t: tAbs, from: current.name, to: next.name });
          // To the stiff method: the explicit method's proposal (it grows from there);
          // back: the stiff method's last step, which the test found stable for the explicit one.
          start = { t: end.t, y: end.y, f: end.f, h: next.stiff ? end.hNext : end.h };
          current = next;
          continue;
        }
        case 'max-steps':
          return finish('max-steps', maxStepsMessage(label(), tAbs, problem.maxSteps, t1, current.stiff));
        case 'step-too-small':
          return finish('step-too-small', end.message ?? stepTooSmallMessage(label(), end.hNext, tAbs));
        case 'non-finite':
          return finish('non-finite', end.message ?? `solveIvp (${label()}): non-finite values at t = ${tAbs}.`);
        case 'newton-failed':
        case 'singular':
        case 'linear-solver-failed':
          return finish(end.reason, end.message ?? `solveIvp (${label()}): ${end.reason} at t = ${tAbs}.`);
        case 'f-error':
          if (end.failure === undefined) throw new Error(`solveIvp (${label()}): internal error: an 'f-error' run without its failure.`);
          return failed(end.failure);
        default: {
          const never: never = end.reason;
          return never;
        }
      }
      // The clock restarts at the located crossing: a new segment from its state.
      origin += recorder.restartTime;
      a = 0;
      y = recorder.restartState;
      break;
    }
  }
}

/** The detector a run of `method` consults: its own stiffness test, or (the stiff method of 'auto') the end-of-stiffness test. */
function detectorFor(problem: NormalizedProblem, method: RegisteredMethod): StiffnessDetector | undefined {
  const { plan, stiffnessCheck } = problem;
  if (plan.kind === 'auto' && method === plan.stiff) {
    const boundary = plan.nonStiff.stabilityBoundary;
    return boundary === undefined ? undefined : new EndOfStiffnessTest(boundary);
  }
  return stiffnessCheck > 0 ? method.stiffnessTest?.(stiffnessCheck) : undefined;
}
