import { describe, expect, it } from 'vitest';
import { layerwiseFlow, perLayerFlow, perLayerRate } from '../../src/index.js';
import { balancedRate, mulberry32 } from '../../../../test/support/oracles/index.js';

describe('perLayerFlow', () => {
  const random = mulberry32(20260302);
  for (const objective of ['jepa', 'mae'] as const) {
    it(`(${objective}) equals the layerwise flow on the balanced manifold and the rate of docs/math.md §2`, () => {
      for (let trial = 0; trial < 40; trial++) {
        const depth = 1 + Math.floor(random() * 8);
        const feature = { lambda: 0.01 * Math.pow(1e4, random()), rho: 0.05 * Math.pow(100, random()) };
        const u = 0.05 + 2 * random();
        const full = new Float64Array(depth + 1);
        layerwiseFlow(feature, objective, depth)(0, new Float64Array(depth + 1).fill(u), full);
        const du = new Float64Array(1);
        perLayerFlow(feature, objective, depth)(0, Float64Array.of(u), du);
        for (let i = 0; i <= depth; i++) expect(Math.abs(full[i] - du[0])).toBeLessThanOrEqual(1e-13 * Math.abs(du[0]) + 1e-300);
        // a product of a few factors and one difference (ρ − u or ρ − u^{L+1}), each rounded: ≤ 1e-12 relative
        // unless the difference itself cancels (u near u∞), which the absolute part covers
        const want = balancedRate(objective, depth, feature.lambda, feature.rho, u);
        const scale =
          (feature.lambda / feature.rho) *
          u ** depth *
          (objective === 'jepa' ? u ** depth * (feature.rho + u) : feature.rho + u ** (depth + 1));
        expect(Math.abs(du[0] - want)).toBeLessThanOrEqual(1e-13 * scale);
        expect(perLayerRate(objective, feature.lambda / feature.rho, feature.rho, depth, u)).toBe(du[0]);
      }
    });
  }
});
