/**
 * One step of RADAU5, the Radau IIA method of order 5 (three stages) of Hairer &
 * Wanner, *Solving ODEs II* (2nd ed., 1996), §IV.8, as their code `radau5.f` takes it:
 * simplified Newton iterations on the transformed stage equations (one real and one
 * complex n×n linear system per iteration), Jacobian and LU reuse across steps,
 * starting values from the previous step's collocation polynomial, the error estimate
 * with its extra solve (and a second one on the first or a rejected step), and the
 * collocation polynomial as dense output.
 *
 * The arithmetic follows `radau5.f` operation by operation where rounding can change a
 * decision (the tolerance transformation, the Newton safeguards, integer powers by
 * repeated squaring as gfortran's `**` does), so that the work counts equal Hairer's
 * (packages/ode/test/solver/radau5.hairerParity.test.ts).
 *
 * @module
 */

import { complexLuDecomposeKernel, complexLuSolveKernel, infinityNormKernel, luDecomposeKernel, luSolveKernel } from '@jepa-dynamics/core';
import { startDerivative, type CountedRhs } from './countedRhs.js';
import { groupedFiniteDifferenceJacobianKernel, type JacobianColumnGroups } from './jacobian.js';
import { RADAU5_SETTINGS, RADAU5_TABLEAU } from './radau5Tableau.js';
import type { StepOutcome, StepStatus } from './stepOutcome.js';
import type { Stepper, StepperContext } from './stepper.js';
import type { JacobianFunction } from './types.js';

const T = RADAU5_TABLEAU;
const { uround: UROUND, maxNewton: NIT, jacobianReuseRate: THET } = RADAU5_SETTINGS;
const C1M1 = T.c1 - 1;
const C2M1 = T.c2 - 1;
const C1MC2 = T.c1 - T.c2;

/**
 * `x^m` for an integer m ≥ 0 by binary powering, the way gfortran evaluates a real
 * raised to a variable integer (libgcc's `__powidf2`): the rounding of Hairer's
 * `THETA**(NIT-1-NEWT)` exactly.
 */
function powi(x: number, m: number): number {
  let n = m;
  let y = n % 2 === 1 ? x : 1;
  let b = x;
  while ((n >>= 1) > 0) {
    b *= b;
    if (n % 2 === 1) y *= b;
  }
  return y;
}

/** RADAU5's work counters (reported in the result's statistics). */
export interface Radau5Counters {
  /** Jacobian evaluations (analytic calls or finite-difference formations), Hairer's NJAC. */
  njev: number;
  /** Decompositions of the real and the complex iteration matrix, counted as one (Hairer's NDEC). */
  nlu: number;
  /** Solves of the Newton systems, one per iteration (Hairer's NSOL). */
  nsol: number;
  /** Newton iterations. */
  nnewton: number;
}

/**
 * The RADAU5 stepper for the one-step driver (see `stepper.ts`). It owns the Jacobian
 * and LU policy of `radau5.f`: a Jacobian is formed at the step's start (t, y) before
 * the first step, after an accepted step whose Newton iteration contracted by more
 * than θ = 0.001 per iteration, and after a failed attempt unless the current one was
 * formed at this very point; the iteration matrices are factored again whenever the
 * Jacobian or h changed. Nothing is allocated per step.
 */
export class Radau5Stepper implements Stepper {
  /** f(t, y) at the start of the current step. */
  readonly f0: Float64Array;
  /** Dense output per step: y_new and the collocation polynomial's three coefficients (4n numbers). */
  readonly denseSize: number;
  /** Work so far. */
  readonly workCounters: Radau5Counters = { njev: 0, nlu: 0, nsol: 0, nnewton: 0 };
  /** The error estimate of the last attempt (after the second solve when there was one). */
  readonly errorVector: Float64Array;

  private readonly n: number;
  private readonly rhs: CountedRhs;
  private readonly rhsFn: (t: number, y: Float64Array, dydt: Float64Array) => void;
  /** The caller's atol (finite-difference thresholds with a sparsity pattern). */
  private readonly atol: Float64Array;
  /** Hairer's transformed tolerances `rtol' = 0.1 rtol^{2/3}`, `atol' = rtol'·atol/rtol`. */
  private readonly rtolT: number;
  private readonly atolT: Float64Array;
  /** Newton stopping tolerance FNEWT. */
  private readonly fnewt: number;
  private readonly jacobian: JacobianFunction | undefined;
  private readonly jacobianColumns: JacobianColumnGroups | undefined;

