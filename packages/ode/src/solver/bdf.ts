/**
 * `'bdf'`: variable-order (1–5), variable-step backward differentiation formulas (or
 * the NDFs of MATLAB's `ode15s`) for stiff problems, with its own step loop (a
 * {@link Driver}) and a choice of linear solver for its Newton iteration: dense LU,
 * banded LU, or matrix-free GMRES (`linear/`).
 *
 * **Form: quasi-constant step size with backward differences** (Shampine & Reichelt,
 * "The MATLAB ODE Suite", 1997, §2; scipy's `BDF`). The history is the difference
 * array ∇^j y_n, j = 0…k + 2, of the interpolating polynomial on an equally spaced grid;
 * a step-size change re-interpolates it on the new grid (`rescaleDifferences`, O(k²n)).
 * Chosen over CVODE's Nordsieck fixed-leading-coefficient form because the formulas
 * keep constant coefficients (so the NDF variant is one κ per order), the order-(k±1)
 * error estimates are plain differences, and the same array is the dense output.
 *
 * **Newton iteration and reuse (CVODE's strategy, Hindmarsh et al. 2005, §2.1).** The
 * corrector solves `d = γ f(t_{n+1}, y⁽⁰⁾ + d) − ψ` (γ = h/α_k) by a simplified Newton
 * iteration with the matrix `I − γ̄J`: J is kept across steps and re-formed only when
 * the iteration fails with an old J, or after 51 steps; the factorization is redone
 * only when γ has moved by more than 30 % from γ̄ (the correction is then scaled by
 * `2/(1 + γ/γ̄)`), after 20 steps, or after a failure. Convergence: at most 4
 * iterations, rate `ρ = max(0.3 ρ_old, ‖δ_m‖/‖δ_{m−1}‖)`, stop when
 * `E_k ‖δ_m‖ min(1, ρ) ≤ 0.1` (iteration error a tenth of the error test's), divergence
 * when `‖δ_m‖ > 2‖δ_{m−1}‖`. A failure with a fresh J shrinks h by 4; ten failures of
 * one step end the run (status `'newton-failed'`, `'singular'` or `'linear-solver-failed'`).
 *
 * **Error and order control** (Shampine & Reichelt; scipy): local error `E_k d` in the
 * weighted RMS norm with weights `atol + rtol·max(|y_n|, |y_{n+1}|)`; after k + 1 steps
 * of one size, the estimates at orders k − 1 (from ∇^k y), k and k + 1 (from ∇^{k+2} y)
 * give the step-size ratios `(1/err_j)^{1/(j+1)}`; the largest wins (order and step
 * change together). Rejections shrink h by `max(0.2, 0.9 err^{−1/(k+1)})`.
 *
 * @module
 */

import { BDF_MAX_ORDER, bdfCoefficients, rescaleDifferences } from './bdfCoefficients.js';
import { bdfInterpolant } from './bdfInterpolant.js';
import type { BdfSettings } from './bdfSettings.js';
import { CallbackFailure } from './callbackFailure.js';
import type { CountedRhs } from './countedRhs.js';
import type { Driver, RunEnd, RunEndReason, RunSetup, StepSink } from './driver.js';
import { initialStepSize } from './initialStepSize.js';
import { BandedNewtonSolver } from './linear/bandedNewtonSolver.js';
import { DenseNewtonSolver } from './linear/denseNewtonSolver.js';
import { KrylovNewtonSolver } from './linear/krylovNewtonSolver.js';
import type { NewtonLinearSolver } from './linear/newtonLinearSolver.js';
import type { MethodDefinition } from './methodDefinition.js';
import type { NormalizedProblem } from './normalizeProblem.js';
import { formatTime, nonFiniteStartMessage } from './statusMessage.js';
import type { EigenvalueSource } from './stiffnessDetector.js';

