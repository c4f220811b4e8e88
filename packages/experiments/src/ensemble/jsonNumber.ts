/**
 * Numbers as every executor transports them.
 *
 * @module
 */

/**
 * A number as a run result holds it: finite numbers as they are (−0 as 0), non-finite ones
 * as `null`. JSON has no NaN, ±Infinity or −0, so results normalised this way are identical
 * whether they come back by structured clone (workers) or by JSON (a queue), and bit for
 * bit equal to the serial run's.
 *
 * @param x - any number.
 * @returns `x` (0 for −0), or null when x is NaN or infinite.
 * @example
 * ```ts
 * [jsonNumber(1.5), jsonNumber(-0), jsonNumber(NaN), jsonNumber(-Infinity)];
 * // => [1.5, 0, null, null]
 * ```
 */
export function jsonNumber(x: number): number | null {
  if (!Number.isFinite(x)) return null;
  return x === 0 ? 0 : x;
}

/**
 * {@link jsonNumber} over an array-like of numbers.
 *
 * @param xs - numbers (a typed array or an array).
 * @returns a plain array.
 * @example
 * ```ts
 * jsonNumbers(Float64Array.of(1, NaN)); // => [1, null]
 * ```
 */
export function jsonNumbers(xs: ArrayLike<number>): (number | null)[] {
  return Array.from(xs, jsonNumber);
}
