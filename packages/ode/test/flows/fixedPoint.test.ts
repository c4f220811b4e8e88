import { describe, expect, it } from 'vitest';
import { fixedPoint, perLayerFlow } from '../../src/index.js';
import { fixedPointU, fixedPointWbar } from '../../../../test/support/oracles/index.js';

describe('fixedPoint', () => {
  it('is a zero of each right-hand side', () => {
    for (const objective of ['jepa', 'mae'] as const) {
      for (const depth of [1, 2, 5, 8]) {
        const feature = { lambda: 0.7, rho: 2.3 };
        const { u, wbar } = fixedPoint(feature, objective, depth);
        expect(wbar).toBeCloseTo(Math.pow(u, depth), 12);
        const d = new Float64Array(1);
        perLayerFlow(feature, objective, depth)(0, Float64Array.of(u), d);
        expect(Math.abs(d[0])).toBeLessThan(1e-13);
        // docs/math.md §2: JEPA u∞ = ρ, MAE u∞ = ρ^{1/(L+1)}; one or two roundings apart
        expect(Math.abs(u / fixedPointU(objective, depth, 2.3) - 1)).toBeLessThan(1e-15);
        expect(Math.abs(wbar / fixedPointWbar(objective, depth, 2.3) - 1)).toBeLessThan(4e-15);
      }
    }
    expect(fixedPoint({ lambda: 1, rho: 4 }, 'jepa', 2)).toEqual({ u: 4, wbar: 16 });
    expect(fixedPoint({ lambda: 1, rho: 8 }, 'mae', 2)).toEqual({ u: 2, wbar: 4 });
    expect(fixedPoint({ lambda: -1, rho: -8 }, 'mae', 2)).toEqual({ u: 0, wbar: 0 });
  });
});
