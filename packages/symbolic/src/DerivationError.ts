/**
 * A derivation step that the computer-algebra system could not carry out, or a
 * certificate that failed. Never expected for the paper's flows at depth 1…12; for a flow
 * of {@link deriveScalarFlow} it names the step that could not be certified. When it is
 * thrown, the derivation is not to be trusted and no result is returned.
 *
 * @example
 * ```ts
 * const error = new DerivationError('derive: certificate "split" failed for mae at L = 3.', 'split');
 * [error.name, error instanceof Error, error.step];
 * // => ["DerivationError", true, "split"]
 * ```
 */
export class DerivationError extends Error {
  /** The pipeline step that failed, when known (e.g. `'partial-fractions'`). */
  readonly step: string | null;

  /**
   * @param message - one sentence naming the step and what went wrong.
   * @param step - the step's name, when known.
   */
  constructor(message: string, step: string | null = null) {
    super(message);
    this.name = 'DerivationError';
    this.step = step;
  }
}
