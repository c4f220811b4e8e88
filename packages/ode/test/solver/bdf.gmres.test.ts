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

  it("psetup's reuse flag: false at the first setup and wherever J would be re-formed (at least every 51 + 20 steps), true otherwise", () => {
    // y' = −diag(k) y, k from 1 to 1e4: stiff, with an exact diagonal preconditioner
    const n = 20;
    const k = Float64Array.from({ length: n }, (_, i) => 10 ** ((4 * i) / (n - 1)));
    const flags: boolean[] = [];
    let g = 0;
    const r = solveIvp(
      (_t, y, dy) => {
        for (let i = 0; i < n; i++) dy[i] = -k[i] * y[i];
      },
      [0, 50],
      new Float64Array(n).fill(1),
      {
        method: 'bdf',
        rtol: 1e-8,
        atol: 1e-12,
        jvp: (_t, _y, v, out) => {
          for (let i = 0; i < n; i++) out[i] = -k[i] * v[i];
        },
        psetup: (_t, _y, gamma, reuse) => {
          flags.push(reuse);
          g = gamma;
        },
        psolve: (_t, _y, _gamma, rhs, z) => {
          for (let i = 0; i < n; i++) z[i] = rhs[i] / (1 + g * k[i]);
        },
      },
    );
    expect(r.status).toBe('success');
    expect(flags.length).toBe(r.stats.nlu);
    expect(flags[0]).toBe(false);
    expect(flags.filter((f) => f).length).toBeGreaterThan(0);
    expect(r.stats.naccepted).toBeGreaterThan(3 * 71);
    expect(flags.filter((f) => !f).length).toBeGreaterThanOrEqual(1 + Math.floor(r.stats.naccepted / 71));
  });
});