/** Unit roundoff, for the step-size underflow test (as the one-step driver). */
const UROUND = 2.3e-16;
/** Newton iterations per attempt (scipy's NEWTON_MAXITER; CVODE uses 3). */
const NEWTON_MAX_ITER = 4;
/** Iteration error allowed, as a fraction of the error test's bound (CVODE's NLSCOEF). */
const NEWTON_COEFFICIENT = 0.1;
/** Linear-solver tolerance as a fraction of the Newton tolerance (CVODE's EPLIN). */
const LINEAR_COEFFICIENT = 0.05;
/** Decay of the remembered convergence rate (CVODE's CRDOWN) and the divergence ratio (RDIV). */
const RATE_DECAY = 0.3;
const DIVERGENCE_RATIO = 2;
/** Refactor when |γ/γ̄ − 1| exceeds this (CVODE's DGMAX), or after this many steps (MSBP). */
const GAMMA_CHANGE_MAX = 0.3;
const STEPS_BETWEEN_SETUPS = 20;
/** Re-form J at least every this many steps (CVODE's MSBJ). */
const STEPS_BETWEEN_JACOBIANS = 51;
/** Failed Newton (or linear) attempts of one step before the run fails (CVODE's MXNCF), and the step reduction after each (ETACF). */
const MAX_NEWTON_FAILURES = 10;
const NEWTON_FAILURE_FACTOR = 0.25;
/** Step-size ratio limits. */
const MAX_FACTOR = 10;
const MIN_FACTOR = 0.2;
/**
 * CVODE's biases of the error estimates at orders k − 1, k, k + 1 (BIAS1, BIAS2, BIAS3):
 * the ratio is `1/((bias · err)^{1/(order+1)} + 1e-6)`, conservative so that few steps fail.
 */
const BIAS_LOWER = 6;
const BIAS_SAME = 6;
const BIAS_HIGHER = 10;
/** After an accepted step, shrink before the next order decision when the ratio falls below this. */
const SHRINK_BELOW = 0.9;

/** The step-size ratio an error estimate `err` of an order-(p − 1) formula allows (CVODE's η). */
function stepRatio(bias: number, err: number, p: number): number {
  return 1 / ((bias * err) ** (1 / p) + 1e-6);
}

/** Why a Newton attempt failed. */
type NewtonFailure = 'diverged' | 'singular' | 'linear' | 'non-finite';

