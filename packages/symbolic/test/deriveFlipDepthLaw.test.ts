/**
 * The flip-depth law: its certificates hold, its boundary c and curvature k agree with the
 * closed forms derived by hand (docs/math.md §7) and with the exact boundary of the
 * leading-order sum found by bisection here, independently of the module.
 */
import { describe, expect, it } from 'vitest';
import { deriveFlipDepthLaw } from '../src/deriveFlipDepthLaw.js';
import { casFunction } from '../src/casFunction.js';

describe('deriveFlipDepthLaw()', () => {
  const law = deriveFlipDepthLaw();

  it('holds every certificate, each reduced to 0 by the CAS', () => {
    expect(law.certificates.map((c) => c.step)).toEqual(['flip-order-0', 'flip-order-1', 'flip-order-2', 'flip-inverse-depth']);
    for (const c of law.certificates) {
      expect(c.reduced).toBe('0');
      expect(c.holds).toBe(true);
    }
  });

  it('derives c = R(r−1)/(rR−1) and k = (r−1)(rR+1)/(r(R−1)), and c is the large-L limit of the leading-order boundary', () => {
    const c = casFunction(law.boundary.cas);
    const k = casFunction(law.curvature.cas);
    for (const [r, R] of [
      [2, 3],
      [1.25, 10],
      [5, 1.5],
    ]) {
      expect(c({ r, R })).toBeCloseTo((R * (r - 1)) / (r * R - 1), 14);
      expect(k({ r, R })).toBeCloseTo(((r - 1) * (r * R + 1)) / (r * (R - 1)), 13);
      // at L = 2000 the boundary x_L where r·T(x/R) = T(x) lies within c·h(1 + k h) ≈ c/3999 of c (h = 1/(2L−1)):
      // the sum's sign at x_L ± 2 c h² brackets it, so c(1 − h − k h²) is right to O(h²)
      const L = 2000;
      const h = 1 / (2 * L - 1);
      const guess = c({ r, R }) * (1 - h - k({ r, R }) * h * h);
      const sign = (x: number): number => Math.sign(r * leadingT(x / R, L) - leadingT(x, L));
      expect(sign(guess - 2 * c({ r, R }) * h * h)).toBe(1);
      expect(sign(guess + 2 * c({ r, R }) * h * h)).toBe(-1);
    }
  });

  it("predicts issue 17's depths at λ_A/λ_B = ½, ρ_A/ρ_B = 3 (L* = 4, 6, 8, 13, 17, 26) to within one; with three terms, 4 of 6 exactly", () => {
    const eps = [1e-1, 3e-2, 1e-2, 1e-3, 1e-4, 1e-6];
    const measured = [4, 6, 8, 13, 17, 26];
    const three = eps.map((e) => law.predict(e, 0.5, 3, 3));
    three.forEach((p, i) => expect(Math.abs(p - measured[i])).toBeLessThanOrEqual(1));
    expect(three.filter((p, i) => p === measured[i]).length).toBe(4);
    // the law's formulas evaluated here by hand, c = 3/5, k = 7/4, β = k/4 + 3/8
    const a = Math.log(5 / 3);
    const beta = 7 / 16 + 3 / 8;
    const byHand = (e: number, terms: number): number => {
      const b = Math.log(1 / e) - (terms === 1 ? 0 : 0.5);
      const depth = terms === 3 ? (b + Math.sqrt(b * b - 4 * a * beta)) / (2 * a) : b / a;
      return Math.max(1, Math.floor(depth) + 1);
    };
    for (const terms of [1, 2, 3] as const) expect(eps.map((e) => law.predict(e, 0.5, 3, terms))).toEqual(eps.map((e) => byHand(e, terms)));
  });

  it('rejects points outside its domain', () => {
    expect(() => law.predict(1e-3, 1.5, 3, 3)).toThrow(/lambdaRatio/);
    expect(() => law.predict(1e-3, 0.5, 0.9, 3)).toThrow(/rhoRatio/);
    expect(() => law.predict(2, 0.5, 3, 3)).toThrow(/epsilon/);
  });
});

/** T(y) = Σ_{m<q} y^m q/(q − m) (x^q q λ t* of the leading-order sum at ρ with y = x/ρ). */
function leadingT(y: number, L: number): number {
  const q = 2 * L - 1;
  let s = 0;
  for (let m = 0; m < q; m++) s += (Math.pow(y, m) * q) / (q - m);
  return s;
}
