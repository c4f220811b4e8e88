import { describe, expect, it } from 'vitest';
import { CHEBYSHEV_DEGREE, CHEBYSHEV_NODES, chebyshevEvaluate } from '../../src/solver/chebyshevInterpolant.js';
import { mulberry32 } from '../../../../test/support/oracles/index.js';

describe('chebyshevEvaluate', () => {
  it('reproduces polynomials of degree ≤ 19 stored by their values at the nodes (two components, an offset)', () => {
    const random = mulberry32(19);
    const m = CHEBYSHEV_DEGREE;
    expect(CHEBYSHEV_NODES[0]).toBe(0);
    expect(CHEBYSHEV_NODES[m]).toBe(1);
    // p(θ) = Σ c_k (2θ − 1)^k with coefficients of size ≤ 1, evaluated by Horner: the truth
    const coefficients = [0, 1].map(() => Array.from({ length: m + 1 }, () => 2 * random() - 1));
    const p = (c: number[], theta: number): number => c.reduceRight((s, ck) => s * (2 * theta - 1) + ck, 0);
    const offset = 3;
    const stored = new Float64Array(offset + 2 * (m + 1));
    CHEBYSHEV_NODES.forEach((theta, j) => coefficients.forEach((c, i) => (stored[offset + 2 * j + i] = p(c, theta))));
    const out = new Float64Array(2);
    for (const theta of [0, 1e-9, 0.013, 0.25, 0.5, 0.77, 0.999, 1, CHEBYSHEV_NODES[7]]) {
      chebyshevEvaluate(stored, offset, theta, 2, out);
      // barycentric interpolation on Chebyshev points is backward stable: a few ulps of Σ|c_k| ≤ 20
      coefficients.forEach((c, i) => expect(Math.abs(out[i] - p(c, theta)), `θ = ${theta}`).toBeLessThan(1e-13));
    }
  });
});
