/**
 * The multistep method 'bdf' (src/solver/bdf.ts): observed orders at fixed order, dense
 * output and events against closed forms, the options' validation, the failure statuses,
 * and the banded solver against the dense one.
 */
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '@jepa-dynamics/core';
import { solveIvp } from '../../src/solver/solveIvp.js';
import type { JacobianFunction, JacobianVectorProduct, RhsFunction, SolveOptions } from '../../src/solver/types.js';

// y0' = −2t y0² (y0 = 1/(1 + t²)), y1' = y2, y2' = −y1 (y1 = sin t, y2 = cos t).
const smooth: RhsFunction = (t, y, d) => {
  d[0] = -2 * t * y[0] * y[0];
  d[1] = y[2];
  d[2] = -y[1];
};
const smoothExact = (t: number): number[] => [1 / (1 + t * t), Math.sin(t), Math.cos(t)];
const maxErr = (y: ArrayLike<number>, e: number[]): number => Math.max(...e.map((v, i) => Math.abs(y[i] - v)));

/** Least-squares slope of log(error) against log(steps), negated: the observed order. */
function observedOrder(k: number, tols: number[]): number {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const tol of tols) {
    const r = solveIvp(smooth, [0, 4], [1, 0, 1], { method: 'bdf', rtol: tol, atol: tol, minOrder: k, maxOrder: k, maxSteps: 1e6 });
    expect(r.status).toBe('success');
    xs.push(Math.log(r.stats.naccepted));
    ys.push(Math.log(maxErr(r.y[r.y.length - 1], smoothExact(4))));
  }
  const mx = xs.reduce((a, b) => a + b) / xs.length;
  const my = ys.reduce((a, b) => a + b) / ys.length;
  let num = 0;
  let den = 0;
  xs.forEach((x, i) => {
    num += (x - mx) * (ys[i] - my);
    den += (x - mx) ** 2;
  });
  return -num / den;
}

