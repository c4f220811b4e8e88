/**
 * A derivation step that the computer-algebra system could not carry out, or a
 * certificate that failed. Never expected for supported input (depth 1…12); if it
 * is thrown, the derivation is not to be trusted and no result is returned.
 *
 * @example
 * ```ts
 * const error = new DerivationError('derive: certificate "split" failed for mae at L = 3.');
 * [error.name, error instanceof Error];
 * // => ["DerivationError", true]
 * ```
 */
export class DerivationError extends Error {
  /**
   * @param message - one sentence naming the step and what went wrong.
   */
  constructor(message: string) {
    super(message);
    this.name = 'DerivationError';
  }
}
