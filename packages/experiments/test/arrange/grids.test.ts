import { describe, expect, it } from 'vitest';
import { integerRange, linearGrid, logGrid } from '../../src/arrange/grids.js';

describe('logGrid(a, b, n)', () => {
  it('n values with exact endpoints and a constant ratio (b/a)^(1/(n−1)) between neighbours', () => {
    const g = logGrid(1e-8, 1e-1, 8);
    expect(g).toHaveLength(8);
    expect([g[0], g[7]]).toEqual([1e-8, 1e-1]);
    for (let i = 1; i < 8; i++) expect(Math.abs(g[i] / g[i - 1] / 10 - 1)).toBeLessThan(1e-14);
  });

  it('one value is a', () => {
    expect(logGrid(3, 7, 1)).toEqual([3]);
  });
});

describe('linearGrid(a, b, n)', () => {
  it('n values with exact endpoints and a constant step (b − a)/(n − 1)', () => {
    const g = linearGrid(0, 1.5 * 1234.5678, 61);
    expect([g[0], g[60]]).toEqual([0, 1.5 * 1234.5678]);
    for (let i = 1; i < 61; i++) expect(Math.abs(g[i] - g[i - 1] - (1.5 * 1234.5678) / 60)).toBeLessThan(1e-12);
  });
});

describe('integerRange(a, b)', () => {
  it('the integers from a to b inclusive; none when b < a', () => {
    expect(integerRange(1, 6)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(integerRange(3, 2)).toEqual([]);
  });
});
