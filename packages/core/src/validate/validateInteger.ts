/**
 * Validation of integer counts (sizes, steps, depths).
 *
 * @module
 */
import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';

/**
 * Checks an integer count in `[minimum, maximum]`. Only safe integers (|x| ≤ 2⁵³ − 1)
 * pass, so every accepted count is exact in double precision. The rule is worded as
 * the command line words it: `must be an integer ≥ 1`, or `must be an integer from 1
 * to 12` when there is a maximum.
 *
 * @param where - the public function doing the check (named in the error).
 * @param name - the argument's documented name.
 * @param value - the value to check.
 * @param minimum - the smallest allowed value (an integer).
 * @param maximum - the largest allowed value; default `Number.MAX_SAFE_INTEGER` (no maximum).
 * @returns the value.
 * @throws {@link InvalidArgumentError} unless `value` is a safe integer in range.
 * @example
 * ```ts
 * validateInteger('flowTrajectory', 'points', 11, 2);
 * // => 11
 * validateInteger('train', 'steps', 1.5, 0);
 * // => throws InvalidArgumentError: train: invalid argument steps: must be an integer ≥ 0; got 1.5.
 * validateInteger('initialNetwork', 'd', 5000, 1, 4096);
 * // => throws InvalidArgumentError: must be an integer from 1 to 4096
 * ```
 */
export function validateInteger(
  where: string,
  name: string,
  value: unknown,
  minimum: number,
  maximum: number = Number.MAX_SAFE_INTEGER,
): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < minimum || value > maximum) {
    const range = maximum === Number.MAX_SAFE_INTEGER ? `an integer ≥ ${minimum}` : `an integer from ${minimum} to ${maximum}`;
    throw new InvalidArgumentError(where, name, `must be ${range}`, value);
  }
  return value;
}
