/**
 * Fixed-step order measurements of a stiff method's step kernel, shared by
 * rodas4.test.ts and radau5.test.ts: a non-autonomous nonlinear problem with known
 * solution, N fixed steps completed whatever the error test said, and the observed
 * orders log2(e_N / e_2N). (Not a test file: no `.test.ts` suffix.)
 */
import { expect } from 'vitest';
import type { Stepper } from '../../src/solver/stepper.js';
import type { JacobianFunction, RhsFunction } from '../../src/solver/types.js';

// f(t, y) = g'(t) + N(y) − N(g(t)), N(y) = (y1² y2, sin y1), g(t) = (sin t + 1, e^{−t} cos t).
/** The exact solution g from y(0) = g(0). */
export const nonlinearExact = (t: number): [number, number] => [Math.sin(t) + 1, Math.exp(-t) * Math.cos(t)];
const gp = (t: number): [number, number] => [Math.cos(t), -Math.exp(-t) * (Math.cos(t) + Math.sin(t))];
/** The right-hand side. */
export const nonlinear: RhsFunction = (t, y, d) => {
  const [a, b] = nonlinearExact(t);
  const [da, db] = gp(t);
  d[0] = da + y[0] * y[0] * y[1] - a * a * b;
  d[1] = db + Math.sin(y[0]) - Math.sin(a);
};
/** Its Jacobian ∂f/∂y. */
export const nonlinearJac: JacobianFunction = (_t, y, J) => {
  J[0] = 2 * y[0] * y[1];
  J[1] = y[0] * y[0];
  J[2] = Math.cos(y[0]);
  J[3] = 0;
};

/** Errors of one fixed-step run. */
export interface FixedStepErrors {
  /** Error at T. */
  global: number;
  /** Largest component of the steps' error estimates. */
  estimate: number;
  /** Largest dense-output error at the given θ's. */
  dense: number;
}

/**
 * N fixed steps of `stepper` on [0, T] for {@link nonlinear}, each completed with
 * `accept` whatever the error test said (the step size is imposed).
 * @param stepper - a fresh stepper for the problem, exposing its last error estimate.
 * @param thetas - where in each step to measure the dense output.
 * @param check - called with each attempt's status.
 */
export function fixedStepErrors(
  stepper: Stepper & { readonly errorVector: Float64Array },
  N: number,
  T: number,
  thetas: readonly number[],
  check: (status: string) => void = () => undefined,
): FixedStepErrors {
  const y = Float64Array.from(nonlinearExact(0));
  const yNew = new Float64Array(2);
  const coef = new Float64Array(stepper.denseSize);
  const mid = new Float64Array(2);
  const h = T / N;
  let estimate = 0;
  let dense = 0;
  stepper.start(0, y);
  for (let k = 0; k < N; k++) {
    const t = k * h;
    check(stepper.attempt(t, y, h, yNew).status);
    estimate = Math.max(estimate, Math.abs(stepper.errorVector[0]), Math.abs(stepper.errorVector[1]));
    stepper.accept(t, y, h, yNew, coef, k === N - 1);
    for (const theta of thetas) {
      stepper.interpolate(coef, 0, theta, mid);
      const ex = nonlinearExact(t + theta * h);
      dense = Math.max(dense, Math.abs(mid[0] - ex[0]), Math.abs(mid[1] - ex[1]));
    }
    y.set(yNew);
  }
  const ex = nonlinearExact(T);
  return { global: Math.max(Math.abs(y[0] - ex[0]), Math.abs(y[1] - ex[1])), estimate, dense };
}

/** Observed orders log2(e_N / e_2N) of successive runs with N doubling. */
export function observedOrders(runs: readonly FixedStepErrors[], key: keyof FixedStepErrors): number[] {
  return runs.slice(1).map((r, i) => Math.log2(runs[i][key] / r[key]));
}

/** Asserts that every observed order lies strictly between `lo` and `hi`. */
export function expectOrdersBetween(orders: readonly number[], lo: number, hi: number): void {
  for (const p of orders) {
    expect(p).toBeGreaterThan(lo);
    expect(p).toBeLessThan(hi);
  }
}
