import { OBJECTIVES } from '@jepa-dynamics/core';
import { resolveFeature } from '@jepa-dynamics/ode';
import { describe, expect, it } from 'vitest';
import { closedFormCriticalTime, leadingOrderTime, learnedOrder } from '../../../../test/support/oracles/index.js';
import { criticalTimeTable, learningOrders, type IndexedFeature } from '../../src/model/criticalTimeTable.js';

const features: IndexedFeature[] = [
  { lambda: 1, rho: 2 },
  { lambda: 1.15, rho: 1 },
  { lambda: 1.3, rho: 0.5 },
  { sigma2: 4, rho: 0.25 },
].map((f, row) => ({ row, feature: resolveFeature(f) }));

describe('criticalTimeTable(features, setting)', () => {
  it('gives the exact t*_p of the closed form and the leading order, at depths 1 … 12', () => {
    for (const depth of [1, 2, 4, 8, 12]) {
      for (const epsilon of [1e-2, 1e-5]) {
        const table = criticalTimeTable(features, { objectives: OBJECTIVES, depth, epsilon, fraction: 0.4, timeUnit: 'gradient-flow' });
        expect(table).toHaveLength(2 * features.length);
        for (const e of table) {
          const { lambda, rho } = features[e.row].feature;
          const exact = closedFormCriticalTime(e.objective, depth, lambda, rho, epsilon, 0.4);
          if (exact === undefined) {
            expect(e.exact).toBeNull();
            continue;
          }
          // two independent closed forms (the evaluators' partial fractions / roots of unity, and the
          // oracle's partial fractions / Gauss–Legendre): each within ~1e-14 of 40-digit values (test/oracles.test.ts)
          expect(Math.abs((e.exact ?? Number.NaN) / exact - 1)).toBeLessThan(1e-11);
          const lo = leadingOrderTime(e.objective, depth, lambda, rho, epsilon, 0.4);
          expect(Math.abs((e.leadingOrder ?? Number.NaN) / lo - 1)).toBeLessThan(1e-13);
          expect(Math.abs((e.relativeError ?? Number.NaN) - (lo - exact) / exact)).toBeLessThan(1e-10);
        }
      }
    }
  });

  it('multiplies every time by L in paper time τ = L·t', () => {
    const setting = { objectives: OBJECTIVES, depth: 3, epsilon: 1e-3, fraction: 0.5 };
    const flow = criticalTimeTable(features, { ...setting, timeUnit: 'gradient-flow' });
    const paper = criticalTimeTable(features, { ...setting, timeUnit: 'paper' });
    paper.forEach((e, i) => {
      expect(e.exact).toBe(flow[i].exact === null ? null : 3 * (flow[i].exact ?? 0));
      expect(e.leadingOrder).toBeCloseTo(3 * (flow[i].leadingOrder ?? 0), 6);
    });
  });

  it('says why a feature has no critical time (ρ ≤ 0, or ε not below p·w̄∞)', () => {
    const odd: IndexedFeature[] = [
      { row: 0, feature: resolveFeature({ sigma2: 1, rho: -0.5 }) },
      { row: 1, feature: resolveFeature({ lambda: 0.1, rho: 0.1 }) },
    ];
    const table = criticalTimeTable(odd, { objectives: ['jepa'], depth: 2, epsilon: 0.01, fraction: 0.5, timeUnit: 'gradient-flow' });
    expect(table.map((e) => [e.exact, e.reason])).toEqual([
      [null, 'rho-not-positive'],
      [null, 'start-not-below-target'], // w̄∞ = ρ² = 0.01 = ε
    ]);
    expect(table[1].message).toMatch(/not below the target/);
  });
});

describe('learningOrders(table, objectives)', () => {
  it('sorts the rows by exact critical time under each objective (Figure 2, third panel: JEPA by ρ, MAE by λ)', () => {
    const table = criticalTimeTable(features.slice(0, 3), {
      objectives: OBJECTIVES,
      depth: 4,
      epsilon: 0.01,
      fraction: 0.5,
      timeUnit: 'gradient-flow',
    });
    const orders = learningOrders(table, OBJECTIVES);
    for (const o of orders) {
      const times = features.slice(0, 3).map(({ feature }) => closedFormCriticalTime(o.objective, 4, feature.lambda, feature.rho, 0.01));
      expect(o.order).toEqual(learnedOrder(times));
    }
    expect(orders.map((o) => o.order)).toEqual([
      [0, 1, 2],
      [2, 1, 0],
    ]);
  });
});
