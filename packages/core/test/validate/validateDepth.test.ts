import { describe, expect, it } from 'vitest';
import { validateDepth } from '../../src/index.js';

describe('validateDepth', () => {
  it('validateDepth(where, L) accepts every integer L ≥ 1 (no maximum unless given)', () => {
    for (const L of [1, 2, 12, 13, 1000]) expect(validateDepth('f', L)).toBe(L);
  });

  it('rejects 0, negatives, fractions and non-numbers with the one rule of every package', () => {
    for (const bad of [0, -1, 2.5, Number.NaN, '2', undefined])
      expect(() => validateDepth('criticalTime', bad)).toThrow(/^criticalTime: invalid argument depth: must be an integer ≥ 1; got /);
  });

  it('validateDepth(where, L, maxDepth) also caps L, worded "from 1 to maxDepth"', () => {
    expect(validateDepth('derive', 12, 12)).toBe(12);
    expect(() => validateDepth('derive', 13, 12)).toThrow('derive: invalid argument depth: must be an integer from 1 to 12; got 13.');
    expect(() => validateDepth('derive', 0, 12)).toThrow(/must be an integer from 1 to 12; got 0/);
  });
});