  private readonly jac: Float64Array;
  private readonly e1: Float64Array;
  private readonly e2r: Float64Array;
  private readonly e2i: Float64Array;
  private readonly piv1: Int32Array;
  private readonly piv2: Int32Array;
  private readonly z1: Float64Array;
  private readonly z2: Float64Array;
  private readonly z3: Float64Array;
  private readonly w1: Float64Array;
  private readonly w2: Float64Array;
  private readonly w3: Float64Array;
  private readonly stage: Float64Array;
  private readonly combo: Float64Array;
  private readonly ftmp: Float64Array;
  private readonly scal: Float64Array;
  private readonly delta: Float64Array;
  private readonly saved: Float64Array;
  /** The last accepted step's collocation polynomial (3n coefficients about its end point). */
  private readonly poly: Float64Array;
  private readonly outcome: StepOutcome = { status: 'accepted', errorNorm: 0, newtonIterations: 0, newtonRate: 0, stepFactor: Number.NaN };

  /** No step accepted yet in this run (Hairer's FIRST): zero starting values, second error estimate. */
  private first = true;
  /** The last attempt failed (Hairer's REJECT): second error estimate. */
  private rejected = false;
  /** A Jacobian must be formed before the next attempt. */
  private needJacobian = true;
  /** The Jacobian was formed at the current step's start (Hairer's CALJAC). */
  private jacobianHere = false;
  /** The h of the current factorisation (NaN: none). */
  private luH = Number.NaN;
  private fac1 = 0;
  private alphn = 0;
  private betan = 0;
  /** Hairer's FACCON, carried from step to step. */
  private faccon = 1;
  /** Newton contraction factor of the last attempt. */
  private theta = 0;
  /** Size of the last accepted step (Hairer's HOLD). */
  private hOld = 0;

  /** @param context - counted rhs, dimension, tolerances, the optional Jacobian or sparsity pattern. */
  constructor(context: StepperContext) {
    const n = context.n;
    this.n = n;
    this.rhs = context.rhs;
    this.rhsFn = (t, y, dydt) => context.rhs.eval(t, y, dydt);
    this.atol = context.atol;
    this.jacobian = context.jacobian;
    this.jacobianColumns = context.jacobianColumns;
    // radau5.f: the tolerances are transformed once (EXPM = 2/3), so that the
    // requested rtol approximates the global error better.
    const rtolT = 0.1 * context.rtol ** (2 / 3);
    this.rtolT = rtolT;
    this.atolT = new Float64Array(n);
    for (let i = 0; i < n; i++) this.atolT[i] = rtolT * (context.atol[i] / context.rtol);
    this.fnewt = Math.max((10 * UROUND) / rtolT, Math.min(0.03, rtolT ** 0.5));
    this.denseSize = 4 * n;
    this.f0 = new Float64Array(n);
    this.jac = new Float64Array(n * n);
    this.e1 = new Float64Array(n * n);
    this.e2r = new Float64Array(n * n);
    this.e2i = new Float64Array(n * n);
    this.piv1 = new Int32Array(n);
    this.piv2 = new Int32Array(n);
    this.z1 = new Float64Array(n);
    this.z2 = new Float64Array(n);
    this.z3 = new Float64Array(n);
    this.w1 = new Float64Array(n);
    this.w2 = new Float64Array(n);
    this.w3 = new Float64Array(n);
    this.stage = new Float64Array(n);
    this.combo = new Float64Array(n);
    this.ftmp = new Float64Array(n);
    this.scal = new Float64Array(n);
    this.delta = new Float64Array(n);
    this.saved = new Float64Array(n);
    this.poly = new Float64Array(3 * n);
    this.errorVector = new Float64Array(n);
  }

  start(t0: number, y0: Float64Array, f0?: Float64Array): void {
    startDerivative(this.rhs, t0, y0, this.f0, f0);
    this.setScale(y0);
    this.first = true;
    this.rejected = false;
    this.needJacobian = true;
    this.jacobianHere = false;
    this.luH = Number.NaN;
    this.faccon = 1;
    this.theta = 0;
  }

  /** Hairer's SCAL: `atol' + rtol'·|y|` at the step's start. */
  private setScale(y: Float64Array): void {
    for (let i = 0; i < this.n; i++) this.scal[i] = this.atolT[i] + this.rtolT * Math.abs(y[i]);
  }

