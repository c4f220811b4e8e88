/**
 * Standard stiff test problems and their committed reference values, shared by the
 * tests of rodas4 and of method 'auto'. (Not a test file: no `.test.ts` suffix.)
 */
import { readFileSync } from 'node:fs';
import type { JacobianFunction, RhsFunction } from '../../src/solver/types.js';

// Reference values: scipy Radau at rtol 1e-13 (fixtures/stiff-reference.py), which agree with
// the published values of the "Test Set for IVP Solvers" to ≤ 1e-14 relative (checked below).
export interface Reference {
  vdp: { t: number[]; y: number[][]; published_t2: number[] };
  robertson: { t: number[]; y: number[][]; published_t40: number[]; published_t1e11: number[] };
}
export const ref = JSON.parse(readFileSync(new URL('../fixtures/stiff-reference.json', import.meta.url), 'utf8')) as Reference;

// Van der Pol, μ = 1000, in Liénard-scaled time (Hairer–Wanner §IV.10): ε = 1/μ² = 1e-6, y(0) = (2, 0).
export const vdp: RhsFunction = (_t, y, d) => {
  d[0] = y[1];
  d[1] = ((1 - y[0] * y[0]) * y[1] - y[0]) / 1e-6;
};
export const vdpJac: JacobianFunction = (_t, y, J) => {
  J[0] = 0;
  J[1] = 1;
  J[2] = (-2 * y[0] * y[1] - 1) / 1e-6;
  J[3] = (1 - y[0] * y[0]) / 1e-6;
};
// Robertson's chemical kinetics, y(0) = (1, 0, 0).
export const robertson: RhsFunction = (_t, y, d) => {
  d[0] = -0.04 * y[0] + 1e4 * y[1] * y[2];
  d[2] = 3e7 * y[1] * y[1];
  d[1] = -d[0] - d[2];
};

/** Largest relative error of a against b, component by component. */
export const relErr = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let e = 0;
  for (let i = 0; i < b.length; i++) e = Math.max(e, Math.abs(a[i] - b[i]) / Math.abs(b[i]));
  return e;
};
/** Jacobian of {@link robertson}, row-major. */
export const robertsonJac: JacobianFunction = (_t, y, J) => {
  const p1 = 1e4 * y[1];
  const p2 = 1e4 * y[2];
  const p3 = 6e7 * y[1];
  J[0] = -0.04;
  J[1] = p2;
  J[2] = p1;
  J[3] = 0.04;
  J[4] = -p2 - p3;
  J[5] = -p1;
  J[6] = 0;
  J[7] = p3;
  J[8] = 0;
};
