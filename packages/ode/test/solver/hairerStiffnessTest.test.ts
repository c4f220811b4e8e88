/**
 * Hairer's stiffness test (src/solver/hairerStiffnessTest.ts) as run by the explicit
 * methods: status 'stiff' at the documented step, and the unit rules of its counters.
 */
import { describe, expect, it } from 'vitest';
import { solveIvp } from '../../src/index.js';
import type { RhsFunction } from '../../src/index.js';
import { HairerStiffnessTest } from '../../src/solver/hairerStiffnessTest.js';

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
      expect(r.message).toContain("method: 'rodas4'");
      expect(r.message).toContain("method: 'auto'");
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

describe('HairerStiffnessTest counters (IASTI/NONSTI of dopri5.f)', () => {
  /** |λ| of each observed step, returned by the fake eigenvalue source. */
  const run = (period: number, lambdas: number[], h = 1): number | undefined => {
    const test = new HairerStiffnessTest(3.25, period);
    let k = 0;
    const source = { eigenvalueEstimate: (): number => lambdas[k] };
    for (; k < lambdas.length; k++) if (test.observe(k + 1, h, source)) return k + 1;
    return undefined;
  };
  it('checks only every period-th accepted step until a check is positive, then every step; fires at the 15th positive check', () => {
    // Stiff from the start (|hλ| = 4 > 3.25), period 10: first check at step 10, positives at 10 … 24.
    expect(run(10, Array<number>(100).fill(4))).toBe(24);
    // A stiff stretch between checks is not seen: steps 1–9 stiff, step 10 not.
    expect(run(10, [...Array<number>(9).fill(4), ...Array<number>(91).fill(1)])).toBeUndefined();
  });
  it('six negative checks in a row reset the count of positive ones; fewer do not', () => {
    const hits = (n: number): number[] => Array<number>(n).fill(4);
    const misses = (n: number): number[] => Array<number>(n).fill(1);
    // 14 hits, 6 misses (reset), then 15 more hits: fires at step 14 + 6 + 15 = 35.
    expect(run(1, [...hits(14), ...misses(6), ...hits(20)])).toBe(35);
    // 14 hits, 5 misses, 1 hit: the 15th hit is at step 20.
    expect(run(1, [...hits(14), ...misses(5), ...hits(5)])).toBe(20);
  });
  it('compares |h|·|λ| with the boundary: the sign of h does not matter, and |h|·|λ| = boundary is not a hit', () => {
    expect(run(1, Array<number>(20).fill(4), -1)).toBe(15);
    expect(run(1, Array<number>(20).fill(3.25))).toBeUndefined();
  });
});
