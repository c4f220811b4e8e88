/**
 * Measurements shared by the accuracy tests of the explicit methods (dopri5.test.ts,
 * dop853.test.ts) and the registry test: fixed-step errors against exact solutions,
 * tolerance-driven errors, and the slope of log error against log tolerance.
 * (Not a test file: no `.test.ts` suffix.)
 *
 * Fixed steps through the public API: firstStep = maxStep = h with tolerances so
 * loose (1e3) that no step is rejected and the controller is clamped at h, so
 * every step has size h (T/h is an integer, and Hairer's last-step rule then lands
 * on T with a step of size h up to rounding). The helper asserts that no step was
 * rejected and that exactly T/h steps were taken.
 */
import { expect, it } from 'vitest';
import { solveIvp } from '../../src/index.js';
import type { MethodChoice } from '../../src/index.js';
import { ARENSTORF, arenstorf, expSin, rotation, rotationExact } from './problems.js';

/** End of the interval of the rotation problem. */
export const T = 4;

/** Errors with N fixed steps on the rotation problem: at T, and (with `mid`) the largest at the middle of the steps (dense output). */
export function fixedStepErrors(method: MethodChoice, N: number): { end: number; mid: number } {
  const h = T / N;
  const r = solveIvp(rotation, [0, T], [1, 0], { method, firstStep: h, maxStep: h, rtol: 1e3, atol: 1e3, dense: true });
  expect(r.status).toBe('success');
  expect(r.stats.nrejected).toBe(0);
  expect(r.stats.naccepted).toBe(N);
  const exact = rotationExact(T);
  const yEnd = r.y[r.y.length - 1];
  const end = Math.hypot(yEnd[0] - exact[0], yEnd[1] - exact[1]);
  // Dense output at the middle of every step, against the exact solution.
  let mid = 0;
  const sol = r.sol;
  if (sol === undefined) throw new Error('dense output missing');
  for (let k = 0; k < N; k++) {
    const t = (k + 0.5) * h;
    const s = sol(t);
    const e = rotationExact(t);
    mid = Math.max(mid, Math.hypot(s[0] - e[0], s[1] - e[1]));
  }
  return { end, mid };
}

/** Least-squares slope of log10(err) against log10(tol). */
export function slope(tols: number[], errs: number[]): number {
  const xs = tols.map(Math.log10);
  const ys = errs.map(Math.log10);
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  return num / den;
}

/** Tolerances of the error-proportionality tests. */
export const TOLS = [1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-9, 1e-10, 1e-11, 1e-12];

/** Largest global error over all output points (every accepted step) on the rotation problem, rtol = atol = tol. */
export function rotationError(method: MethodChoice, tol: number): number {
  const r = solveIvp(rotation, [0, T], [1, 0], { method, rtol: tol, atol: tol });
  let e = 0;
  r.t.forEach((t, k) => {
    const x = rotationExact(t);
    e = Math.max(e, Math.hypot(r.y[k][0] - x[0], r.y[k][1] - x[1]));
  });
  return e;
}

/** Largest global error over all output points on y' = y cos t, y(0) = 1, t ∈ [0, 20] (y = e^{sin t}). */
export function expSinError(method: MethodChoice, tol: number): number {
  const r = solveIvp(expSin, [0, 20], [1], { method, rtol: tol, atol: tol });
  let e = 0;
  r.t.forEach((t, k) => {
    e = Math.max(e, Math.abs(r.y[k][0] - Math.exp(Math.sin(t))));
  });
  return e;
}

/**
 * One period of the Arenstorf orbit at rtol = atol = tol must take exactly `nfev`
 * f-evaluations (Hairer's NFCN) and return to its start.
 */
