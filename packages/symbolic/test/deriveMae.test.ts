import { describe, expect, it } from 'vitest';
import { cas } from '../src/cas.js';
import { derive } from '../src/index.js';
import { maeDepthOneCriticalTime } from '../../../test/support/oracles/index.js';
import { expectCertified } from './certificates.js';

describe('derive(mae, L)', () => {
  for (let L = 1; L <= 12; L++) {
    it(`every certificate holds at L = ${L}`, () => expectCertified('mae', L));
  }

  it('L = 1 reproduces G(u) = −½ ln(1 − u²/ρ) and the exact docs/math.md §3 critical time', () => {
    const d = derive('mae', 1);
    expect(d.flow.dudt.cas).toBe('lam*u-s2*u^3');
    // t* = (1/(2λ)) ln[(p²/(1−p²))(ρ − ε²)/ε²]
    for (const [lam, rho, eps, p] of [
      [1, 1, 0.01, 0.5],
      [0.3, 2.5, 1e-4, 0.9],
      [7, 0.2, 1e-6, 0.05],
    ]) {
      const exact = maeDepthOneCriticalTime(lam, rho, eps, p);
      const t = d.evaluator.tStar(lam, rho, eps, p);
      expect(t).not.toBeNull();
      expect(Math.abs((t ?? 0) - exact) / exact).toBeLessThan(1e-14);
    }
  });

  it('where G has no arctan (L = 1, 3) its derivative is also certified symbolically; elsewhere only numerically', () => {
    for (const L of [1, 3]) {
      const c = derive('mae', L).certificates.find((x) => x.step === 'g-derivative-symbolic');
      expect(c?.route).toBe('cas');
      expect(c?.reduced).toBe('0');
    }
    for (const L of [2, 4, 5]) expect(derive('mae', L).certificates.some((x) => x.step === 'g-derivative-symbolic')).toBe(false);
  });

  it('the safe split route (ρ − s^13 held as q) certifies L = 12 (the rational expand takes ~24 s; no wall-clock bound: speed targets belong in bench/)', () => {
    const D = '(rho*s^12*q)';
    expect(cas(`expand(subst(rho - s^13, q, ${D}*(1/rho*s^(-12)) + ${D}*(s/(rho*q)) - ${D}*(1/(s^12*q))))`)).toBe('0');
  });

  it('G is certified numerically at 50 points to 1e-13 relative', () => {
    const c = derive('mae', 6).certificates.find((x) => x.step === 'g-derivative');
    expect(c?.spotCheck.points).toBe(50);
    expect(c?.spotCheck.tolerance).toBe(1e-13);
    expect(c?.holds).toBe(true);
  });
});
