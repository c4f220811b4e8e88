/**
 * The orchestrator (src/solver/integrate.ts): `method: 'auto'` (switches between an
 * explicit and a stiff method, reported in `result.switches`) and `clockRestart`
 * (segments on a local clock, reported in `result.segments`), each against
 * independent truths: exact solutions, closed forms, and the committed references
 * of the standard stiff problems.
 */
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, solveIvp } from '../../src/index.js';
import type { RhsFunction } from '../../src/index.js';
import { ARENSTORF, arenstorf } from './problems.js';
import { ref, relErr, robertson, vdp } from './stiffProblems.js';

describe("method 'auto'", () => {
  it('takes no stiff step on the Arenstorf orbit: no switch, no Jacobian, and exactly the explicit run (Hairer’s NFCN)', () => {
    for (const c of [
      { nonStiff: 'dopri5', tol: 1e-6, nfev: 986 },
      { nonStiff: 'dopri5', tol: 1e-10, nfev: 5060 },
      { nonStiff: 'dop853', tol: 1e-6, nfev: 1035 },
      { nonStiff: 'dop853', tol: 1e-10, nfev: 2785 },
    ] as const) {
      const r = solveIvp(arenstorf, [0, ARENSTORF.T], ARENSTORF.y0, {
        method: 'auto',
        autoSwitch: { nonStiff: c.nonStiff },
        rtol: c.tol,
        atol: c.tol,
      });
      expect(r.status).toBe('success');
      expect(r.switches).toEqual([]);
      expect(r.stats.njev).toBe(0);
      expect(r.stats.nlu).toBe(0);
      // The counts of Hairer's codes (dopri5.test.ts, dop853.test.ts): the explicit run is unchanged.
      expect(r.stats.nfev).toBe(c.nfev);
    }
  });

  it('on Robertson (t ≤ 1e11) switches to rodas4 within the first 1 % of the interval and never back; error within 15·tol of the reference', () => {
    for (const nonStiff of ['dopri5', 'dop853'] as const) {
      for (const tol of [1e-4, 1e-6, 1e-8]) {
        const r = solveIvp(robertson, [0, 1e11], [1, 0, 0], {
          method: 'auto',
          autoSwitch: { nonStiff },
          rtol: tol,
          atol: [1e-6 * tol, 1e-10 * tol, 1e-6 * tol],
          tEval: ref.robertson.t,
        });
        expect(r.status).toBe('success');
        // Measured: the switch at t = 0.04 … 5.5 (explicit steps at tight tolerances are
        // limited by accuracy for a while before they are by stability), never back.
        expect(r.switches).toHaveLength(1);
        expect(r.switches?.[0]).toMatchObject({ from: nonStiff, to: 'rodas4' });
        expect(r.switches?.[0].t).toBeLessThan(0.01 * 1e11);
        // Measured worst relative error / tol over t = 40, 1e3, 1e5, 1e11: 0.02 … 11.8 (rodas4
        // alone: ≤ 8.4, rodas4.stiffProblems.test.ts); the explicit start adds its own global error.
        r.y.forEach((y, k) => expect(relErr(y, ref.robertson.y[k])).toBeLessThan(15 * tol));
      }
    }
  });

  it('on Van der Pol (μ = 1000) switches to rodas4 at once, back to the explicit method for each fast transition and again to rodas4; error ≤ 3·tol', () => {
    for (const nonStiff of ['dopri5', 'dop853'] as const) {
      for (const tol of [1e-4, 1e-6, 1e-8]) {
        const r = solveIvp(vdp, [0, 2], [2, 0], { method: 'auto', autoSwitch: { nonStiff }, rtol: tol, atol: tol, tEval: ref.vdp.t });
        expect(r.status).toBe('success');
        const sw = r.switches ?? [];
        // The two relaxation jumps (near t = 0.807 and 1.614) are not stiff: five switches, alternating.
        expect(sw.map((s) => s.to)).toEqual(['rodas4', nonStiff, 'rodas4', nonStiff, 'rodas4']);
        for (let k = 1; k < sw.length; k++) expect(sw[k].t).toBeGreaterThan(sw[k - 1].t);
        expect(sw[0].t).toBeLessThan(1e-4);
        expect(Math.abs(sw[1].t - 0.807)).toBeLessThan(1e-3);
        expect(Math.abs(sw[3].t - 1.614)).toBeLessThan(1e-3);
        // Measured err/tol 0.81–1.7 (rodas4 alone: 0.1–0.4).
        const err = Math.max(...r.y.map((y, k) => relErr(y, ref.vdp.y[k])));
        expect(err).toBeLessThan(3 * tol);
      }
    }
  });

  it('switches back when the problem stops being stiff: y′ = −1e4·e^{−t}(y − cos t) − sin t, exact y = cos t', () => {
    const f: RhsFunction = (t, y, d) => {
      d[0] = -1e4 * Math.exp(-t) * (y[0] - Math.cos(t)) - Math.sin(t);
    };
    for (const tol of [1e-4, 1e-6]) {
      const r = solveIvp(f, [0, 20], [1], { method: 'auto', rtol: tol, atol: tol });
      expect(r.status).toBe('success');
      const sw = r.switches ?? [];
      expect(sw.map((s) => s.to)).toEqual(['rodas4', 'dopri5']);
      // The stiffness ratio |hλ| = |h|·1e4·e^{−t} falls below dopri5's boundary late
      // (measured at t = 6.8 and 4.5); |λ| is still ≥ 1e4·e^{−7} ≈ 9 there.
      expect(sw[0].t).toBeLessThan(0.01);
      expect(sw[1].t).toBeGreaterThan(2);
      expect(sw[1].t).toBeLessThan(10);
      // Step values against cos t: measured 1.2·tol and 2.0·tol.
      r.t.forEach((t, k) => expect(Math.abs(r.y[k][0] - Math.cos(t))).toBeLessThan(5 * tol));
      expect(r.stats.njev).toBeGreaterThan(0);
    }
  });

  it('hands tEval, events and sol across a switch: y′ = −1e4 (y − cos t) against its exact solution', () => {
    const mu = 1e4;
    const f: RhsFunction = (t, y, d) => {
      d[0] = -mu * (y[0] - Math.cos(t));
    };
    const exact = (t: number): number => (mu * mu * Math.cos(t) + mu * Math.sin(t) + Math.exp(-mu * t)) / (mu * mu + 1);
    const tol = 1e-6;
    // rodas4's dense output has order 2 on stiff components, unseen by its step control
    // (docs/stiff.md): without a cap its tEval values were 1.6e-3 off here. The documented
    // remedy caps the step at (tol / (0.0137·max|g‴|))^{1/3} with g = cos t.
    const maxStep = (tol / 0.0137) ** (1 / 3);
    const tEval = Array.from({ length: 101 }, (_, k) => k / 10);
    const r = solveIvp(f, [0, 10], [1], {
      method: 'auto',
      rtol: tol,
      atol: tol,
      tEval,
      maxStep,
      dense: true,
      events: [{ g: (_t, y) => y[0] - 0.3 }],
    });
    expect(r.status).toBe('success');
    expect(r.switches?.map((s) => s.to)).toEqual(['rodas4']);
    const tSwitch = r.switches?.[0].t ?? Number.NaN;
    expect(tSwitch).toBeLessThan(0.01);
    // Measured: tEval ≤ 1.0·tol; sol(t) ≤ 3.4·tol (largest in dopri5's stretch, the initial e^{−μt} layer).
    r.t.forEach((t, k) => expect(Math.abs(r.y[k][0] - exact(t))).toBeLessThan(5 * tol));
    const sol = r.sol;
    if (sol === undefined) throw new Error('dense output missing');
    for (let k = 1; k < 1000; k++) {
      const t = k < 100 ? (k / 100) * tSwitch : k / 100;
      expect(Math.abs(sol(t)[0] - exact(t))).toBeLessThan(5 * tol);
    }
    // y = 0.3 three times on [0, 10]; exact crossings by bisection on the exact solution.
    const crossing = (a: number, b: number): number => {
      for (let i = 0; i < 100; i++) {
        const m = (a + b) / 2;
        if ((exact(a) - 0.3) * (exact(m) - 0.3) <= 0) b = m;
        else a = m;
      }
      return (a + b) / 2;
    };
    const crossings = [crossing(1, 1.5), crossing(4.8, 5.2), crossing(7.3, 7.8)];
    expect(r.events.map((e) => e.index)).toEqual([0, 0, 0]);
    // |Δt| ≈ |Δy|/|y′| with |y′| = sin t ≥ 0.95 there: within 5·tol.
    r.events.forEach((e, k) => expect(Math.abs(e.t - crossings[k])).toBeLessThan(5 * tol));
  });

  it('rejects options that do not fit, naming them', () => {
    const f: RhsFunction = (_t, y, d) => {
      d[0] = -y[0];
    };
    expect(() => solveIvp(f, [0, 1], [1], { method: 'dopri5', autoSwitch: { stiff: 'rodas4' } })).toThrow(
      /options\.autoSwitch: applies to method 'auto' only/,
    );
    expect(() => solveIvp(f, [0, 1], [1], { method: 'auto', autoSwitch: { nonStiff: 'odex' } })).toThrow(
      /options\.autoSwitch\.nonStiff: must be an explicit method with a stiffness test: 'dopri5' or 'dop853'; got "odex"/,
    );
    expect(() => solveIvp(f, [0, 1], [1], { method: 'auto', autoSwitch: { stiff: 'dop853' } })).toThrow(
      /options\.autoSwitch\.stiff: must be a stiff method with an eigenvalue estimate: 'rodas4', 'bdf' or 'radau5'; got "dop853"/,
    );
    expect(() => solveIvp(f, [0, 1], [1], { method: 'auto', stiffnessCheck: false })).toThrow(InvalidArgumentError);
  });
});

