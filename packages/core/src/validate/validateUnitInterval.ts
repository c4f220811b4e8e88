/**
 * Validation of numbers in the unit interval: probabilities, fractions, rates.
 *
 * @module
 */
import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';

/**
 * The four subintervals of [0, 1] a fraction may be required to lie in, written as
 * error messages show them: open `(0, 1)`, half-open `(0, 1]` and `[0, 1)`, closed `[0, 1]`.
 *
 * @example
 * ```ts
 * UNIT_INTERVALS;
 * // => ["(0, 1)", "(0, 1]", "[0, 1)", "[0, 1]"]
 * ```
 */
export const UNIT_INTERVALS = ['(0, 1)', '(0, 1]', '[0, 1)', '[0, 1]'] as const;

/** One of {@link UNIT_INTERVALS}. */
export type UnitInterval = (typeof UNIT_INTERVALS)[number];

/**
 * Checks a number in a subinterval of [0, 1] (a probability, a fraction of a fixed
 * point, an EMA rate).
 *
 * @param where - the public function doing the check (named in the error).
 * @param name - the argument's documented name.
 * @param value - the value to check.
 * @param interval - which ends are allowed, e.g. `'[0, 1)'` for an EMA rate.
 * @returns the value.
 * @throws {@link InvalidArgumentError} `… must be a number in [0, 1); …` (the interval given) otherwise.
 * @example
 * ```ts
 * validateUnitInterval('train', 'ema', 0, '[0, 1)');
 * // => 0
 * validateUnitInterval('train', 'ema', 1, '[0, 1)');
 * // => throws InvalidArgumentError: train: invalid argument ema: must be a number in [0, 1); got 1.
 * ```
 */
export function validateUnitInterval(where: string, name: string, value: unknown, interval: UnitInterval): number {
  if (typeof value !== 'number' || !inInterval(value, interval))
    throw new InvalidArgumentError(where, name, `must be a number in ${interval}`, value);
  return value;
}

function inInterval(x: number, interval: UnitInterval): boolean {
  switch (interval) {
    case '(0, 1)':
      return x > 0 && x < 1;
    case '(0, 1]':
      return x > 0 && x <= 1;
    case '[0, 1)':
      return x >= 0 && x < 1;
    case '[0, 1]':
      return x >= 0 && x <= 1;
    default: {
      const never: never = interval;
      return never;
    }
  }
}