export function expectArenstorfPeriod(method: MethodChoice, tol: number, nfev: number): void {
  const r = solveIvp(arenstorf, [0, ARENSTORF.T], ARENSTORF.y0, { method, rtol: tol, atol: tol });
  expect(r.status).toBe('success');
  expect(r.stats.nfev).toBe(nfev);
  expect(r.stats.nsteps).toBe(r.stats.naccepted + r.stats.nrejected);
  expect(r.t[r.t.length - 1]).toBe(ARENSTORF.T);
  // The orbit is periodic, so the end state must be the start state: a check
  // that the run followed the orbit. The global error of a tolerance-driven run
  // is amplified by the two close approaches to the larger body (velocities
  // reach ~|y'| = 10); measured here up to ~4e4·tol in the velocities, so the
  // bound is 1e5·tol. Accuracy proper is tested by the order and tolerance tests.
  const yEnd = r.y[r.y.length - 1];
  for (let i = 0; i < 4; i++) expect(Math.abs(yEnd[i] - ARENSTORF.y0[i])).toBeLessThan(1e5 * tol);
}

/**
 * Observed orders log2(e(h)/e(h/2)) with N, 2N, 4N, … fixed steps, at the end point
 * and in the dense output, each within `tolOrder` of `order`.
 */
export function expectFixedStepOrder(method: MethodChoice, order: number, Ns: readonly number[], tolOrder: number): void {
  const errs = Ns.map((N) => fixedStepErrors(method, N));
  for (let k = 1; k < errs.length; k++) {
    const pEnd = Math.log2(errs[k - 1].end / errs[k].end);
    const pMid = Math.log2(errs[k - 1].mid / errs[k].mid);
    expect(Math.abs(pEnd - order)).toBeLessThan(tolOrder);
    // Dense output of order p* = p − 1 has local error O(h^{p*+1}) = O(h^p), so
    // between steps the error still decreases with order p (global error O(h^p)).
    expect(Math.abs(pMid - order)).toBeLessThan(tolOrder);
  }
}

/** The global error of `run` over {@link TOLS} lies in `band`·tol, with slope 1 ± slopeTol in log–log. */
export function expectErrorProportionalToTolerance(
  run: (method: MethodChoice, tol: number) => number,
  method: MethodChoice,
  band: readonly [number, number],
  slopeTol: number,
): void {
  const errs = TOLS.map((tol) => run(method, tol));
  errs.forEach((e, k) => {
    expect(e / TOLS[k]).toBeGreaterThan(band[0]);
    expect(e / TOLS[k]).toBeLessThan(band[1]);
  });
  expect(Math.abs(slope(TOLS, errs) - 1)).toBeLessThan(slopeTol);
}

/** What the accuracy tests of an explicit method check, with the bounds its test file justifies. */
export interface ExplicitMethodAccuracy {
  method: MethodChoice;
  /** Hairer's NFCN for one Arenstorf period at rtol = atol = tol. */
  arenstorf: readonly { tol: number; nfev: number }[];
  /** Classical order, step numbers N of the fixed-step runs, and the allowed |observed − order|. */
  order: number;
  Ns: readonly number[];
  orderTol: number;
  /** err/tol bands over 1e-4 … 1e-12 on the rotation and on y' = y cos t, and the slope tolerance of the latter (the former's is 0.05). */
  rotationBand: readonly [number, number];
  expSinBand: readonly [number, number];
  expSinSlopeTol: number;
}

/** Declares the Arenstorf-count, fixed-step-order and error-proportional-to-tolerance tests of one explicit method. */
export function explicitMethodAccuracyTests(c: ExplicitMethodAccuracy): void {
  for (const { tol, nfev } of c.arenstorf) {
    it(`on the Arenstorf orbit at rtol = atol = ${tol} uses NFCN = ${nfev} f-evaluations, like Hairer's code`, () => {
      expectArenstorfPeriod(c.method, tol, nfev);
    });
  }
  it(`converges with order ${c.order} at the end point and in the dense output between steps (rotation, exact solution)`, () => {
    expectFixedStepOrder(c.method, c.order, c.Ns, c.orderTol);
  });
  it(`global error on the rotation is within [${c.rotationBand.join(', ')}]·tol over tol = 1e-4 … 1e-12, slope 1 ± 0.05`, () => {
    expectErrorProportionalToTolerance(rotationError, c.method, c.rotationBand, 0.05);
  });
  it(`global error on y' = y cos t is within [${c.expSinBand.join(', ')}]·tol over tol = 1e-4 … 1e-12, slope 1 ± ${c.expSinSlopeTol}`, () => {
    expectErrorProportionalToTolerance(expSinError, c.method, c.expSinBand, c.expSinSlopeTol);
  });
}
