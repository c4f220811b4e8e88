/**
 * RODAS: the stiffly accurate Rosenbrock method of order 4 with an embedded
 * order-3 error estimate and a continuous dense output (order 3; order 2 on stiff
 * components, see `Rodas4Stepper.interpolate`), after Hairer &
 * Wanner, *Solving ODEs II* (2nd ed., 1996), §IV.7, and their code `rodas.f`
 * (coefficient set METH = 1). Six stages, each one linear solve with the same
 * matrix `(1/(γh)) I − J`, γ = 1/4: one Jacobian and one LU decomposition per step.
 *
 * Form of a step from (t, y) with step h (the k_i carry the factor h):
 *
 *     ((1/(γh)) I − J) k_i = f(t + c_i h, y + Σ_{j<i} a_ij k_j) + (1/h) Σ_{j<i} C_ij k_j + h d_i ∂f/∂t
 *     y_emb = y + Σ_{j≤5} a_6j k_j (= y + a_5· k + k_5),   y_new = y_emb + k_6,   error = k_6.
 *
 * The method is stiffly accurate (y_new is the last stage's argument), L-stable, and
 * a true Rosenbrock method: its order needs the exact Jacobian at every step, so
 * the Jacobian is re-formed (analytically or by finite differences) once per
 * accepted step and reused only for retries of a rejected step at the same (t, y).
 *
 * @module
 */

import { infinityNormKernel, luDecomposeKernel, luSolveKernel } from '@jepa-dynamics/core';
import { startDerivative, type CountedRhs } from './countedRhs.js';
import { finiteDifferenceJacobianKernel, groupedFiniteDifferenceJacobianKernel, type JacobianColumnGroups } from './jacobian.js';
import type { MethodDefinition } from './methodDefinition.js';
import { oneStepMethod } from './oneStepMethod.js';
import { createStepOutcome, judgeErrorNorm, type StepOutcome } from './stepOutcome.js';
import type { ControllerSettings, Stepper, StepperContext, StepSizeController } from './stepper.js';
import type { JacobianFunction } from './types.js';

/** Unit roundoff (Hairer's UROUND). */
const UROUND = 2 ** -53;

/**
 * The RODAS (METH = 1) coefficients in the "k carries h" form of Hairer's `rodas.f`:
 * `a_ij = (αΓ⁻¹)_ij` (stage arguments), `c_ij = (diag(γ⁻¹) − Γ⁻¹)_ij` (Hairer–Wanner
 * IV.7.25), `c` (stage times), `d` (the ∂f/∂t weights, row sums of Γ) and `d21 … d35`
 * (the two correction rows of the continuous extension). The order conditions are
 * checked in packages/ode/test/solver/rodas4.test.ts, not taken on trust.
 */
export const RODAS4_TABLEAU = {
  gamma: 0.25,
  c: [0, 0.386, 0.21, 0.63, 1, 1],
  d: [0.25, -0.1043, 0.1035, -0.03620000000000023, 0, 0],
  a21: 1.544,
  a31: 0.9466785280815826,
  a32: 0.2557011698983284,
  a41: 3.314825187068521,
  a42: 2.896124015972201,
  a43: 0.9986419139977817,
  a51: 1.221224509226641,
  a52: 6.019134481288629,
  a53: 12.53708332932087,
  a54: -0.687886036105895,
  c21: -5.6688,
  c31: -2.430093356833875,
  c32: -0.2063599157091915,
  c41: -0.1073529058151375,
  c42: -9.594562251023355,
  c43: -20.47028614809616,
  c51: 7.496443313967647,
  c52: -10.24680431464352,
  c53: -33.99990352819905,
  c54: 11.7089089320616,
  c61: 8.083246795921522,
  c62: -7.981132988064893,
  c63: -31.52159432874371,
  c64: 16.31930543123136,
  c65: -6.058818238834054,
  d21: 10.12623508344586,
  d22: -7.487995877610167,
  d23: -34.80091861555747,
  d24: -7.992771707568823,
  d25: 1.025137723295662,
  d31: -0.6762803392801253,
  d32: 6.087714651680015,
  d33: 16.43084320892478,
  d34: 24.76722511418386,
  d35: -6.594389125716872,
} as const;

