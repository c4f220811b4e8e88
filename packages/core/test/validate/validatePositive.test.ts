import { describe, expect, it } from 'vitest';
import { validatePositive } from '../../src/index.js';

describe('validatePositive', () => {
  it('accepts 0 < x < ∞, including the smallest subnormal and the largest double', () => {
    for (const x of [Number.MIN_VALUE, 1, Number.MAX_VALUE]) expect(validatePositive('f', 'x', x)).toBe(x);
  });

  it('rejects 0, −0, negatives, NaN, ∞ and non-numbers as "must be a positive finite number"', () => {
    for (const bad of [0, -0, -1, Number.NaN, Infinity, '1', null])
      expect(() => validatePositive('train', 'learningRate', bad)).toThrow(
        /^train: invalid argument learningRate: must be a positive finite number; got /,
      );
  });
});
