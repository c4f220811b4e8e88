import { describe, expect, it } from 'vitest';
import { formatSignificant } from '../../src/arrange/formatSignificant.js';

describe('formatSignificant(x, digits)', () => {
  it('rounds to the significant digits and drops trailing zeros', () => {
    expect([formatSignificant(3.8129), formatSignificant(1.0021), formatSignificant(0.000123456, 2), formatSignificant(2.5e-7, 3)]).toEqual(
      ['3.81', '1', '0.00012', '2.5e-7'],
    );
  });
});
