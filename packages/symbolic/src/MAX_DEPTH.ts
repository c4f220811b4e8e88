/**
 * The depths the derivation supports: every CAS call was measured to finish in bounded
 * time for L ≤ 12. The functions of this package check a depth with
 * `validateDepth(where, depth, MAX_DEPTH)` of `@jepa-dynamics/core`.
 *
 * @example
 * ```ts
 * MAX_DEPTH;
 * // => 12
 * ```
 */
export const MAX_DEPTH = 12;