describe("solveIvp with method 'bdf'", () => {
  it('observed orders 1–5 at fixed order (minOrder = maxOrder = k): global error ∝ steps^(−k)', () => {
    // Steps are chosen by the controller, so the slope is fitted over 4–5 tolerances;
    // measured 1.00, 2.00, 3.0, 4.2, 5.1 (orders 3–5 scatter by ±0.3 between neighbours).
    const cases: [number, number[]][] = [
      [1, [1e-4, 1e-5, 1e-6, 1e-7]],
      [2, [1e-6, 1e-7, 1e-8, 1e-9, 1e-10]],
      [3, [1e-7, 1e-8, 1e-9, 1e-10, 1e-11]],
      [4, [1e-8, 1e-9, 1e-10, 1e-11, 1e-12]],
      [5, [1e-8, 1e-9, 1e-10, 1e-11, 1e-12]],
    ];
    for (const [k, tols] of cases) expect(Math.abs(observedOrder(k, tols) - k)).toBeLessThan(0.4);
  });

  it("the classical BDFs ('bdf') have the same orders as the default NDFs", () => {
    for (const k of [2, 3]) {
      const errs = [1e-7, 1e-9].map((tol) => {
        const r = solveIvp(smooth, [0, 4], [1, 0, 1], { method: 'bdf', bdfFormula: 'bdf', rtol: tol, atol: tol, minOrder: k, maxOrder: k });
        return [r.stats.naccepted, maxErr(r.y[r.y.length - 1], smoothExact(4))];
      });
      const slope = -Math.log(errs[1][1] / errs[0][1]) / Math.log(errs[1][0] / errs[0][0]);
      expect(Math.abs(slope - k)).toBeLessThan(0.5);
    }
  });

  it('dense output sol(t) and tEval are as accurate as the steps (within 3× the step error)', () => {
    for (const tol of [1e-6, 1e-9]) {
      const r = solveIvp(smooth, [0, 4], [1, 0, 1], { method: 'bdf', rtol: tol, atol: tol, dense: true });
      const sol = r.sol;
      if (sol === undefined) throw new Error('no sol');
      const stepErr = Math.max(...r.t.map((t, k) => maxErr(r.y[k], smoothExact(t))));
      let denseErr = 0;
      for (let t = 0; t <= 4; t += 0.00731) denseErr = Math.max(denseErr, maxErr(sol(t), smoothExact(t)));
      // Measured dense/step error ratio 1.0–1.3: the interpolant has the step's order.
      expect(denseErr).toBeLessThan(3 * stepErr);
      expect(sol(4)).toEqual(r.y[r.y.length - 1]);
      const tEval = [0, 0.5, 1.25, 3.999, 4];
      const e = solveIvp(smooth, [0, 4], [1, 0, 1], { method: 'bdf', rtol: tol, atol: tol, tEval });
      expect(Array.from(e.t)).toEqual(tEval);
      e.y.forEach((y, k) => expect(maxErr(y, smoothExact(tEval[k]))).toBeLessThan(3 * stepErr));
    }
  });

  it('locates events within 1e-10 of the analytic time at tight tolerance (sin t = 0.5, cos t = 0, 1/(1+t²) = 0.2)', () => {
    const r = solveIvp(smooth, [0, 4], [1, 0, 1], {
      method: 'bdf',
      rtol: 1e-13,
      atol: 1e-13,
      events: [{ g: (_t, y) => y[1] - 0.5 }, { g: (_t, y) => y[2], direction: -1 }, { g: (_t, y) => y[0] - 0.2, terminal: true }],
    });
    expect(r.status).toBe('event');
    // 1/(1 + t²) = 0.2 at t = 2, before sin t = 0.5 again at 5π/6: the terminal event ends the run.
    const expected = [
      [0, Math.PI / 6],
      [1, Math.PI / 2],
      [2, 2],
    ];
    expect(r.events.map((e) => e.index)).toEqual(expected.map((e) => e[0]));
    r.events.forEach((e, k) => expect(Math.abs(e.t - expected[k][1])).toBeLessThan(1e-10));
    expect(r.t[r.t.length - 1]).toBe(r.events[2].t);
  });

  it('integrates backwards in time', () => {
    const r = solveIvp(smooth, [4, 0], smoothExact(4), { method: 'bdf', rtol: 1e-10, atol: 1e-10 });
    expect(r.status).toBe('success');
    // Measured 1.3e-8: BDF's global error is 10–150× its per-step tolerance on these problems.
    expect(maxErr(r.y[r.y.length - 1], smoothExact(0))).toBeLessThan(5e-8);
  });

  describe('a banded stiff system (1-D reaction–diffusion, n = 60)', () => {
    // u_i' = D(u_{i−1} − 2u_i + u_{i+1}) − u_i³, zero boundary values: tridiagonal J, stiff (D·4 = 14 400).
    const n = 60;
    const D = 3600;
    const rd: RhsFunction = (_t, u, d) => {
      for (let i = 0; i < n; i++) d[i] = D * ((i > 0 ? u[i - 1] : 0) - 2 * u[i] + (i < n - 1 ? u[i + 1] : 0)) - u[i] ** 3;
    };
    const u0 = Array.from(
      { length: n },
      (_, i) => Math.sin((Math.PI * (i + 1)) / (n + 1)) + 0.3 * Math.sin((7 * Math.PI * (i + 1)) / (n + 1)),
    );
    it('banded, band-sparsity and dense linear solvers give the same solution; banded finite differences cost 3 evaluations per Jacobian', () => {
      const base: SolveOptions = { method: 'bdf', rtol: 1e-8, atol: 1e-10 };
      const dense = solveIvp(rd, [0, 0.01], u0, base);
      const banded = solveIvp(rd, [0, 0.01], u0, { ...base, jacobianBandwidth: { lower: 1, upper: 1 } });
      const sparse = solveIvp(rd, [0, 0.01], u0, { ...base, jacobianSparsity: { lower: 1, upper: 1 } });
      for (const r of [dense, banded, sparse]) expect(r.status).toBe('success');
      // Same finite-difference quotients (identical increments); the LUs differ only in rounding.
      const yd = dense.y[dense.y.length - 1];
      for (const r of [banded, sparse]) {
        const y = r.y[r.y.length - 1];
        for (let i = 0; i < n; i++) expect(Math.abs(y[i] - yd[i])).toBeLessThan(1e-9);
        expect(r.stats.njev).toBeGreaterThan(0);
      }
      expect(sparse.stats).toEqual(banded.stats);
      // nfev = Newton iterations + 3 per Jacobian (+ 2 at the start), against n = 60 per Jacobian dense.
      const nnewton = banded.stats.nnewton ?? 0;
      expect(banded.stats.nfev).toBe(nnewton + 3 * (banded.stats.njev ?? 0) + 2);
      expect(dense.stats.nfev).toBe((dense.stats.nnewton ?? 0) + n * (dense.stats.njev ?? 0) + 2);
    });
  });

  it("'diagonal' sparsity: one evaluation per Jacobian, banded solver of width 0", () => {
    const f: RhsFunction = (_t, y, d) => {
      for (let i = 0; i < 5; i++) d[i] = -(10 ** i) * (y[i] - Math.cos(i));
    };
    const r = solveIvp(f, [0, 5], [0, 0, 0, 0, 0], { method: 'bdf', rtol: 1e-8, atol: 1e-8, jacobianSparsity: 'diagonal' });
    expect(r.status).toBe('success');
    expect(r.stats.nfev).toBe((r.stats.nnewton ?? 0) + (r.stats.njev ?? 0) + 2);
    // y_i = cos i (1 − e^{−10^i t}).
    r.y[r.y.length - 1].forEach((v, i) => expect(Math.abs(v - Math.cos(i) * (1 - Math.exp(-(10 ** i) * 5)))).toBeLessThan(1e-7));
  });

  describe('failures are statuses with the time reached', () => {
    const stiff: RhsFunction = (t, y, d) => {
      d[0] = -1e4 * (y[0] - Math.cos(t));
    };
    it("y' = 1e6·y² from y = 1 with h ≥ 4⁻⁹: the implicit step has no real solution, so Newton diverges: 'newton-failed' at t = 0", () => {
      // Backward Euler y₁ = 1 + 1e6·h·y₁² is solvable only for h ≤ 2.5e-7 (NDF1 likewise); from firstStep 1
      // the 10 attempts go down to h = 4⁻⁹ ≈ 3.8e-6.
      const blowUp: RhsFunction = (_t, y, d) => {
        d[0] = 1e6 * y[0] * y[0];
      };
      const r = solveIvp(blowUp, [0, 1], [1], { method: 'bdf', firstStep: 1, jacobian: (_t, y, J) => void (J[0] = 2e6 * y[0]) });
      expect(r.status).toBe('newton-failed');
      expect(r.t[r.t.length - 1]).toBe(0);
      expect(r.message).toMatch(
        /Newton iteration did not converge in 10 attempts of the step from t = 0 .*; the integration stopped at t = 0\./,
      );
    });
    it("a Jacobian that turns non-finite makes the iteration matrix singular: 'singular'", () => {
      let calls = 0;
      const bad: JacobianFunction = (t, _y, J) => {
        J[0] = calls++ === 0 ? -1e4 : t > 0.1 ? Number.NaN : -1e4;
      };
      const r = solveIvp(stiff, [0, 1], [0], { method: 'bdf', jacobian: bad });
      expect(r.status).toBe('singular');
      expect(r.t[r.t.length - 1]).toBeGreaterThan(0.1);
      expect(r.message).toMatch(/singular/);
    });
    it("GMRES(1) without restarts on an operator that turns every vector by 90°: 'linear-solver-failed'", () => {
      // 'Preconditioner' z = R r (a quarter turn): (I − γJ)P⁻¹ = (1 + 1e3γ)R, and one Krylov vector is
      // orthogonal to the residual, so GMRES(1) makes no progress; from h = 1 the residual of the first
      // step stays far above the linear tolerance through the 10 reductions (h ≥ 4⁻⁹).
      const two: RhsFunction = (_t, y, d) => {
        d[0] = -1e3 * y[0];
        d[1] = -1e3 * y[1];
      };
      const f = solveIvp(two, [0, 1], [1, 1], {
        method: 'bdf',
        firstStep: 1,
        psolve: (_t, _y, _g, rr, z) => {
          z[0] = -rr[1];
          z[1] = rr[0];
        },
        gmres: { krylovDimension: 1, maxRestarts: 0 },
      });
      expect(f.status).toBe('linear-solver-failed');
      expect(f.t[f.t.length - 1]).toBe(0);
      expect(f.message).toMatch(/GMRES did not reach its tolerance/);
      // The same preconditioner with two Krylov vectors is harmless (the rotation is invertible).
      const ok = solveIvp(two, [0, 1], [1, 1], {
        method: 'bdf',
        rtol: 1e-8,
        atol: 1e-12,
        psolve: (_t, _y, _g, rr, z) => {
          z[0] = -rr[1];
          z[1] = rr[0];
        },
      });
      expect(ok.status).toBe('success');
      expect(Math.abs(ok.y[ok.y.length - 1][0] - Math.exp(-1e3))).toBeLessThan(1e-12);
    });
  });

  describe('bad input is an InvalidArgumentError naming the option', () => {
    const f: RhsFunction = (_t, y, d) => {
      d[0] = -y[0];
      d[1] = -2 * y[1];
    };
    const bad = (options: SolveOptions, pattern: RegExp): void => {
      expect(() => solveIvp(f, [0, 1], [1, 1], options)).toThrow(InvalidArgumentError);
      expect(() => solveIvp(f, [0, 1], [1, 1], options)).toThrow(pattern);
    };
    it('options of bdf with another method, and invalid values', () => {
      bad({ method: 'rodas4', maxOrder: 3 }, /options\.maxOrder: applies to method 'bdf' only/);
      bad({ method: 'dopri5', jvp: () => undefined }, /options\.jvp/);
      bad({ method: 'bdf', maxOrder: 6 }, /options\.maxOrder: must be an integer in \[1, 5\]/);
      bad({ method: 'bdf', maxOrder: 2, minOrder: 3 }, /options\.minOrder: must be an integer in \[1, 2\]/);
      bad({ method: 'bdf', bdfFormula: 'adams' as 'bdf' }, /options\.bdfFormula/);
      bad({ method: 'bdf', linearSolver: 'lu' as 'dense' }, /options\.linearSolver/);
      bad({ method: 'bdf', linearSolver: 'banded' }, /options\.jacobianBandwidth: is required/);
      bad(
        { method: 'bdf', jacobianBandwidth: { lower: 2, upper: 0 } },
        /options\.jacobianBandwidth\.lower: must be an integer in \[0, n − 1 = 1\]/,
      );
      bad({ method: 'bdf', linearSolver: 'dense', jvp: () => undefined }, /options\.jvp: applies to linearSolver 'gmres' only/);
      bad({ method: 'bdf', jvp: 3 as unknown as JacobianVectorProduct }, /options\.jvp: must be a function/);
      bad({ method: 'bdf', gmres: { krylovDimension: 0 } }, /options\.gmres\.krylovDimension/);
      bad({ method: 'bdf', jacobianSparsity: 'tridiagonal' as 'diagonal' }, /options\.jacobianSparsity/);
      bad({ method: 'bdf', safety: 0.8 }, /options\.safety: does not apply to method 'bdf'/);
    });
    it('a jvp, psolve or jacobian of the wrong shape, at its first call', () => {
      bad(
        { method: 'bdf', jvp: (_t, _y, v) => v.slice(0, 1) as unknown as undefined },
        /options\.jvp: must write .* but it returned an array of length 1/,
      );
      bad(
        { method: 'bdf', jvp: (_t, _y, v, out) => void (out[0] = v[0]) },
        /options\.jvp: must write .* entry 1 is NaN or was not written/,
      );
      bad(
        { method: 'bdf', psolve: (_t, _y, _g, r) => r.map((x) => x) as unknown as undefined },
        /options\.psolve: must write z ≈ \(I − γJ\)⁻¹ r \(n = 2 entries\) into its preallocated output/,
      );
      // (every method checks the Jacobian's first call: guardedJacobian.ts)
      bad(
        { method: 'bdf', jacobian: (_t, _y, J) => void (J[0] = -1) },
        /options\.jacobian: must write all n² = 4 entries .* left jac\[1\]/,
      );
    });
  });

  it("'auto' can use bdf as its stiff method: Robertson switches within the first 1 % of the interval", () => {
    const rob: RhsFunction = (_t, y, d) => {
      d[0] = -0.04 * y[0] + 1e4 * y[1] * y[2];
      d[2] = 3e7 * y[1] * y[1];
      d[1] = -d[0] - d[2];
    };
    const r = solveIvp(rob, [0, 1e11], [1, 0, 0], {
      method: 'auto',
      autoSwitch: { stiff: 'bdf' },
      rtol: 1e-6,
      atol: [1e-12, 1e-16, 1e-12],
    });
    expect(r.status).toBe('success');
    expect(r.switches?.[0]?.to).toBe('bdf');
    expect(r.switches?.[0]?.t ?? Infinity).toBeLessThan(1e9);
    // Reference (Test Set for IVP Solvers): y1(1e11) = 2.083340149701255e-8; measured error 2e-5 relative.
    expect(Math.abs(r.y[r.y.length - 1][0] - 2.083340149701255e-8) / 2.083340149701255e-8).toBeLessThan(1e-3);
  });
});
