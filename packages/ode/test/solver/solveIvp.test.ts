/**
 * Options that shape the run: maxStep, firstStep, per-component atol, tEval at
 * the ends and backward, and sol(t) at the ends.
 */
import { describe, expect, it } from 'vitest';
import { solveIvp } from '../../src/index.js';
import type { Method } from '../../src/index.js';
import { lotkaVolterra, rotation, rotationExact } from './problems.js';

const RK: Method[] = ['dopri5', 'dop853'];

describe('solveIvp options', () => {
  for (const method of RK) {
    it(`${method}: no step is longer than maxStep`, () => {
      const r = solveIvp(rotation, [0, 10], [1, 0], { method, maxStep: 0.05 });
      expect(r.status).toBe('success');
      // Steps are exactly ≤ 0.05; t_k − t_{k−1} carries the rounding of t (≤ ε·|t| each).
      for (let k = 1; k < r.t.length; k++) expect(r.t[k] - r.t[k - 1]).toBeLessThanOrEqual(0.05 + 4 * Number.EPSILON * r.t[k]);
    });

    it(`${method}: firstStep is the first step taken when it is accepted, clamped to maxStep`, () => {
      const r = solveIvp(rotation, [0, 1], [1, 0], { method, firstStep: 1e-3 });
      expect(r.t[1]).toBe(1e-3);
      const c = solveIvp(rotation, [0, 1], [1, 0], { method, firstStep: 0.5, maxStep: 0.01, rtol: 1e3, atol: 1e3 });
      expect(c.t[1]).toBe(0.01);
    });

    it(`${method}: atol per component weighs each component separately`, () => {
      // Two identical components y' = −y, y(0) = 1e-3: the error norm weighs
      // component i by 1/(atol_i + rtol·max|y_i|), so a tight atol on either one
      // forces the same (shorter) steps, and a scalar atol equals the same atol on both.
      const f = (_t: number, y: Float64Array, dy: Float64Array): void => {
        dy[0] = -y[0];
        dy[1] = -y[1];
      };
      const run = (atol: number | number[]): ReturnType<typeof solveIvp> =>
        solveIvp(f, [0, 5], [1e-3, 1e-3], { method, rtol: 1e-12, atol });
      const a = run([1e-15, 1e-6]);
      const b = run([1e-6, 1e-15]);
      const both = run([1e-6, 1e-6]);
      const scalar = run(1e-6);
      expect(a.stats.naccepted).toBe(b.stats.naccepted);
      expect(Array.from(a.t)).toEqual(Array.from(b.t));
      expect(both.stats.naccepted).toBeLessThan(a.stats.naccepted / 2);
      expect(Array.from(scalar.t)).toEqual(Array.from(both.t));
    });
  }

  for (const method of ['dopri5', 'dop853', 'odex'] as Method[]) {
    it(`${method}: tEval may include both ends and run backward; sol is y0 at t0`, () => {
      const y0 = [1, 2];
      const tEval = [3, 2.5, 1, 0];
      const r = solveIvp(lotkaVolterra, [3, 0], y0, { method, tEval, dense: true, rtol: 1e-10, atol: 1e-10 });
      expect(r.status).toBe('success');
      expect(Array.from(r.t)).toEqual(tEval);
      expect(Array.from(r.y[0])).toEqual(y0);
      const sol = r.sol;
      if (sol === undefined) throw new Error('dense output missing');
      expect(Array.from(sol(3))).toEqual(y0);
      // The last output is the state at t1 = 0, the end of the last step; sol(0) evaluates that
      // step's interpolant at its end, which reproduces it up to rounding.
      // (not.toContain(NaN) passes even on [1, NaN]: toContain compares with ===, and NaN !== NaN.)
      expect(sol(0).every(Number.isFinite)).toBe(true);
      for (let i = 0; i < 2; i++) expect(Math.abs(sol(0)[i] - r.y[3][i])).toBeLessThan(1e-12);
    });
  }

  it('sol(t) follows the exact solution between output times (rotation, dop853, tol 1e-12)', () => {
    const r = solveIvp(rotation, [0, 5], [1, 0], { method: 'dop853', rtol: 1e-12, atol: 1e-12, dense: true });
    const sol = r.sol;
    if (sol === undefined) throw new Error('dense output missing');
    // Global error ≈ 1e-12·(a few) at this tolerance (see dop853.test.ts), dense
    // output of order 7 adds less: 1e-10 is a safe bound with margin.
    for (let k = 0; k <= 1000; k++) {
      const t = (5 * k) / 1000;
      const e = rotationExact(t);
      const s = sol(t);
      expect(Math.hypot(s[0] - e[0], s[1] - e[1])).toBeLessThan(1e-10);
    }
  });
});