/** Work counters of the stiff method beyond f-evaluations (reported in {@link SolveStats} as `njev`, `nlu`). */
export interface Rodas4Counters {
  /** Jacobian evaluations (analytic calls or finite-difference formations). */
  njev: number;
  /** LU decompositions of `(1/(γh)) I − J`. */
  nlu: number;
}

/**
 * The RODAS stepper for the generic driver (see `stepper.ts`): preallocated work
 * arrays, nothing allocated per step. Every f-call, including finite-difference
 * Jacobian columns and the ∂f/∂t difference, goes through the counted right-hand side.
 *
 * The Jacobian is formed lazily by the first {@link Rodas4Stepper.attempt} from a
 * new point (t, y) and kept for retries from the same point, as RODAS requires.
 */
export class Rodas4Stepper implements Stepper {
  /** f(t, y) at the start of the current step. */
  readonly f0: Float64Array;
  /** Dense output per step: y0, y1, q1, q2 (4n numbers). */
  readonly denseSize: number;
  /** Jacobian evaluations and LU decompositions so far. */
  readonly workCounters: Rodas4Counters = { njev: 0, nlu: 0 };
  /** The error estimate of the last attempt: order-4 minus embedded order-3 solution (= k6). */
  readonly errorVector: Float64Array;

  private readonly n: number;
  private readonly rhs: CountedRhs;
  private readonly rhsFn: (t: number, y: Float64Array, dydt: Float64Array) => void;
  private readonly rtol: number;
  private readonly atol: Float64Array;
  private readonly jacobian: JacobianFunction | undefined;
  private readonly jacobianColumns: JacobianColumnGroups | undefined;
  private readonly delta: Float64Array;
  private readonly saved: Float64Array;
  private jacobianFresh = false;
  private readonly jac: Float64Array;
  private readonly dfdt: Float64Array;
  private readonly lu: Float64Array;
  private readonly piv: Int32Array;
  private readonly k1: Float64Array;
  private readonly k2: Float64Array;
  private readonly k3: Float64Array;
  private readonly k4: Float64Array;
  private readonly k5: Float64Array;
  private readonly ytmp: Float64Array;
  private readonly ftmp: Float64Array;
  private readonly outcome: StepOutcome = createStepOutcome();

  /** @param context - counted rhs, dimension, tolerances and the optional Jacobian (undefined: forward differences). */
  constructor(context: StepperContext) {
    const n = context.n;
    this.n = n;
    this.rhs = context.rhs;
    this.rhsFn = (t, y, dydt) => context.rhs.eval(t, y, dydt);
    this.rtol = context.rtol;
    this.atol = context.atol;
    this.jacobian = context.jacobian;
    this.jacobianColumns = context.jacobianColumns;
    this.delta = new Float64Array(n);
    this.saved = new Float64Array(n);
    this.denseSize = 4 * n;
    this.f0 = new Float64Array(n);
    this.jac = new Float64Array(n * n);
    this.lu = new Float64Array(n * n);
    this.piv = new Int32Array(n);
    this.dfdt = new Float64Array(n);
    this.k1 = new Float64Array(n);
    this.k2 = new Float64Array(n);
    this.k3 = new Float64Array(n);
    this.k4 = new Float64Array(n);
    this.k5 = new Float64Array(n);
    this.errorVector = new Float64Array(n);
    this.ytmp = new Float64Array(n);
    this.ftmp = new Float64Array(n);
  }

  start(t0: number, y0: Float64Array, f0?: Float64Array): void {
    startDerivative(this.rhs, t0, y0, this.f0, f0);
    this.jacobianFresh = false;
  }