describe('clockRestart', () => {
  // A flame front (Shampine's "ball of flame"): y′ = y²(1 − y), y(0) = δ = 2^−e. Plateau of
  // length ~1/δ, then a transition of width O(1): exactly
  //   t(y) = 1/δ − 1/y + ln(y(1 − δ)/(δ(1 − y))),
  // so t(¾) − t(¼) = 8/3 + 2 ln 3 and t(½) − 2^e = e ln 2 + ln(1 − δ) (computed without rounding 2^e).
  const flame: RhsFunction = (_t, y, d) => {
    d[0] = y[0] * y[0] * (1 - y[0]);
  };
  const levels = [0.25, 0.5, 0.75];
  const run = (e: number, method: 'dopri5' | 'dop853', rtol: number, clockRestart: boolean) =>
    solveIvp(flame, [0, 2 ** e + 1000], [2 ** -e], {
      method,
      rtol,
      atol: 0,
      clockRestart,
      maxSteps: 1_000_000,
      events: levels.map((level) => ({ g: (_t: number, y: Float64Array) => y[0] - level, direction: 1 as const })),
    });
  const WIDTH = 8 / 3 + 2 * Math.log(3);

  it('without it the transition at t ≈ 2^44 is lost in rounding: dopri5 stops (step-too-small), dop853 returns a front 4 % too wide', () => {
    const a = run(44, 'dopri5', 1e-12, false);
    expect(a.status).toBe('step-too-small');
    const b = run(44, 'dop853', 1e-12, false);
    expect(b.status).toBe('success');
    expect(b.events).toHaveLength(3);
    // Measured width 5.0742 against 4.8639: every step's t + h rounds to ulp(2^44) = 2^−8.
    expect(Math.abs(b.events[2].t - b.events[0].t - WIDTH) / WIDTH).toBeGreaterThan(0.02);
  });

  it('with it both methods resolve the front to the resolution of absolute time, and t(½) to the tolerance', () => {
    for (const e of [40, 44]) {
      const ulp = 2 ** (e - 52);
      for (const method of ['dopri5', 'dop853'] as const) {
        for (const rtol of [1e-10, 1e-12]) {
          const r = run(e, method, rtol, true);
          expect(r.status).toBe('success');
          expect(r.events.map((ev) => ev.index)).toEqual([0, 1, 2]);
          // Event times are absolute, origin + τ, so the width is known to a few ulp(t);
          // measured |width − exact| ≤ 0.5·ulp (one clock: 2–4 % off, i.e. 400–800 ulp at e = 40).
          expect(Math.abs(r.events[2].t - r.events[0].t - WIDTH)).toBeLessThan(4 * ulp);
          // t(½) carries the plateau's global error, relative to the tolerance: measured
          // |Δt|/t ≤ 0.51·rtol (the time to cross a plateau is an integral computed to rtol).
          const tHalf = r.events[1].t - 2 ** e; // exact: 2^e is a power of two near t
          const exact = e * Math.LN2 + Math.log1p(-(2 ** -e));
          expect(Math.abs(tHalf - exact) / 2 ** e).toBeLessThan(2 * rtol);
          // One segment per doubling of y from 2^−e to ½, and the last one: e segments (dop853's
          // solution overshoots y = 1 by its error, 1e-10, and restarts once more); each
          // recorded with its start and length, the starts being the plain sums of the lengths.
          const segs = r.segments ?? [];
          expect(segs.length).toBeGreaterThanOrEqual(e);
          expect(segs.length).toBeLessThanOrEqual(e + 2);
          expect(segs[0].start).toBe(0);
          for (let k = 1; k < segs.length; k++) expect(segs[k].start).toBe(segs[k - 1].start + segs[k - 1].duration);
        }
      }
    }
  });

  it('segments start afresh at the located state: y′ = y on [0, 10] with factor 2 restarts at t = k ln 2 and keeps y = e^t to the tolerance', () => {
    const f: RhsFunction = (_t, y, d) => {
      d[0] = y[0];
    };
    const tol = 1e-10;
    const r = solveIvp(f, [0, 10], [1], { rtol: tol, atol: 0, clockRestart: true, tEval: [0, 2.5, 5, 7.5, 10] });
    expect(r.status).toBe('success');
    const segs = r.segments ?? [];
    // e^10 = 2^14.4: 14 doublings, so 15 segments; each lasts ln 2 (to the event tolerance).
    expect(segs).toHaveLength(15);
    for (const s of segs.slice(0, -1)) expect(Math.abs(s.duration - Math.LN2)).toBeLessThan(1e-9);
    expect(Array.from(r.t)).toEqual([0, 2.5, 5, 7.5, 10]);
    // Relative error against e^t: measured ≤ 3e-10 (15 fresh starts, each to rtol).
    r.t.forEach((t, k) => expect(Math.abs(r.y[k][0] / Math.exp(t) - 1)).toBeLessThan(10 * tol));
  });

  it('passes absolute time to f and to event functions, and works backward in time', () => {
    // y′ = y·cos t: with restarts f must see t, not the local time.
    const f: RhsFunction = (t, y, d) => {
      d[0] = y[0] * 3 * Math.cos(t);
    };
    const exact = (t: number): number => Math.exp(3 * Math.sin(t));
    for (const span of [[0, 6] as const, [6, 0] as const]) {
      const r = solveIvp(f, span, [exact(span[0])], {
        rtol: 1e-10,
        atol: 1e-12,
        clockRestart: true,
        dense: true,
        events: [{ g: (t) => t - 3 }],
      });
      expect(r.status).toBe('success');
      expect((r.segments ?? []).length).toBeGreaterThan(1);
      r.t.forEach((t, k) => expect(Math.abs(r.y[k][0] - exact(t)) / exact(t)).toBeLessThan(1e-8));
      expect(r.events.map((e) => e.t)).toEqual([3]);
      const sol = r.sol;
      if (sol === undefined) throw new Error('dense output missing');
      for (let t = 0.05; t < 6; t += 0.5) expect(Math.abs(sol(t)[0] - exact(t)) / exact(t)).toBeLessThan(1e-8);
    }
  });

  it('rejects a bad measure or factor, naming it', () => {
    const f: RhsFunction = (_t, y, d) => {
      d[0] = y[0];
    };
    expect(() => solveIvp(f, [0, 1], [1], { clockRestart: { factor: 1 } })).toThrow(
      /options\.clockRestart\.factor: must be a finite number > 1; got 1/,
    );
    const r = solveIvp(f, [0, 1], [1], { clockRestart: { measure: () => Number.NaN } });
    expect(r.status).toBe('f-error');
    expect(r.message).toMatch(/options\.clockRestart\.measure: must return a finite number/);
  });
});
