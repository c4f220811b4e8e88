import { describe, expect, it } from 'vitest';
import { validateInteger } from '../../src/index.js';

describe('validateInteger', () => {
  it('accepts safe integers in [minimum, maximum], both ends included', () => {
    expect(validateInteger('f', 'n', 0, 0)).toBe(0);
    expect(validateInteger('f', 'n', 4096, 1, 4096)).toBe(4096);
    expect(validateInteger('f', 'n', Number.MAX_SAFE_INTEGER, 1)).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('words the rule as the command line does: "an integer ≥ m" or "an integer from m to M"', () => {
    expect(() => validateInteger('train', 'steps', -1, 0)).toThrow('train: invalid argument steps: must be an integer ≥ 0; got -1.');
    expect(() => validateInteger('initialNetwork', 'd', 0, 1, 4096)).toThrow(
      'initialNetwork: invalid argument d: must be an integer from 1 to 4096; got 0.',
    );
  });

  it('rejects fractions, non-finite and unsafe integers (2⁵³ is not exact), and non-numbers', () => {
    for (const bad of [1.5, Number.NaN, Infinity, 2 ** 53, 1e300, '3', null, undefined])
      expect(() => validateInteger('f', 'n', bad, 0)).toThrow(/must be an integer ≥ 0/);
  });
});