  /**
   * Forms `J = ∂f/∂y` and `∂f/∂t` at (t, y) from `f0 = f(t, y)`. ∂f/∂t is a forward
   * difference (one f-evaluation, increment `sqrt(UROUND · max(1e-5, |t|))`); J is the
   * caller's function, or forward differences with increments scaled by `max(|y_j|, atol_j)`
   * (see {@link finiteDifferenceJacobian}): n evaluations, or one per column group when a
   * sparsity pattern was given. `y` is restored exactly.
   */
  private formJacobian(t: number, y: Float64Array): void {
    const n = this.n;
    if (this.jacobian !== undefined) this.jacobian(t, y, this.jac);
    else if (this.jacobianColumns !== undefined) {
      groupedFiniteDifferenceJacobianKernel(
        this.rhsFn,
        t,
        y,
        this.f0,
        this.jac,
        this.ftmp,
        this.atol,
        this.jacobianColumns,
        this.delta,
        this.saved,
      );
    } else finiteDifferenceJacobianKernel(this.rhsFn, t, y, this.f0, this.jac, this.ftmp, this.atol);
    this.workCounters.njev++;
    const th = t + Math.sqrt(UROUND * Math.max(1e-5, Math.abs(t))) - t;
    this.rhs.eval(t + th, y, this.ftmp);
    for (let i = 0; i < n; i++) this.dfdt[i] = (this.ftmp[i] - this.f0[i]) / th;
    this.jacobianFresh = true;
  }

