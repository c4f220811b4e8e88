import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, matmulReference, matmulTransAReference, matmulTransBReference } from '../../src/index.js';
import { dotProduct, normalSource, PRODUCT_SHAPES as shapes, randomMatrix, transposed } from '../../../../test/support/oracles/index.js';

const source = normalSource(7);

describe('matmulReference and its transposed variants', () => {
  it('matmulReference(c, a, b, m, k, n) equals the dot-product definition (same summation order: exactly)', () => {
    for (const [m, k, n] of shapes) {
      const a = randomMatrix(source, m, k),
        b = randomMatrix(source, k, n);
      expect(matmulReference(new Float64Array(m * n), a, b, m, k, n)).toEqual(dotProduct(a, b, m, k, n));
    }
  });

  it('matmulTransAReference and matmulTransBReference equal the product with the explicit transpose, exactly', () => {
    for (const [m, k, n] of shapes) {
      const at = randomMatrix(source, k, m),
        b = randomMatrix(source, k, n),
        bt = randomMatrix(source, n, k),
        a = randomMatrix(source, m, k);
      expect(matmulTransAReference(new Float64Array(m * n), at, b, m, k, n)).toEqual(dotProduct(transposed(at, k, m), b, m, k, n));
      expect(matmulTransBReference(new Float64Array(m * n), a, bt, m, k, n)).toEqual(dotProduct(a, transposed(bt, n, k), m, k, n));
    }
  });

  it('an empty inner dimension gives the zero matrix; empty outputs are allowed', () => {
    expect(matmulReference(Float64Array.of(9, 9), new Float64Array(0), new Float64Array(0), 2, 0, 1)).toEqual(new Float64Array(2));
    expect(matmulReference(new Float64Array(0), new Float64Array(0), Float64Array.of(1, 2), 0, 2, 1)).toEqual(new Float64Array(0));
  });

  it('rejects bad dimensions, short or untyped arrays, and an output sharing memory with an input', () => {
    const a = new Float64Array(4),
      b = new Float64Array(4);
    expect(() => matmulReference(new Float64Array(4), a, b, 2, 2.5, 2)).toThrow(
      'matmulReference: invalid argument k: must be an integer ≥ 0; got 2.5.',
    );
    expect(() => matmulReference(new Float64Array(3), a, b, 2, 2, 2)).toThrow(
      'matmulReference: invalid argument c: must have length at least m·n = 4; got 3.',
    );
    expect(() => matmulTransAReference(new Float64Array(4), new Float64Array(3), b, 2, 2, 2)).toThrow(
      /matmulTransAReference: invalid argument a: must have length at least m·k = 4/,
    );
    expect(() => matmulTransBReference(new Float64Array(4), a, [1, 2, 3, 4] as unknown as Float64Array, 2, 2, 2)).toThrow(
      /invalid argument b: must be a Float64Array/,
    );
    const memory = new Float64Array(12);
    expect(() => matmulReference(memory.subarray(2, 6), memory.subarray(0, 4), b, 2, 2, 2)).toThrow(
      'matmulReference: invalid argument c: must not overlap a (they share memory); got "4 entries".',
    );
    // disjoint views of one buffer are fine
    expect(() => matmulReference(memory.subarray(8, 12), memory.subarray(0, 4), memory.subarray(4, 8), 2, 2, 2)).not.toThrow();
    expect(() => matmulReference(a, a, b, 2, 2, 2)).toThrow(InvalidArgumentError);
  });
});
