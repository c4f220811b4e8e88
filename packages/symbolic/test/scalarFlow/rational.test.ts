import { describe, expect, it } from 'vitest';
import { add, div, fromNumber, mul, parseDecimal, rational, sub, toNumber } from '../../src/scalarFlow/rational.js';
import { seededUniform } from '../../src/seededUniform.js';

describe('rational', () => {
  it('parseDecimal reads decimal literals exactly (0.01 is 1/100, not the double nearest to it)', () => {
    expect(parseDecimal('0.01')).toEqual({ n: 1n, d: 100n });
    expect(parseDecimal('-2.5e-3')).toEqual({ n: -1n, d: 400n });
    expect(parseDecimal('12e3')).toEqual({ n: 12000n, d: 1n });
    expect(parseDecimal('1.5.2')).toBeNull();
    expect(parseDecimal('abc')).toBeNull();
    expect(fromNumber(1e-20)).toEqual({ n: 1n, d: 10n ** 20n });
  });

  it('toNumber is the correctly rounded double of a/b for 10^4 seeded pairs of 53-bit integers (the division a/b of two exact doubles is correctly rounded by IEEE 754)', () => {
    const rand = seededUniform(11);
    for (let i = 0; i < 10000; i++) {
      const a = Math.floor(rand() * 2 ** 53) - 2 ** 52;
      const b = 1 + Math.floor(rand() * 2 ** 53);
      expect(toNumber(rational(BigInt(a), BigInt(b)))).toBe(a / b);
    }
  });

  it('toNumber keeps full precision for values far outside [2^-1022, 2^1023] scale of numerator and denominator', () => {
    // 10^-300 = 1/10^300 and 10^300: both doubles exist; a naive Number(n)/Number(d) gives 0 and NaN
    expect(toNumber(rational(1n, 10n ** 300n))).toBe(1e-300);
    expect(toNumber(rational(10n ** 400n, 10n ** 100n))).toBe(1e300);
    expect(toNumber(rational(3n ** 700n, 3n ** 699n * 2n))).toBe(1.5);
  });

  it('field identities hold exactly: (a + b)·c − a·c − b·c = 0 and (a/b)·b = a', () => {
    const a = rational(7n, 13n);
    const b = rational(-22n, 9n);
    const c = rational(5n, 6n);
    expect(sub(sub(mul(add(a, b), c), mul(a, c)), mul(b, c))).toEqual({ n: 0n, d: 1n });
    expect(mul(div(a, b), b)).toEqual(a);
  });
});
