import { describe, expect, it } from 'vitest';
import { transpose } from '../../src/index.js';
import { normalSource, randomMatrix, transposed } from '../../../../test/support/oracles/index.js';

describe('transpose', () => {
  it('transpose(out, a, m, n) writes Aᵀ, and transposing twice gives A back', () => {
    const source = normalSource(3);
    for (const [m, n] of [
      [1, 1],
      [2, 3],
      [5, 4],
      [16, 9],
    ]) {
      const a = randomMatrix(source, m, n);
      const t = transpose(new Float64Array(m * n), a, m, n);
      expect(t).toEqual(transposed(a, m, n));
      expect(transpose(new Float64Array(m * n), t, n, m)).toEqual(a);
    }
  });

  it('rejects an output that is the input (an in-place transpose would be wrong) and short arrays', () => {
    const a = new Float64Array(6);
    expect(() => transpose(a, a, 2, 3)).toThrow(
      'transpose: invalid argument out: must not overlap a (they share memory); got "6 entries".',
    );
    expect(() => transpose(new Float64Array(5), a, 2, 3)).toThrow(
      'transpose: invalid argument out: must have length at least m·n = 6; got 5.',
    );
  });
});
