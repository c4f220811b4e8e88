import { describe, expect, it } from 'vitest';
import { polynomialRoots } from '../../src/scalarFlow/polynomialRoots.js';
import { seededUniform } from '../../src/seededUniform.js';

/** Coefficients (lowest first) of Π (x − r_j) for real roots and conjugate pairs. */
function fromRoots(real: readonly number[], pairs: readonly [number, number][]): Float64Array {
  let c = [1];
  const times = (q: readonly number[]): void => {
    const out = new Array<number>(c.length + q.length - 1).fill(0);
    c.forEach((a, i) => q.forEach((b, j) => (out[i + j] += a * b)));
    c = out;
  };
  for (const r of real) times([-r, 1]);
  for (const [a, b] of pairs) times([a * a + b * b, -2 * a, 1]);
  return Float64Array.from(c);
}

describe('polynomialRoots (Aberth–Ehrlich with Braess–Hadeler inclusion disks)', () => {
  it('on 50 seeded polynomials with known simple roots (degree 2–12, real and complex), every true root lies in exactly one certified disk, with real ones certified real', () => {
    const rand = seededUniform(2024);
    for (let trial = 0; trial < 50; trial++) {
      const nReal = 1 + Math.floor(rand() * 6);
      const nPairs = Math.floor(rand() * 4);
      // well separated: roots on a grid with random offsets
      const real = Array.from({ length: nReal }, (_, i) => -3 + i + 0.5 * rand());
      const pairs = Array.from({ length: nPairs }, (_, i): [number, number] => [-1 + i * 0.7 + 0.2 * rand(), 0.3 + rand()]);
      const result = polynomialRoots(fromRoots(real, pairs), 4e-16);
      expect(result.certified, `trial ${trial}`).toBe(true);
      const truths = [
        ...real.map((r) => [r, 0]),
        ...pairs.flatMap(([a, b]) => [
          [a, b],
          [a, -b],
        ]),
      ];
      expect(result.roots).toHaveLength(truths.length);
      for (const [tr, ti] of truths) {
        // the coefficients above are rounded products, so the truth is a root only to ~1e-14: allow the disk plus that
        const holding = result.roots.filter((r) => Math.hypot(r.re - tr, r.im - ti) <= r.radius + 1e-12);
        expect(holding, `trial ${trial}, root ${tr} ${ti}`).toHaveLength(1);
        expect(holding[0].real).toBe(ti === 0);
      }
    }
  });

  it('finds roots of very different sizes (u^23(2 − u) = 1e-12: 23 roots near 0.29 and one near 2) with relative radii below 1e-11', () => {
    const c = new Float64Array(25);
    c[0] = -1e-12;
    c[23] = 2;
    c[24] = -1;
    const result = polynomialRoots(c);
    expect(result.certified).toBe(true);
    expect(result.roots).toHaveLength(24);
    for (const r of result.roots) expect(r.radius / Math.max(1, Math.hypot(r.re, r.im))).toBeLessThan(1e-11);
    expect(result.roots.filter((r) => r.real).map((r) => r.re)).toEqual([expect.closeTo(0.2938823628, 9), expect.closeTo(2, 10)]);
  });

  it('reports an uncertified result rather than wrong disks when roots nearly coincide (x − 1)(x − 1 − 1e-9)', () => {
    const result = polynomialRoots(fromRoots([1, 1 + 1e-9], []));
    // the two disks cannot be separated at double precision
    expect(result.certified).toBe(false);
  });
});
