/**
 * Forward-difference Jacobian of a right-hand side, as the stiff method
 * {@link RODAS4} forms it when the caller supplies none.
 *
 * @module
 */

import { InvalidArgumentError } from '@jepa-dynamics/core';
import type { RhsFunction } from './types.js';

/** Unit roundoff of IEEE double precision (2⁻⁵³ rounds to 1.1e-16; Hairer's UROUND). */
const SQRT_UROUND = Math.sqrt(2 ** -53);

/**
 * Approximates `J = ∂f/∂y` at `(t, y)` by forward differences, one column per
 * right-hand-side evaluation: column j is `(f(t, y + δ_j e_j) − f(t, y)) / δ_j` with
 * `δ_j = sqrt(UROUND) · max(|y_j|, threshold_j)` (UROUND = 2⁻⁵³), which balances
 * truncation (∝ δ) against rounding (∝ UROUND/δ): entries accurate to about
 * `sqrt(UROUND) ≈ 1e-8` relative. The threshold is the scale below which a component
 * counts as zero; the stiff solver passes its absolute tolerance (as scipy's
 * `num_jac` does), because a fixed floor such as Hairer's `max(1e-5, |y_j|)` makes
 * the increment far larger than a tiny component (Robertson's y₂ ≈ 1e-13) and the
 * difference quotient of a nonlinear f then useless.
 *
 * @param f - the right-hand side.
 * @param t - the time.
 * @param y - the state (length n); temporarily perturbed one entry at a time and restored exactly.
 * @param f0 - `f(t, y)`, already evaluated by the caller (length n).
 * @param jac - receives J row-major: `jac[i * n + j] = ∂f_i/∂y_j` (length ≥ n²).
 * @param work - scratch of length ≥ n.
 * @param threshold - per-component scale floor (> 0 entries; where an entry is 0, 1e-5 is used), length n.
 * @returns the number of right-hand-side evaluations spent (n).
 * @throws {@link InvalidArgumentError} when the array lengths do not match.
 * @example
 * ```ts
 * // f(y) = (y0², y0·y1): J = [[2 y0, 0], [y1, y0]]
 * const f = (_t: number, y: Float64Array, d: Float64Array): void => { d[0] = y[0] * y[0]; d[1] = y[0] * y[1]; };
 * const y = new Float64Array([1, 2]);
 * const f0 = new Float64Array(2); f(0, y, f0);
 * const jac = new Float64Array(4);
 * finiteDifferenceJacobian(f, 0, y, f0, jac, new Float64Array(2), [1e-6, 1e-6]); // => 2
 * Array.from(jac, (v) => Math.round(v * 1e6) / 1e6); // => [2, 0, 2, 1]
 * ```
 */
export function finiteDifferenceJacobian(
  f: RhsFunction,
  t: number,
  y: Float64Array,
  f0: Float64Array,
  jac: Float64Array,
  work: Float64Array,
  threshold: ArrayLike<number>,
): number {
  const n = y.length;
  if (threshold.length !== n)
    throw new InvalidArgumentError('finiteDifferenceJacobian', 'threshold', `must have the length of y (${n})`, threshold.length);
  if (f0.length !== n) throw new InvalidArgumentError('finiteDifferenceJacobian', 'f0', `must have the length of y (${n})`, f0.length);
  if (jac.length < n * n)
    throw new InvalidArgumentError('finiteDifferenceJacobian', 'jac', `must have length at least n² = ${n * n}`, jac.length);
  if (work.length < n)
    throw new InvalidArgumentError('finiteDifferenceJacobian', 'work', `must have length at least n = ${n}`, work.length);
  return finiteDifferenceJacobianKernel(f, t, y, f0, jac, work, threshold);
}

/** {@link finiteDifferenceJacobian} without argument checks (hot path of the stiff solver). */
export function finiteDifferenceJacobianKernel(
  f: RhsFunction,
  t: number,
  y: Float64Array,
  f0: Float64Array,
  jac: Float64Array,
  work: Float64Array,
  threshold: ArrayLike<number>,
): number {
  const n = y.length;
  for (let j = 0; j < n; j++) {
    const yj = y[j];
    const floor = threshold[j] > 0 ? threshold[j] : 1e-5;
    const delta = SQRT_UROUND * Math.max(Math.abs(yj), floor);
    y[j] = yj + delta;
    // The increment actually applied (y_j + δ is rounded).
    const h = y[j] - yj;
    f(t, y, work);
    y[j] = yj;
    for (let i = 0; i < n; i++) jac[i * n + j] = (work[i] - f0[i]) / h;
  }
  return n;
}

/**
 * Column groups for finite differences with a known sparsity pattern (Curtis, Powell &
 * Reid 1974): columns that share no row can be perturbed together, so one
 * right-hand-side evaluation gives all of them. Greedy colouring in column order.
 */
