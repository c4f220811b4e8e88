/**
 * A derivation step that the computer-algebra system could not carry out, or a
 * certificate that failed. Never expected for supported input (depth 1…12); if it
 * is thrown, the derivation is not to be trusted and no result is returned.
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
