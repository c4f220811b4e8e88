/**
 * The formulations of a per-feature gradient flow.
 *
 * @module
 */

/**
 * The three formulations of a per-feature flow (docs/math.md §2):
 * - `'per-layer'`: the balanced per-layer weight `u` (`v = w_a = u`, `w̄ = u^L`); state `[u]`;
 * - `'end-to-end'`: the end-to-end weight `w̄`; state `[w̄]` (requires `w̄ > 0`);
 * - `'layerwise'`: the full system; state `[v, w_1, …, w_L]`, any initial values.
 *
 * @example
 * ```ts
 * FORMULATIONS;
 * // => ["per-layer", "end-to-end", "layerwise"]
 * ```
 */
export const FORMULATIONS = ['per-layer', 'end-to-end', 'layerwise'] as const;

/** A formulation of a per-feature flow: one of {@link FORMULATIONS}. */
export type Formulation = (typeof FORMULATIONS)[number];
