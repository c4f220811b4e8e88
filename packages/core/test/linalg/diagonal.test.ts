import { describe, expect, it } from 'vitest';
import { scaleColumns, scaleRows } from '../../src/index.js';
import { diagonalMatrix as diag, dotProduct, maxAbsDiff, normalSource, randomMatrix } from '../../../../test/support/oracles/index.js';

describe('scaleColumns and scaleRows', () => {
  it('equal the products A·diag(s) and diag(s)·A with the formed diagonal matrix, exactly', () => {
    const source = normalSource(4);
    const a = randomMatrix(source, 3, 4),
      s4 = randomMatrix(source, 1, 4),
      s3 = randomMatrix(source, 1, 3);
    expect(maxAbsDiff(scaleColumns(new Float64Array(12), a, s4, 3, 4), dotProduct(a, diag(s4), 3, 4, 4))).toBe(0);
    expect(maxAbsDiff(scaleRows(new Float64Array(12), a, s3, 3, 4), dotProduct(diag(s3), a, 3, 3, 4))).toBe(0);
  });

  it('may work in place (out = a)', () => {
    const a = Float64Array.of(1, 2, 3, 4);
    expect(scaleColumns(a, a, Float64Array.of(10, 100), 2, 2)).toEqual(Float64Array.of(10, 200, 30, 400));
  });

  it('reject a diagonal shorter than the scaled dimension', () => {
    expect(() => scaleColumns(new Float64Array(6), new Float64Array(6), new Float64Array(2), 2, 3)).toThrow(
      'scaleColumns: invalid argument s: must have length at least n = 3; got 2.',
    );
    expect(() => scaleRows(new Float64Array(6), new Float64Array(6), new Float64Array(1), 2, 3)).toThrow(
      'scaleRows: invalid argument s: must have length at least m = 2; got 1.',
    );
  });
});
