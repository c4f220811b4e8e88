/**
 * 'bdf' with the matrix-free GMRES linear solver on BRUSS-2D (brusselator2d.ts): accuracy
 * against dop853 at a tight tolerance, the user's jvp against finite-difference products,
 * and memory O(n): a run at n ≈ 2·10⁵, where an n×n array (3.2·10¹¹ bytes) cannot exist,
 * with a spy on every Float64Array allocated.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { solveIvp } from '../../src/solver/solveIvp.js';
import type { SolveOptions } from '../../src/solver/types.js';
import { brusselator2d, integrateBrusselator } from './brusselator2d.js';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("'bdf' + GMRES on BRUSS-2D", () => {
  const b = brusselator2d(16);
  const T = 11.5;
  const run = (o: SolveOptions) =>
    integrateBrusselator(b, T, (f, span, y0) => {
      const r = solveIvp(f, span, y0, { ...o, tEval: [span[1]] });
      return { status: r.status, y: r.y, stats: { ...r.stats } };
    });
  // Reference: dop853 at 1e-12 (explicit, so independent of every implicit piece); bdf at 1e-10 agrees to 1.2e-8.
  const reference = run({ method: 'dop853', rtol: 1e-12, atol: 1e-12, stiffnessCheck: false });
  /** Error in the solver's own weighted RMS norm, |Δy_i|/(tol + tol·|y_i|), in units of tol. */
  const wrms = (y: Float64Array, tol: number): number =>
    Math.sqrt(y.reduce((s, v, i) => s + ((v - reference.y[i]) / (tol * (1 + Math.abs(reference.y[i])))) ** 2, 0) / y.length);

  it('n = 512: error against dop853 ≤ 10·tol in the weighted RMS norm, with jvp and with finite-difference products', () => {
    expect(reference.status).toBe('success');
    for (const tol of [1e-4, 1e-5, 1e-6]) {
      const withJvp = run({ method: 'bdf', rtol: tol, atol: tol, jvp: b.jvp });
      const fd = run({ method: 'bdf', rtol: tol, atol: tol, linearSolver: 'gmres' });
      for (const r of [withJvp, fd]) {
        expect(r.status).toBe('success');
        // Measured 5.4, 6.9, 8.7 (jvp). The largest single-component error is 16–33 tol: BDF's global
        // error on this oscillation grows with the number of steps (docs/stiff.md).
        expect(wrms(r.y, tol)).toBeLessThan(10);
      }
      // The user's jvp saves the f-evaluations of the products: nfev = Newton iterations + 2 per piece (f0, HINIT).
      expect(withJvp.stats.nfev).toBe(withJvp.stats.nnewton + 4);
      expect(withJvp.stats.njvp).toBeGreaterThan(withJvp.stats.nnewton);
      expect(fd.stats.nfev).toBe(fd.stats.nnewton + fd.stats.njvp + 4);
      expect(withJvp.stats.njev).toBe(0);
      expect(withJvp.stats.nlu).toBe(0);
    }
  });

  it('memory is O(n): at n = 2·317² = 200 978 no Float64Array of n² (or even 100·n) entries is ever allocated', () => {
    const big = brusselator2d(317);
    const n = big.n;
    let largest = 0;
    const Real = Float64Array;
    const spy = new Proxy(Real, {
      construct(target, args: unknown[]) {
        const a = Reflect.construct(target, args) as Float64Array;
        largest = Math.max(largest, a.length);
        return a;
      },
    });
    vi.stubGlobal('Float64Array', spy);
    const r = solveIvp(big.rhs(false), [0, 1e-3], big.y0, { method: 'bdf', rtol: 1e-4, atol: 1e-4, jvp: big.jvp });
    vi.unstubAllGlobals();
    expect(r.status).toBe('success');
    expect(largest).toBeGreaterThanOrEqual(n);
    // The Krylov basis ((m + 1)·n = 11 n) and the difference array (8 n) are the largest.
    expect(largest).toBeLessThan(100 * n);
    expect(n * n * 8).toBeGreaterThan(2 ** 32);
  });
});
