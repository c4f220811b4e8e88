/**
 * The outcome of one step attempt of a one-step method (see `stepper.ts`): a status
 * and the numbers the step-size controller reads, instead of one number with several
 * meanings.
 *
 * @module
 */

/**
 * What happened to a step attempt, in the order the driver handles them:
 * - `'accepted'`: the error norm is ≤ 1; the driver completes the step.
 * - `'rejected'`: the error norm is > 1 (finite); the controller proposes a shorter step.
 * - `'singular'`: the iteration matrix of an implicit or Rosenbrock method is singular.
 * - `'newton-failed'`: the Newton iteration of an implicit method did not converge.
 * - `'non-finite'`: NaN or ±Infinity appeared (in f, a stage or the error estimate).
 */
export const STEP_STATUSES = ['accepted', 'rejected', 'singular', 'newton-failed', 'non-finite'] as const;

/** One of {@link STEP_STATUSES}. */
export type StepStatus = (typeof STEP_STATUSES)[number];

/**
 * A step attempt's outcome. Steppers keep one instance and overwrite it at every
 * attempt (nothing is allocated per step); the driver reads it before the next attempt.
 */
export interface StepOutcome {
  /** What happened. */
  status: StepStatus;
  /**
   * Hairer's scaled error norm of the step (RMS of the local error estimate over
   * `atol + rtol·max(|y|, |y_new|)`): ≤ 1 when accepted, > 1 when rejected, NaN when
   * non-finite, +Infinity when singular or the Newton iteration failed.
   */
  errorNorm: number;
  /** Newton iterations spent by the attempt (0 for explicit and Rosenbrock methods); controllers of implicit methods read it. */
  newtonIterations: number;
  /**
   * Implicit methods: the observed contraction factor θ of the Newton iteration (the
   * ratio of successive increments; small when the iteration matrix is fresh). RADAU5's
   * controller keeps h when θ is small and the proposed change is small, so that the
   * LU decomposition can be reused. Unset for other methods.
   */
  newtonRate?: number;
  /**
   * `'newton-failed'` only: the factor by which the method's Newton iteration asks to
   * shorten the step (RADAU5 predicts it from the rate of convergence); unset or NaN
   * when it has no prediction (the controller then uses its default reduction).
   */
  stepFactor?: number;
}

/** A fresh outcome (for a stepper's constructor). */
export function createStepOutcome(): StepOutcome {
  return { status: 'accepted', errorNorm: 0, newtonIterations: 0 };
}

/**
 * Fills `outcome` from an error norm: `'accepted'` when `err ≤ 1`, `'rejected'` when
 * it is a larger finite number, `'non-finite'` otherwise (NaN or ±Infinity).
 *
 * @param outcome - the stepper's outcome object, overwritten.
 * @param err - the scaled error norm of the attempt.
 * @returns `outcome`.
 * @example
 * ```ts
 * judgeErrorNorm(createStepOutcome(), 0.5).status; // => 'accepted'
 * judgeErrorNorm(createStepOutcome(), 2).status; // => 'rejected'
 * judgeErrorNorm(createStepOutcome(), Number.NaN).status; // => 'non-finite'
 * ```
 */
export function judgeErrorNorm(outcome: StepOutcome, err: number): StepOutcome {
  outcome.errorNorm = err;
  outcome.newtonIterations = 0;
  outcome.status = err <= 1 ? 'accepted' : Number.isFinite(err) ? 'rejected' : 'non-finite';
  return outcome;
}