/** One run of the BDF method. Kernel: the setup is valid. */
function runBdf(setup: RunSetup, sink: StepSink): RunEnd {
  const { problem, rhs, tEnd, hMax, maxSteps, detector, label } = setup;
  const { n, rtol, atol } = problem;
  const settings = problem.bdf;
  const { gamma: gammaSum, alpha, errorConstant } = bdfCoefficients(settings.formula);
  const direction = tEnd > setup.t ? 1 : -1;
  const linear = createLinearSolver(problem, settings, rhs);
  const source: EigenvalueSource = { eigenvalueEstimate: () => linear.eigenvalueEstimate() };
  const maxOrder = settings.maxOrder;
  const minOrder = settings.minOrder;

  // Difference array: rows 0 … maxOrder + 2 of n numbers (∇^j y_n).
  const D = new Float64Array((BDF_MAX_ORDER + 3) * n);
  // The rows as views made once: a subarray per call would allocate in the inner loops.
  const rows = Array.from({ length: BDF_MAX_ORDER + 3 }, (_, j) => D.subarray(j * n, (j + 1) * n));
  const row = (j: number): Float64Array => rows[j];
  const interpolants = Array.from({ length: BDF_MAX_ORDER + 1 }, (_, k) => bdfInterpolant(n, Math.max(1, k)));
  // The dense output of a step is rows 0…k of D themselves: the sink reads (or copies) them
  // before the step returns, and D changes only after that.
  const denseViews = Array.from({ length: BDF_MAX_ORDER + 1 }, (_, k) => D.subarray(0, (k + 1) * n));
  const yPred = new Float64Array(n);
  const psiCoefficients = new Float64Array(BDF_MAX_ORDER + 1);
  const psi = new Float64Array(n);
  const corr = new Float64Array(n);
  const yIter = new Float64Array(n);
  const fIter = new Float64Array(n);
  const delta = new Float64Array(n);
  const weights = new Float64Array(n);
  const errWeights = new Float64Array(n);
  const yNew = new Float64Array(n);
  // the rescaling's 3 small matrices, then chunks of up to 512 components of each row (24 KiB: in cache)
  const rescaleWork = new Float64Array(3 * (BDF_MAX_ORDER + 1) ** 2 + (BDF_MAX_ORDER + 1) * Math.min(n, 512));

  let t = setup.t;
  let nsteps = 0;
  let naccepted = 0;
  let nrejected = 0;
  let nnewton = 0;
  let hLast = 0;
  const y0 = row(0);
  y0.set(setup.y);

  // Reuse state of the iteration matrix.
  let haveSetup = false;
  let gammaBar = 0;
  let stepsSinceSetup = 0;
  let stepsSinceJacobian = 0;
  let haveJacobian = false;
  /** Whether J was formed during the current step's attempts (then a Newton failure shrinks h). */
  let jacobianFresh = false;
  let rate = 1;

  let h = 0;
  const end = (reason: RunEndReason, message?: string, failure?: CallbackFailure): RunEnd => ({
    reason,
    t,
    y: row(0).slice(),
    f: undefined,
    h: naccepted > 0 ? hLast : h,
    hNext: h,
    nsteps,
    naccepted,
    nrejected,
    njev: linear.counters.njev,
    nlu: linear.counters.nlu,
    message,
    failure,
    newton: { nnewton, nlinear: linear.counters.nlinear, njvp: linear.counters.njvp, nprec: linear.counters.nprec },
  });

  // A callback that throws (f, the Jacobian, jvp, psolve, psetup: a CallbackFailure) ends the run
  // with status 'f-error' and this run's counts up to the failing call.
  try {
    const f0 = new Float64Array(n);
    if (setup.f === undefined) {
      rhs.eval(t, y0, f0);
      const bad = firstNonFinite(f0);
      if (bad >= 0) return end('non-finite', nonFiniteStartMessage(label, f0[bad], bad, rhs.origin + t));
    } else f0.set(setup.f);
    // HINIT with "order" 2: the local error of the first (order-1) step is O(h²), as scipy's select_initial_step.
    h = setup.h ?? initialStepSize(rhs, t, y0, f0, direction, 2, hMax, rtol, atol, yNew, fIter);
    if (Math.abs(h) > hMax) h = hMax * direction;
    {
      const d1 = row(1);
      for (let i = 0; i < n; i++) d1[i] = h * f0[i];
    }
    let k = 1;
    let nEqual = 0;
    let failures = 0;
    let errorFailures = 0;

    /** Changes the step to `hNew` (signed), re-expressing the differences of order k. */
    const changeStep = (hNew: number): void => {
      rescaleDifferences(D, n, k, hNew / h, rescaleWork);
      h = hNew;
      nEqual = 0;
    };

    /** The Newton iteration of one attempt; on success `corr` holds d and `yIter` = y⁽⁰⁾ + d. */
    const newtonIteration = (tNew: number, gamma: number): NewtonFailure | undefined => {
      const eK = errorConstant[k];
      yIter.set(yPred);
      corr.fill(0);
      let delPrev = 0;
      for (let m = 0; m < NEWTON_MAX_ITER; m++) {
        rhs.eval(tNew, yIter, fIter);
        nnewton++;
        if (m === 0) {
          const needSetup = !haveSetup || Math.abs(gamma / gammaBar - 1) > GAMMA_CHANGE_MAX || stepsSinceSetup >= STEPS_BETWEEN_SETUPS;
          if (needSetup) {
            const formJacobian = !haveJacobian || stepsSinceJacobian >= STEPS_BETWEEN_JACOBIANS;
            if (formJacobian) {
              linear.jacobian(tNew, yIter, fIter);
              haveJacobian = true;
              jacobianFresh = true;
              stepsSinceJacobian = 0;
            }
            haveSetup = linear.setup(tNew, yIter, fIter, gamma, formJacobian);
            gammaBar = gamma;
            stepsSinceSetup = 0;
            rate = 1;
            if (!haveSetup) return 'singular';
          }
        }
        if (!newtonResidual(delta, gamma, fIter, psi, corr)) return 'non-finite';
        const status = linear.solve(delta, gamma, tNew, yIter, fIter, weights, (LINEAR_COEFFICIENT * NEWTON_COEFFICIENT) / eK);
        if (status === 'not-converged') return 'linear';
        // corr and yIter are overwritten even when the norm is not finite: the attempt then fails and the next starts afresh
        const del = addCorrection(corr, delta, yIter, yPred, weights);
        if (!Number.isFinite(del)) return 'non-finite';
        if (m > 0) rate = Math.max(RATE_DECAY * rate, del / delPrev);
        if (del * Math.min(1, rate) * eK <= NEWTON_COEFFICIENT || del === 0) return undefined;
        if (m > 0 && del > DIVERGENCE_RATIO * delPrev) return 'diverged';
        delPrev = del;
      }
      return 'diverged';
    };

    let last = false;
    for (;;) {
      if (nsteps >= maxSteps) return end('max-steps');
      if (0.1 * Math.abs(h) <= Math.abs(t) * UROUND || t + h === t) return end('step-too-small');
      if ((t + 1.01 * h - tEnd) * direction > 0) {
        // Land on tEnd: stretch or shrink the last step (the differences are re-expressed).
        const hEnd = tEnd - t;
        if (hEnd !== h) changeStep(hEnd);
        last = true;
      }
      nsteps++;
      const tNew = last ? tEnd : t + h;
      const gamma = h / alpha[k];
      // Predictor y⁽⁰⁾ = Σ_{j≤k} ∇^j y_n and ψ = Σ_{j=1}^{k} γ_j ∇^j y_n / α_k.
      for (let j = 1; j <= k; j++) psiCoefficients[j] = gammaSum[j] / alpha[k];
      predict(D, n, k, psiCoefficients, yPred, psi);
      errorWeights(weights, atol, rtol, yPred, yPred);

      const failure = newtonIteration(tNew, gamma);
      if (failure !== undefined) {
        nrejected++;
        last = false;
        if (linear.refreshable && !jacobianFresh && failure !== 'non-finite') {
          // An old J (or preconditioner): re-form it at this step and retry with the same h.
          haveJacobian = false;
          haveSetup = false;
          continue;
        }
        if (++failures >= MAX_NEWTON_FAILURES) return end(failureReason(failure), failureMessage(label, failure, rhs, t, h));
        changeStep(h * (failure === 'non-finite' ? 0.1 : NEWTON_FAILURE_FACTOR));
        continue;
      }

      // Error test: local error E_k d.
      errorWeights(errWeights, atol, rtol, row(0), yIter);
      const err = errorConstant[k] * wrms(corr, errWeights);
      if (!(err <= 1)) {
        nrejected++;
        last = false;
        errorFailures++;
        if (!Number.isFinite(err)) {
          if (++failures >= MAX_NEWTON_FAILURES) return end('non-finite', failureMessage(label, 'non-finite', rhs, t, h));
          changeStep(h * 0.1);
          continue;
        }
        let factor = Math.max(MIN_FACTOR, 0.9 * err ** (-1 / (k + 1)));
        if (errorFailures >= 3) {
          // Repeated failures: the history is not to be trusted; drop an order and cut hard.
          factor = 0.1;
          if (k > 1 && k > minOrder) k--;
        }
        changeStep(h * factor);
        continue;
      }

      // Accepted: update the differences (scipy's identity ∇^{j+1} y_{n+1} = ∇^j y_{n+1} − ∇^j y_n).
      naccepted++;
      failures = 0;
      errorFailures = 0;
      jacobianFresh = false;
      stepsSinceSetup++;
      stepsSinceJacobian++;
      updateDifferences(D, n, k, corr);
      const tOld = t;
      t = tNew;
      hLast = h;
      nEqual++;
      yNew.set(row(0));
      if (sink.step(tOld, h, t, yNew, denseViews[k], interpolants[k])) return end('stopped');
      if (last) return end('finished');
      const detected = detector !== undefined && detector.observe(naccepted, h, source);

      if (nEqual < k + 1) {
        // Between order decisions, shrink at once when the same step would fail next time
        // (a steepening solution); growth waits for the next decision.
        const fSame = stepRatio(BIAS_SAME, err, k + 1);
        if (fSame < SHRINK_BELOW) changeStep(h * Math.max(MIN_FACTOR, fSame));
      } else {
        // Order and step selection from the estimates at orders k − 1, k, k + 1.
        const errHigher = k < maxOrder ? errorConstant[k + 1] * wrms(row(k + 2), errWeights) : Number.POSITIVE_INFINITY;
        const fHigher = stepRatio(BIAS_HIGHER, errHigher, k + 2);
        let best: number;
        let dk = 0;
        if (k < minOrder) {
          // Still climbing to minOrder: one order up at each decision.
          best = fHigher;
          dk = 1;
        } else {
          const errLower = k > 1 && k > minOrder ? errorConstant[k - 1] * wrms(row(k), errWeights) : Number.POSITIVE_INFINITY;
          const fLower = stepRatio(BIAS_LOWER, errLower, k);
          best = stepRatio(BIAS_SAME, err, k + 1);
          if (fLower > best) {
            best = fLower;
            dk = -1;
          }
          if (fHigher > best) {
            best = fHigher;
            dk = 1;
          }
        }
        let factor = Math.max(MIN_FACTOR, Math.min(MAX_FACTOR, best));
        if (Math.abs(h) * factor > hMax) factor = hMax / Math.abs(h);
        k += dk;
        changeStep(h * factor);
      }
      if (detected) return end('detected');
    }
  } catch (e) {
    if (e instanceof CallbackFailure) return end('f-error', undefined, e);
    throw e;
  }
}

