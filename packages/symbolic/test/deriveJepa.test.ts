import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '@jepa-dynamics/core';
import { cas } from '../src/cas.js';
import { derive } from '../src/index.js';
import { expectCertified } from './certificates.js';

describe('derive(jepa, L)', () => {
  for (let L = 1; L <= 12; L++) {
    it(`every certificate holds at L = ${L}`, () => expectCertified('jepa', L));
  }

  it('derives the docs/math.md §2 balanced flow and the §3 partial fractions (L = 3)', () => {
    const d = derive('jepa', 3);
    expect(d.flow.dudt.cas).toBe('lam*u^6-s2*u^7');
    expect(d.flow.dwbardt.cas).toBe('3*lam*u^8-3*s2*u^9');
    expect(d.certificates.map((c) => c.step)).toContain('partial-fractions');
    expect(d.integral.leadingOrder.latex).toContain('\\varepsilon');
  });

  it('the safe partial-fraction route (denominator cleared, ρ − s held as q) certifies L = 12 (no wall-clock bound: speed targets belong in bench/)', () => {
    const n = 24;
    const D = `(rho^(${n + 1})*s^${n}*q)`;
    const terms = Array.from({ length: n }, (_, i) => `${D}*(rho^(${-n + i})*s^(${-(i + 1)}))`);
    const reduced = cas(`expand(subst(rho-s, q, ${terms.join(' + ')} + ${D}*(rho^(${-n})/q) - ${D}*(1/(s^${n}*q))))`);
    expect(reduced).toBe('0');
  });

  it('the avoided route: multiplying through without q leaves a wrong non-zero remainder (algebrite 1.4.0)', () => {
    const n = 4;
    const d = Array.from({ length: n }, (_, k) => `rho^(${k + 1 - n - 1})*s^(${-(k + 1)})`).join('+');
    expect(cas(`expand((${d} + rho^(${-n})/(rho-s))*s^${n}*(rho-s)-1)`)).not.toBe('0');
  });

  it('rejects depths outside 1…12 and unknown objectives with InvalidArgumentError', () => {
    expect(() => derive('jepa', 0)).toThrow(InvalidArgumentError);
    expect(() => derive('jepa', 13)).toThrow(/depth: must be an integer from 1 to 12/);
    expect(() => derive('jepa', 2.5)).toThrow(InvalidArgumentError);
    expect(() => derive('vae' as 'jepa', 2)).toThrow(/objective/);
  });
});
