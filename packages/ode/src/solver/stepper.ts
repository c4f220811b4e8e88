/**
 * The plug-in interface of a one-step method (Runge–Kutta, Rosenbrock, and next
 * implicit Runge–Kutta such as RADAU5): what a method supplies to the shared
 * one-step driver (`runOneStepMethod` in `oneStepDriver.ts`). Internal: not
 * exported from the package (methods live inside `src/solver/`).
 *
 * ## How to add a method
 *
 * 1. Write `src/solver/<method>.ts` holding the tableau, a class implementing
 *    {@link Stepper} (one step attempt, its completion with dense coefficients, the
 *    interpolant, optionally an eigenvalue estimate for stiffness detection) and its
 *    definition built by `oneStepMethod`: name, orders, `stiff`, `needs`,
 *    controller defaults and factory, and (explicit methods) the stability boundary
 *    with Hairer's stiffness test. A method with its own step loop (extrapolation,
 *    multistep BDF) implements `Driver` (`driver.ts`) instead and builds its
 *    `MethodDefinition` directly (see `odex.ts`).
 * 2. Add one entry to `BUILTIN_METHODS` in `methodRegistry.ts`.
 *
 * That is all: the `Method` type, `solveIvp`'s validation and dispatch, the command
 * line's `--method` choices, `criticalTime`'s list of non-stiff methods and the
 * method table of docs/solver.md (checked by a test) all derive from the registry.
 * The driver gives the method, for free: Hairer's HINIT initial step, the step-size
 * controller with the "no increase right after a rejection" rule, the last-step
 * handling, `maxStep`/`maxSteps`, step-size underflow, non-finite detection and
 * retries, `tEval`, `sol(t)`, events, clock restarts, `method: 'auto'` (as either
 * partner), the statistics and the status messages.
 * `packages/ode/test/solver/methodRegistry.test.ts` does exactly this with a
 * test-only Heun–Euler 2(1) method and checks its order.
 *
 * ## The protocol, per run
 *
 *     stepper = definition's createStepper(context)
 *     stepper.start(t0, y0[, f0])                 // keeps f(t0, y0) in stepper.f0
 *     h = given, or firstStep, or the method's defaultFirstStep, or initialStepSize(…, stepper.f0, …)
 *     loop:
 *       if reachesEnd(t, h): h ← tEnd − t, last   // default (t + 1.01h − tEnd)·dir > 0
 *       outcome = stepper.attempt(t, y, h, yNew)  // proposes yNew
 *       switch outcome.status:
 *         'accepted':  hNext ← controller.accepted(outcome, |h|)
 *                      stepper.accept(t, y, h, yNew, denseOrNull, last)   // FSAL, next f0, dense coefficients
 *                      stiffness detector (if any) may read stepper.eigenvalueEstimate()
 *                      y ← yNew, t ← t + h
 *                      hNext ← min(hNext, hMax), and ≤ |h| right after a rejection
 *                      unless reachesEnd(t, hNext): hNext ← controller.retain?(outcome, |h|, hNext)
 *                      h ← hNext
 *         'rejected', 'newton-failed':  h ← controller.rejected(outcome, |h|), retry
 *         'singular':  the same, unless it is the method's maxSingular-th one: the run ends 'singular'
 *         'non-finite':  h ← h/10, retry (at most six times past the same point)
 *
 * ## Hooks for implicit methods (optional; added for RADAU5)
 *
 * The explicit and Rosenbrock methods use none of these; each has a default that
 * leaves them exactly as they were.
 * - `OneStepParts.defaultFirstStep`: a fixed initial step instead of HINIT when the
 *   caller gives none (RADAU5: Hairer's 1e-6).
 * - `OneStepParts.reachesEnd`: the method's last-step rule (RADAU5: `t + h ≥ tEnd`,
 *   with h stretched by 1.0001 before the first accepted step).
 * - `OneStepParts.maxSingular`: the count of singular iteration matrices that ends a
 *   run with status `'singular'` (RADAU5: Hairer's 5; default: none, shorter steps are tried).
 * - `StepOutcome.newtonRate` and `StepOutcome.stepFactor`: the Newton iteration's
 *   contraction factor θ, and for `'newton-failed'` the reduction the iteration predicts.
 * - `StepSizeController.retain`: after an accepted step that is not the last, may
 *   return the current |h| instead of the proposal, so that the stepper can reuse its
 *   LU decomposition (RADAU5: when θ ≤ 0.001 and 1 ≤ h_new/h ≤ 1.2).
 * - `Stepper.accept(…, last)`: true when the step ends the run at tEnd, so that the
 *   method may skip preparing a next step (RADAU5 then does not evaluate f there).
 * - `Stepper.workCounters.nsol`/`nnewton`: linear solves and Newton iterations, added
 *   to the result's statistics.
 * A stepper decides by itself when to re-form its Jacobian and its LU decomposition:
 * it sees every attempt's (t, y, h) and knows its own outcomes.
 *
 * Rules the driver relies on:
 * - `attempt` must leave every state needed to retry the step from (t, y)
 *   untouched (in particular f(t, y)); it may overwrite its own stage buffers.
 * - The outcome is the stepper's own object, overwritten by each attempt (no
 *   allocation); its `errorNorm` is Hairer's (accept when ≤ 1), +Infinity when the
 *   iteration matrix is singular or Newton failed, NaN when non-finite.
 * - Every call of the right-hand side goes through `context.rhs` (which counts it
 *   and applies the clock origin).
 * - No allocation in `attempt`/`accept`: preallocate in the constructor.
 * - The dense output of one step is `denseSize` numbers written by `accept`; the
 *   driver copies them when it stores the continuous solution, and evaluates them
 *   with the pure method `interpolate` (so the stepper's later state must not matter).
 *
 * @module
 */

