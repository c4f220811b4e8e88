import { describe, expect, it } from 'vitest';
import { brentRoot } from '../../src/solver/brentRoot.js';

describe('brentRoot', () => {
  it('finds the sign change to within the tolerance, from either end of the bracket', () => {
    const cases: [(x: number) => number, number, number, number][] = [
      [(x) => x * x - 2, 0, 2, Math.SQRT2],
      [(x) => Math.cos(x) - x, 0, 1, 0.7390851332151607], // the Dottie number
      [(x) => Math.exp(x) - 10, -5, 5, Math.log(10)],
      [(x) => (x - 0.3) ** 3, -1, 1, 0.3], // a triple root: no help from interpolation
      [(x) => (x < 0.123 ? -1 : 1), 0, 1, 0.123], // a jump: the sign change, not a zero
    ];
    for (const [f, a, b, root] of cases) {
      for (const tol of [1e-6, 1e-12]) {
        for (const [lo, hi] of [
          [a, b],
          [b, a],
        ]) {
          const x = brentRoot(f, lo, hi, f(lo), f(hi), tol);
          expect(Math.abs(x - root), `${f} tol ${tol}`).toBeLessThanOrEqual(tol + 4 * Number.EPSILON * Math.abs(root) + 1e-15);
        }
      }
    }
  });

  it('returns an end point at which the function is zero', () => {
    expect(brentRoot((x) => x - 1, 1, 3, 0, 2, 1e-9)).toBe(1);
    expect(brentRoot((x) => x - 3, 1, 3, -2, 0, 1e-9)).toBe(3);
  });
});
