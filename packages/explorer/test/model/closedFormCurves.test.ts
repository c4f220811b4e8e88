import { OBJECTIVES } from '@jepa-dynamics/core';
import { resolveFeature } from '@jepa-dynamics/ode';
import { describe, expect, it } from 'vitest';
import { fixedPointWbar, timeOfU, uAt } from '../../../../test/support/oracles/index.js';
import { closedFormCurves } from '../../src/model/closedFormCurves.js';
import { criticalTimeTable, type IndexedFeature } from '../../src/model/criticalTimeTable.js';

const features: IndexedFeature[] = [
  { lambda: 1, rho: 2 },
  { lambda: 1.15, rho: 1 },
  { lambda: 1.3, rho: 0.5 },
].map((f, row) => ({ row, feature: resolveFeature(f) }));

describe('closedFormCurves(features, table, setting)', () => {
  for (const depth of [1, 4, 9]) {
    it(`draws points (t, w̄/w̄∞) that lie on the exact solution, from (0, ε/w̄∞) to the horizon 1.5·max t* (L = ${depth})`, () => {
      const setting = { objectives: OBJECTIVES, depth, epsilon: 1e-3, fraction: 0.5, timeUnit: 'paper' as const };
      const table = criticalTimeTable(features, setting);
      const panels = closedFormCurves(features, table, setting);
      for (const panel of panels) {
        const longest = Math.max(...table.filter((e) => e.objective === panel.objective).map((e) => e.exact ?? 0));
        expect(panel.horizon).toBe(1.5 * longest);
        expect(panel.curves).toHaveLength(3);
        for (const c of panel.curves) {
          const { lambda, rho } = features[c.row].feature;
          const wInf = fixedPointWbar(panel.objective, depth, rho);
          expect(c.t[0]).toBe(0);
          expect(c.y[0]).toBeCloseTo(1e-3 / wInf, 14);
          expect(c.t[c.t.length - 1]).toBe(panel.horizon);
          const last = c.t.length - 1;
          for (let k = 1; k < last; k++) {
            expect(c.t[k]).toBeGreaterThan(c.t[k - 1]);
            // a point is a level y and its time: the oracle's t(u) at u = (y·w̄∞)^{1/L} (independent partial
            // fractions / quadrature, ~1e-14 relative), in paper time τ = L·t. Times, not levels, are compared:
            // at L = 9 the JEPA transition is so sharp that w̄ at a given time is ill-conditioned
            const t = depth * timeOfU(panel.objective, depth, lambda, rho, 1e-3, (c.y[k] * wInf) ** (1 / depth));
            expect(Math.abs(t / c.t[k] - 1)).toBeLessThan(1e-11);
          }
          // the end, on the horizon, is found by bisection: w̄ there (flat, close to w̄∞) against the oracle's u(t)
          const u = uAt(panel.objective, depth, lambda, rho, 1e-3, c.t[last] / depth);
          expect(Math.abs(u ** depth / wInf - c.y[last])).toBeLessThan(1e-12);
        }
      }
    });
  }

  it('leaves out features without a curve, saying why', () => {
    const odd: IndexedFeature[] = [
      { row: 0, feature: resolveFeature({ sigma2: 1, rho: -1 }) },
      { row: 1, feature: resolveFeature({ lambda: 0.01, rho: 0.01 }) },
    ];
    const setting = { objectives: ['jepa'] as const, depth: 1, epsilon: 0.5, fraction: 0.5, timeUnit: 'gradient-flow' as const };
    const [panel] = closedFormCurves(odd, criticalTimeTable(odd, setting), setting);
    expect(panel.curves).toEqual([]);
    expect(panel.horizon).toBe(1);
    expect(panel.missing.map((m) => m.row)).toEqual([0, 1]);
    expect(panel.missing[0].message).toMatch(/ρ = -1 ≤ 0/);
    expect(panel.missing[1].message).toMatch(/not below w̄∞/);
  });
});
