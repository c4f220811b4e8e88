import { describe, expect, it } from 'vitest';
import { validateFinite } from '../../src/index.js';

describe('validateFinite', () => {
  it('accepts any finite number, of either sign, and rejects NaN, ±∞ and non-numbers', () => {
    for (const x of [-Number.MAX_VALUE, -1, 0, 2.5]) expect(validateFinite('f', 'rho', x)).toBe(x);
    for (const bad of [Number.NaN, Infinity, -Infinity, '1', undefined])
      expect(() => validateFinite('f', 'rho', bad)).toThrow(/^f: invalid argument rho: must be a finite number; got /);
  });
});
