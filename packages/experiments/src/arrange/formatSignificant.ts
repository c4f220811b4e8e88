/**
 * Numbers in summary sentences.
 * @module
 */

/**
 * A number rounded to `digits` significant digits, in JavaScript's shortest form (no
 * trailing zeros).
 * @param x - the number.
 * @param digits - significant digits, 1 … 100 (default 3).
 * @returns e.g. `'3.81'` for 3.8129.
 * @example
 * ```ts
 * formatSignificant(3.8129); // => '3.81'
 * formatSignificant(2.0004, 4); // => '2'
 * ```
 */
export function formatSignificant(x: number, digits = 3): string {
  return Number(x.toPrecision(digits)).toString();
}