// The step's loops over the n components, as small functions of their arrays (in the
// closure-heavy step loop, V8 would read every captured variable from its context).

/** Weighted RMS norm of v. */
function wrms(v: Float64Array, w: Float64Array): number {
  const n = v.length;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const x = v[i] * w[i];
    s += x * x;
  }
  return Math.sqrt(s / n);
}

/** `w_i = 1/(atol_i + rtol · max(|a_i|, |b_i|))`. */
function errorWeights(w: Float64Array, atol: ArrayLike<number>, rtol: number, a: Float64Array, b: Float64Array): void {
  const n = w.length;
  for (let i = 0; i < n; i++) w[i] = 1 / (atol[i] + rtol * Math.max(Math.abs(a[i]), Math.abs(b[i])));
}

/**
 * The predictor `y = Σ_{j≤k} ∇^j y_n` and `ψ = Σ_{j=1}^{k} c_j ∇^j y_n` (rows j of D), in one
 * pass over the components, the sums in the order j = 0, 1, …, k. Written out for each order
 * (1 … BDF_MAX_ORDER = 5) so that a component is one expression: at n = 20,480, k = 5, 2.1× as
 * fast as a loop over j, bit-identical (ψ's `0 + …` is the loop's sum from 0, which turns a −0
 * first term into +0).
 */
