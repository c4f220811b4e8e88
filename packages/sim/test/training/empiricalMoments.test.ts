import { describe, expect, it } from 'vitest';
import { empiricalMoments } from '../../src/index.js';

describe('empiricalMoments', () => {
  it('uncentred XᵀX/m, YᵀX/m, YᵀY/m of a row range, by hand (d = 2)', () => {
    // rows (x; y): r0 = (9, 9; 9, 9) is skipped by from = 1; r1 = (1, 2; 0, 1), r2 = (3, −1; 2, 2)
    const x = Float64Array.of(9, 9, 1, 2, 3, -1);
    const y = Float64Array.of(9, 9, 0, 1, 2, 2);
    const m = empiricalMoments(x, y, 1, 2, 2);
    // XᵀX = [[1 + 9, 2 − 3], [2 − 3, 4 + 1]] / 2
    expect(m.sigmaXX).toEqual(Float64Array.of(5, -0.5, -0.5, 2.5));
    // (YᵀX)_ij = Σ y_i x_j: [[0·1 + 2·3, 0·2 + 2·(−1)], [1·1 + 2·3, 1·2 + 2·(−1)]] / 2
    expect(m.sigmaYX).toEqual(Float64Array.of(3, -1, 3.5, 0));
    // YᵀY = [[0 + 4, 0 + 4], [0 + 4, 1 + 4]] / 2
    expect(m.sigmaYY).toEqual(Float64Array.of(2, 2, 2, 2.5));
    expect(m.kind).toBe('full');
  });
});
