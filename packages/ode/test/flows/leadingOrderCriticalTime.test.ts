import { describe, expect, it } from 'vitest';
import { criticalTime, leadingOrderCriticalTime } from '../../src/index.js';
import { leadingOrderTime } from '../../../../test/support/oracles/index.js';

describe('leading order (docs/math.md §3)', () => {
  it('approaches the exact critical time as ε → 0 (relative error shrinks like its first neglected term)', () => {
    for (const objective of ['jepa', 'mae'] as const) {
      for (const depth of [2, 4]) {
        let previous = Number.POSITIVE_INFINITY;
        for (const epsilon of [1e-2, 1e-4, 1e-6, 1e-8]) {
          const exact = criticalTime({ lambda: 1.5, rho: 2 }, { objective, depth, epsilon });
          const approx = leadingOrderCriticalTime({ lambda: 1.5, rho: 2 }, { objective, depth, epsilon });
          if (!exact.exists || !approx.exists) throw new Error('expected both to exist');
          const rel = Math.abs(approx.t - exact.t) / exact.t;
          expect(rel).toBeLessThan(previous);
          if (objective === 'mae' && epsilon <= 1e-6) {
            // MAE, L ≥ 2: the neglected part is O(1) against t* ~ ε^{−(L−1)/L}, so each hundredfold
            // smaller ε divides the relative error by 100^{(L−1)/L} (10 at L = 2, 31.6 at L = 4).
            // From ε = 1e-4 on the next order is below 3% of that (measured ratios 10.09, 10.00 and
            // 32.4, 31.7; the step from 1e-2 still feels it: 10.9, 39.1), so ±10%.
            const expected = Math.pow(100, (depth - 1) / depth);
            expect(previous / rel).toBeGreaterThan(0.9 * expected);
            expect(previous / rel).toBeLessThan(1.1 * expected);
          }
          previous = rel;
        }
        // Loose ceilings at ε = 1e-8 from the orders: JEPA's neglected part is O(ln 1/ε) against
        // t* ~ ε^{−(2L−1)/L}, relative O(ε^{3/2} ln 1/ε) ≈ 2e-11 at L = 2; MAE's O(ε^{(L−1)/L}) = 1e-4
        // at L = 2. The bounds allow constants of 10⁵ and 10² on these.
        expect(previous).toBeLessThan(objective === 'jepa' ? 1e-6 : 1e-2);
      }
    }
  });
  it('is the formula of docs/math.md §3, written out independently (sums of a few positive terms: rounding only)', () => {
    for (const objective of ['jepa', 'mae'] as const) {
      for (const depth of [1, 2, 3, 7]) {
        for (const [lambda, rho, epsilon] of [
          [1.5, 2, 1e-3],
          [0.2, 0.6, 1e-7],
        ]) {
          const r = leadingOrderCriticalTime({ lambda, rho }, { objective, depth, epsilon, fraction: 0.3 });
          if (!r.exists) throw new Error('expected a leading order');
          const want = leadingOrderTime(objective, depth, lambda, rho, epsilon, 0.3);
          expect(Math.abs(r.t - want) / want).toBeLessThan(1e-13);
        }
      }
    }
  });
  it('MAE at L = 1 is exact', () => {
    const e = criticalTime({ lambda: 2, rho: 3 }, { objective: 'mae', depth: 1, epsilon: 1e-3, fraction: 0.7 });
    const l = leadingOrderCriticalTime({ lambda: 2, rho: 3 }, { objective: 'mae', depth: 1, epsilon: 1e-3, fraction: 0.7 });
    if (!e.exists || !l.exists) throw new Error('expected both to exist');
    expect(Math.abs(e.t - l.t) / e.t).toBeLessThan(1e-14);
  });
  it('paper time is L times gradient-flow time', () => {
    const g = leadingOrderCriticalTime({ lambda: 1, rho: 3 }, { objective: 'jepa', depth: 4, epsilon: 1e-2 });
    const p = leadingOrderCriticalTime({ lambda: 1, rho: 3 }, { objective: 'jepa', depth: 4, epsilon: 1e-2, timeUnit: 'paper' });
    if (!g.exists || !p.exists) throw new Error('expected both to exist');
    expect(p.t).toBe(4 * g.t);
  });
});
