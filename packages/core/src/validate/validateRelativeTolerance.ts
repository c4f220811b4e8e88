/**
 * Validation of a relative tolerance of a numerical integration.
 *
 * @module
 */
import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';

/**
 * The smallest relative tolerance accepted: 100 machine epsilons (2.22e-14). Below it
 * the error estimates are rounding noise and the step control no longer means anything.
 */
export const MIN_RELATIVE_TOLERANCE = 100 * Number.EPSILON;

/** The rule of {@link validateRelativeTolerance}, as its messages (and the CLI's) phrase it. */
export const RELATIVE_TOLERANCE_RULE = `must be a number from ${MIN_RELATIVE_TOLERANCE.toPrecision(3)} (100 machine epsilons) up to, not including, 1`;

/**
 * Checks a relative tolerance: `100·ε_mach ≤ rtol < 1`. At 1 and above a "relative error"
 * allows any answer; below 100 machine epsilons it asks for more than double precision holds.
 *
 * @param where - the public function doing the check (named in the error).
 * @param argument - the argument's documented name, e.g. `rtol`.
 * @param value - the value to check.
 * @returns the tolerance.
 * @throws {@link InvalidArgumentError} naming the range otherwise.
 * @example
 * ```ts
 * validateRelativeTolerance('criticalTime', 'rtol', 1e-10);
 * // => 1e-10
 * validateRelativeTolerance('criticalTime', 'rtol', 1);
 * // => throws InvalidArgumentError: criticalTime: invalid argument rtol: must be a number from 2.22e-14 (100 machine epsilons) up to, not including, 1; got 1.
 * ```
 */
export function validateRelativeTolerance(where: string, argument: string, value: unknown): number {
  if (typeof value !== 'number' || !(value >= MIN_RELATIVE_TOLERANCE && value < 1)) {
    throw new InvalidArgumentError(where, argument, RELATIVE_TOLERANCE_RULE, value);
  }
  return value;
}
