/**
 * How much a run of the experiments computes.
 * @module
 */

/**
 * The two sizes of a run: `'quick'` uses reduced grids and shorter training (the same
 * claims on less data, for tests); `'full'` is what `jepa-dynamics reproduce` computes
 * by default.
 * @example
 * ```ts
 * RUN_MODES; // => ['quick', 'full']
 * ```
 */
export const RUN_MODES = ['quick', 'full'] as const;

/** One of {@link RUN_MODES}. */
export type RunMode = (typeof RUN_MODES)[number];
