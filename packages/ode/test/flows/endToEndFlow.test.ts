import { describe, expect, it } from 'vitest';
import { endToEndFlow, perLayerFlow } from '../../src/index.js';
import { mulberry32 } from '../../../../test/support/oracles/index.js';

describe('endToEndFlow', () => {
  const random = mulberry32(20260303);
  for (const objective of ['jepa', 'mae'] as const) {
    it(`(${objective}) is the per-layer flow by the chain rule, dw̄/dt = L u^{L−1} du/dt`, () => {
      for (let trial = 0; trial < 40; trial++) {
        const depth = 1 + Math.floor(random() * 8);
        const feature = { lambda: 0.01 * Math.pow(1e4, random()), rho: 0.05 * Math.pow(100, random()) };
        const u = 0.05 + 2 * random();
        const du = new Float64Array(1);
        perLayerFlow(feature, objective, depth)(0, Float64Array.of(u), du);
        const dw = new Float64Array(1);
        endToEndFlow(feature, objective, depth)(0, Float64Array.of(Math.pow(u, depth)), dw);
        const chain = depth * Math.pow(u, depth - 1) * du[0];
        expect(Math.abs(dw[0] - chain)).toBeLessThanOrEqual(1e-12 * Math.abs(chain));
      }
    });
  }

  it('paper time divides every rate by L', () => {
    const d1 = new Float64Array(1);
    const d2 = new Float64Array(1);
    endToEndFlow({ lambda: 1, rho: 2 }, 'mae', 3)(0, Float64Array.of(0.3), d1);
    endToEndFlow({ lambda: 1, rho: 2 }, 'mae', 3, 'paper')(0, Float64Array.of(0.3), d2);
    expect(d2[0]).toBeCloseTo(d1[0] / 3, 15);
  });
});
