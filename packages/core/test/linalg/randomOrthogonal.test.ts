import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, randomOrthogonal, type StandardNormalSource } from '../../src/index.js';
import { gaussLegendre, normalSource, orthogonalityError } from '../../../../test/support/oracles/index.js';

/** Kolmogorov–Smirnov distance between a sample and a continuous distribution function. */
function ksDistance(sample: number[], cdf: (x: number) => number): number {
  const xs = [...sample].sort((a, b) => a - b);
  let d = 0;
  xs.forEach((x, i) => {
    const f = cdf(x);
    d = Math.max(d, Math.abs(f - i / xs.length), Math.abs(f - (i + 1) / xs.length));
  });
  return d;
}

/**
 * The law of one entry of a Haar orthogonal n×n matrix: Q_ij = g/‖g‖ for a standard normal
 * n-vector g, density ∝ (1 − x²)^{(n−3)/2} on (−1, 1); its distribution function by quadrature.
 */
function haarEntryCdf(n: number): (x: number) => number {
  const density = (x: number): number => (1 - x * x) ** ((n - 3) / 2);
  const total = gaussLegendre(density, -1, 1, 64);
  return (x) => gaussLegendre(density, -1, x, 64) / total;
}

/** Standard normal distribution function (Abramowitz & Stegun 7.1.26 is too coarse: by quadrature of the density). */
function normalCdf(x: number): number {
  const density = (z: number): number => Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
  return x >= 0 ? 0.5 + gaussLegendre(density, 0, x, 32) : 0.5 - gaussLegendre(density, x, 0, 32);
}

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

  it('is Haar on O(40) through the blocked factorization (two panels): Q₁₁, Q₄₀,₄₀ and Q₁,₄₀ follow the law of g/‖g‖ and the trace is N(0, 1) (Kolmogorov–Smirnov, 1500 draws)', () => {
    const n = 40;
    const draws = 1500;
    const source = normalSource(12);
    const first: number[] = [],
      last: number[] = [],
      corner: number[] = [],
      traces: number[] = [];
    for (let t = 0; t < draws; t++) {
      const q = randomOrthogonal(n, source);
      first.push(q[0]);
      last.push(q[n * n - 1]);
      corner.push(q[n - 1]);
      let tr = 0;
      for (let i = 0; i < n; i++) tr += q[i * n + i];
      traces.push(tr);
    }
    // Critical value of the KS distance at the 0.1 % level: 1.95/√N = 0.050. Without the sign fix
    // every diagonal entry of Householder's Q is biased (its sign follows −sign(g_jj)): distance ≈ 0.5.
    const critical = 1.95 / Math.sqrt(draws);
    const entryCdf = haarEntryCdf(n);
    expect(ksDistance(first, entryCdf)).toBeLessThan(critical);
    expect(ksDistance(last, entryCdf)).toBeLessThan(critical);
    expect(ksDistance(corner, entryCdf)).toBeLessThan(critical);
    // Diaconis & Shahshahani (J. Appl. Probab. 31A, 1994): for Haar O(n) the moments of tr Q equal those of
    // N(0, 1) up to order n, and the total-variation distance falls super-exponentially in n (negligible at 40).
    expect(ksDistance(traces, normalCdf)).toBeLessThan(critical);
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
