import { describe, expect, it } from 'vitest';
import { infinityNormKernel } from '../../../src/index.js';

describe('infinityNormKernel', () => {
  it('is the largest absolute row sum: [[1, −2], [3, 4]] → 7, [[−5, 0, 0], [1, 1, 1], [0, −2, 2]] → 5, and 0 for the zero matrix', () => {
    expect(infinityNormKernel(Float64Array.of(1, -2, 3, 4), 2)).toBe(7);
    expect(infinityNormKernel(Float64Array.of(-5, 0, 0, 1, 1, 1, 0, -2, 2), 3)).toBe(5);
    expect(infinityNormKernel(new Float64Array(9), 3)).toBe(0);
  });

  it('bounds the spectral radius: for diag(−1e6, 2) it is 1e6, the largest |eigenvalue|', () => {
    expect(infinityNormKernel(Float64Array.of(-1e6, 0, 0, 2), 2)).toBe(1e6);
  });
});
