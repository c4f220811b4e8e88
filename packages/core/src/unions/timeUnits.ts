/**
 * The units of time.
 *
 * @module
 */

/**
 * The units of time, the project's default first:
 * - `'gradient-flow'`: `t = kη` (k steps of learning rate η);
 * - `'paper'`: the paper's `τ = L·t` (its eqs. 7–8 omit the factor L of the
 *   end-to-end flow). Never a silent default: a function that offers it takes a
 *   {@link TimeUnit} argument.
 *
 * @example
 * ```ts
 * TIME_UNITS;
 * // => ["gradient-flow", "paper"]
 * ```
 */
export const TIME_UNITS = ['gradient-flow', 'paper'] as const;

/** A unit of time: one of {@link TIME_UNITS}. */
export type TimeUnit = (typeof TIME_UNITS)[number];
