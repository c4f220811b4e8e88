/**
 * How an experiment reports that it is making progress.
 * @module
 */

/**
 * Called by an experiment after each unit of work, with a short label of what was
 * just computed (e.g. `'jepa L=3'`). The experiment awaits what it returns, so the
 * caller can yield there (to draw a progress bar, or to let a page stay responsive),
 * and it may throw (e.g. {@link InterruptedError}) to stop the experiment between two
 * units of work. An experiment calls it exactly `units(settings)` times.
 */
export type Progress = (label: string) => void | Promise<void>;
