import { describe, expect, it } from 'vitest';
import { MIN_RELATIVE_TOLERANCE, validateRelativeTolerance } from '../../src/index.js';

describe('validateRelativeTolerance', () => {
  it('accepts 100 machine epsilons up to, not including, 1, and rejects the rest naming the range', () => {
    expect(MIN_RELATIVE_TOLERANCE).toBe(100 * 2 ** -52);
    for (const x of [MIN_RELATIVE_TOLERANCE, 1e-12, 0.5, 1 - 2 ** -53]) expect(validateRelativeTolerance('f', 'rtol', x)).toBe(x);
    for (const bad of [1, 10, 1e-20, MIN_RELATIVE_TOLERANCE * (1 - 2 ** -52), 0, -1e-8, Number.NaN, Infinity, '1e-8', undefined]) {
      expect(() => validateRelativeTolerance('f', 'rtol', bad)).toThrow(
        /^f: invalid argument rtol: must be a number from 2\.22e-14 \(100 machine epsilons\) up to, not including, 1; got /,
      );
    }
  });
});
