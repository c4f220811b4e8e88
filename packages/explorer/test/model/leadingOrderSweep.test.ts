import { OBJECTIVES } from '@jepa-dynamics/core';
import { resolveFeature } from '@jepa-dynamics/ode';
import { describe, expect, it } from 'vitest';
import { closedFormCriticalTime, leadingOrderTime } from '../../../../test/support/oracles/index.js';
import { leadingOrderSweep } from '../../src/model/leadingOrderSweep.js';

describe('leadingOrderSweep(features, setting)', () => {
  it('compares the leading order with the exact t*_p on a log grid of ε that holds the page’s ε', () => {
    const features = [
      { lambda: 1, rho: 1 },
      { lambda: 2, rho: 0.5 },
    ].map((f, row) => ({ row, feature: resolveFeature(f) }));
    const sweep = leadingOrderSweep(features, { objectives: OBJECTIVES, depth: 3, epsilon: 3e-3, fraction: 0.5, timeUnit: 'paper' });
    expect(sweep.epsilons).toHaveLength(30);
    expect(sweep.epsilons[0]).toBeCloseTo(1e-8, 20);
    expect(sweep.epsilons).toContain(3e-3);
    expect(sweep.points.length).toBeGreaterThan(100);
    for (const p of sweep.points) {
      const { lambda, rho } = features[p.row].feature;
      const exact = closedFormCriticalTime(p.objective, 3, lambda, rho, p.epsilon) ?? Number.NaN;
      const lo = leadingOrderTime(p.objective, 3, lambda, rho, p.epsilon);
      expect(Math.abs(p.exact / exact - 1)).toBeLessThan(1e-11);
      expect(Math.abs(p.leadingOrder / lo - 1)).toBeLessThan(1e-13);
    }
    // docs/math.md §3: the JEPA leading order's relative error vanishes as ε → 0
    const jepa = sweep.points.filter((p) => p.objective === 'jepa' && p.row === 0);
    expect(Math.abs(jepa[0].relativeError)).toBeLessThan(1e-4);
  });
});
