import { describe, expect, it } from 'vitest';
import { UNIT_INTERVALS, validateUnitInterval, type UnitInterval } from '../../src/index.js';

describe('validateUnitInterval', () => {
  // which of 0, ½, 1 each interval contains, by its brackets
  const contains: Record<UnitInterval, [boolean, boolean, boolean]> = {
    '(0, 1)': [false, true, false],
    '(0, 1]': [false, true, true],
    '[0, 1)': [true, true, false],
    '[0, 1]': [true, true, true],
  };

  it('each of UNIT_INTERVALS contains its closed ends only, and never a number outside [0, 1]', () => {
    for (const interval of UNIT_INTERVALS) {
      [0, 0.5, 1].forEach((x, i) => {
        if (contains[interval][i]) expect(validateUnitInterval('f', 'p', x, interval)).toBe(x);
        else
          expect(() => validateUnitInterval('f', 'p', x, interval)).toThrow(
            `f: invalid argument p: must be a number in ${interval}; got ${x}.`,
          );
      });
      for (const bad of [-Number.MIN_VALUE, 1 + Number.EPSILON, Number.NaN, '0.5'])
        expect(() => validateUnitInterval('f', 'p', bad, interval)).toThrow(/must be a number in/);
    }
  });
});