import type { CountedRhs } from './countedRhs.js';
import type { JacobianColumnGroups } from './jacobian.js';
import type { StepOutcome } from './stepOutcome.js';
import type { JacobianFunction } from './types.js';

/** What a method needs to build its stepper. Tolerances are already validated. */
export interface StepperContext {
  /** Counted right-hand side on the local clock. */
  readonly rhs: CountedRhs;
  /** Dimension of the system. */
  readonly n: number;
  /** Relative tolerance (scalar, > 0). */
  readonly rtol: number;
  /** Absolute tolerance per component (length n, ≥ 0). */
  readonly atol: Float64Array;
  /** Whether the run needs dense output (`dense`, `tEval`, events or clock restarts); some methods pay extra f-evaluations for it. */
  readonly dense: boolean;
  /** The caller's `∂f/∂y` (`options.jacobian`), for methods that need one (stiff methods); explicit methods ignore it. */
  readonly jacobian?: JacobianFunction;
  /** Column groups of the finite-difference Jacobian (`options.jacobianSparsity`), for stiff methods. */
  readonly jacobianColumns?: JacobianColumnGroups;
}

/**
 * A step's stored dense output and how to evaluate it: what the output side
 * (`SolutionRecorder`) keeps per step. Every {@link Stepper} is one.
 */
export interface DenseInterpolant {
  /** Number of numbers in one step's dense output (e.g. 5·n for DOPRI5). */
  readonly denseSize: number;
  /**
   * Evaluates a stored dense output at `theta = (t − tOld)/h ∈ [0, 1]`: reads
   * `coef[offset .. offset + denseSize)`, writes the state into `out`. Pure: must
   * not depend on the stepper's current state.
   */
  interpolate(coef: Float64Array, offset: number, theta: number, out: Float64Array): void;
}

/** One integration method, seen from the one-step driver. */
export interface Stepper extends DenseInterpolant {
  /** f(t, y) at the start of the current step (filled by `start`, refreshed by `accept`). Used by HINIT. */
  readonly f0: Float64Array;
  /**
   * Prepares a run from (t0, y0): copies `f0` when the caller already has f(t0, y0)
   * (a method switch), otherwise evaluates it.
   */
  start(t0: number, y0: Float64Array, f0?: Float64Array): void;
  /**
   * Attempts one step of signed size `h` from `(t, y)`: writes the proposed
   * solution at `t + h` into `yNew` and returns the outcome (the stepper's own
   * object, overwritten at each attempt).
   */
  attempt(t: number, y: Float64Array, h: number, yNew: Float64Array): StepOutcome;
  /**
   * Completes the accepted step just attempted: prepares f at the new point for
   * the next step and, when `dense` is not null, writes the step's dense-output
   * coefficients into `dense[0 .. denseSize)`. `last` is true when the step ends the
   * run at tEnd (no further attempt follows): a method may then skip f at the new
   * point, as Hairer's RADAU5 does (`f0` is then stale; the driver does not hand it on).
   */
  accept(t: number, y: Float64Array, h: number, yNew: Float64Array, dense: Float64Array | null, last: boolean): void;
  /**
   * Optional: an estimate of `|λ|`, the magnitude of the dominant eigenvalue of
   * ∂f/∂y near the step just accepted (1/time), from data the step already has
   * (explicit methods: Hairer's `‖Δf‖/‖Δy‖` of two stages at the same time;
   * Rosenbrock: a norm of its Jacobian). Valid right after `accept`. Stiffness
   * detectors read it; a method without it cannot be watched for (non-)stiffness.
   */
  eigenvalueEstimate?(): number;
  /**
   * Optional work counters beyond f-evaluations (stiff methods: Jacobian evaluations
   * and LU decompositions); the driver adds them to the result's statistics.
   */
  readonly workCounters?: {
    readonly njev: number;
    readonly nlu: number;
    /** Linear solves with the factored iteration matrix, as the method counts them (RADAU5: Hairer's NSOL). */
    readonly nsol?: number;
    /** Newton iterations (implicit methods). */
    readonly nnewton?: number;
  };
}

/** Step-size controller constants after defaults are applied. */
export interface ControllerSettings {
  /** Safety factor (Hairer's SAFE). */
  safety: number;
  /** Smallest ratio h_new/h (Hairer's FAC1). */
  facMin: number;
  /** Largest ratio h_new/h (Hairer's FAC2). */
  facMax: number;
  /** Lund stabilisation exponent β (Hairer's BETA). */
  beta: number;
}

/**
 * Proposes step sizes from the step outcomes (error norm and, for implicit methods,
 * Newton iterations). Works with magnitudes |h|; the driver restores the sign,
 * clamps to `maxStep` and forbids an increase right after a rejection.
 */
export interface StepSizeController {
  /** After an accepted step of size `hAbs`: the next |h|. */
  accepted(outcome: StepOutcome, hAbs: number): number;
  /** After a rejected, singular or Newton-failed attempt of size `hAbs`: the |h| to retry with. */
  rejected(outcome: StepOutcome, hAbs: number): number;
  /**
   * Optional, after an accepted step of size `hAbs` that is not the last: the |h| to
   * take next given the driver's final proposal `hNextAbs` (already clamped to maxStep
   * and, after a rejection, to `hAbs`, and not reaching tEnd). Returning `hAbs` keeps
   * the step size, which lets an implicit method reuse its factored iteration matrix.
   * Default: `hNextAbs`.
   */
  retain?(outcome: StepOutcome, hAbs: number, hNextAbs: number): number;
}
