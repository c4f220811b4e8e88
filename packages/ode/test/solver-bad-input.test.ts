/**
 * Bad input and failures: typed errors or a failure status whose message names
 * the value and the time reached; nothing is returned as if it were a result.
 */
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, solveIvp } from '../src/index.js';
import type { RhsFunction, SolveOptions } from '../src/index.js';
import { rotation } from './solver-problems.js';

const decay: RhsFunction = (_t, y, dy) => {
  dy[0] = -y[0];
};

function rejects(run: () => unknown, pattern: RegExp): void {
  expect(run).toThrow(InvalidArgumentError);
  expect(run).toThrow(pattern);
}

describe('solveIvp rejects bad input with an InvalidArgumentError naming the value', () => {
  it('non-finite y0', () => {
    rejects(() => solveIvp(decay, [0, 1], [Number.NaN]), /solveIvp: invalid argument y0\[0\]: must be a finite number; got NaN\./);
    rejects(() => solveIvp(rotation, [0, 1], [1, Infinity]), /y0\[1\].*got Infinity/);
  });
  it('empty y0', () => {
    rejects(() => solveIvp(decay, [0, 1], []), /y0: must have at least one component/);
  });
  it('t0 = t1 and non-finite times', () => {
    rejects(() => solveIvp(decay, [1, 1], [1]), /tspan: must have t1 different from t0; got \[1, 1\]/);
    rejects(() => solveIvp(decay, [0, Infinity], [1]), /tspan\[1\] \(t1\): must be a finite number; got Infinity/);
  });
  it('rtol ≤ 0 or not finite', () => {
    rejects(() => solveIvp(decay, [0, 1], [1], { rtol: 0 }), /options\.rtol: must be a positive finite number; got 0\./);
    rejects(() => solveIvp(decay, [0, 1], [1], { rtol: -1e-6 }), /options\.rtol.*got -0\.000001/);
    rejects(() => solveIvp(decay, [0, 1], [1], { rtol: Number.NaN }), /options\.rtol.*got NaN/);
  });
  it('atol < 0 or of the wrong length', () => {
    rejects(() => solveIvp(decay, [0, 1], [1], { atol: -1 }), /options\.atol: must be a nonnegative finite number; got -1\./);
    rejects(() => solveIvp(rotation, [0, 1], [1, 0], { atol: [1e-6] }), /options\.atol: must be a number or have one entry per component \(2\); got \[0\.000001\]/);
    rejects(() => solveIvp(rotation, [0, 1], [1, 0], { atol: [1e-6, -1] }), /options\.atol\[1\].*got -1/);
  });
  it('tEval outside the interval or unsorted', () => {
    rejects(() => solveIvp(decay, [0, 1], [1], { tEval: [0.5, 1.5] }), /options\.tEval\[1\]: must lie in \[0, 1\].*got 1\.5/);
    rejects(() => solveIvp(decay, [0, 1], [1], { tEval: [0.5, 0.2] }), /options\.tEval\[1\]: must not come before tEval\[0\] = 0\.5.*increasing.*got 0\.2/);
    rejects(() => solveIvp(decay, [1, 0], [1], { tEval: [0.2, 0.5] }), /options\.tEval\[1\].*decreasing.*got 0\.5/);
  });
  it('step options and controller constants out of range', () => {
    const bad: [SolveOptions, RegExp][] = [
      [{ firstStep: -0.1 }, /options\.firstStep.*got -0\.1/],
      [{ maxStep: 0 }, /options\.maxStep.*got 0/],
      [{ maxSteps: 1.5 }, /options\.maxSteps: must be a positive integer; got 1\.5/],
      [{ safety: 1.2 }, /options\.safety.*got 1\.2/],
      [{ facMin: 0 }, /options\.facMin.*got 0/],
      [{ facMax: 0.5 }, /options\.facMax.*got 0\.5/],
      [{ beta: 0.3 }, /options\.beta: must lie in \[0, 0\.2\]; got 0\.3/],
      [{ stiffnessCheck: 0 }, /options\.stiffnessCheck: must be a positive integer or false; got 0/],
      [{ method: 'rk4' as never }, /options\.method: must be one of 'dopri5', 'dop853', 'odex'.*; got "rk4"/],
      [{ method: 'odex', beta: 0.04 }, /options\.beta: does not apply to method 'odex'/],
    ];
    for (const [opts, pattern] of bad) rejects(() => solveIvp(decay, [0, 1], [1], opts), pattern);
  });
  it('sol(t) outside the integrated interval', () => {
    const r = solveIvp(decay, [0, 1], [1], { dense: true });
    const sol = r.sol;
    if (sol === undefined) throw new Error('dense output missing');
    rejects(() => sol(1.5), /sol: invalid argument t: must lie in the integrated interval \[0, 1\]; got 1\.5/);
  });
});

