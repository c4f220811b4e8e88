/**
 * The step-size controller of Hairer's RADAU5 (`radau5.f`; Hairer & Wanner, *Solving
 * ODEs II*, §IV.8, "Step size selection"): the error exponent 1/4 of the order-3
 * estimate, a safety factor that shrinks with the Newton iterations spent, Gustafsson's
 * predictive controller, "no increase after a rejection" (in the driver), first-step
 * and Newton-failure reductions, and the rule that keeps h when the change would be
 * small and Newton converged fast, so that the factored iteration matrix is reused.
 *
 * @module
 */

import { RADAU5_SETTINGS } from './radau5Tableau.js';
import type { StepOutcome } from './stepOutcome.js';
import type { ControllerSettings, StepSizeController } from './stepper.js';

const { maxNewton, jacobianReuseRate, quot1, quot2 } = RADAU5_SETTINGS;

/**
 * RADAU5's controller. With `err` the error norm and `k` the Newton iterations of the
 * step, `fac = min(safety, safety·(1 + 2·NIT)/(k + 2·NIT))` (NIT = 7) and
 * `quot = clamp(err^{1/4}/fac, 1/facMax, 1/facMin)`, `h_new = h/quot`. On accepted
 * steps after the first, Gustafsson's predictive quotient
 * `clamp((h_acc/h)(err²/err_acc)^{1/4}/safety)` is taken when larger (the smaller step);
 * `err_acc = max(err, 1e-2)` of the last accepted step. Rejections: ×0.1 before the
 * first accepted step, the same `h/quot` after; a Newton failure ×0.5, or the factor
 * its convergence rate predicts; a singular iteration matrix ×0.5.
 */
export class Radau5Controller implements StepSizeController {
  private readonly safety: number;
  private readonly facl: number;
  private readonly facr: number;
  private readonly cfac: number;
  private naccepted = 0;
  private hAcc = 0;
  private errAcc = 0;

  /** @param settings - safety (SAFE), facMin (1/FACL), facMax (1/FACR); β is not used. */
  constructor(settings: ControllerSettings) {
    this.safety = settings.safety;
    this.facl = 1 / settings.facMin;
    this.facr = 1 / settings.facMax;
    this.cfac = settings.safety * (1 + 2 * maxNewton);
  }

  /** Hairer's QUOT = h/h_new from the error and the Newton iterations. */
  private quotient(outcome: StepOutcome): number {
    const fac = Math.min(this.safety, this.cfac / (outcome.newtonIterations + 2 * maxNewton));
    return Math.max(this.facr, Math.min(this.facl, outcome.errorNorm ** 0.25 / fac));
  }

  accepted(outcome: StepOutcome, hAbs: number): number {
    const err = outcome.errorNorm;
    let quot = this.quotient(outcome);
    this.naccepted++;
    if (this.naccepted > 1) {
      const facgus = ((this.hAcc / hAbs) * ((err * err) / this.errAcc) ** 0.25) / this.safety;
      quot = Math.max(quot, Math.max(this.facr, Math.min(this.facl, facgus)));
    }
    this.hAcc = hAbs;
    this.errAcc = Math.max(1e-2, err);
    return hAbs / quot;
  }

  rejected(outcome: StepOutcome, hAbs: number): number {
    switch (outcome.status) {
      case 'rejected':
        return this.naccepted === 0 ? hAbs * 0.1 : hAbs / this.quotient(outcome);
      case 'newton-failed': {
        const factor = outcome.stepFactor;
        return factor !== undefined && Number.isFinite(factor) ? factor * hAbs : hAbs * 0.5;
      }
      case 'singular':
      case 'accepted':
      case 'non-finite':
        return hAbs * 0.5;
      default: {
        const never: never = outcome.status;
        return never;
      }
    }
  }

  /**
   * Keeps |h| when Newton's contraction factor θ ≤ 0.001 (the Jacobian is kept) and
   * `1 ≤ h_next/h ≤ 1.2`: the next step then reuses the LU decomposition.
   */
  retain(outcome: StepOutcome, hAbs: number, hNextAbs: number): number {
    const theta = outcome.newtonRate ?? Number.POSITIVE_INFINITY;
    const qt = hNextAbs / hAbs;
    return theta <= jacobianReuseRate && qt >= quot1 && qt <= quot2 ? hAbs : hNextAbs;
  }
}
