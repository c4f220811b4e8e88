import { describe, expect, it } from 'vitest';
import { matmulBlocked, matmulReference } from '../../src/index.js';
import { normalSource, PRODUCT_SHAPES, randomMatrix } from '../../../../test/support/oracles/index.js';

const source = normalSource(8);

describe('matmulBlocked', () => {
  it('is bit-identical to matmulReference, including the edge rows and columns outside the 4×4 blocks', () => {
    for (const [m, k, n] of PRODUCT_SHAPES) {
      const a = randomMatrix(source, m, k),
        b = randomMatrix(source, k, n);
      expect(matmulBlocked(new Float64Array(m * n), a, b, m, k, n)).toEqual(matmulReference(new Float64Array(m * n), a, b, m, k, n));
    }
  });

  it('propagates NaN and signed infinities exactly as the reference does', () => {
    const a = Float64Array.of(1, Number.NaN, 0, 1, Infinity, 2, -1, 0, 3, 1, 1, 1, 0, -Infinity, 1, 2);
    const b = Float64Array.from({ length: 16 }, (_, i) => (i % 3) - 1);
    expect(matmulBlocked(new Float64Array(16), a, b, 4, 4, 4)).toEqual(matmulReference(new Float64Array(16), a, b, 4, 4, 4));
  });

  it('checks its arguments as matmulReference does, naming itself', () => {
    expect(() => matmulBlocked(new Float64Array(4), new Float64Array(4), new Float64Array(3), 2, 2, 2)).toThrow(
      'matmulBlocked: invalid argument b: must have length at least k·n = 4; got 3.',
    );
  });
});
