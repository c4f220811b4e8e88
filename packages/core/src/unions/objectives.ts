/**
 * The training objectives.
 *
 * @module
 */

/**
 * The training objectives (docs/math.md §1), in the order commands list them:
 * - `'jepa'`: `½E‖V W̄ x − sg(W̄ y)‖²`, the target `W̄ y` under StopGrad (no gradient
 *   flows through it);
 * - `'mae'`: `½E‖V W̄ x − y‖²`, the target `y` itself.
 *
 * @example
 * ```ts
 * OBJECTIVES;
 * // => ["jepa", "mae"]
 * ```
 */
export const OBJECTIVES = ['jepa', 'mae'] as const;

/** A training objective: one of {@link OBJECTIVES}, `'jepa'` or `'mae'`. */
export type Objective = (typeof OBJECTIVES)[number];
