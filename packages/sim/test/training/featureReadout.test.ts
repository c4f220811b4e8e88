import { describe, expect, it } from 'vitest';
import { createFeatureReadout, createGaussianSource, randomOrthogonal } from '../../src/index.js';
import { diagonalMatrix as diagonal, dotProduct, transposed } from '../../../../test/support/oracles/index.js';

const d = 4;
const mul = (a: Float64Array, b: Float64Array): Float64Array => dotProduct(a, b, d, d, d);
const transposeOf = (a: Float64Array): Float64Array => transposed(a, d, d);

describe('createFeatureReadout', () => {
  const r = randomOrthogonal(d, createGaussianSource(5));
  const strengths = [0.9, -0.4, 0.25, 1.7];
  // Matrices built to have known feature-basis diagonals: W̄ = R·D (so RᵀW̄ = D and
  // ‖W̄e_i‖ = |D_ii|), V = R·D·Rᵀ (JEPA: RᵀVR = D), V = D·Rᵀ (MAE: VR = D). R is orthogonal
  // to rounding (RᵀR = I within ~1e-15), so the reads agree with D to 1e-14.
  it('reads (RᵀW̄)_ii and ‖W̄e_i‖ in a rotated basis', () => {
    const wbar = mul(r, diagonal(strengths));
    for (const objective of ['jepa', 'mae'] as const) {
      const readout = createFeatureReadout(objective, r, d);
      strengths.forEach((s, i) => {
        expect(readout.wbar(wbar, i)).toBeCloseTo(s, 14);
        expect(readout.modeStrength(wbar, i)).toBeCloseTo(Math.abs(s), 14);
      });
    }
  });

  it('reads V as (RᵀVR)_ii for JEPA and (VR)_ii for MAE', () => {
    const jepa = createFeatureReadout('jepa', r, d);
    const mae = createFeatureReadout('mae', r, d);
    const vJepa = mul(mul(r, diagonal(strengths)), transposeOf(r));
    const vMae = mul(diagonal(strengths), transposeOf(r));
    strengths.forEach((s, i) => {
      expect(jepa.predictor(vJepa, i)).toBeCloseTo(s, 14);
      expect(mae.predictor(vMae, i)).toBeCloseTo(s, 14);
    });
    // the two readings differ on the same matrix: MAE's (VR)_ii is not JEPA's (RᵀVR)_ii
    expect(Math.abs(mae.predictor(vJepa, 0) - jepa.predictor(vJepa, 0))).toBeGreaterThan(1e-3);
  });

  it('in the identity basis the reads are the diagonal entries themselves', () => {
    const identity = diagonal([1, 1, 1, 1]);
    const m = createGaussianSource(8).fill(new Float64Array(d * d));
    const readout = createFeatureReadout('mae', identity, d);
    for (let i = 0; i < d; i++) {
      expect(readout.wbar(m, i)).toBe(m[i * d + i]);
      expect(readout.predictor(m, i)).toBe(m[i * d + i]);
      expect(readout.modeStrength(m, i)).toBeCloseTo(Math.hypot(m[i], m[d + i], m[2 * d + i], m[3 * d + i]), 15);
    }
  });

  it('rejects a basis of the wrong size, d and the objective by name', () => {
    expect(() => createFeatureReadout('jepa', new Float64Array(3), 2)).toThrow(
      /^createFeatureReadout: invalid argument basis: must have d² = 4 entries; got 3/,
    );
    expect(() => createFeatureReadout('jepa', new Float64Array(0), 0)).toThrow(/invalid argument d/);
  });
});
