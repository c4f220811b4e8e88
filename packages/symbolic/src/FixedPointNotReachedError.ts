/**
 * The flow from the given start does not reach the chosen fixed point, so the question
 * asked of {@link deriveScalarFlow} (the time to a fraction of that fixed point) has no
 * answer. The command line exits with status 1 on it.
 *
 * Reasons: `'flows-away'` (f at the start points away from it), `'fixed-point-between'`
 * (another fixed point lies between the start and it, and the flow stops there),
 * `'pole-between'` (f has a pole between them), `'unbounded'` (no fixed point lies in the
 * direction of the flow: it runs off to ±∞ or to a pole), `'start-is-fixed-point'`
 * (f(start) = 0: u stays where it is), `'no-fixed-point'` (f has no real fixed point).
 *
 * @example
 * ```ts
 * const error = new FixedPointNotReachedError('the flow decreases from u0 = 0.01 to the fixed point 0.', 'flows-away', 0.01, 2);
 * [error.name, error.reason, error.fixedPoint];
 * // => ["FixedPointNotReachedError", "flows-away", 2]
 * ```
 */
export class FixedPointNotReachedError extends Error {
  /** Why the fixed point is not reached. */
  readonly reason: 'flows-away' | 'fixed-point-between' | 'pole-between' | 'unbounded' | 'start-is-fixed-point' | 'no-fixed-point';
  /** The start u(0). */
  readonly start: number;
  /** The fixed point asked for (null when none was chosen or none exists). */
  readonly fixedPoint: number | null;

  /**
   * @param message - one sentence: the start, the fixed point, and where the flow goes instead.
   * @param reason - see the class comment.
   * @param start - u(0).
   * @param fixedPoint - the fixed point asked for, or null.
   */
  constructor(message: string, reason: FixedPointNotReachedError['reason'], start: number, fixedPoint: number | null) {
    super(message);
    this.name = 'FixedPointNotReachedError';
    this.reason = reason;
    this.start = start;
    this.fixedPoint = fixedPoint;
  }
}