describe('solveIvp failure statuses say what happened and the time reached', () => {
  for (const method of ['dopri5', 'dop853', 'odex'] as const) {
    it(`${method}: f writing NaN after t = 1 ends with status 'non-finite' near t = 1`, () => {
      const f: RhsFunction = (t, y, dy) => {
        dy[0] = t > 1 ? Number.NaN : -y[0];
      };
      const r = solveIvp(f, [0, 3], [1], { method });
      expect(r.status).toBe('non-finite');
      expect(r.message).toMatch(/f returned NaN in component 0 at t = 1\.\d+/);
      const tLast = r.t[r.t.length - 1];
      expect(tLast).toBeLessThanOrEqual(1);
      // odex takes long steps (its last accepted point here is t ≈ 0.44).
      expect(tLast).toBeGreaterThan(method === 'odex' ? 0.3 : 0.99);
      expect(r.message).toContain(`stopped at t = ${tLast}`);
    });
  }
  it("f(t0, y0) non-finite: status 'non-finite' at t0, no step taken", () => {
    const r = solveIvp((_t, _y, dy) => { dy[0] = Infinity; }, [0, 1], [1]);
    expect(r.status).toBe('non-finite');
    expect(r.message).toContain('f(t0, y0) returned Infinity in component 0 at t = 0');
    expect(r.stats.naccepted).toBe(0);
    expect(Array.from(r.t)).toEqual([0]);
  });
  it("a blow-up (y' = y², y(0) = 1, singular at t = 1) ends with a failure status at t ≈ 1", () => {
    const r = solveIvp((_t, y, dy) => { dy[0] = y[0] * y[0]; }, [0, 2], [1], { rtol: 1e-8, atol: 1e-8 });
    expect(['step-too-small', 'non-finite', 'max-steps']).toContain(r.status);
    const tLast = r.t[r.t.length - 1];
    // With a relative tolerance the last accepted steps (|y| ~ 1e13) may land a
    // hair past the pole; what matters is that the run stops there and says so.
    expect(Math.abs(tLast - 1)).toBeLessThan(1e-6);
    expect(r.message).toContain(`at t = ${tLast}`);
  });
  it("maxSteps exhausted: status 'max-steps' naming the time reached", () => {
    const r = solveIvp(rotation, [0, 100], [1, 0], { maxSteps: 10 });
    expect(r.status).toBe('max-steps');
    expect(r.stats.nsteps).toBe(10);
    expect(r.message).toContain(`stopped at t = ${r.t[r.t.length - 1]} after maxSteps = 10 steps`);
  });
});

describe("solveIvp stiffness test (Hairer's, every stiffnessCheck accepted steps)", () => {
  // y' = −1e4 (y − cos t): stiff; an explicit method is held at |hλ| ≈ 3.3 by stability.
  const stiff: RhsFunction = (t, y, dy) => {
    dy[0] = -1e4 * (y[0] - Math.cos(t));
  };
  for (const method of ['dopri5', 'dop853'] as const) {
    it(`${method} ends with status 'stiff' and says to use a stiff method or turn the check off`, () => {
      const r = solveIvp(stiff, [0, 100], [1], { method });
      expect(r.status).toBe('stiff');
      expect(r.message).toMatch(/appears stiff at t = [0-9.e-]+/);
      expect(r.message).toContain('use a stiff method');
      expect(r.message).toContain('stiffnessCheck: false');
      // Detected at the first check after 1000 accepted steps (15 positive checks in a row).
      expect(r.stats.naccepted).toBe(1014);
      expect(r.t[r.t.length - 1]).toBeLessThan(100);
    });
  }
  it('stiffnessCheck: false lets the run continue (here into maxSteps)', () => {
    const r = solveIvp(stiff, [0, 100], [1], { stiffnessCheck: false, maxSteps: 3000 });
    expect(r.status).toBe('max-steps');
  });
});
