import { resolveFeature } from '@jepa-dynamics/ode';
import { describe, expect, it } from 'vitest';
import { fixedPointWbar, uAt } from '../../../../test/support/oracles/index.js';
import { odeOverlay } from '../../src/model/odeOverlay.js';

describe('odeOverlay(features, objective, setting, horizon)', () => {
  it('integrates each feature’s flow on the panel’s grid, within 1e-7 of the exact solution, and reports that distance', () => {
    const features = [
      { lambda: 1, rho: 2 },
      { lambda: 1.3, rho: 0.5 },
    ].map((f, row) => ({ row, feature: resolveFeature(f) }));
    const setting = { objectives: ['mae' as const], depth: 3, epsilon: 1e-2, fraction: 0.5, timeUnit: 'gradient-flow' as const };
    const o = odeOverlay(features, 'mae', setting, 20, 41);
    expect(o.t).toHaveLength(41);
    for (const c of o.curves) {
      const { lambda, rho } = features[c.row].feature;
      expect(c.message).toBe('');
      // DOP853 at rtol 1e-10 over a few hundred steps: global error ≲ 1e-8 relative in u, L = 3 in w̄
      o.t.forEach((t, k) =>
        expect(Math.abs((c.y?.[k] ?? Number.NaN) - uAt('mae', 3, lambda, rho, 1e-2, t) ** 3 / fixedPointWbar('mae', 3, rho))).toBeLessThan(
          1e-7,
        ),
      );
      expect(c.deviation).toBeLessThan(1e-7);
      expect(c.steps).toBeGreaterThan(0);
    }
    expect(o.maxDeviation).toBe(Math.max(...o.curves.map((c) => c.deviation ?? 0)));
  });
});