  /**
   * `J = ∂f/∂y` at (t, y): the caller's function; or forward differences with Hairer's
   * increments `sqrt(UROUND·max(1e-5, |y_j|))` (n evaluations, reusing f0 = f(t, y)); or,
   * with a sparsity pattern, grouped columns (one evaluation per group, increments as
   * in {@link finiteDifferenceJacobian}). `y` is restored exactly.
   */
  private formJacobian(t: number, y: Float64Array): void {
    const { n, jac, f0, ftmp } = this;
    this.workCounters.njev++;
    if (this.jacobian !== undefined) {
      this.jacobian(t, y, jac);
      return;
    }
    if (this.jacobianColumns !== undefined) {
      groupedFiniteDifferenceJacobianKernel(this.rhsFn, t, y, f0, jac, ftmp, this.atol, this.jacobianColumns, this.delta, this.saved);
      return;
    }
    for (let j = 0; j < n; j++) {
      const ysafe = y[j];
      const delt = Math.sqrt(UROUND * Math.max(1e-5, Math.abs(ysafe)));
      y[j] = ysafe + delt;
      this.rhs.eval(t, y, ftmp);
      for (let i = 0; i < n; i++) jac[i * n + j] = (ftmp[i] - f0[i]) / delt;
      y[j] = ysafe;
    }
  }

  /**
   * Factors `E1 = (γ/h) I − J` (real) and `E2 = ((α + iβ)/h) I − J` (complex).
   * @returns false when either is singular.
   */
  private decompose(h: number): boolean {
    const { n, jac, e1, e2r, e2i } = this;
    const fac1 = T.u1 / h;
    const alphn = T.alpha / h;
    const betan = T.beta / h;
    for (let k = 0; k < n * n; k++) e1[k] = -jac[k];
    for (let j = 0; j < n; j++) e1[j * n + j] += fac1;
    if (luDecomposeKernel(e1, n, this.piv1) !== 0) return false;
    for (let k = 0; k < n * n; k++) {
      e2r[k] = -jac[k];
      e2i[k] = 0;
    }
    for (let j = 0; j < n; j++) {
      e2r[j * n + j] += alphn;
      e2i[j * n + j] = betan;
    }
    if (complexLuDecomposeKernel(e2r, e2i, n, this.piv2) !== 0) return false;
    this.workCounters.nlu++;
    this.fac1 = fac1;
    this.alphn = alphn;
    this.betan = betan;
    this.luH = h;
    return true;
  }

  /** Ends a failed attempt: the next one forms a new Jacobian unless the current one is from this point. */
  private fail(status: StepStatus, errorNorm: number, newt: number, theta: number, factor: number): StepOutcome {
    this.rejected = true;
    this.needJacobian = !this.jacobianHere;
    this.theta = theta;
    const outcome = this.outcome;
    outcome.status = status;
    outcome.errorNorm = errorNorm;
    outcome.newtonIterations = newt;
    outcome.newtonRate = theta;
    outcome.stepFactor = factor;
    return outcome;
  }

