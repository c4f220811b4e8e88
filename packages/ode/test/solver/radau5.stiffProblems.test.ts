/**
 * RADAU5 through solveIvp: accuracy against committed and published references,
 * Jacobian reuse, dense output, tEval and events through the common driver, method
 * 'auto' with radau5 as its stiff partner, and the failure statuses and input checks.
 *
 * On tolerances: radau5.f replaces the requested tolerances by rtol' = 0.1·rtol^{2/3},
 * atol' = rtol'·atol/rtol before it starts (its error estimate is O(h⁴) while the
 * method is of order 5, and the exponent 2/3 makes the global error on smooth
 * problems roughly proportional to rtol). This code does the same (Hairer parity). On
 * problems whose error is made in fast transitions (Van der Pol) the error then follows
 * rtol' rather than rtol: the bounds below are stated in rtol' where that is the case.
 */
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '@jepa-dynamics/core';
import { solveIvp } from '../../src/solver/solveIvp.js';
import type { JacobianFunction, RhsFunction } from '../../src/solver/types.js';
import { GRAVITY, freeFall } from './problems.js';
import { HIRES, hires, hiresJac } from './hires.js';
import { ref, relErr, robertson, vdp, vdpJac } from './stiffProblems.js';

/** Hairer's transformed relative tolerance. */
const hairerTol = (rtol: number): number => 0.1 * rtol ** (2 / 3);

