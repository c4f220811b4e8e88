/**
 * RADAU5 as a method of `solveIvp`: Hairer & Wanner's implicit Runge–Kutta code
 * (Radau IIA, order 5, three stages; *Solving ODEs II*, §IV.8, and `radau5.f`) on the
 * shared one-step driver, with the driver hooks that reproduce the step-size logic of
 * `radau5.f` exactly: the initial step 1e-6, its last-step rule, keeping h (and the LU
 * decomposition) when the change would be small, and the end after five singular
 * iteration matrices (see `stepper.ts`). The stepper is in `radau5Stepper.ts`, the
 * controller in `radau5Controller.ts`, the constants in `radau5Tableau.ts`.
 *
 * @module
 */

import { InvalidArgumentError } from '@jepa-dynamics/core';
import type { MethodDefinition } from './methodDefinition.js';
import { oneStepMethod, type OneStepMethodSpec } from './oneStepMethod.js';
import { Radau5Controller } from './radau5Controller.js';
import { Radau5Stepper } from './radau5Stepper.js';
import { RADAU5_SETTINGS } from './radau5Tableau.js';

/**
 * `radau5.f`'s last-step rule: the step lands on tEnd when `t + h ≥ tEnd` (h stretched
 * by 1.0001 before the first accepted step).
 */
function radau5ReachesEnd(t: number, h: number, tEnd: number, direction: number, naccepted: number): boolean {
  return (t + (naccepted === 0 ? h * 1.0001 : h) - tEnd) * direction >= 0;
}

/**
 * Hairer's input checks of `radau5.f` (ITOL = 0: ATOL > 0, RTOL > 10·UROUND). The rtol check
 * is kept for parity with the Fortran code; `solveIvp`'s floor for every method, 100·2⁻⁵², is
 * stricter and is checked first.
 */
function validateRadau5Tolerances(rtol: number, atol: Float64Array): void {
  if (rtol <= 10 * RADAU5_SETTINGS.uround) {
    throw new InvalidArgumentError('solveIvp', 'options.rtol', "must exceed 1e-15 with method 'radau5' (Hairer's limit)", rtol);
  }
  for (let i = 0; i < atol.length; i++) {
    if (!(atol[i] > 0)) {
      throw new InvalidArgumentError(
        'solveIvp',
        atol.every((v) => v === atol[0]) ? 'options.atol' : `options.atol[${i}]`,
        "must be positive with method 'radau5' (its Newton iteration and error estimate are scaled by atol + rtol·|y|, which vanishes where y = 0)",
        atol[i],
      );
    }
  }
}

/**
 * What RADAU5 states about itself (see `stepper.ts`): order 5, embedded error
 * estimate of order 3, collocation polynomial (degree 3) as dense output; L-stable and
 * stiffly accurate. Hairer's defaults: safety 0.9, facMin 0.2 (FACL = 5), facMax 8
 * (FACR = 1/8); β unused. Its eigenvalue estimate (‖J‖∞) lets `method: 'auto'` use it
 * as the stiff method.
 */
export const RADAU5_SPEC: OneStepMethodSpec = {
  name: 'radau5',
  order: 5,
  errorOrder: 3,
  denseOrder: 3,
  stiff: true,
  needs: ['jacobian'],
  summary: "Radau IIA 5(3), Hairer–Wanner's RADAU5; implicit, L-stable, reuses its Jacobian and LU, for stiff problems",
  hinitOrder: 5,
  defaultFirstStep: RADAU5_SETTINGS.firstStep,
  reachesEnd: radau5ReachesEnd,
  maxSingular: RADAU5_SETTINGS.maxSingular,
  controllerDefaults: { safety: 0.9, facMin: 0.2, facMax: 8, beta: 0 },
  createController: (settings) => new Radau5Controller(settings),
  estimatesEigenvalues: true,
  validateTolerances: validateRadau5Tolerances,
  createStepper: (context) => new Radau5Stepper(context),
};

/** The registry entry of RADAU5: {@link RADAU5_SPEC} on the shared one-step driver. */
export const RADAU5: MethodDefinition = oneStepMethod(RADAU5_SPEC);
