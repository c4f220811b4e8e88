/**
 * The kinds of initialisation of a deep linear network.
 *
 * @module
 */

/**
 * The initialisations of a network at scale ε and depth L (docs/math.md §1), each
 * factor of scale `ε^{1/L}`:
 * - `'aligned'`: `W_a = V = ε^{1/L} I` (balanced and aligned: the features decouple);
 * - `'rotated'`: balanced and aligned in a Haar-random basis (`W_a = ε^{1/L} R_a R_{a−1}ᵀ`);
 * - `'random'`: independent Haar-random orthogonal factors, balanced but not aligned.
 *
 * @example
 * ```ts
 * INITIALIZATION_KINDS;
 * // => ["aligned", "rotated", "random"]
 * ```
 */
export const INITIALIZATION_KINDS = ['aligned', 'rotated', 'random'] as const;

/** A kind of initialisation: one of {@link INITIALIZATION_KINDS}. */
export type InitializationKind = (typeof INITIALIZATION_KINDS)[number];
