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

import { CallbackFailure } from './callbackFailure.js';
import type { CountedRhs } from './countedRhs.js';
import type { RunEnd, RunEndReason, RunSetup, StepSink } from './driver.js';
import { initialStepSize } from './initialStepSize.js';
import { formatTime, nonFiniteStartMessage, singularMessage } from './statusMessage.js';
import type { ControllerSettings, DenseInterpolant, Stepper, StepperContext, StepSizeController } from './stepper.js';
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
  const run = new OneStepRun(parts, setup);
  for (;;) {
    const end = run.advance(sink);
    if (end !== undefined) return end;
  }
}

/**
 * A run of a one-step method that advances one accepted step at a time: the loop of
 * {@link runOneStepMethod}, resumable, so that `createIntegrator` can stream the very
 * steps `solveIvp` takes. Kernel: the setup is valid.
 */
export class OneStepRun {
  private readonly stepper: Stepper;
  private readonly controller: StepSizeController;
  private readonly dense: Float64Array | null;
  private readonly source: EigenvalueSource | undefined;
  private readonly direction: number;
  private readonly reachesEnd: NonNullable<OneStepParts['reachesEnd']>;
  private readonly maxSingular: number;
  private y: Float64Array;
  private yNew: Float64Array;
  private t: number;
  private h = 0;
  private hLast = 0;
  private nsteps = 0;
  private naccepted = 0;
  private nrejected = 0;
  private started = false;
  private reject = false;
  private last = false;
  /** Singular iteration matrices met so far (the run ends 'singular' at `parts.maxSingular`). */
  private nsingular = 0;
  /** Consecutive Newton failures: the step-too-small message names them when they were the last cause. */
  private newtonFailures = 0;
  private nonFiniteTries = 0;
  /** End of the earliest trial step that produced non-finite values; the counter resets once the integration has passed it. */
  private nonFiniteEnd: number;

  /** Builds the stepper and controller; evaluates nothing yet (the first {@link advance} starts). */
  constructor(
    private readonly parts: OneStepParts,
    private readonly setup: RunSetup,
  ) {
    const { problem, rhs, label } = setup;
    const { n, rtol, atol } = problem;
    this.direction = setup.tEnd > setup.t ? 1 : -1;
    const jacobian = problem.jacobian;
    this.stepper = parts.createStepper({
      rhs,
      n,
      rtol,
      atol,
      dense: setup.dense,
      // Steppers work on the local clock, like rhs.eval; the caller's Jacobian takes absolute time.
      jacobian: jacobian === undefined ? undefined : (t, y, jac) => jacobian(rhs.origin + t, y, jac),
      jacobianColumns: problem.jacobianColumns,
    });
    if (setup.controller === undefined)
      throw new Error(`solveIvp (${label}): internal error: a one-step method needs controller settings.`);
    this.controller = parts.createController(setup.controller);
    this.dense = setup.dense ? new Float64Array(this.stepper.denseSize) : null;
    this.reachesEnd = parts.reachesEnd ?? explicitReachesEnd;
    this.maxSingular = parts.maxSingular ?? Number.POSITIVE_INFINITY;
    const estimate = this.stepper.eigenvalueEstimate?.bind(this.stepper);
    // A stepper without an eigenvalue estimate cannot be watched: its runs never end 'detected'.
    this.source = estimate === undefined ? undefined : { eigenvalueEstimate: estimate };
    this.y = setup.y.slice();
    this.yNew = new Float64Array(n);
    this.t = setup.t;
    this.nonFiniteEnd = setup.t;
  }

  /** The time reached: the end of the last accepted step (local clock). */
  get time(): number {
    return this.t;
  }

  /** The state at {@link time} (the run's buffer: copy it to keep it). */
  get state(): Float64Array {
    return this.y;
  }

  /** The interpolant of the dense output handed to the sink (the stepper). */
  get interpolant(): DenseInterpolant {
    return this.stepper;
  }

  /** Steps attempted, accepted and rejected so far. */
  get counts(): { readonly nsteps: number; readonly naccepted: number; readonly nrejected: number } {
    return { nsteps: this.nsteps, naccepted: this.naccepted, nrejected: this.nrejected };
  }

  /** Jacobian evaluations, LU decompositions, linear solves and Newton iterations so far (undefined for methods without them). */
  get workCounters(): Stepper['workCounters'] {
    return this.stepper.workCounters;
  }

  /**
   * Attempts steps until one is accepted, hands it to `sink`, and returns undefined; or
   * returns how the run ended (then it must not be advanced again). A user callback that
   * throws ends the run with reason `'f-error'`.
   */
  advance(sink: StepSink): RunEnd | undefined {
    const failed = this.start();
    if (failed !== undefined) return failed;
    try {
      return this.nextStep(sink);
    } catch (e) {
      if (e instanceof CallbackFailure) return this.end('f-error', undefined, e);
      throw e;
    }
  }

  /**
   * Evaluates f at the start (unless the setup gives it) and chooses the first step; done
   * by the first {@link advance} if not called before. Returns how the run ended if it
   * cannot start (non-finite f, a callback failure), else undefined. Idempotent.
   */
  start(): RunEnd | undefined {
    if (this.started) return undefined;
    this.started = true;
    try {
      return this.begin();
    } catch (e) {
      if (e instanceof CallbackFailure) return this.end('f-error', undefined, e);
      throw e;
    }
  }

