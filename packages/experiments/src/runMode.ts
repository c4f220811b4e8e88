/**
 * How much a run of the experiments computes.
 * @module
 */

/**
 * The sizes of a run: `'quick'` uses reduced grids and shorter training (the same
 * claims on less data, for tests); `'full'` is what `jepa-dynamics reproduce` computes
 * by default (under two minutes in all); `'extended'` is `reproduce --full`: larger grids
 * and more seeds for the results that have them (the others compute as `'full'`).
 * @example
 * ```ts
 * RUN_MODES; // => ['quick', 'full', 'extended']
 * ```
 */
export const RUN_MODES = ['quick', 'full', 'extended'] as const;

/** One of {@link RUN_MODES}. */
export type RunMode = (typeof RUN_MODES)[number];
