/**
 * Failures of the one-step driver (src/solver/oneStepDriver.ts) and of odex's: a
 * failure status whose message names the value and the time reached; nothing is
 * returned as if it were a result.
 */
import { describe, expect, it } from 'vitest';
import { solveIvp } from '../../src/index.js';
import type { RhsFunction } from '../../src/index.js';
import { rotation } from './problems.js';

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
    const r = solveIvp(
      (_t, _y, dy) => {
        dy[0] = Infinity;
      },
      [0, 1],
      [1],
    );
    expect(r.status).toBe('non-finite');
    expect(r.message).toContain('f(t0, y0) returned Infinity in component 0 at t = 0');
    expect(r.stats.naccepted).toBe(0);
    expect(Array.from(r.t)).toEqual([0]);
  });
  it("a blow-up (y' = y², y(0) = 1, singular at t = 1) ends with a failure status at t ≈ 1", () => {
    const r = solveIvp(
      (_t, y, dy) => {
        dy[0] = y[0] * y[0];
      },
      [0, 2],
      [1],
      { rtol: 1e-8, atol: 1e-8 },
    );
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