  /**
   * Attempts one RODAS step of signed size h from (t, y). Writes the order-4 solution
   * into `yNew`; the outcome's error norm is
   * `sqrt(mean((k6_i / (atol_i + rtol · max(|y_i|, |yNew_i|)))²))` (Hairer's norm;
   * accepted when ≤ 1). A singular `(1/(γh)) I − J` gives status `'singular'` (the
   * controller shrinks h by facMin; Hairer halves); non-finite stages `'non-finite'`.
   */
  attempt(t: number, y: Float64Array, h: number, yNew: Float64Array): StepOutcome {
    if (!this.jacobianFresh) this.formJacobian(t, y);
    const T = RODAS4_TABLEAU;
    const n = this.n;
    const { jac, lu, piv, dfdt, k1, k2, k3, k4, k5, ytmp, ftmp, rhs, f0 } = this;
    const k6 = this.errorVector;
    const fac = 1 / (T.gamma * h);
    for (let i = 0; i < n * n; i++) lu[i] = -jac[i];
    for (let i = 0; i < n; i++) lu[i * n + i] += fac;
    this.workCounters.nlu++;
    if (luDecomposeKernel(lu, n, piv) !== 0) {
      const outcome = this.outcome;
      outcome.status = 'singular';
      outcome.errorNorm = Number.POSITIVE_INFINITY;
      outcome.newtonIterations = 0;
      return outcome;
    }
    const hd1 = h * T.d[0];
    const hd2 = h * T.d[1];
    const hd3 = h * T.d[2];
    const hd4 = h * T.d[3];
    const hc21 = T.c21 / h;
    const hc31 = T.c31 / h;
    const hc32 = T.c32 / h;
    const hc41 = T.c41 / h;
    const hc42 = T.c42 / h;
    const hc43 = T.c43 / h;
    const hc51 = T.c51 / h;
    const hc52 = T.c52 / h;
    const hc53 = T.c53 / h;
    const hc54 = T.c54 / h;
    const hc61 = T.c61 / h;
    const hc62 = T.c62 / h;
    const hc63 = T.c63 / h;
    const hc64 = T.c64 / h;
    const hc65 = T.c65 / h;

    for (let i = 0; i < n; i++) k1[i] = f0[i] + hd1 * dfdt[i];
    luSolveKernel(lu, n, piv, k1);

    for (let i = 0; i < n; i++) ytmp[i] = y[i] + T.a21 * k1[i];
    rhs.eval(t + T.c[1] * h, ytmp, ftmp);
    for (let i = 0; i < n; i++) k2[i] = ftmp[i] + hd2 * dfdt[i] + hc21 * k1[i];
    luSolveKernel(lu, n, piv, k2);

    for (let i = 0; i < n; i++) ytmp[i] = y[i] + T.a31 * k1[i] + T.a32 * k2[i];
    rhs.eval(t + T.c[2] * h, ytmp, ftmp);
    for (let i = 0; i < n; i++) k3[i] = ftmp[i] + hd3 * dfdt[i] + hc31 * k1[i] + hc32 * k2[i];
    luSolveKernel(lu, n, piv, k3);

    for (let i = 0; i < n; i++) ytmp[i] = y[i] + T.a41 * k1[i] + T.a42 * k2[i] + T.a43 * k3[i];
    rhs.eval(t + T.c[3] * h, ytmp, ftmp);
    for (let i = 0; i < n; i++) k4[i] = ftmp[i] + hd4 * dfdt[i] + hc41 * k1[i] + hc42 * k2[i] + hc43 * k3[i];
    luSolveKernel(lu, n, piv, k4);

    for (let i = 0; i < n; i++) ytmp[i] = y[i] + T.a51 * k1[i] + T.a52 * k2[i] + T.a53 * k3[i] + T.a54 * k4[i];
    rhs.eval(t + h, ytmp, ftmp);
    for (let i = 0; i < n; i++) k5[i] = ftmp[i] + hc51 * k1[i] + hc52 * k2[i] + hc53 * k3[i] + hc54 * k4[i];
    luSolveKernel(lu, n, piv, k5);

    // Stiffly accurate: the embedded (order-3) solution is the argument of stage 6.
    for (let i = 0; i < n; i++) ytmp[i] += k5[i];
    rhs.eval(t + h, ytmp, ftmp);
    for (let i = 0; i < n; i++) {
      k6[i] = ftmp[i] + hc61 * k1[i] + hc62 * k2[i] + hc63 * k3[i] + hc64 * k4[i] + hc65 * k5[i];
    }
    luSolveKernel(lu, n, piv, k6);

    let sum = 0;
    const rtol = this.rtol;
    const atol = this.atol;
    for (let i = 0; i < n; i++) {
      const yn = ytmp[i] + k6[i];
      yNew[i] = yn;
      const r = k6[i] / (atol[i] + rtol * Math.max(Math.abs(y[i]), Math.abs(yn)));
      sum += r * r;
    }
    return judgeErrorNorm(this.outcome, Math.sqrt(sum / n));
  }

  /** Evaluates f at the new point (the next step's f0) and writes the dense output `[y0, y1, q1, q2]`. */
  accept(t: number, y: Float64Array, h: number, yNew: Float64Array, dense: Float64Array | null): void {
    const n = this.n;
    if (dense !== null) {
      const T = RODAS4_TABLEAU;
      const { k1, k2, k3, k4, k5 } = this;
      for (let i = 0; i < n; i++) {
        dense[i] = y[i];
        dense[n + i] = yNew[i];
        dense[2 * n + i] = T.d21 * k1[i] + T.d22 * k2[i] + T.d23 * k3[i] + T.d24 * k4[i] + T.d25 * k5[i];
        dense[3 * n + i] = T.d31 * k1[i] + T.d32 * k2[i] + T.d33 * k3[i] + T.d34 * k4[i] + T.d35 * k5[i];
      }
    }
    this.rhs.eval(t + h, yNew, this.f0);
    this.jacobianFresh = false;
  }

  /**
   * `‖J‖∞` (largest absolute row sum) of the Jacobian of the step just accepted: an
   * upper bound of the spectral radius of ∂f/∂y at its start, which `method: 'auto'`
   * reads to tell when the problem has stopped being stiff. O(n²).
   */
  eigenvalueEstimate(): number {
    return infinityNormKernel(this.jac, this.n);
  }

