/**
 * The three methods cross-check each other: DOPRI5, DOP853 and ODEX are
 * independent formulas (different tableaus, GBS extrapolation), so agreement far
 * below the size of any plausible defect is evidence for all three.
 */
import { describe, expect, it } from 'vitest';
import { solveIvp } from '../../src/index.js';
import type { Method } from '../../src/index.js';
import { ARENSTORF, arenstorf, lotkaVolterra } from './problems.js';

const METHODS: Method[] = ['dopri5', 'dop853', 'odex'];

describe('solveIvp methods agree with each other', () => {
  it('on the Arenstorf orbit at rtol = atol = 1e-12, at ten output times (tEval) over one period', () => {
    const tEval = Array.from({ length: 10 }, (_, k) => ((k + 1) * ARENSTORF.T) / 10);
    const runs = METHODS.map((method) => solveIvp(arenstorf, [0, ARENSTORF.T], ARENSTORF.y0, { method, rtol: 1e-12, atol: 1e-12, tEval }));
    for (const r of runs) {
      expect(r.status).toBe('success');
      expect(Array.from(r.t)).toEqual(tEval);
    }
    // Global errors on this orbit reach ~4e4·tol (see dopri5.test.ts),
    // 4e-8 here; the largest pairwise difference measured is 3.0e-8, so 1e-6
    // leaves a margin of 30 while any defect would show at 1e-4 or more.
    for (let a = 0; a < runs.length; a++) {
      for (let b = a + 1; b < runs.length; b++) {
        for (let k = 0; k < tEval.length; k++) {
          for (let i = 0; i < 4; i++) expect(Math.abs(runs[a].y[k][i] - runs[b].y[k][i])).toBeLessThan(1e-6);
        }
      }
    }
  });

  it('on Lotka–Volterra, backward from t = 10 to 0, through their continuous solutions', () => {
    const runs = METHODS.map((method) => solveIvp(lotkaVolterra, [10, 0], [1, 2], { method, rtol: 1e-11, atol: 1e-11, dense: true }));
    const sols = runs.map((r) => {
      expect(r.status).toBe('success');
      if (r.sol === undefined) throw new Error('dense output missing');
      return r.sol;
    });
    // Dense outputs of orders 4 (dopri5), 7 (dop853) and ≤ 19 (odex) at tolerance
    // 1e-11: the largest difference to dopri5's measured is 4.8e-10, bound 1e-8.
    for (let k = 0; k <= 100; k++) {
      const t = 10 - k / 10;
      const ys = sols.map((s) => s(t));
      for (let a = 1; a < ys.length; a++) {
        for (let i = 0; i < 2; i++) expect(Math.abs(ys[a][i] - ys[0][i])).toBeLessThan(1e-8);
      }
    }
  });
});