  private end(reason: RunEndReason, message?: string, failure?: CallbackFailure): RunEnd {
    return {
      reason,
      t: this.t,
      y: this.y,
      // After the last step a method may have skipped f at the new point.
      f: reason === 'non-finite' || reason === 'f-error' || this.last ? undefined : this.stepper.f0,
      h: this.naccepted > 0 ? this.hLast : this.h,
      hNext: this.h,
      nsteps: this.nsteps,
      naccepted: this.naccepted,
      nrejected: this.nrejected,
      njev: this.stepper.workCounters?.njev,
      nlu: this.stepper.workCounters?.nlu,
      nsol: this.stepper.workCounters?.nsol,
      nnewton: this.stepper.workCounters?.nnewton,
      message,
      failure,
    };
  }

  /** f at the start (unless given), and the first step: given, or Hairer's HINIT. */
  private begin(): RunEnd | undefined {
    const { setup, stepper } = this;
    const { problem, rhs, hMax, label } = setup;
    const { n, rtol, atol } = problem;
    stepper.start(this.t, this.y, setup.f);
    if (setup.f === undefined) {
      const bad = firstNonFinite(stepper.f0);
      if (bad >= 0) return this.end('non-finite', nonFiniteStartMessage(label, stepper.f0[bad], bad, rhs.origin + this.t));
    }
    const { defaultFirstStep } = this.parts;
    this.h =
      setup.h ??
      (defaultFirstStep === undefined
        ? initialStepSize(
            rhs,
            this.t,
            this.y,
            stepper.f0,
            this.direction,
            this.parts.hinitOrder,
            hMax,
            rtol,
            atol,
            this.yNew,
            new Float64Array(n),
          )
        : Math.min(defaultFirstStep, hMax) * this.direction);
    return undefined;
  }

  private nextStep(sink: StepSink): RunEnd | undefined {
    const { setup, stepper, controller, direction } = this;
    const { rhs, tEnd, hMax, maxSteps, detector, label } = setup;
    for (;;) {
      if (this.nsteps >= maxSteps) return this.end('max-steps');
      const t = this.t;
      let h = this.h;
      if (0.1 * Math.abs(h) <= Math.abs(t) * UROUND || t + h === t) {
        return this.end('step-too-small', this.newtonFailures > 0 ? newtonFailureMessage(label, rhs, t, h) : undefined);
      }
      if (this.reachesEnd(t, h, tEnd, direction, this.naccepted)) {
        // Hairer's last-step rule: stretch (or shrink) the step to land on tEnd.
        h = tEnd - t;
        this.last = true;
      }
      this.h = h;
      this.nsteps++;
      const outcome = stepper.attempt(t, this.y, h, this.yNew);
      switch (outcome.status) {
        case 'accepted':
          break;
        case 'non-finite':
          // Non-finite values in the trial step: retry shorter before concluding.
          this.nrejected++;
          this.reject = true;
          this.last = false;
          if (this.nonFiniteTries === 0 || (t + h - this.nonFiniteEnd) * direction < 0) this.nonFiniteEnd = t + h;
          if (++this.nonFiniteTries > NON_FINITE_RETRIES)
            return this.end('non-finite', nonFiniteMessage(label, rhs, t, this.y, h, this.setup.problem.n));
          this.h = h * 0.1;
          continue;
        case 'singular':
        case 'newton-failed':
        case 'rejected':
          if (outcome.status === 'singular' && ++this.nsingular >= this.maxSingular) {
            this.nrejected++;
            return this.end('singular', singularMessage(label, rhs.origin + t, this.nsingular));
          }
          // The step-too-small message names Newton failures when they were the last cause.
          this.newtonFailures = outcome.status === 'newton-failed' ? this.newtonFailures + 1 : 0;
          this.h = controller.rejected(outcome, Math.abs(h)) * direction;
          this.reject = true;
          this.nrejected++;
          this.last = false;
          continue;
        default: {
          const never: never = outcome.status;
          return never;
        }
      }

      if (this.nonFiniteTries > 0 && (t + h - this.nonFiniteEnd) * direction > 0) this.nonFiniteTries = 0;
      let hNew = controller.accepted(outcome, Math.abs(h)) * direction;
      this.naccepted++;
      this.newtonFailures = 0;
      stepper.accept(t, this.y, h, this.yNew, this.dense, this.last);
      const detected = detector !== undefined && this.source !== undefined && detector.observe(this.naccepted, h, this.source);
      this.t = this.last ? tEnd : t + h;
      const swap = this.y;
      this.y = this.yNew;
      this.yNew = swap;
      this.hLast = h;
      if (sink.step(t, h, this.t, this.y, this.dense ?? this.y, stepper)) return this.end('stopped');
      if (this.last) return this.end('finished');
      if (Math.abs(hNew) > hMax) hNew = direction * hMax;
      // Hairer: no step increase right after a rejection.
      if (this.reject) hNew = direction * Math.min(Math.abs(hNew), Math.abs(h));
      this.reject = false;
      if (controller.retain !== undefined && !this.reachesEnd(this.t, hNew, tEnd, direction, this.naccepted)) {
        hNew = controller.retain(outcome, Math.abs(h), Math.abs(hNew)) * direction;
      }
      this.h = hNew;
      if (detected) return this.end('detected');
      return undefined;
    }
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
