/**
 * The test `method: 'auto'` runs while its stiff method integrates: has the problem
 * stopped being stiff for the explicit partner?
 *
 * @module
 */

import type { EigenvalueSource, StiffnessDetector } from './stiffnessDetector.js';

/** Fraction of the explicit method's stability boundary below which a step counts as non-stiff (DifferentialEquations.jl's AutoSwitch uses 9/10). */
const MARGIN = 0.9;
/** Non-stiff checks in a row before switching back (AutoSwitch's `maxnonstiffstep`, 3). */
const NON_STIFF_STEPS = 3;

/**
 * Fires when, at 3 accepted steps in a row, the step the stiff method took is one
 * the explicit partner could take stably: `|h|·|λ| < 0.9 · boundary`, with `|λ|`
 * the stiff method's eigenvalue estimate (RODAS4: ‖J‖∞, an upper bound of the
 * spectral radius, so the switch back errs on the side of staying stiff). The
 * explicit method may still need shorter steps for accuracy; its controller takes
 * care of that, and its own stiffness test brings the stiff method back if needed.
 */
export class EndOfStiffnessTest implements StiffnessDetector {
  readonly description: string;
  private streak = 0;

  /** @param boundary - the explicit partner's stability boundary on the negative real axis (3.25 DOPRI5, 6.1 DOP853). */
  constructor(private readonly boundary: number) {
    this.description = `|h·λ| < ${MARGIN} × ${boundary} in ${NON_STIFF_STEPS} steps in a row`;
  }

  observe(_naccepted: number, h: number, source: EigenvalueSource): boolean {
    if (Math.abs(h) * source.eigenvalueEstimate() < MARGIN * this.boundary) return ++this.streak >= NON_STIFF_STEPS;
    this.streak = 0;
    return false;
  }
}
