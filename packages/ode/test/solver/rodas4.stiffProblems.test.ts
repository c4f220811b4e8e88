import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '@jepa-dynamics/core';
import { solveIvp } from '../../src/solver/solveIvp.js';
import type { JacobianFunction, RhsFunction } from '../../src/solver/types.js';
import { ref, relErr, robertson, vdp, vdpJac } from './stiffProblems.js';

describe('solveIvp with method rodas4 on standard stiff problems', () => {
  it('the committed reference values agree with the published Test Set values', () => {
    expect(relErr(ref.vdp.y[2], ref.vdp.published_t2)).toBeLessThan(1e-13);
    expect(relErr(ref.robertson.y[0], ref.robertson.published_t40)).toBeLessThan(1e-13);
    expect(relErr(ref.robertson.y[3], ref.robertson.published_t1e11)).toBeLessThan(1e-12);
  });

  const tols = [1e-4, 1e-5, 1e-6, 1e-7, 1e-8];

  it('Van der Pol (μ = 1000) on [0, 2]: error proportional to the tolerance, finite-difference and analytic Jacobian', () => {
    for (const jacobian of [undefined, vdpJac]) {
      const errs = tols.map((tol) => {
        const r = solveIvp(vdp, [0, 2], [2, 0], { method: 'rodas4', rtol: tol, atol: tol, tEval: ref.vdp.t, jacobian });
        expect(r.status).toBe('success');
        return Math.max(...r.y.map((y, k) => relErr(y, ref.vdp.y[k])));
      });
      // Measured err/tol between 0.1 and 0.4; a method or controller bug breaks either bound.
      errs.forEach((e, k) => {
        expect(e).toBeLessThan(2 * tols[k]);
        expect(e).toBeGreaterThan(0.01 * tols[k]);
      });
    }
  });

  it('Robertson on [0, 1e11]: error proportional to the tolerance at t = 40 and at t = 1e11', () => {
    for (const tol of tols) {
      // atol scaled to each component's size (y2 ≈ 1e-5 … 1e-13), as is standard for this problem.
      const r = solveIvp(robertson, [0, 1e11], [1, 0, 0], {
        method: 'rodas4',
        rtol: tol,
        atol: [1e-6 * tol, 1e-10 * tol, 1e-6 * tol],
        tEval: ref.robertson.t,
      });
      expect(r.status).toBe('success');
      r.y.forEach((y, k) => {
        // Measured worst relative error / tol over t = 40, 1e3, 1e5, 1e11: 0.09 … 8.4 (largest at
        // tol = 1e-8, t = 40, after ~500 steps): global error accumulates, so the bound is 12 tol.
        expect(relErr(y, ref.robertson.y[k])).toBeLessThan(12 * tol);
      });
      // Mass conservation y1 + y2 + y3 = 1 holds to rounding for any linear-invariant-preserving method.
      for (const y of r.y) expect(Math.abs(y[0] + y[1] + y[2] - 1)).toBeLessThan(1e-13);
    }
  });

  it('reports Jacobian evaluations and LU decompositions: njev = naccepted (one per step), nlu = nsteps', () => {
    const r = solveIvp(vdp, [0, 2], [2, 0], { method: 'rodas4', rtol: 1e-6, atol: 1e-6 });
    expect(r.stats.njev).toBe(r.stats.naccepted);
    expect(r.stats.nlu).toBe(r.stats.nsteps);
    // Finite differences: per accepted step 2 columns + 1 (∂f/∂t) + 1 (f at the new point); per attempt 5 stages; 2 at the start (f0, HINIT).
    expect(r.stats.nfev).toBe(2 + 4 * r.stats.naccepted + 5 * r.stats.nsteps);
    const a = solveIvp(vdp, [0, 2], [2, 0], { method: 'rodas4', rtol: 1e-6, atol: 1e-6, jacobian: vdpJac });
    expect(a.stats.nfev).toBe(2 + 2 * a.stats.naccepted + 5 * a.stats.nsteps);
  });

  it("Prothero–Robinson y' = −1e6 (y − cos t) − sin t, y(0) = 1: the step values follow cos t to the tolerance, in few steps", () => {
    const pr: RhsFunction = (t, y, d) => {
      d[0] = -1e6 * (y[0] - Math.cos(t)) - Math.sin(t);
    };
    for (const tol of [1e-5, 1e-7, 1e-9]) {
      const r = solveIvp(pr, [0, 10], [1], { method: 'rodas4', rtol: tol, atol: tol / 100 });
      expect(r.status).toBe('success');
      // Measured worst error / tol: 0.1, 0.34, 2.6 for tol = 1e-5, 1e-7, 1e-9 (at 1e-9 the forward
      // difference for ∂f/∂t, |∂f/∂t| ≈ 1e6, starts to show).
      r.t.forEach((t, k) => expect(Math.abs(r.y[k][0] - Math.cos(t))).toBeLessThan(4 * tol));
      // dopri5 would need |h| < 3.3e-6 here, i.e. ≥ 3e6 steps.
      expect(r.stats.naccepted).toBeLessThan(1300);
    }
    // Its dense output is NOT controlled by the tolerance on this non-autonomous problem (RODAS's
    // continuous extension suffers order reduction; Steinebach 2020): documented in docs/stiff.md.
  });

  describe('a stiff autonomous linear system with slow manifold y2 = y1 = e^{−t} (eigenvalues −1 and −1e6)', () => {
    const slow: RhsFunction = (_t, y, d) => {
      d[0] = -y[0];
      d[1] = -1e6 * (y[1] - y[0]) - y[0];
    };
    it('dense output sol(t) and tEval follow e^{−t} to a small multiple of the tolerance', () => {
      for (const tol of [1e-5, 1e-7, 1e-9]) {
        const tEval = Array.from({ length: 41 }, (_, k) => k * 0.25);
        const r = solveIvp(slow, [0, 10], [1, 1], { method: 'rodas4', rtol: tol, atol: tol, dense: true });
        const e = solveIvp(slow, [0, 10], [1, 1], { method: 'rodas4', rtol: tol, atol: tol, tEval });
        expect(r.status).toBe('success');
        const sol = r.sol;
        expect(sol).toBeDefined();
        if (sol === undefined) return;
        // Measured: step points 0.11 tol, dense output 0.4 tol.
        r.t.forEach((t, k) => expect(Math.abs(r.y[k][1] - Math.exp(-t))).toBeLessThan(tol));
        for (let t = 0; t <= 10; t += 0.00173) expect(Math.abs(sol(t)[1] - Math.exp(-t))).toBeLessThan(tol);
        expect(Array.from(e.t)).toEqual(tEval);
        e.t.forEach((t, k) => expect(Math.abs(e.y[k][1] - Math.exp(-t))).toBeLessThan(tol));
      }
    });
    it('locates events on the dense output: y2 = 1/2 at t = ln 2, terminal and not', () => {
      for (const terminal of [false, true]) {
        const r = solveIvp(slow, [0, 10], [1, 1], {
          method: 'rodas4',
          rtol: 1e-9,
          atol: 1e-9,
          events: [{ g: (_t, y) => y[1] - 0.5, direction: -1, terminal }],
        });
        expect(r.status).toBe(terminal ? 'event' : 'success');
        expect(r.events).toHaveLength(1);
        // |y − e^{−t}| ≤ 1e-9 and |d/dt e^{−t}| = 1/2 there: the root is within ~2e-9 of ln 2.
        expect(Math.abs(r.events[0].t - Math.LN2)).toBeLessThan(1e-8);
        expect(Math.abs(r.events[0].y[1] - 0.5)).toBeLessThan(1e-11);
        if (terminal) expect(r.t[r.t.length - 1]).toBe(r.events[0].t);
      }
    });
    it('integrates backwards in time as well', () => {
      const r = solveIvp(slow, [3, 0], [Math.exp(-3), Math.exp(-3)], { method: 'rodas4', rtol: 1e-9, atol: 1e-12 });
      expect(r.status).toBe('success');
      expect(Math.abs(r.y[r.y.length - 1][1] - 1)).toBeLessThan(1e-8);
    });
  });

  it('jacobianSparsity: the true pattern of Van der Pol reproduces the dense finite-difference run exactly; a bad pattern is rejected', () => {
    const dense = solveIvp(vdp, [0, 2], [2, 0], { method: 'rodas4', rtol: 1e-6, atol: 1e-6 });
    // f_0 = y_1, f_1 = f(y_0, y_1): columns share row 1, so two groups — the same increments and quotients.
    const sparse = solveIvp(vdp, [0, 2], [2, 0], { method: 'rodas4', rtol: 1e-6, atol: 1e-6, jacobianSparsity: [[1], [0, 1]] });
    expect(Array.from(sparse.y[sparse.y.length - 1])).toEqual(Array.from(dense.y[dense.y.length - 1]));
    expect(sparse.stats).toEqual(dense.stats);
    expect(() => solveIvp(vdp, [0, 1], [2, 0], { method: 'rodas4', jacobianSparsity: [[0, 1]] })).toThrow(/options\.jacobianSparsity/);
  });

  it('rejects a jacobian option that is not a function, naming it', () => {
    expect(() => solveIvp(vdp, [0, 1], [2, 0], { method: 'rodas4', jacobian: 3 as unknown as JacobianFunction })).toThrow(
      InvalidArgumentError,
    );
    expect(() => solveIvp(vdp, [0, 1], [2, 0], { method: 'rodas4', jacobian: 3 as unknown as JacobianFunction })).toThrow(
      /options\.jacobian/,
    );
  });
});
