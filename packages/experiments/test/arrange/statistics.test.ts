import { describe, expect, it } from 'vitest';
import { quantile } from '../../src/arrange/quantile.js';
import { quantileInterval } from '../../src/arrange/quantileInterval.js';
import { wilsonInterval } from '../../src/arrange/wilsonInterval.js';
import { mulberry32 } from '../../../../test/support/oracles/index.js';

/** P(B ≤ i), B ~ Binomial(n, q), by direct summation of C(n, j) q^j (1 − q)^(n−j). */
function binomialCdf(n: number, q: number, i: number): number {
  let sum = 0;
  let c = 1;
  for (let j = 0; j <= i; j++) {
    sum += c * q ** j * (1 - q) ** (n - j);
    c = (c * (n - j)) / (j + 1);
  }
  return sum;
}

describe('quantile(xs, q)', () => {
  it('is the order statistic at an integer position and interpolates between two otherwise (type 7)', () => {
    expect(quantile([5, 1, 3], 0.5)).toBe(3);
    expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5], 0)).toBe(1);
    expect(quantile([1, 2, 3, 4, 5], 1)).toBe(5);
    expect(quantile([10, 20], 0.25)).toBe(12.5);
    expect(quantile([], 0.5)).toBeNaN();
  });
});

describe('wilsonInterval(k, n)', () => {
  it('its ends solve (k/n − p)² = z² p(1 − p)/n (Wilson 1927)', () => {
    const z = 1.959963984540054;
    for (const [k, n] of [
      [0, 10],
      [3, 10],
      [10, 10],
      [17, 50],
      [1, 300],
    ]) {
      for (const p of wilsonInterval(k, n)) expect(Math.abs((k / n - p) ** 2 - (z * z * p * (1 - p)) / n)).toBeLessThan(1e-15);
    }
  });
});

describe('quantileInterval(xs, q, α)', () => {
  it('covers the q-quantile with probability ≥ 1 − α by exact binomial sums, and moving either end inwards would not', () => {
    const random = mulberry32(3);
    for (const n of [6, 10, 25, 60, 200]) {
      for (const q of [0.5, 0.1, 0.9]) {
        const xs = Array.from({ length: n }, () => random());
        const sorted = [...xs].sort((a, b) => a - b);
        const [lo, hi] = quantileInterval(xs, q);
        const j = lo === null ? 0 : sorted.indexOf(lo) + 1;
        const k = hi === null ? n + 1 : sorted.indexOf(hi) + 1;
        // P(x₍ⱼ₎ ≤ quantile < x₍ₖ₎) = P(j ≤ B ≤ k − 1)
        const below = j === 0 ? 0 : binomialCdf(n, q, j - 1);
        const above = k === n + 1 ? 0 : 1 - binomialCdf(n, q, k - 1);
        expect(below).toBeLessThanOrEqual(0.025 + 1e-12);
        expect(above).toBeLessThanOrEqual(0.025 + 1e-12);
        if (j < n) expect(binomialCdf(n, q, j)).toBeGreaterThan(0.025);
        if (k > 1) expect(1 - binomialCdf(n, q, k - 2)).toBeGreaterThan(0.025);
      }
    }
  });

  it('is unbounded below where the sample is too small (n = 5, median: P(B = 0) = 1/32 > 0.025)', () => {
    expect(quantileInterval([1, 2, 3, 4, 5], 0.5)).toEqual([null, null]);
  });
});
