/**
 * The argument check shared by every matrix-product entry point.
 *
 * @module
 */
import { validateDimension, validateFloat64Array, validateNoOverlap } from './validateMatrix.js';

/**
 * Checks `C = op(A)·op(B)` with op(A) m×k, op(B) k×n: dimensions non-negative integers,
 * `c` at least m·n long and not overlapping `a` or `b`, `a` at least m·k and `b` at least
 * k·n long (whatever the transposition, the entry counts are the same). O(1).
 */
export function validateProduct(where: string, c: unknown, a: unknown, b: unknown, m: unknown, k: unknown, n: unknown): void {
  const rows = validateDimension(where, 'm', m);
  const inner = validateDimension(where, 'k', k);
  const cols = validateDimension(where, 'n', n);
  const out = validateFloat64Array(where, 'c', c, rows * cols, `m·n = ${rows * cols}`);
  const left = validateFloat64Array(where, 'a', a, rows * inner, `m·k = ${rows * inner}`);
  const right = validateFloat64Array(where, 'b', b, inner * cols, `k·n = ${inner * cols}`);
  validateNoOverlap(where, 'c', out, rows * cols, 'a', left, rows * inner);
  validateNoOverlap(where, 'c', out, rows * cols, 'b', right, inner * cols);
}
