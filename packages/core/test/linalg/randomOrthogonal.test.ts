import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, randomOrthogonal, type StandardNormalSource } from '../../src/index.js';
import { normalSource, orthogonalityError } from '../../../../test/support/oracles/index.js';

describe('randomOrthogonal', () => {
  it('randomOrthogonal(n, source) is orthogonal, reproducible from the stream, and consumes exactly n² numbers', () => {
    expect(randomOrthogonal(4, normalSource(5))).toEqual(randomOrthogonal(4, normalSource(5)));
    let drawn = 0;
    const counting: StandardNormalSource = {
      fill(out) {
        drawn += out.length;
        return normalSource(6).fill(out);
      },
    };
    expect(orthogonalityError(randomOrthogonal(7, counting), 7)).toBeLessThan(1e-14);
    expect(drawn).toBe(49);
  });

  it('is Haar on O(3): E[Q₁₁²] = 1/n and E[det Q] = 0 within 5 standard errors (4000 draws)', () => {
    const n = 3;
    const source = normalSource(11);
    const trials = 4000;
    let q11sq = 0,
      det = 0;
    for (let t = 0; t < trials; t++) {
      const q = randomOrthogonal(n, source);
      expect(orthogonalityError(q, n)).toBeLessThan(1e-14);
      q11sq += q[0] * q[0];
      det += q[0] * (q[4] * q[8] - q[5] * q[7]) - q[1] * (q[3] * q[8] - q[5] * q[6]) + q[2] * (q[3] * q[7] - q[4] * q[6]);
    }
    // Haar: Q₁₁² ~ Beta(1/2, (n−1)/2), mean 1/n, variance 2(n−1)/(n²(n+2)) = 0.0889; det = ±1 equally likely.
    // 5-sigma bounds: sd of the mean = sqrt(0.0889/4000) = 0.0047; of mean det = 1/sqrt(4000) = 0.0158.
    expect(Math.abs(q11sq / trials - 1 / n)).toBeLessThan(5 * 0.0047);
    expect(Math.abs(det / trials)).toBeLessThan(5 * 0.0158);
  });

  it('fixes the signs so that G = Q·R with diag R > 0 (the unique QR factor)', () => {
    // G = [[3, 0], [4, 5]] = [[0.6, −0.8], [0.8, 0.6]]·[[5, 4], [0, 3]]
    const q = randomOrthogonal(2, { fill: (out) => (out.set([3, 0, 4, 5]), out) });
    expect(Array.from(q, (x) => Math.round(x * 1e12) / 1e12)).toEqual([0.6, -0.8, 0.8, 0.6]);
  });

  it('rejects a bad order and a source without fill', () => {
    expect(() => randomOrthogonal(0, normalSource(1))).toThrow('randomOrthogonal: invalid argument n: must be an integer ≥ 1; got 0.');
    expect(() => randomOrthogonal(2, {} as StandardNormalSource)).toThrow(InvalidArgumentError);
  });
});
