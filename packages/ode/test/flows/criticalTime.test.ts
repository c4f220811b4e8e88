/**
 * Critical times t*_p against an implementation of docs/math.md §3's closed-form implicit
 * solution written for the tests (closedFormCriticalTime.ts), independently of the
 * library's `implicitTime` (plain formulas, no expm1/log1p rearrangement, G by its plain
 * power series), itself checked here against 40-digit mpmath quadrature
 * (fixtures/flows-critical-times.py).
 */
import { describe, expect, it } from 'vitest';
import { criticalTime, criticalTimeRatio, learningOrder, orderFlipDepth, type CriticalTimeMethod } from '../../src/index.js';
import { closedFormCriticalTime, criticalTimeFixture, mulberry32 } from '../../../../test/support/oracles/index.js';

describe('closed-form critical times against 40-digit quadrature', () => {
  it('the test implementation matches mpmath to 1e-12 (so it can judge the library)', () => {
    for (const c of criticalTimeFixture) {
      const t = closedFormCriticalTime(c.objective, c.depth, c.lambda, c.rho, c.epsilon, c.fraction);
      expect(t).toBeDefined();
      expect(Math.abs((t ?? 0) - Number(c.t)) / Number(c.t)).toBeLessThan(1e-12);
    }
  });
  it("criticalTime with every method but 'leading-order' matches mpmath (exact 1e-12, ode 1e-9)", () => {
    for (const c of criticalTimeFixture) {
      for (const [method, tol] of [
        ['exact', 1e-12],
        ['ode', 1e-9],
        ['inverse-ode', 1e-9],
      ] as const) {
        const r = criticalTime(
          { lambda: c.lambda, rho: c.rho },
          { objective: c.objective, depth: c.depth, epsilon: c.epsilon, fraction: c.fraction, method },
        );
        if (!r.exists) throw new Error(`expected a critical time for ${JSON.stringify(c)}`);
        expect(Math.abs(r.t - Number(c.t)) / Number(c.t), `${method} ${JSON.stringify(c)}`).toBeLessThan(tol);
      }
    }
  });
});

describe('numeric critical times = closed form on a seeded random grid (L 1…8, λ 1e-2…1e2, ρ 0.05…5, ε 1e-6…1e-1)', () => {
  const random = mulberry32(3);
  const cases: { L: number; lambda: number; rho: number; epsilon: number }[] = [];
  for (let i = 0; i < 48; i++) {
    // every depth appears, L = 1 and L ≥ 6 among them by construction
    cases.push({
      L: 1 + (i % 8),
      lambda: 1e-2 * Math.pow(1e4, random()),
      rho: 0.05 * Math.pow(100, random()),
      epsilon: 1e-6 * Math.pow(1e5, random()),
    });
  }
  for (const objective of ['jepa', 'mae'] as const) {
    for (const method of ['ode', 'inverse-ode', 'exact'] as CriticalTimeMethod[]) {
      it(`${objective}, method ${method}: within 1e-9 relative, and 'no critical time' exactly when the closed form has none`, () => {
        let compared = 0;
        const depthsCompared = new Set<number>();
        for (const c of cases) {
          const expected = closedFormCriticalTime(objective, c.L, c.lambda, c.rho, c.epsilon);
          const r = criticalTime({ lambda: c.lambda, rho: c.rho }, { objective, depth: c.L, epsilon: c.epsilon, method });
          expect(r.exists).toBe(expected !== undefined);
          if (!r.exists || expected === undefined) continue;
          // The integrating methods run at their default rtol 1e-12 (measured worst on this grid:
          // 3e-12 for 'ode', 1e-12 for 'inverse-ode'); the closed form itself is good to 1e-12
          // (fixture test above). 1e-9 = 1000·rtol leaves room for error accumulated over the
          // clock-restart stages without admitting anything near an approximation's error.
          expect(Math.abs(r.t - expected) / expected, JSON.stringify(c)).toBeLessThan(1e-9);
          compared++;
          depthsCompared.add(c.L);
        }
        expect(compared).toBeGreaterThan(30);
        for (const L of [1, 6, 7, 8]) expect(depthsCompared.has(L)).toBe(true);
      });
    }
  }

  it('paper time is exactly L times gradient-flow time, for every method', () => {
    for (const method of ['exact', 'ode', 'inverse-ode', 'leading-order'] as const) {
      const g = criticalTime({ lambda: 2, rho: 1.5 }, { objective: 'jepa', depth: 3, epsilon: 1e-3, method });
      const p = criticalTime({ lambda: 2, rho: 1.5 }, { objective: 'jepa', depth: 3, epsilon: 1e-3, method, timeUnit: 'paper' });
      if (!g.exists || !p.exists) throw new Error('expected both');
      expect(p.t).toBe(3 * g.t);
    }
  });
});

describe('the depth experiment (docs/math.md §3): A = (λ=1, ρ=3), B = (λ=2, ρ=1), ε = 1e-2', () => {
  const A = { lambda: 1, rho: 3 };
  const B = { lambda: 2, rho: 1 };
  const independentRatio = (objective: 'jepa' | 'mae', L: number): number =>
    (closedFormCriticalTime(objective, L, 1, 3, 1e-2) ?? Number.NaN) / (closedFormCriticalTime(objective, L, 2, 1, 1e-2) ?? Number.NaN);

  it('t*_A / t*_B by the library (exact and ode) equals the independent closed form, L = 1…10', () => {
    for (let L = 1; L <= 10; L++) {
      for (const objective of ['jepa', 'mae'] as const) {
        for (const method of ['exact', 'ode'] as const) {
          const r = criticalTimeRatio(A, B, { objective, depth: L, epsilon: 1e-2, method });
          if (!r.exists) throw new Error('expected both critical times');
          expect(Math.abs(r.ratio - independentRatio(objective, L)) / r.ratio).toBeLessThan(1e-9);
        }
      }
    }
  });

  it('MAE never flips: B is learned first at every depth 1…64', () => {
    for (let L = 1; L <= 64; L++) expect(independentRatio('mae', L)).toBeGreaterThan(1);
    expect(orderFlipDepth(A, B, { objective: 'mae', epsilon: 1e-2, maxDepth: 64 }).found).toBe(false);
    expect(learningOrder([A, B], { objective: 'mae', depth: 10, epsilon: 1e-2 }).order).toEqual([1, 0]);
  });

  it('JEPA flips: the smallest depth with A first agrees with the independent closed form (and is 8)', () => {
    let independentFlip = 0;
    for (let L = 1; L <= 64 && independentFlip === 0; L++) if (independentRatio('jepa', L) < 1) independentFlip = L;
    const flip = orderFlipDepth(A, B, { objective: 'jepa', epsilon: 1e-2 });
    expect(flip).toEqual({ found: true, depth: independentFlip });
    expect(independentFlip).toBe(8);
    expect(orderFlipDepth(A, B, { objective: 'jepa', epsilon: 1e-2, method: 'ode' })).toEqual(flip);
    expect(learningOrder([A, B], { objective: 'jepa', depth: 8, epsilon: 1e-2 }).order).toEqual([0, 1]);
    expect(learningOrder([A, B], { objective: 'jepa', depth: 7, epsilon: 1e-2 }).order).toEqual([1, 0]);
  });
});