function predict(D: Float64Array, n: number, k: number, c: Float64Array, y: Float64Array, psi: Float64Array): void {
  const c1 = c[1];
  const c2 = c[2];
  const c3 = c[3];
  const c4 = c[4];
  const c5 = c[5];
  const r2 = 2 * n;
  const r3 = 3 * n;
  const r4 = 4 * n;
  const r5 = 5 * n;
  switch (k) {
    case 1:
      for (let i = 0; i < n; i++) {
        const d1 = D[n + i];
        y[i] = D[i] + d1;
        psi[i] = 0 + c1 * d1;
      }
      return;
    case 2:
      for (let i = 0; i < n; i++) {
        const d1 = D[n + i];
        const d2 = D[r2 + i];
        y[i] = D[i] + d1 + d2;
        psi[i] = 0 + c1 * d1 + c2 * d2;
      }
      return;
    case 3:
      for (let i = 0; i < n; i++) {
        const d1 = D[n + i];
        const d2 = D[r2 + i];
        const d3 = D[r3 + i];
        y[i] = D[i] + d1 + d2 + d3;
        psi[i] = 0 + c1 * d1 + c2 * d2 + c3 * d3;
      }
      return;
    case 4:
      for (let i = 0; i < n; i++) {
        const d1 = D[n + i];
        const d2 = D[r2 + i];
        const d3 = D[r3 + i];
        const d4 = D[r4 + i];
        y[i] = D[i] + d1 + d2 + d3 + d4;
        psi[i] = 0 + c1 * d1 + c2 * d2 + c3 * d3 + c4 * d4;
      }
      return;
    case 5:
      for (let i = 0; i < n; i++) {
        const d1 = D[n + i];
        const d2 = D[r2 + i];
        const d3 = D[r3 + i];
        const d4 = D[r4 + i];
        const d5 = D[r5 + i];
        y[i] = D[i] + d1 + d2 + d3 + d4 + d5;
        psi[i] = 0 + c1 * d1 + c2 * d2 + c3 * d3 + c4 * d4 + c5 * d5;
      }
      return;
    default:
      throw new Error(`solveIvp (bdf): internal error: order ${k} is outside 1 … ${BDF_MAX_ORDER}.`);
  }
}