export interface JacobianColumnGroups {
  /** `groups[g]` = the columns perturbed together in evaluation g. */
  readonly groups: readonly Int32Array[];
  /** `rowsOf[j]` = the rows i with `∂f_i/∂y_j` possibly nonzero. */
  readonly rowsOf: readonly Int32Array[];
}

/**
 * Checks a sparsity pattern: `pattern[i]` lists the columns j on which `f_i` may depend
 * (integers in [0, n), any order, duplicates allowed); rows not listed are not allowed.
 *
 * @param where - the public function, for the error message.
 * @param name - the argument's name, e.g. `options.jacobianSparsity`.
 * @param pattern - the pattern.
 * @param n - the dimension.
 * @returns the column groups and the row lists of every column.
 * @throws {@link InvalidArgumentError} when the pattern does not have n rows of valid column indices.
 */
export function jacobianColumnGroups(where: string, name: string, pattern: unknown, n: number): JacobianColumnGroups {
  if (!Array.isArray(pattern) || pattern.length !== n) {
    throw new InvalidArgumentError(
      where,
      name,
      `must be an array of n = ${n} rows, each listing the columns j with ∂f_i/∂y_j possibly nonzero`,
      pattern,
    );
  }
  const rowsOfLists: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < n; i++) {
    const row: unknown = pattern[i];
    if (!Array.isArray(row)) throw new InvalidArgumentError(where, `${name}[${i}]`, 'must be an array of column indices', row);
    const seen = new Set<number>();
    for (const j of row as unknown[]) {
      if (typeof j !== 'number' || !Number.isInteger(j) || j < 0 || j >= n) {
        throw new InvalidArgumentError(where, `${name}[${i}]`, `must hold integer column indices in [0, ${n - 1}]`, row);
      }
      if (!seen.has(j)) {
        seen.add(j);
        rowsOfLists[j].push(i);
      }
    }
  }
  const rowsOf = rowsOfLists.map((r) => Int32Array.from(r));
  // Greedy colouring: a column joins the first group none of whose rows it touches.
  const groupRows: Set<number>[] = [];
  const groupCols: number[][] = [];
  for (let j = 0; j < n; j++) {
    let g = 0;
    for (; g < groupRows.length; g++) {
      const used = groupRows[g];
      if (!rowsOfLists[j].some((i) => used.has(i))) break;
    }
    if (g === groupRows.length) {
      groupRows.push(new Set());
      groupCols.push([]);
    }
    for (const i of rowsOfLists[j]) groupRows[g].add(i);
    groupCols[g].push(j);
  }
  return { groups: groupCols.map((c) => Int32Array.from(c)), rowsOf };
}

/**
 * {@link finiteDifferenceJacobian} with column groups from {@link jacobianColumnGroups}:
 * one evaluation per group instead of one per column; entries outside the pattern are
 * set to 0. Same increments. No argument checks (hot path of the stiff solver).
 *
 * @returns the number of right-hand-side evaluations spent (the number of groups).
 */
export function groupedFiniteDifferenceJacobianKernel(
  f: RhsFunction,
  t: number,
  y: Float64Array,
  f0: Float64Array,
  jac: Float64Array,
  work: Float64Array,
  threshold: ArrayLike<number>,
  columns: JacobianColumnGroups,
  delta: Float64Array,
  saved: Float64Array,
): number {
  const n = y.length;
  jac.fill(0);
  return groupedFiniteDifferenceColumnsKernel(f, t, y, f0, work, threshold, columns, delta, saved, (i, j, v) => {
    jac[i * n + j] = v;
  });
}

/**
 * The grouped forward differences of {@link groupedFiniteDifferenceJacobianKernel},
 * handing every entry of the pattern to `store(i, j, ∂f_i/∂y_j)` instead of writing a
 * dense matrix (the banded linear solver of BDF stores only the band). `y` is restored
 * exactly. No argument checks.
 *
 * @returns the number of right-hand-side evaluations spent (the number of groups).
 */
export function groupedFiniteDifferenceColumnsKernel(
  f: RhsFunction,
  t: number,
  y: Float64Array,
  f0: Float64Array,
  work: Float64Array,
  threshold: ArrayLike<number>,
  columns: JacobianColumnGroups,
  delta: Float64Array,
  saved: Float64Array,
  store: (i: number, j: number, value: number) => void,
): number {
  for (const group of columns.groups) {
    for (let k = 0; k < group.length; k++) {
      const j = group[k];
      const yj = y[j];
      saved[j] = yj;
      const floor = threshold[j] > 0 ? threshold[j] : 1e-5;
      y[j] = yj + SQRT_UROUND * Math.max(Math.abs(yj), floor);
      delta[j] = y[j] - yj;
    }
    f(t, y, work);
    for (let k = 0; k < group.length; k++) {
      const j = group[k];
      y[j] = saved[j];
      const rows = columns.rowsOf[j];
      for (let r = 0; r < rows.length; r++) {
        const i = rows[r];
        store(i, j, (work[i] - f0[i]) / delta[j]);
      }
    }
  }
  return columns.groups.length;
}
