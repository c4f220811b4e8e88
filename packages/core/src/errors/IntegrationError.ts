/**
 * The error for a numerical integration that could not deliver the requested answer.
 *
 * @module
 */

/**
 * A numerical integration ended before delivering what was asked (step-size
 * underflow, step limit, non-finite values, stiffness). Carries the time reached,
 * so the failure is never mistaken for a result.
 *
 * @example
 * ```ts
 * const error = new IntegrationError('solve: step size underflow at t = 3.5.', 'step-too-small', 3.5);
 * [error.name, error.status, error.tReached];
 * // => ["IntegrationError", "step-too-small", 3.5]
 * ```
 */
export class IntegrationError extends Error {
  /** Why the integration stopped (a solver status other than success). */
  readonly status: string;
  /** The time reached when it stopped, in the caller's time unit. */
  readonly tReached: number;

  /**
   * @param message - one sentence saying what failed, including the time reached.
   * @param status - the solver status that ended the run.
   * @param tReached - the last time reached.
   */
  constructor(message: string, status: string, tReached: number) {
    super(message);
    this.name = 'IntegrationError';
    this.status = status;
    this.tReached = tReached;
  }
}
