/**
 * The internal plug-in interface between the generic driver
 * ({@link integrateWithStepper} in `integrate.ts`) and one integration method.
 * Internal: not exported from the package (methods live inside `src/solver/`).
 *
 * How to add a method (e.g. a stiff Rosenbrock or Radau code):
 *
 * 1. Write `src/solver/<method>.ts` with a class implementing {@link Stepper}
 *    (the tableau, one step, its error norm, its dense output) and a
 *    {@link MethodDefinition} constant describing it (name, order for HINIT,
 *    controller defaults and exponent, stiffness threshold or `undefined`).
 * 2. Add the name to `Method` in `types.ts` and a `case` in `solveIvp.ts` that
 *    calls `integrateWithStepper(yourDefinition, problem)`.
 *
 * The driver then gives the method, for free: Hairer's HINIT initial step, the
 * step-size controller with the "no increase right after a rejection" rule, the
 * last-step handling, `maxStep`/`maxSteps`, step-size underflow, non-finite
 * detection, `tEval`, the stored continuous solution `sol(t)`, event location,
 * the statistics and the status messages.
 *
 * The protocol, per run:
 *
 *     stepper = definition.create(context)
 *     stepper.start(t0, y0)                     // evaluates and keeps f(t0, y0)
 *     h = firstStep or initialStepSize(…, stepper.f0, …)
 *     loop:
 *       err = stepper.attempt(t, y, h, yNew)    // proposes yNew, returns the scaled error norm
 *       if err ≤ 1:                              // accepted
 *         stepper.accept(t, y, h, yNew, denseOrNull)   // FSAL, next f0, dense coefficients
 *         maybe stepper.stiffnessIndicator(h, yNew)    // only when definition.stiffnessThreshold is set
 *         y ← yNew, t ← t + h
 *       else: rejected, retry from the same (t, y) with a smaller h
 *
 * Rules the driver relies on:
 * - `attempt` must leave every state needed to retry the step from (t, y)
 *   untouched (in particular f(t, y)); it may overwrite its own stage buffers.
 * - The error norm is Hairer's: a step is acceptable when it is ≤ 1; NaN or
 *   ±Infinity means the step produced non-finite values.
 * - Every call of the right-hand side goes through `context.rhs` (which counts it).
 * - No allocation in `attempt`/`accept`: preallocate in `create`.
 * - The dense output of one step is `denseSize` numbers written by `accept`; the
 *   driver copies them when it stores the continuous solution, and evaluates them
 *   with the pure method `interpolate` (so the stepper's later state must not matter).
 *
 * @module
 */

import type { JacobianColumnGroups } from './jacobian.js';
import type { JacobianFunction, RhsFunction } from './types.js';

/** The right-hand side with an evaluation counter (Hairer's NFCN counts exactly these calls). */
export class CountedRhs {
  /** Number of evaluations so far. */
  count = 0;
  /** @param f - the user's right-hand side. */
  constructor(private readonly f: RhsFunction) {}
  /** Evaluates `f(t, y)` into `dydt` and counts the call. */
  eval(t: number, y: Float64Array, dydt: Float64Array): void {
    this.count++;
    this.f(t, y, dydt);
  }
}

/** What a method needs to build its stepper. Tolerances are already validated. */
export interface StepperContext {
  /** Counted right-hand side. */
  readonly rhs: CountedRhs;
  /** Dimension of the system. */
  readonly n: number;
  /** Relative tolerance (scalar, > 0). */
  readonly rtol: number;
  /** Absolute tolerance per component (length n, ≥ 0). */
  readonly atol: Float64Array;
  /** Whether the run needs dense output (`dense`, `tEval` or `events`); some methods pay extra f-evaluations for it. */
  readonly dense: boolean;
  /** The caller's `∂f/∂y` (`options.jacobian`), for methods that need one (stiff methods); explicit methods ignore it. */
  readonly jacobian?: JacobianFunction;
  /** Column groups of the finite-difference Jacobian (`options.jacobianSparsity`), for stiff methods. */
  readonly jacobianColumns?: JacobianColumnGroups;
}

/** One integration method, seen from the driver. */
export interface Stepper {
  /** f(t, y) at the start of the current step (filled by `start`, refreshed by `accept`). Used by HINIT. */
  readonly f0: Float64Array;
  /** Number of numbers in one step's dense output (e.g. 5·n for DOPRI5). */
  readonly denseSize: number;
  /** Evaluates and keeps f(t0, y0). */
  start(t0: number, y0: Float64Array): void;
  /**
   * Attempts one step of signed size `h` from `(t, y)`: writes the proposed
   * solution at `t + h` into `yNew` and returns the scaled error norm
   * (accept when ≤ 1; NaN/Infinity when non-finite values appeared).
   */
  attempt(t: number, y: Float64Array, h: number, yNew: Float64Array): number;
  /**
   * Completes the accepted step just attempted: prepares f at the new point for
   * the next step and, when `dense` is not null, writes the step's dense-output
   * coefficients into `dense[0 .. denseSize)`.
   */
  accept(t: number, y: Float64Array, h: number, yNew: Float64Array, dense: Float64Array | null): void;
  /**
   * Hairer's stiffness indicator `|h|·‖Δf‖/‖Δy‖` ≈ |h λ| of the accepted step just
   * completed (called after `accept`, before the driver moves to `yNew`).
   */
  stiffnessIndicator(h: number, yNew: Float64Array): number;
  /**
   * Evaluates a stored dense output at `theta = (t − tOld)/h ∈ [0, 1]`: reads
   * `coef[offset .. offset + denseSize)`, writes the state into `out`. Pure: must
   * not depend on the stepper's current state.
   */
  interpolate(coef: Float64Array, offset: number, theta: number, out: Float64Array): void;
  /**
   * Optional work counters beyond f-evaluations (stiff methods: Jacobian evaluations
   * and LU decompositions); the driver copies them into the result's statistics.
   */
  readonly workCounters?: { readonly njev: number; readonly nlu: number };
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
 * Proposes step sizes. Works with magnitudes |h|; the driver restores the sign,
 * clamps to `maxStep` and forbids an increase right after a rejection.
 */
export interface StepSizeController {
  /** After an accepted step of size `hAbs` with error norm `err` (≤ 1): the next |h|. */
  accepted(err: number, hAbs: number): number;
  /** After a rejected step (err > 1): the |h| to retry with. */
  rejected(err: number, hAbs: number): number;
}

/** Static description of a method. */
export interface MethodDefinition {
  /** Name used in messages, e.g. `'dopri5'`. */
  readonly name: string;
  /** Order used by HINIT (Hairer's IORD): 5 for DOPRI5, 8 for DOP853. */
  readonly order: number;
  /** Controller defaults (Hairer's). */
  readonly defaults: ControllerSettings;
  /** Builds the step-size controller from the settings (defaults already applied). */
  createController(settings: ControllerSettings): StepSizeController;
  /**
   * Threshold on the stiffness indicator (3.25 for DOPRI5, 6.1 for DOP853);
   * `undefined` for methods that do not run the test (stiff methods).
   */
  readonly stiffnessThreshold: number | undefined;
  /** Builds the stepper with its preallocated buffers. */
  create(context: StepperContext): Stepper;
}
