import { describe, expect, it } from 'vitest';
import { validateEpsilon } from '../../src/index.js';

describe('validateEpsilon', () => {
  it('accepts any positive finite ε (tiny ones included) and names epsilon otherwise', () => {
    expect(validateEpsilon('f', 1e-300)).toBe(1e-300);
    expect(() => validateEpsilon('criticalTime', 0)).toThrow(
      'criticalTime: invalid argument epsilon: must be a positive finite number; got 0.',
    );
    expect(() => validateEpsilon('criticalTime', Infinity)).toThrow(/epsilon/);
  });
});
