/**
 * The step-size controller of Hairer's DOPRI5 and DOP853 (Hairer, Nørsett &
 * Wanner, *Solving ODEs I*, 2nd ed., §II.4; the stabilisation: Hairer & Wanner,
 * *Solving ODEs II*, §IV.2): the standard controller
 * `h_new = h · min(facMax, max(facMin, safety / err^expo))` with Lund's
 * stabilisation `err^expo / facold^β` on accepted steps.
 *
 * @module
 */

import type { StepOutcome } from './stepOutcome.js';
import type { ControllerSettings, StepSizeController } from './stepper.js';

const LOG_1E_4 = Math.log(1e-4);

/**
 * Hairer's controller, the formulas of DOPCOR/DP86CO: `FAC11 = ERR**EXPO1`,
 * `FAC = FAC11/FACOLD**BETA`, clamped to `[1/FAC2, 1/FAC1]` after dividing by
 * SAFE; `FACOLD = max(ERR, 1e-4)` after an accepted step, starting from 1e-4;
 * after a rejection `h/min(1/FAC1, FAC11/SAFE)`. On accepted steps the powers are
 * evaluated as one exp of logs, which can differ from Fortran's `**` in the last
 * bit; the f-evaluation counts on the Arenstorf orbit still equal Hairer's (tested).
 */
export class HairerController implements StepSizeController {
  /** ln(FACOLD); FACOLD starts at 1e-4. */
  private logFacold = LOG_1E_4;
  private readonly facc1: number;
  private readonly facc2: number;

  /**
   * @param settings - safety, facMin, facMax, beta (validated).
   * @param expo - the exponent of err: `0.2 − 0.75β` (DOPRI5) or `1/8 − 0.2β` (DOP853).
   */
  constructor(
    private readonly settings: ControllerSettings,
    private readonly expo: number,
  ) {
    this.facc1 = 1 / settings.facMin;
    this.facc2 = 1 / settings.facMax;
  }

  accepted(outcome: StepOutcome, hAbs: number): number {
    const err = outcome.errorNorm;
    // FAC11/FACOLD**BETA = exp(EXPO1·ln ERR − BETA·ln FACOLD): one log and one
    // exp per step instead of two pow calls (the hot path's largest cost after f).
    const logErr = Math.log(err);
    let fac = Math.exp(this.expo * logErr - this.settings.beta * this.logFacold);
    fac = Math.max(this.facc2, Math.min(this.facc1, fac / this.settings.safety));
    this.logFacold = Math.max(logErr, LOG_1E_4);
    return hAbs / fac;
  }

  /** Also for a singular or Newton-failed attempt: its error norm +Infinity shrinks h by facMin. */
  rejected(outcome: StepOutcome, hAbs: number): number {
    const fac11 = outcome.errorNorm ** this.expo;
    return hAbs / Math.min(this.facc1, fac11 / this.settings.safety);
  }
}
