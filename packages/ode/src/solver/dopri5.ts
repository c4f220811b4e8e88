/**
 * DOPRI5: the Dormand–Prince 5(4) pair with Hairer's 4th-order continuous
 * extension (Hairer, Nørsett & Wanner, *Solving ODEs I*, 2nd ed., §II.5 and
 * §II.6, Table 5.2; Hairer's code `dopri5.f`). Seven stages, the last one at
 * the new point (FSAL), so an accepted step costs six f-evaluations.
 *
 * @module
 */

import { startDerivative } from './countedRhs.js';
import { HairerController } from './hairerController.js';
import { hairerStiffnessTest } from './hairerStiffnessTest.js';
import type { MethodDefinition } from './methodDefinition.js';
import { oneStepMethod } from './oneStepMethod.js';
import { stageEigenvalueEstimate } from './stageEigenvalueEstimate.js';
import { createStepOutcome, judgeErrorNorm, type StepOutcome } from './stepOutcome.js';
import type { Stepper, StepperContext } from './stepper.js';

// Butcher tableau (Dormand & Prince 1980), Solving ODEs I, Table II.5.2.
const C2 = 0.2;
const C3 = 0.3;
const C4 = 0.8;
const C5 = 8 / 9;
const A21 = 0.2;
const A31 = 3 / 40;
const A32 = 9 / 40;
const A41 = 44 / 45;
const A42 = -56 / 15;
const A43 = 32 / 9;
const A51 = 19372 / 6561;
const A52 = -25360 / 2187;
const A53 = 64448 / 6561;
const A54 = -212 / 729;
const A61 = 9017 / 3168;
const A62 = -355 / 33;
const A63 = 46732 / 5247;
const A64 = 49 / 176;
const A65 = -5103 / 18656;
const A71 = 35 / 384;
const A73 = 500 / 1113;
const A74 = 125 / 192;
const A75 = -2187 / 6784;
const A76 = 11 / 84;
// Error weights: 5th-order weights minus the embedded 4th-order ones.
const E1 = 71 / 57600;
const E3 = -71 / 16695;
const E4 = 71 / 1920;
const E5 = -17253 / 339200;
const E6 = 22 / 525;
const E7 = -1 / 40;
// Dense output (Shampine 1986, as in dopri5.f): the 4th-order continuous extension.
const D1 = -12715105075 / 11282082432;
const D3 = 87487479700 / 32700410799;
const D4 = -10690763975 / 1880347072;
const D5 = 701980252875 / 199316789632;
const D6 = -1453857185 / 822651844;
const D7 = 69997945 / 29380423;

/** DOPRI5 stepper: buffers preallocated, nothing allocated per step. */
class Dopri5Stepper implements Stepper {
  readonly f0: Float64Array;
  readonly denseSize: number;
  private readonly k2: Float64Array;
  private readonly k3: Float64Array;
  private readonly k4: Float64Array;
  private readonly k5: Float64Array;
  private readonly k6: Float64Array;
  /** f at the new point (stage 7, FSAL). */
  private readonly k7: Float64Array;
  private readonly ystage: Float64Array;
  /** Argument of stage 6 (kept for the eigenvalue estimate). */
  private readonly ysti: Float64Array;
  /** The accepted state of the last step (a reference, valid until the driver reuses it). */
  private yAccepted: Float64Array;
  private readonly outcome: StepOutcome = createStepOutcome();

  constructor(private readonly ctx: StepperContext) {
    const n = ctx.n;
    this.f0 = new Float64Array(n);
    this.k2 = new Float64Array(n);
    this.k3 = new Float64Array(n);
    this.k4 = new Float64Array(n);
    this.k5 = new Float64Array(n);
    this.k6 = new Float64Array(n);
    this.k7 = new Float64Array(n);
    this.ystage = new Float64Array(n);
    this.ysti = new Float64Array(n);
    this.yAccepted = this.ysti;
    this.denseSize = 5 * n;
  }

  start(t0: number, y0: Float64Array, f0?: Float64Array): void {
    startDerivative(this.ctx.rhs, t0, y0, this.f0, f0);
  }

