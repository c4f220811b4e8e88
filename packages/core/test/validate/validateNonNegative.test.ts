import { describe, expect, it } from 'vitest';
import { validateNonNegative } from '../../src/index.js';

describe('validateNonNegative', () => {
  it('accepts 0 ≤ x < ∞ and rejects negatives, NaN, ∞ and non-numbers', () => {
    for (const x of [0, -0, 1e-300, 5]) expect(validateNonNegative('f', 'atol', x)).toBe(x);
    for (const bad of [-1e-300, Number.NaN, Infinity, '0'])
      expect(() => validateNonNegative('f', 'atol', bad)).toThrow(/^f: invalid argument atol: must be a non-negative finite number; got /);
  });
});