describe("solveIvp with method 'radau5' on standard stiff problems", () => {
  const tols = [1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-9, 1e-10];

  it("Van der Pol (μ = 1000) on [0, 2] against the committed reference: error proportional to Hairer's transformed tolerance 0.1·rtol^{2/3}, analytic and finite-difference Jacobian", () => {
    for (const jacobian of [undefined, vdpJac]) {
      for (const tol of tols) {
        const r = solveIvp(vdp, [0, 2], [2, 0], { method: 'radau5', rtol: tol, atol: tol, tEval: ref.vdp.t, jacobian });
        expect(r.status).toBe('success');
        const err = Math.max(...r.y.map((y, k) => relErr(y, ref.vdp.y[k])));
        // Measured err / (0.1 rtol^{2/3}) between 0.21 and 1.70 over rtol = 1e-4 … 1e-10 (err/rtol from
        // 0.4 to 203), largest in y2 at t = 0.5, just after a fast transition.
        expect(err).toBeLessThan(2.5 * hairerTol(tol));
        expect(err).toBeGreaterThan(0.1 * hairerTol(tol));
      }
    }
  });

  it('Robertson on [0, 1e11] against the committed reference: relative error ≤ 30 rtol up to t = 1e5, and at t = 1e11 (y1 ≈ 2e-8, below atol₁/rtol) within 3 atol', () => {
    for (const tol of tols) {
      const atol = [1e-6 * tol, 1e-10 * tol, 1e-6 * tol];
      const r = solveIvp(robertson, [0, 1e11], [1, 0, 0], { method: 'radau5', rtol: tol, atol, tEval: ref.robertson.t });
      expect(r.status).toBe('success');
      // Measured ≤ 24 rtol (at rtol 1e-10; ≤ 3 rtol down to 1e-8).
      for (let k = 0; k < 3; k++) expect(relErr(r.y[k], ref.robertson.y[k])).toBeLessThan(30 * tol);
      // At t = 1e11 the error is set by atol: measured |Δy_i| ≤ 2.7 atol_i.
      const last = r.y[3];
      for (let i = 0; i < 3; i++) expect(Math.abs(last[i] - ref.robertson.y[3][i])).toBeLessThan(3 * atol[i] + tol * Math.abs(last[i]));
      // Mass conservation y1 + y2 + y3 = 1 holds to rounding (a linear invariant of every Runge–Kutta method).
      for (const y of r.y) expect(Math.abs(y[0] + y[1] + y[2] - 1)).toBeLessThan(1e-14);
    }
  });

  it('HIRES on [0, 321.8122] against the published Test Set solution: absolute error within a few tol (rtol = atol = tol)', () => {
    for (const jacobian of [undefined, hiresJac]) {
      for (const tol of tols.slice(1)) {
        const r = solveIvp(hires, [0, HIRES.tEnd], HIRES.y0, { method: 'radau5', rtol: tol, atol: tol, jacobian });
        expect(r.status).toBe('success');
        const y = r.y[r.y.length - 1];
        const err = Math.max(...HIRES.published.map((v, i) => Math.abs(y[i] - v)));
        // Measured err/tol 0.27 … 2.85 (finite differences); the components are 6e-5 … 6e-3.
        expect(err).toBeLessThan(4 * tol);
        expect(err).toBeGreaterThan(0.01 * tol);
      }
    }
  });

  it('reuses the Jacobian: on a linear system (constant J) it is formed once, and the LU only when h changes by more than 20 %', () => {
    const lin: RhsFunction = (_t, y, d) => {
      d[0] = -y[0] + y[1];
      d[1] = -1e4 * y[1];
      d[2] = y[0] - 100 * y[2];
    };
    const J = [-1, 1, 0, 0, -1e4, 0, 1, 0, -100];
    const r = solveIvp(lin, [0, 10], [1, 1, 1], { method: 'radau5', rtol: 1e-8, atol: 1e-10, jacobian: (_t, _y, out) => out.set(J) });
    expect(r.status).toBe('success');
    expect(r.stats.njev).toBe(1);
    // Measured 52 decompositions for 244 steps.
    expect(r.stats.nlu).toBeLessThan(r.stats.naccepted / 3);
    // Exact solution: y2 = e^{−1e4 t} (0 at t = 10), y1 = e^{−t} + (e^{−t} − e^{−1e4 t})/(1e4 − 1).
    const y = r.y[r.y.length - 1];
    const y1 = Math.exp(-10) * (1 + 1 / 9999);
    // Measured 3.1e-11, within atol.
    expect(Math.abs(y[0] - y1)).toBeLessThan(1e-10);
    // Newton iterations: 3 f-evaluations each, plus f at every new point but the last, plus f(t0).
    expect(r.stats.nfev).toBe(3 * (r.stats.nnewton ?? 0) + r.stats.naccepted);
    expect(r.stats.nsol).toBe(r.stats.nnewton);
  });

  it('jacobianSparsity: a diagonal pattern costs one f-evaluation per Jacobian instead of n, and changes nothing else', () => {
    // n decoupled equations y_i' = −100 (i + 1) y_i³: exact y_i = 1/√(1 + 200 (i + 1) t).
    const n = 10;
    const cubic: RhsFunction = (_t, y, d) => {
      for (let i = 0; i < n; i++) d[i] = -(i + 1) * 100 * y[i] * y[i] * y[i];
    };
    const cubicJac: JacobianFunction = (_t, y, J) => {
      J.fill(0);
      for (let i = 0; i < n; i++) J[i * n + i] = -(i + 1) * 300 * y[i] * y[i];
    };
    const y0 = new Array<number>(n).fill(1);
    const opts = { method: 'radau5', rtol: 1e-6, atol: 1e-8 } as const;
    const analytic = solveIvp(cubic, [0, 10], y0, { ...opts, jacobian: cubicJac });
    const sparse = solveIvp(cubic, [0, 10], y0, { ...opts, jacobianSparsity: y0.map((_, i) => [i]) });
    const dense = solveIvp(cubic, [0, 10], y0, opts);
    const { nfev, ...rest } = analytic.stats;
    const njev = analytic.stats.njev ?? 0;
    // Measured: 90 steps, 86 Jacobians, the same in all three runs.
    for (const [r, perJacobian] of [
      [sparse, 1],
      [dense, n],
    ] as const) {
      const { nfev: nfevR, ...restR } = r.stats;
      expect(restR).toEqual(rest);
      expect(nfevR).toBe(nfev + perJacobian * njev);
    }
    const y = sparse.y[sparse.y.length - 1];
    y.forEach((v, i) => expect(Math.abs(v - 1 / Math.sqrt(1 + 200 * (i + 1) * 10))).toBeLessThan(1e-6 * v));
  });

  describe('a stiff autonomous linear system with slow manifold y2 = y1 = e^{−t} (eigenvalues −1 and −1e6)', () => {
    const slow: RhsFunction = (_t, y, d) => {
      d[0] = -y[0];
      d[1] = -1e6 * (y[1] - y[0]) - y[0];
    };
    it("step values within the tolerance; sol(t) and tEval within Hairer's transformed tolerance (the collocation polynomial's error is that of the O(h⁴) estimate)", () => {
      for (const tol of [1e-5, 1e-7, 1e-9]) {
        const tEval = Array.from({ length: 41 }, (_, k) => k * 0.25);
        const r = solveIvp(slow, [0, 10], [1, 1], { method: 'radau5', rtol: tol, atol: tol, dense: true });
        const e = solveIvp(slow, [0, 10], [1, 1], { method: 'radau5', rtol: tol, atol: tol, tEval });
        expect(r.status).toBe('success');
        const sol = r.sol;
        if (sol === undefined) throw new Error('dense output missing');
        // Measured: step points 0.04, 0.17, 0.6 tol; between steps 0.24, 0.29, 0.30 × 0.1 tol^{2/3}.
        r.t.forEach((t, k) => expect(Math.abs(r.y[k][1] - Math.exp(-t))).toBeLessThan(tol));
        for (let t = 0; t <= 10; t += 0.00173) expect(Math.abs(sol(t)[1] - Math.exp(-t))).toBeLessThan(0.5 * hairerTol(tol));
        expect(Array.from(e.t)).toEqual(tEval);
        e.t.forEach((t, k) => expect(Math.abs(e.y[k][1] - Math.exp(-t))).toBeLessThan(0.5 * hairerTol(tol)));
      }
    });
    it('locates events on the dense output: y2 = 1/2 at t = ln 2, terminal and not', () => {
      for (const terminal of [false, true]) {
        const r = solveIvp(slow, [0, 10], [1, 1], {
          method: 'radau5',
          rtol: 1e-9,
          atol: 1e-9,
          dense: true,
          events: [{ g: (_t, y) => y[1] - 0.5, direction: -1, terminal }],
        });
        expect(r.status).toBe(terminal ? 'event' : 'success');
        expect(r.events).toHaveLength(1);
        const te = r.events[0].t;
        // The dense output is within 0.5·0.1·(1e-9)^{2/3} = 5e-8 of e^{−t}, whose slope is −1/2 there (measured 1.3e-8).
        expect(Math.abs(te - Math.LN2)).toBeLessThan(1e-7);
        // On the dense output itself the sign change is located to 1e-12.
        const sol = r.sol;
        if (sol === undefined) throw new Error('dense output missing');
        expect(sol(te - 1e-12)[1] - 0.5).toBeGreaterThan(0);
        expect(sol(Math.min(te + 1e-12, r.t[r.t.length - 1]))[1] - 0.5).toBeLessThanOrEqual(0);
        if (terminal) expect(r.t[r.t.length - 1]).toBe(te);
      }
    });
    it('integrates backwards in time as well', () => {
      const r = solveIvp(slow, [3, 0], [Math.exp(-3), Math.exp(-3)], { method: 'radau5', rtol: 1e-9, atol: 1e-12 });
      expect(r.status).toBe('success');
      // Measured 2.5e-10.
      expect(Math.abs(r.y[r.y.length - 1][1] - 1)).toBeLessThan(1e-8);
    });
  });

  it('a terminal event stops free fall at the analytic impact time √(2h/g) to 1e-12 (the collocation polynomial is exact for quadratics)', () => {
    const r = solveIvp(freeFall, [0, 5], [10, 0], { method: 'radau5', events: [{ g: (_t, y) => y[0], direction: -1, terminal: true }] });
    expect(r.status).toBe('event');
    expect(r.events).toHaveLength(1);
    // Measured 1.3e-15.
    expect(Math.abs(r.events[0].t - Math.sqrt(20 / GRAVITY))).toBeLessThan(1e-12);
    expect(Math.abs(r.events[0].y[0])).toBeLessThan(1e-10);
  });

  it("serves as the stiff method of 'auto': on Van der Pol it switches in and out and reaches the reference", () => {
    const r = solveIvp(vdp, [0, 2], [2, 0], { method: 'auto', autoSwitch: { stiff: 'radau5' }, rtol: 1e-6, atol: 1e-6 });
    expect(r.status).toBe('success');
    const to = r.switches?.map((s) => s.to) ?? [];
    // Measured: radau5 at 2.5e-5, dopri5 and back around the two fast transitions (t ≈ 0.81, 1.61).
    expect(to[0]).toBe('radau5');
    expect(to).toContain('dopri5');
    expect(r.stats.nsol).toBeGreaterThan(0);
    expect(relErr(r.y[r.y.length - 1], ref.vdp.y[2])).toBeLessThan(hairerTol(1e-6));
  });

  describe('failures are statuses with the time reached; bad tolerances are errors', () => {
    const decay: RhsFunction = (_t, y, d) => {
      d[0] = -y[0];
    };

    it("status 'singular' after five singular iteration matrices (here a Jacobian of NaN from its second call)", () => {
      // The first call of the Jacobian is checked (a NaN there is an InvalidArgumentError, misuse.test.ts);
      // from the second on, NaN entries make every iteration matrix singular. y' = −10y³ needs a new Jacobian after a few steps.
      let calls = 0;
      const cubic: RhsFunction = (_t, y, d) => {
        d[0] = -10 * y[0] ** 3;
      };
      const r = solveIvp(cubic, [0, 1], [1], {
        method: 'radau5',
        jacobian: (_t, y, J) => {
          J[0] = calls++ === 0 ? -30 * y[0] ** 2 : Number.NaN;
        },
      });
      expect(r.status).toBe('singular');
      expect(calls).toBe(2);
      expect(r.stats.nrejected).toBe(5);
      expect(r.message).toMatch(/singular 5 times, the last at t = 0\.0\d+/);
      expect(r.t[r.t.length - 1]).toBeGreaterThan(0);
    });

    it("repeated Newton failures end with 'step-too-small' and say so (a wrong-signed Jacobian of a very stiff problem)", () => {
      const stiff: RhsFunction = (_t, y, d) => {
        d[0] = -1e20 * (y[0] - 1);
      };
      const wrong: JacobianFunction = (_t, _y, J) => {
        J[0] = 1e20;
      };
      const r = solveIvp(stiff, [1, 2], [0], { method: 'radau5', jacobian: wrong });
      expect(r.status).toBe('step-too-small');
      expect(r.t[r.t.length - 1]).toBe(1);
      expect(r.message).toMatch(/Newton iteration of the implicit method kept failing to converge/);
      // With the right (finite-difference) Jacobian the same problem is easy.
      expect(solveIvp(stiff, [1, 2], [0], { method: 'radau5' }).status).toBe('success');
    });

    it("non-finite f: status 'non-finite' with the time reached", () => {
      const r = solveIvp(
        (t, y, d) => {
          d[0] = t > 0.5 ? Number.NaN : -y[0];
        },
        [0, 1],
        [1],
        { method: 'radau5' },
      );
      expect(r.status).toBe('non-finite');
      expect(r.t[r.t.length - 1]).toBeLessThan(0.5);
      expect(r.message).toMatch(/f returned NaN/);
    });

    it("maxSteps: status 'max-steps'", () => {
      const r = solveIvp(decay, [0, 100], [1], { method: 'radau5', maxSteps: 5 });
      expect(r.status).toBe('max-steps');
      expect(r.stats.nsteps).toBe(5);
    });

    it("rejects atol = 0 (Hairer's input check) and rtol below solveIvp's floor, naming the option", () => {
      expect(() => solveIvp(decay, [0, 1], [1], { method: 'radau5', atol: 0 })).toThrow(InvalidArgumentError);
      expect(() => solveIvp(decay, [0, 1], [1], { method: 'radau5', atol: 0 })).toThrow(
        /options\.atol: must be positive with method 'radau5'/,
      );
      expect(() => solveIvp(decay, [0, 1], [1, 2], { method: 'radau5', atol: [1e-6, 0] })).toThrow(/options\.atol\[1\]/);
      // Hairer's rtol > 10·UROUND ≈ 2.2e-15 lies below solveIvp's own floor for every method, 100·2⁻⁵² ≈ 2.22e-14
      expect(() => solveIvp(decay, [0, 1], [1], { method: 'radau5', rtol: 1e-16 })).toThrow(/options\.rtol: must be at least 100·2⁻⁵²/);
      // The other methods keep accepting atol = 0.
      expect(solveIvp(decay, [0, 1], [1], { method: 'rodas4', atol: 0 }).status).toBe('success');
    });
  });
});