/**
 * After an accepted step with correction d (scipy's identity ∇^{j+1} y_{n+1} = ∇^j y_{n+1} − ∇^j y_n):
 * `∇^{k+2} = d − ∇^{k+1}`, `∇^{k+1} = d`, then `∇^j += ∇^{j+1}` for j = k … 0, in one pass over the
 * components, the rows j = k … 1 written out instead of a loop over j (at n = 20,480, k = 5, 1.6×
 * as fast, bit-identical).
 */
function updateDifferences(D: Float64Array, n: number, k: number, corr: Float64Array): void {
  if (k < 1 || k > BDF_MAX_ORDER) throw new Error(`solveIvp (bdf): internal error: order ${k} is outside 1 … ${BDF_MAX_ORDER}.`);
  const top = (k + 1) * n;
  const above = top + n;
  const r2 = 2 * n;
  const r3 = 3 * n;
  const r4 = 4 * n;
  const r5 = 5 * n;
  for (let i = 0; i < n; i++) {
    const c = corr[i];
    D[above + i] = c - D[top + i];
    D[top + i] = c;
    let acc = c;
    if (k >= 5) {
      acc += D[r5 + i];
      D[r5 + i] = acc;
    }
    if (k >= 4) {
      acc += D[r4 + i];
      D[r4 + i] = acc;
    }
    if (k >= 3) {
      acc += D[r3 + i];
      D[r3 + i] = acc;
    }
    if (k >= 2) {
      acc += D[r2 + i];
      D[r2 + i] = acc;
    }
    acc += D[n + i];
    D[n + i] = acc;
    D[i] += acc;
  }
}

/** `delta = γ f − ψ − corr` (the Newton residual); whether every entry is finite. */
function newtonResidual(delta: Float64Array, gamma: number, f: Float64Array, psi: Float64Array, corr: Float64Array): boolean {
  const n = delta.length;
  let finite = true;
  for (let i = 0; i < n; i++) {
    const x = gamma * f[i] - psi[i] - corr[i];
    delta[i] = x;
    if (!Number.isFinite(x)) finite = false;
  }
  return finite;
}

/**
 * `corr += delta`, `y = yPred + corr`, in the pass that forms the weighted RMS norm of delta (as
 * {@link wrms}, the same sum in the same order), which it returns.
 */