  /**
   * Attempts one RADAU5 step of signed size h from (t, y): writes `y + Z₃` into `yNew`.
   * Statuses: `'accepted'` (error norm < 1), `'rejected'`, `'newton-failed'` (more than 7
   * iterations, a contraction factor ≥ 0.99, or convergence predicted too slow, with
   * the predicted step factor in `stepFactor`), `'singular'`, `'non-finite'`.
   */
  attempt(t: number, y: Float64Array, h: number, yNew: Float64Array): StepOutcome {
    const { n, rhs, z1, z2, z3, w1, w2, w3, stage, scal } = this;
    if (this.needJacobian) {
      this.formJacobian(t, y);
      this.needJacobian = false;
      this.jacobianHere = true;
      this.luH = Number.NaN;
    }
    if (h !== this.luH && !this.decompose(h)) return this.fail('singular', Number.POSITIVE_INFINITY, 0, this.theta, Number.NaN);

    // Starting values: the last step's collocation polynomial extrapolated to the new
    // nodes (zero before the first accepted step).
    if (this.first) {
      z1.fill(0);
      z2.fill(0);
      z3.fill(0);
      w1.fill(0);
      w2.fill(0);
      w3.fill(0);
    } else {
      const poly = this.poly;
      const c3q = h / this.hOld;
      const c1q = T.c1 * c3q;
      const c2q = T.c2 * c3q;
      for (let i = 0; i < n; i++) {
        const ak1 = poly[i];
        const ak2 = poly[n + i];
        const ak3 = poly[2 * n + i];
        const z1i = c1q * (ak1 + (c1q - C2M1) * (ak2 + (c1q - C1M1) * ak3));
        const z2i = c2q * (ak1 + (c2q - C2M1) * (ak2 + (c2q - C1M1) * ak3));
        const z3i = c3q * (ak1 + (c3q - C2M1) * (ak2 + (c3q - C1M1) * ak3));
        z1[i] = z1i;
        z2[i] = z2i;
        z3[i] = z3i;
        w1[i] = T.ti11 * z1i + T.ti12 * z2i + T.ti13 * z3i;
        w2[i] = T.ti21 * z1i + T.ti22 * z2i + T.ti23 * z3i;
        w3[i] = T.ti31 * z1i + T.ti32 * z2i + T.ti33 * z3i;
      }
    }

    // Simplified Newton iteration (Hairer–Wanner IV.8.16–8.18).
    const { fac1, alphn, betan, fnewt } = this;
    let newt = 0;
    this.faccon = Math.max(this.faccon, UROUND) ** 0.8;
    let theta = Math.abs(THET);
    let dynold = 0;
    let thqold = 0;
    for (;;) {
      if (newt >= NIT) return this.fail('newton-failed', Number.POSITIVE_INFINITY, newt, theta, Number.NaN);
      for (let i = 0; i < n; i++) stage[i] = y[i] + z1[i];
      rhs.eval(t + T.c1 * h, stage, z1);
      for (let i = 0; i < n; i++) stage[i] = y[i] + z2[i];
      rhs.eval(t + T.c2 * h, stage, z2);
      for (let i = 0; i < n; i++) stage[i] = y[i] + z3[i];
      rhs.eval(t + h, stage, z3);
      // Right-hand sides of the transformed systems: (T⁻¹ ⊗ I) F(Z) − diag(γ, α ± iβ)/h · W.
      for (let i = 0; i < n; i++) {
        const a1 = z1[i];
        const a2 = z2[i];
        const a3 = z3[i];
        const s2 = -w2[i];
        const s3 = -w3[i];
        z1[i] = T.ti11 * a1 + T.ti12 * a2 + T.ti13 * a3 - w1[i] * fac1;
        z2[i] = T.ti21 * a1 + T.ti22 * a2 + T.ti23 * a3 + s2 * alphn - s3 * betan;
        z3[i] = T.ti31 * a1 + T.ti32 * a2 + T.ti33 * a3 + s3 * alphn + s2 * betan;
      }
      luSolveKernel(this.e1, n, this.piv1, z1);
      complexLuSolveKernel(this.e2r, this.e2i, n, this.piv2, z2, z3);
      this.workCounters.nsol++;
      this.workCounters.nnewton++;
      newt++;
      let dyno = 0;
      for (let i = 0; i < n; i++) {
        const q1 = z1[i] / scal[i];
        const q2 = z2[i] / scal[i];
        const q3 = z3[i] / scal[i];
        dyno = dyno + q1 * q1 + q2 * q2 + q3 * q3;
      }
      dyno = Math.sqrt(dyno / (3 * n));
      if (!Number.isFinite(dyno)) return this.fail('non-finite', Number.NaN, newt, theta, Number.NaN);
      if (newt > 1 && newt < NIT) {
        const thq = dyno / dynold;
        theta = newt === 2 ? thq : Math.sqrt(thq * thqold);
        thqold = thq;
        if (!(theta < 0.99)) return this.fail('newton-failed', Number.POSITIVE_INFINITY, newt, theta, Number.NaN);
        this.faccon = theta / (1 - theta);
        // Predicted size of the remaining error after the iterations left: too large
        // means the step is too long for the iteration to converge in time.
        const dyth = (this.faccon * dyno * powi(theta, NIT - 1 - newt)) / fnewt;
        if (dyth >= 1) {
          const qnewt = Math.max(1e-4, Math.min(20, dyth));
          const factor = 0.8 * qnewt ** (-1 / (4 + NIT - 1 - newt));
          return this.fail('newton-failed', Number.POSITIVE_INFINITY, newt, theta, factor);
        }
      }
      dynold = Math.max(dyno, UROUND);
      for (let i = 0; i < n; i++) {
        const f1i = w1[i] + z1[i];
        const f2i = w2[i] + z2[i];
        const f3i = w3[i] + z3[i];
        w1[i] = f1i;
        w2[i] = f2i;
        w3[i] = f3i;
        z1[i] = T.t11 * f1i + T.t12 * f2i + T.t13 * f3i;
        z2[i] = T.t21 * f1i + T.t22 * f2i + T.t23 * f3i;
        z3[i] = T.t31 * f1i + f2i;
      }
      if (!(this.faccon * dyno > fnewt)) break;
    }
    this.theta = theta;

    const err = this.estimateError(t, y, h);
    for (let i = 0; i < n; i++) yNew[i] = y[i] + z3[i];
    if (!Number.isFinite(err)) return this.fail('non-finite', Number.NaN, newt, theta, Number.NaN);
    if (!(err < 1)) return this.fail('rejected', err, newt, theta, Number.NaN);
    const outcome = this.outcome;
    outcome.status = 'accepted';
    outcome.errorNorm = err;
    outcome.newtonIterations = newt;
    outcome.newtonRate = theta;
    outcome.stepFactor = Number.NaN;
    return outcome;
  }