  attempt(t: number, y: Float64Array, h: number, yNew: Float64Array): StepOutcome {
    const { n, rhs, rtol, atol } = this.ctx;
    const k1 = this.f0;
    const { k2, k3, k4, k5, k6, k7, ystage: y1, ysti } = this;
    for (let i = 0; i < n; i++) y1[i] = y[i] + h * A21 * k1[i];
    rhs.eval(t + C2 * h, y1, k2);
    for (let i = 0; i < n; i++) y1[i] = y[i] + h * (A31 * k1[i] + A32 * k2[i]);
    rhs.eval(t + C3 * h, y1, k3);
    for (let i = 0; i < n; i++) y1[i] = y[i] + h * (A41 * k1[i] + A42 * k2[i] + A43 * k3[i]);
    rhs.eval(t + C4 * h, y1, k4);
    for (let i = 0; i < n; i++) y1[i] = y[i] + h * (A51 * k1[i] + A52 * k2[i] + A53 * k3[i] + A54 * k4[i]);
    rhs.eval(t + C5 * h, y1, k5);
    for (let i = 0; i < n; i++) {
      ysti[i] = y[i] + h * (A61 * k1[i] + A62 * k2[i] + A63 * k3[i] + A64 * k4[i] + A65 * k5[i]);
    }
    const tph = t + h;
    rhs.eval(tph, ysti, k6);
    for (let i = 0; i < n; i++) {
      yNew[i] = y[i] + h * (A71 * k1[i] + A73 * k3[i] + A74 * k4[i] + A75 * k5[i] + A76 * k6[i]);
    }
    rhs.eval(tph, yNew, k7);
    // Hairer's error norm: RMS of the local error estimate over atol + rtol·max(|y|, |y_new|).
    let err = 0;
    for (let i = 0; i < n; i++) {
      const e = (E1 * k1[i] + E3 * k3[i] + E4 * k4[i] + E5 * k5[i] + E6 * k6[i] + E7 * k7[i]) * h;
      const sk = atol[i] + rtol * Math.max(Math.abs(y[i]), Math.abs(yNew[i]));
      err += (e / sk) ** 2;
    }
    return judgeErrorNorm(this.outcome, Math.sqrt(err / n));
  }

  accept(_t: number, y: Float64Array, h: number, yNew: Float64Array, dense: Float64Array | null): void {
    const n = this.ctx.n;
    const k1 = this.f0;
    const { k3, k4, k5, k6, k7 } = this;
    if (dense !== null) {
      // Coefficients of CONTD5: y(t + θh) = c0 + θ(c1 + (1−θ)(c2 + θ(c3 + (1−θ)c4))).
      for (let i = 0; i < n; i++) {
        const ydiff = yNew[i] - y[i];
        const bspl = h * k1[i] - ydiff;
        dense[i] = y[i];
        dense[n + i] = ydiff;
        dense[2 * n + i] = bspl;
        dense[3 * n + i] = -h * k7[i] + ydiff - bspl;
        dense[4 * n + i] = h * (D1 * k1[i] + D3 * k3[i] + D4 * k4[i] + D5 * k5[i] + D6 * k6[i] + D7 * k7[i]);
      }
    }
    k1.set(k7);
    this.yAccepted = yNew;
  }

  eigenvalueEstimate(): number {
    // k7 and k6 are f at t + h of y_new and of stage 6's argument.
    return stageEigenvalueEstimate(this.k7, this.k6, this.yAccepted, this.ysti);
  }

  interpolate(coef: Float64Array, offset: number, theta: number, out: Float64Array): void {
    const n = this.ctx.n;
    const theta1 = 1 - theta;
    for (let i = 0; i < n; i++) {
      const o = offset + i;
      out[i] = coef[o] + theta * (coef[o + n] + theta1 * (coef[o + 2 * n] + theta * (coef[o + 3 * n] + theta1 * coef[o + 4 * n])));
    }
  }
}

/**
 * The DOPRI5 method: Hairer's defaults safety 0.9, facMin 0.2, facMax 10, β 0.04;
 * stability boundary 3.25 on the negative real axis (Hairer's stiffness test threshold).
 */
export const DOPRI5: MethodDefinition = oneStepMethod({
  name: 'dopri5',
  order: 5,
  errorOrder: 4,
  denseOrder: 4,
  stiff: false,
  needs: [],
  summary: "Dormand–Prince 5(4), Hairer's DOPRI5",
  hinitOrder: 5,
  controllerDefaults: { safety: 0.9, facMin: 0.2, facMax: 10, beta: 0.04 },
  createController: (settings) => new HairerController(settings, 0.2 - settings.beta * 0.75),
  stabilityBoundary: 3.25,
  stiffnessTest: hairerStiffnessTest(3.25),
  estimatesEigenvalues: true,
  createStepper: (context) => new Dopri5Stepper(context),
});