function addCorrection(corr: Float64Array, delta: Float64Array, y: Float64Array, yPred: Float64Array, w: Float64Array): number {
  const n = corr.length;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const di = delta[i];
    const x = di * w[i];
    s += x * x;
    const c = corr[i] + di;
    corr[i] = c;
    y[i] = yPred[i] + c;
  }
  return Math.sqrt(s / n);
}

function firstNonFinite(v: Float64Array): number {
  for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i])) return i;
  return -1;
}

function failureReason(failure: NewtonFailure): RunEndReason {
  switch (failure) {
    case 'diverged':
      return 'newton-failed';
    case 'singular':
      return 'singular';
    case 'linear':
      return 'linear-solver-failed';
    case 'non-finite':
      return 'non-finite';
    default: {
      const never: never = failure;
      return never;
    }
  }
}

function failureMessage(label: string, failure: NewtonFailure, rhs: CountedRhs, t: number, h: number): string {
  const at = formatTime(rhs.origin + t);
  const tries = `${MAX_NEWTON_FAILURES} attempts of the step from t = ${at} (the last with h = ${h})`;
  switch (failure) {
    case 'diverged':
      return `solveIvp (${label}): the Newton iteration did not converge in ${tries}; the integration stopped at t = ${at}. Check the Jacobian (or jvp) against f, or the solution may be singular there.`;
    case 'singular':
      return `solveIvp (${label}): the iteration matrix I − γJ was singular in ${tries}; the integration stopped at t = ${at}. Check the Jacobian for non-finite entries.`;
    case 'linear':
      return `solveIvp (${label}): GMRES did not reach its tolerance in ${tries}; the integration stopped at t = ${at}. Give a preconditioner (psolve) or raise gmres.krylovDimension / maxRestarts.`;
    case 'non-finite':
      return `solveIvp (${label}): f (or the Jacobian) produced non-finite values in ${tries}; the integration stopped at t = ${at}. Check the right-hand side there.`;
    default: {
      const never: never = failure;
      return never;
    }
  }
}

/** The Newton linear solver the settings ask for. */
function createLinearSolver(problem: NormalizedProblem, settings: BdfSettings, rhs: CountedRhs): NewtonLinearSolver {
  const { n, atol, jacobian, jacobianColumns } = problem;
  switch (settings.linearSolver) {
    case 'dense':
      return new DenseNewtonSolver(n, rhs, atol, jacobian, jacobianColumns);
    case 'banded': {
      const band = settings.band;
      if (band === undefined) throw new Error("solveIvp (bdf): internal error: linearSolver 'banded' without a band.");
      return new BandedNewtonSolver(n, band, rhs, atol, jacobian);
    }
    case 'gmres':
      return new KrylovNewtonSolver(n, rhs, settings);
    default: {
      const never: never = settings.linearSolver;
      return never;
    }
  }
}

/** The BDF method's step loop behind the common {@link Driver} interface. */
const BDF_DRIVER: Driver = { run: runBdf };

/**
 * The `'bdf'` method: variable order 1–5, quasi-constant step size, NDF (default) or
 * BDF coefficients, Newton with Jacobian and factorization reuse, dense/banded/GMRES
 * linear solvers; its own step controller (rejects `safety`, `facMin`, `facMax`,
 * `beta`); an eigenvalue estimate (‖J‖∞ of its Jacobian) for `method: 'auto'`.
 */
export const BDF: MethodDefinition = {
  name: 'bdf',
  order: 'variable',
  errorOrder: 'variable',
  denseOrder: 'variable',
  stiff: true,
  needs: ['jacobian'],
  summary: 'variable-order BDF/NDF 1–5 (as CVODE, ode15s); Jacobian reuse; dense, banded or matrix-free GMRES linear solver',
  driver: BDF_DRIVER,
  controllerDefaults: undefined,
  stabilityBoundary: undefined,
  stiffnessTest: undefined,
  estimatesEigenvalues: true,
};