  /**
   * RODAS's continuous extension at `theta ∈ [0, 1]`:
   * `(1−θ) y0 + θ (y1 + (1−θ)(q1 + θ q2))` (Hairer's CONTRO). Order 3 for non-stiff
   * components; on stiff components order 2, unseen by the step control: in the stiff
   * limit of Prothero–Robinson `y' = −μ(y − g) + g'` its error is
   * `0.1418 θ(1−θ)(1−2θ) h³ g‴` while the step values are exact. A property of RODAS's
   * coefficients, not of this transcription (docs/stiff.md; packages/ode/test/solver/rodas4.denseOutput.test.ts).
   */
  interpolate(coef: Float64Array, offset: number, theta: number, out: Float64Array): void {
    const n = this.n;
    const s1 = 1 - theta;
    for (let i = 0; i < n; i++) {
      const o = offset + i;
      out[i] = s1 * coef[o] + theta * (coef[o + n] + s1 * (coef[o + 2 * n] + theta * coef[o + 3 * n]));
    }
  }
}

/**
 * Hairer's RODAS step-size controller (rodas.f): `h_new = h / fac` with
 * `fac = clamp(err^{1/4} / safety, 1/facMax, 1/facMin)` (exponent 1/4: the embedded
 * solution has order 3), and on accepted steps after the first Gustafsson's
 * predictive choice `fac = max(fac, clamp((h_acc/h) (err²/err_acc)^{1/4} / safety))`.
 * The Lund β of the explicit methods is not used.
 */
export class RodasController implements StepSizeController {
  private hAcc = 0;
  private errAcc = 0;
  private started = false;

  /** @param settings - safety, facMin, facMax (β ignored). */
  constructor(private readonly settings: ControllerSettings) {}

  accepted(outcome: StepOutcome, hAbs: number): number {
    const err = outcome.errorNorm;
    const { safety, facMin, facMax } = this.settings;
    let fac = Math.max(1 / facMax, Math.min(1 / facMin, err ** 0.25 / safety));
    if (this.started) {
      const facGus = Math.max(1 / facMax, Math.min(1 / facMin, ((this.hAcc / hAbs) * ((err * err) / this.errAcc) ** 0.25) / safety));
      fac = Math.max(fac, facGus);
    }
    this.started = true;
    this.hAcc = hAbs;
    this.errAcc = Math.max(1e-2, err);
    return hAbs / fac;
  }

  /** Also for a singular iteration matrix: its error norm +Infinity shrinks h by facMin. */
  rejected(outcome: StepOutcome, hAbs: number): number {
    const { safety, facMin, facMax } = this.settings;
    return hAbs / Math.max(1 / facMax, Math.min(1 / facMin, outcome.errorNorm ** 0.25 / safety));
  }
}

/**
 * The RODAS method: order 4(3), dense output of order 3, L-stable; Hairer's RODAS
 * defaults safety 0.9, facMin 0.2, facMax 6; no stiffness test of its own (it is the
 * stiff method), and an eigenvalue estimate (‖J‖∞) for `method: 'auto'`.
 */
export const RODAS4: MethodDefinition = oneStepMethod({
  name: 'rodas4',
  order: 4,
  errorOrder: 3,
  denseOrder: 3,
  stiff: true,
  needs: ['jacobian'],
  summary: "Rosenbrock RODAS 4(3), Hairer–Wanner's RODAS; L-stable, for stiff problems",
  hinitOrder: 4,
  controllerDefaults: { safety: 0.9, facMin: 0.2, facMax: 6, beta: 0 },
  createController: (settings) => new RodasController(settings),
  estimatesEigenvalues: true,
  createStepper: (context) => new Rodas4Stepper(context),
});