  /**
   * Hairer's ESTRAD: `e = E1⁻¹ (f(t, y) + (dd1 Z₁ + dd2 Z₂ + dd3 Z₃)/h)` and its RMS norm
   * in the SCAL weights (at least 1e-10). When that is ≥ 1 on the first step or right
   * after a failure, the estimate is refined once with f at `y + e` (it can be far too
   * pessimistic on very stiff components there): one more f-evaluation and solve.
   */
  private estimateError(t: number, y: Float64Array, h: number): number {
    const { n, z1, z2, z3, combo, scal, f0, stage, ftmp } = this;
    const e = this.errorVector;
    const hee1 = T.dd1 / h;
    const hee2 = T.dd2 / h;
    const hee3 = T.dd3 / h;
    for (let i = 0; i < n; i++) {
      const c = hee1 * z1[i] + hee2 * z2[i] + hee3 * z3[i];
      combo[i] = c;
      e[i] = c + f0[i];
    }
    luSolveKernel(this.e1, n, this.piv1, e);
    let err = this.norm(e, scal);
    if (err >= 1 && (this.first || this.rejected)) {
      for (let i = 0; i < n; i++) stage[i] = y[i] + e[i];
      this.rhs.eval(t, stage, ftmp);
      for (let i = 0; i < n; i++) e[i] = ftmp[i] + combo[i];
      luSolveKernel(this.e1, n, this.piv1, e);
      err = this.norm(e, scal);
    }
    return err;
  }

  private norm(e: Float64Array, scal: Float64Array): number {
    let sum = 0;
    for (let i = 0; i < this.n; i++) {
      const q = e[i] / scal[i];
      sum += q * q;
    }
    return Math.max(Math.sqrt(sum / this.n), 1e-10);
  }

  /**
   * Completes the accepted step: keeps its collocation polynomial (the next step's
   * Newton starting values and the dense output), rescales, evaluates f at the new
   * point unless the step is the last, and asks for a new Jacobian when the Newton
   * iteration contracted by more than θ = 0.001 per iteration.
   */
  accept(t: number, y: Float64Array, h: number, yNew: Float64Array, dense: Float64Array | null, last: boolean): void {
    const { n, z1, z2, z3, poly } = this;
    for (let i = 0; i < n; i++) {
      const z1i = z1[i];
      const z2i = z2[i];
      const p1 = (z2i - z3[i]) / C2M1;
      const ak = (z1i - z2i) / C1MC2;
      let acont3 = z1i / T.c1;
      acont3 = (ak - acont3) / T.c2;
      const p2 = (ak - p1) / C1M1;
      poly[i] = p1;
      poly[n + i] = p2;
      poly[2 * n + i] = p2 - acont3;
    }
    if (dense !== null) {
      dense.set(yNew, 0);
      dense.set(poly, n);
    }
    this.first = false;
    this.rejected = false;
    this.hOld = h;
    this.jacobianHere = false;
    this.needJacobian = this.theta > THET;
    this.setScale(yNew);
    if (!last) this.rhs.eval(t + h, yNew, this.f0);
  }

  /**
   * `‖J‖∞` (largest absolute row sum) of the Jacobian in use, formed at this or an
   * earlier step: a bound of the spectral radius of ∂f/∂y there, which
   * `method: 'auto'` reads to tell when the problem has stopped being stiff. O(n²).
   */
  eigenvalueEstimate(): number {
    return infinityNormKernel(this.jac, this.n);
  }

  /**
   * The collocation polynomial of the step (degree 3, through y_old and the three
   * stage values) at `theta ∈ [0, 1]`, in Hairer's Newton form about the step's end
   * (s = θ − 1): `y_new + s(p₁ + (s − c₂ + 1)(p₂ + (s − c₁ + 1) p₃))`. Its error is
   * O(h⁴) between the nodes (the stage order is 3), O(h⁶) at the step's end.
   */
  interpolate(coef: Float64Array, offset: number, theta: number, out: Float64Array): void {
    const n = this.n;
    const s = theta - 1;
    for (let i = 0; i < n; i++) {
      const o = offset + i;
      out[i] = coef[o] + s * (coef[o + n] + (s - C2M1) * (coef[o + 2 * n] + (s - C1M1) * coef[o + 3 * n]));
    }
  }
}
