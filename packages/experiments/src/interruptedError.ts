/**
 * The signal that a run of experiments was stopped on request.
 * @module
 */

/**
 * Thrown (typically by a {@link Progress} callback or a run's `checkpoint`) to stop a
 * run of experiments between two units of work, e.g. after Ctrl-C or a Cancel button.
 * {@link runExperiments} lets it through rather than recording a failed result.
 * @example
 * ```ts
 * new InterruptedError().name; // => 'InterruptedError'
 * ```
 */
export class InterruptedError extends Error {
  constructor() {
    super('interrupted');
    this.name = 'InterruptedError';
  }
}
