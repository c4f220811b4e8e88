/**
 * When a recorded quantity reaches a target and stays there.
 * @module
 */

/** How a recorded series meets its target. */
export interface HeldCrossing {
  /** Index of the first record at or above the target, or −1. */
  readonly first: number;
  /**
   * Index of the record from which the series stays at or above the target to the last
   * record, or −1 (it ends below). Equal to `first` when the first crossing holds.
   */
  readonly held: number;
}

/**
 * The first record of `values` at or above `target`, and the record from which it stays
 * there to the end: a crossing counts as learning only when it holds (a mode that brushes
 * the target and falls back is not learned). Checked at the records only.
 *
 * @param values - the series, one value per record.
 * @param target - the level to reach.
 * @returns the indices of the first and of the held crossing (−1 when absent).
 * @example
 * ```ts
 * heldCrossing([0.1, 0.6, 0.4, 0.7, 0.9], 0.5); // => { first: 1, held: 3 }
 * heldCrossing([0.1, 0.2], 0.5); // => { first: -1, held: -1 }
 * ```
 */
export function heldCrossing(values: readonly number[], target: number): HeldCrossing {
  const first = values.findIndex((v) => v >= target);
  if (first < 0) return { first, held: -1 };
  let held = values.length;
  while (held > 0 && values[held - 1] >= target) held--;
  return { first, held: held === values.length ? -1 : held };
}
