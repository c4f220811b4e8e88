import { describe, expect, it } from 'vitest';
import { digamma } from '../../src/flows/digamma.js';

const EULER_GAMMA = 0.57721566490153286;

describe('digamma', () => {
  it('takes the values of Gauss’s digamma theorem (Abramowitz & Stegun 6.3.2–6.3.4, 6.3.8)', () => {
    // ψ(1) = −γ; ψ(½) = −γ − 2 ln 2; ψ(⅓) = −γ − π/(2√3) − (3/2) ln 3; ψ(¼) = −γ − π/2 − 3 ln 2
    const cases: [number, number][] = [
      [1, -EULER_GAMMA],
      [0.5, -EULER_GAMMA - 2 * Math.LN2],
      [1 / 3, -EULER_GAMMA - Math.PI / (2 * Math.sqrt(3)) - 1.5 * Math.log(3)],
      [0.25, -EULER_GAMMA - Math.PI / 2 - 3 * Math.LN2],
    ];
    // the recurrence adds up to ~20 terms of size ≤ 1/x, the asymptotic series is good to 1e-17: a few ulps of |ψ|
    for (const [x, want] of cases) expect(Math.abs(digamma(x) - want), `ψ(${x})`).toBeLessThan(1e-14 * Math.max(1, Math.abs(want)));
  });

  it('satisfies ψ(x + 1) = ψ(x) + 1/x across the switch to the asymptotic series at x = 20', () => {
    for (const x of [0.1, 0.7, 2.5, 18.9, 19.5, 20, 37.25, 1e3]) {
      expect(Math.abs(digamma(x + 1) - digamma(x) - 1 / x)).toBeLessThan(1e-14 * Math.max(1, Math.abs(digamma(x)) + 1 / x));
    }
    // ψ(n) = −γ + H_{n−1}
    let harmonic = 0;
    for (let n = 1; n <= 40; n++) {
      expect(Math.abs(digamma(n) - (-EULER_GAMMA + harmonic))).toBeLessThan(1e-14 * Math.max(1, harmonic));
      harmonic += 1 / n;
    }
  });
});
