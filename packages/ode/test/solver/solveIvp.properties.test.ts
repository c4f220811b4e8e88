/**
 * Property tests (fast-check, fixed seed): reversibility, time scaling, and
 * independence of the results from tEval.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveIvp } from '../../src/index.js';
import type { Method } from '../../src/index.js';
import { lotkaVolterra } from './problems.js';

const SEED = 20240917;
const methodArb = fc.constantFrom<Method>('dopri5', 'dop853', 'odex');
const y0Arb = fc.tuple(fc.double({ min: 0.5, max: 3, noNaN: true }), fc.double({ min: 0.5, max: 3, noNaN: true }));
const last = (r: { y: Float64Array[] }): Float64Array => r.y[r.y.length - 1];

describe('solveIvp properties', () => {
  // Bound for round trips and rescalings at rtol = atol = 1e-9: each leg's global
  // error on these Lotka–Volterra orbits is a modest multiple of tol; over a grid
  // of starts in [0.5, 3]², T ∈ {0.2, 1, 3}, c ∈ {0.1, 3, 10} and all three methods
  // the worst measured deviation was 6e-8 (round trip) and 9e-8 (rescaling), so
  // 1e-6 = 1e3·tol leaves a factor > 10 of margin, while a defect (a wrong
  // coefficient, a mishandled backward step) gives errors of 1e-4 or more.
  const TOL = 1e-9;
  const BOUND = 1e-6;

  it('solving forward to T and back to t0 returns the start within tolerance', () => {
    fc.assert(
      fc.property(methodArb, y0Arb, fc.double({ min: 0.2, max: 3, noNaN: true }), (method, y0, T) => {
        const opts = { method, rtol: TOL, atol: TOL };
        const fwd = solveIvp(lotkaVolterra, [0, T], y0, opts);
        expect(fwd.status).toBe('success');
        const back = solveIvp(lotkaVolterra, [T, 0], last(fwd), opts);
        expect(back.status).toBe('success');
        expect(back.t[back.t.length - 1]).toBe(0);
        const yb = last(back);
        expect(Math.max(Math.abs(yb[0] - y0[0]), Math.abs(yb[1] - y0[1]))).toBeLessThan(BOUND);
      }),
      { seed: SEED, numRuns: 25 },
    );
  });

  it('scaling time by c scales the solution: z(s) = y(c·s) solves z′ = c·f(z)', () => {
    fc.assert(
      fc.property(methodArb, y0Arb, fc.double({ min: 0.1, max: 10, noNaN: true }), (method, y0, c) => {
        const T = 2;
        const opts = { method, rtol: TOL, atol: TOL };
        const y = solveIvp(lotkaVolterra, [0, T], y0, opts);
        const scaled = (t: number, z: Float64Array, dz: Float64Array): void => {
          lotkaVolterra(c * t, z, dz);
          dz[0] *= c;
          dz[1] *= c;
        };
        const z = solveIvp(scaled, [0, T / c], y0, opts);
        expect(z.status).toBe('success');
        const a = last(y);
        const b = last(z);
        expect(Math.max(Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1]))).toBeLessThan(BOUND);
      }),
      { seed: SEED, numRuns: 25 },
    );
  });

  it('results do not depend on tEval: the same times give the same states (bit for bit)', () => {
    const timesArb = fc.uniqueArray(fc.double({ min: 0, max: 5, noNaN: true }), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(methodArb, y0Arb, timesArb, timesArb, (method, y0, ta, tb) => {
        const common = [...ta, 5].sort((p, q) => p - q);
        const other = [...ta, ...tb, 5].filter((t, i, all) => all.indexOf(t) === i).sort((p, q) => p - q);
        const opts = { method, rtol: 1e-8, atol: 1e-8 };
        const ra = solveIvp(lotkaVolterra, [0, 5], y0, { ...opts, tEval: common });
        const rb = solveIvp(lotkaVolterra, [0, 5], y0, { ...opts, tEval: other });
        const rd = solveIvp(lotkaVolterra, [0, 5], y0, { ...opts, dense: true });
        expect(Array.from(ra.t)).toEqual(common);
        expect(ra.stats.naccepted).toBe(rb.stats.naccepted);
        const sol = rd.sol;
        if (sol === undefined) throw new Error('dense output missing');
        common.forEach((t, k) => {
          const j = other.indexOf(t);
          expect(Array.from(rb.y[j])).toEqual(Array.from(ra.y[k]));
          // The stored continuous solution is the same interpolant.
          if (t !== 5) expect(Array.from(sol(t))).toEqual(Array.from(ra.y[k]));
        });
        if (method !== 'odex') {
          // Runge–Kutta steps do not depend on output requests at all.
          const plain = solveIvp(lotkaVolterra, [0, 5], y0, opts);
          expect(Array.from(last(ra))).toEqual(Array.from(last(plain)));
          expect(ra.stats.naccepted).toBe(plain.stats.naccepted);
        }
      }),
      { seed: SEED, numRuns: 30 },
    );
  });
});
