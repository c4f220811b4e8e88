import { describe, expect, it } from 'vitest';
import { ONE, ZERO, rational, type Rational } from '../../src/scalarFlow/rational.js';
import { polyDivMod, polyEval, polyGcd, polyMul, polyPow, polynomial, squareFreeFactors } from '../../src/scalarFlow/rationalPolynomial.js';

const linear = (r: Rational) => polynomial([{ n: -r.n, d: r.d }, ONE]);

describe('polynomials over ℚ', () => {
  it('squareFreeFactors recovers the multiplicities of a product of known factors: (x − 1/2)³ (x + 2)(x² + 1)² x⁴', () => {
    const quadratic = polynomial([ONE, ZERO, ONE]);
    const p = polyMul(
      polyMul(polyMul(polyPow(linear(rational(1n, 2n)), 3), linear(rational(-2n))), polyPow(quadratic, 2)),
      polyPow(polynomial([ZERO, ONE]), 4),
    );
    const { lead, factors } = squareFreeFactors(polyMul(p, [rational(-3n, 7n)]));
    expect(lead).toEqual(rational(-3n, 7n));
    const byMultiplicity = new Map(factors.map((f) => [f.multiplicity, f.factor]));
    // multiplicity 1: x + 2; 2: x² + 1; 3: x − 1/2; 4: x
    expect(byMultiplicity.get(1)).toEqual(linear(rational(-2n)));
    expect(byMultiplicity.get(2)).toEqual(quadratic);
    expect(byMultiplicity.get(3)).toEqual(linear(rational(1n, 2n)));
    expect(byMultiplicity.get(4)).toEqual(polynomial([ZERO, ONE]));
  });

  it('polyDivMod: p = q·d + r with deg r < deg d, and polyGcd of coprime polynomials is 1', () => {
    const p = polynomial([rational(3n), rational(-1n, 2n), ZERO, rational(5n, 3n), ONE]);
    const d = polynomial([rational(1n, 7n), ONE, rational(2n)]);
    const [q, r] = polyDivMod(p, d);
    expect(r.length).toBeLessThan(d.length);
    for (const x of [rational(0n), rational(3n, 11n), rational(-5n)]) {
      const lhs = polyEval(p, x);
      const rhs = polyEval(polyMul(q, d), x);
      const rem = polyEval(r, x);
      expect({ n: lhs.n * rhs.d * rem.d, d: 1n }).toEqual({ n: (rhs.n * rem.d + rem.n * rhs.d) * lhs.d, d: 1n });
    }
    expect(polyGcd(polynomial([ONE, ONE]), polynomial([rational(-1n), ONE]))).toEqual([ONE]);
  });
});
