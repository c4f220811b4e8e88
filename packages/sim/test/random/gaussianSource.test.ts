import { describe, expect, it } from 'vitest';
import { createGaussianSource } from '../../src/index.js';

describe('createGaussianSource', () => {
  it('is reproducible from its seed and differs across seeds', () => {
    const a = createGaussianSource(42).fill(new Float64Array(10));
    expect(createGaussianSource(42).fill(new Float64Array(10))).toEqual(a);
    expect(createGaussianSource(43).fill(new Float64Array(10))).not.toEqual(a);
  });

  it('has the moments of N(0, 1) within 5 standard errors (n = 200000)', () => {
    const n = 200000;
    const x = createGaussianSource(2024).fill(new Float64Array(n));
    let m1 = 0,
      m2 = 0,
      m4 = 0,
      below = 0;
    for (const v of x) {
      m1 += v;
      m2 += v * v;
      m4 += v ** 4;
      if (v < 1) below++;
    }
    m1 /= n;
    m2 /= n;
    m4 /= n;
    expect(Math.abs(m1)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(m2 - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
    expect(Math.abs(m4 - 3)).toBeLessThan(5 * Math.sqrt(96 / n));
    // Φ(1) = 0.841344746
    expect(Math.abs(below / n - 0.841344746)).toBeLessThan(5 * Math.sqrt(0.1335 / n));
  });

  it('rejects a seed that is not a 32-bit integer', () => {
    expect(() => createGaussianSource(1.5)).toThrow(/createGaussianSource: invalid argument seed/);
  });
});
