/**
 * Stiffness detection as a strategy: a run of a method consults its detector after
 * every accepted step, and ends (with status `'stiff'`, or a switch of method under
 * `method: 'auto'`) when the detector fires.
 *
 * @module
 */

/** Where a detector gets its eigenvalue estimate: the stepper (or a driver) of the run. */
export interface EigenvalueSource {
  /** |λ| of the dominant eigenvalue of ∂f/∂y near the step just accepted (1/time). */
  eigenvalueEstimate(): number;
}

/** One run's stiffness (or non-stiffness) detector. */
export interface StiffnessDetector {
  /**
   * Called after every accepted step (after the stepper's `accept`).
   * @param naccepted - accepted steps of this run so far, this one included.
   * @param h - the accepted step (signed).
   * @param source - the estimate of |λ|, read only when the detector checks.
   * @returns true when the detector's condition holds and the run should end.
   */
  observe(naccepted: number, h: number, source: EigenvalueSource): boolean;
  /** What fired, for messages, e.g. `Hairer's test: |h·λ| > 3.25 in 15 checks`. */
  readonly description: string;
}
