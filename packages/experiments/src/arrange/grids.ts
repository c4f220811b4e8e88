/**
 * The grids the results are computed on.
 * @module
 */

/**
 * `n` numbers from `a` to `b` equally spaced on a log scale, endpoints exact.
 * @param a - first value, > 0.
 * @param b - last value, > 0.
 * @param n - how many, ≥ 1 (`[a]` for 1).
 * @returns `a·(b/a)^(i/(n−1))` for i = 0 … n−1.
 * @example
 * ```ts
 * logGrid(1e-4, 1, 3); // => [1e-4, 0.01, 1]
 * ```
 */
export function logGrid(a: number, b: number, n: number): number[] {
  if (n === 1) return [a];
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(i === 0 ? a : i === n - 1 ? b : a * Math.pow(b / a, i / (n - 1)));
  return out;
}

/**
 * `n` numbers from `a` to `b` equally spaced, endpoints exact.
 * @param a - first value.
 * @param b - last value.
 * @param n - how many, ≥ 2.
 * @returns `a + (b − a)·i/(n−1)` for i = 0 … n−1.
 * @example
 * ```ts
 * linearGrid(0, 3, 4); // => [0, 1, 2, 3]
 * ```
 */
export function linearGrid(a: number, b: number, n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(i === n - 1 ? b : a + ((b - a) * i) / (n - 1));
  return out;
}

/**
 * The integers from `a` to `b` inclusive.
 * @param a - first integer.
 * @param b - last integer (none if b < a).
 * @returns `[a, a + 1, …, b]`.
 * @example
 * ```ts
 * integerRange(1, 4); // => [1, 2, 3, 4]
 * ```
 */
export function integerRange(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i <= b; i++) out.push(i);
  return out;
}
