import { describe, expect, it } from 'vitest';
import { validateFraction } from '../../src/index.js';

describe('validateFraction', () => {
  it('accepts 0 < p < 1 only: p = 1 is reached only as t → ∞', () => {
    expect(validateFraction('f', 0.5)).toBe(0.5);
    expect(validateFraction('f', 1 - Number.EPSILON / 2)).toBe(1 - Number.EPSILON / 2);
    expect(() => validateFraction('criticalTime', 1)).toThrow(
      'criticalTime: invalid argument fraction: must be a number in (0, 1); got 1.',
    );
    expect(() => validateFraction('criticalTime', 0)).toThrow(/fraction/);
  });
});
