/**
 * `options.jacobianSparsity` in its three forms (explicit rows, `'diagonal'`, a band
 * `{ lower, upper }`), turned into the column groups of the grouped finite-difference
 * Jacobian (`jacobian.ts`). The shorthands build their groups directly (a band's
 * columns j ≡ g mod (lower + upper + 1) share no row), without the greedy colouring.
 *
 * @module
 */

import { InvalidArgumentError } from '@jepa-dynamics/core';
import { jacobianColumnGroups, type JacobianColumnGroups } from '../jacobian.js';
import type { JacobianBandwidth } from '../types.js';

/**
 * Checks a bandwidth `{ lower, upper }`: integers with `0 ≤ lower, upper ≤ n − 1`.
 *
 * @param where - the public function, for messages.
 * @param name - the argument's name.
 * @param value - the candidate.
 * @param n - the dimension.
 * @returns the bandwidth (a fresh object).
 * @throws {@link InvalidArgumentError} naming the argument, the rule and the value.
 * @example
 * ```ts
 * validateBandwidth('f', 'band', { lower: 1, upper: 0 }, 3); // => { lower: 1, upper: 0 }
 * validateBandwidth('f', 'band', { lower: 3, upper: 0 }, 3); // => throws InvalidArgumentError: band.lower
 * ```
 */
export function validateBandwidth(where: string, name: string, value: unknown, n: number): JacobianBandwidth {
  if (value === null || typeof value !== 'object') {
    throw new InvalidArgumentError(where, name, 'must be an object { lower, upper } of integers', value);
  }
  const band = value as { lower?: unknown; upper?: unknown };
  for (const key of ['lower', 'upper'] as const) {
    const v = band[key];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > n - 1) {
      throw new InvalidArgumentError(where, `${name}.${key}`, `must be an integer in [0, n − 1 = ${n - 1}]`, v);
    }
  }
  return { lower: band.lower as number, upper: band.upper as number };
}

/**
 * The column groups of a band: columns `j ≡ g (mod lower + upper + 1)` form group g, and
 * column j touches rows `max(0, j − upper) … min(n − 1, j + lower)`. A forward-difference
 * Jacobian then costs `min(n, lower + upper + 1)` f-evaluations.
 *
 * @param n - the dimension.
 * @param band - the bandwidth (valid).
 * @returns the groups and the rows of every column.
 * @example
 * ```ts
 * bandColumnGroups(4, { lower: 1, upper: 1 }).groups.map((g) => Array.from(g)); // => [[0, 3], [1], [2]]
 * ```
 */
export function bandColumnGroups(n: number, band: JacobianBandwidth): JacobianColumnGroups {
  const width = Math.min(n, band.lower + band.upper + 1);
  const groups: Int32Array[] = [];
  for (let g = 0; g < width; g++) {
    const count = Math.floor((n - 1 - g) / width) + 1;
    const cols = new Int32Array(count);
    for (let k = 0; k < count; k++) cols[k] = g + k * width;
    groups.push(cols);
  }
  const rowsOf: Int32Array[] = new Array<Int32Array>(n);
  for (let j = 0; j < n; j++) {
    const first = Math.max(0, j - band.upper);
    const last = Math.min(n - 1, j + band.lower);
    const rows = new Int32Array(last - first + 1);
    for (let i = first; i <= last; i++) rows[i - first] = i;
    rowsOf[j] = rows;
  }
  return { groups, rowsOf };
}

/**
 * `options.jacobianSparsity` checked and turned into column groups, with its band when
 * it is a shorthand (`'diagonal'` is the band `{ lower: 0, upper: 0 }`).
 *
 * @param where - the public function.
 * @param name - the option's name.
 * @param sparsity - the option's value (rows, `'diagonal'` or `{ lower, upper }`).
 * @param n - the dimension.
 * @returns the column groups, and the band for the shorthands (undefined for explicit rows).
 * @throws {@link InvalidArgumentError} when the value is none of the three forms or is invalid.
 * @example
 * ```ts
 * jacobianSparsityColumns('f', 's', 'diagonal', 3).columns.groups.length; // => 1
 * jacobianSparsityColumns('f', 's', [[0, 1], [1]], 2).band; // => undefined
 * ```
 */
export function jacobianSparsityColumns(
  where: string,
  name: string,
  sparsity: unknown,
  n: number,
): { columns: JacobianColumnGroups; band: JacobianBandwidth | undefined } {
  if (sparsity === 'diagonal') {
    const band = { lower: 0, upper: 0 };
    return { columns: bandColumnGroups(n, band), band };
  }
  if (typeof sparsity === 'string' || (sparsity !== null && typeof sparsity === 'object' && !Array.isArray(sparsity))) {
    if (typeof sparsity === 'string') {
      throw new InvalidArgumentError(where, name, "must be 'diagonal', { lower, upper } or an array of n rows of column indices", sparsity);
    }
    const band = validateBandwidth(where, name, sparsity, n);
    return { columns: bandColumnGroups(n, band), band };
  }
  return { columns: jacobianColumnGroups(where, name, sparsity, n), band: undefined };
}
