/**
 * Hairer's stiffness test of DOPRI5 and DOP853 (Hairer & Wanner, *Solving ODEs II*,
 * §IV.2; `dopri5.f`, `dop853.f`) as a {@link StiffnessDetector}.
 *
 * @module
 */

import type { StiffnessTestFactory } from './methodDefinition.js';
import type { EigenvalueSource, StiffnessDetector } from './stiffnessDetector.js';

/** Positive checks in a row that mean "stiff" (Hairer's 15). */
const STIFF_HITS = 15;
/** Negative checks in a row that reset the count (Hairer's 6). */
const RESET_AFTER = 6;

/**
 * Fires when `|h|·|λ|` exceeds the explicit method's stability boundary in 15
 * checks before 6 negative checks in a row reset the count. A check runs every
 * `period` accepted steps, and at every accepted step once a check was positive
 * (Hairer's IASTI/NONSTI counters).
 */
export class HairerStiffnessTest implements StiffnessDetector {
  readonly description: string;
  private hits = 0;
  private misses = 0;

  /**
   * @param boundary - the method's stability boundary on the negative real axis (3.25 DOPRI5, 6.1 DOP853).
   * @param period - accepted steps between routine checks (Hairer's NSTIFF, default 1000), ≥ 1.
   */
  constructor(
    private readonly boundary: number,
    private readonly period: number,
  ) {
    this.description = `Hairer's test: |h·λ| > ${boundary} in ${STIFF_HITS} checks`;
  }

  observe(naccepted: number, h: number, source: EigenvalueSource): boolean {
    if (naccepted % this.period !== 0 && this.hits === 0) return false;
    const hlamb = Math.abs(h) * source.eigenvalueEstimate();
    if (hlamb > this.boundary) {
      this.misses = 0;
      return ++this.hits === STIFF_HITS;
    }
    if (++this.misses === RESET_AFTER) this.hits = 0;
    return false;
  }
}

/**
 * The stiffness strategy of an explicit method with the given stability boundary:
 * a factory of {@link HairerStiffnessTest}s for the method's registry entry.
 *
 * @param boundary - the method's stability boundary on the negative real axis.
 * @returns `(period) => new HairerStiffnessTest(boundary, period)`.
 */
export function hairerStiffnessTest(boundary: number): StiffnessTestFactory {
  return (period) => new HairerStiffnessTest(boundary, period);
}
