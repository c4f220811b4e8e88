/**
 * The signal that an experiment needs a library capability that does not exist yet.
 * @module
 */

/**
 * Thrown by an experiment that cannot be computed because a library capability it
 * needs is missing. {@link runExperiments} then reports the result as absent, never
 * fakes it.
 * @example
 * ```ts
 * new UnavailableError('needs fooBar from @jepa-dynamics/ode').name; // => 'UnavailableError'
 * ```
 */
export class UnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnavailableError';
  }
}
