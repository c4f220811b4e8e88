import { describe, expect, it } from 'vitest';
import { validateTimeUnit } from '../../src/index.js';

describe('validateTimeUnit', () => {
  it("defaults to 'gradient-flow' only when omitted, accepts 'paper', rejects anything else", () => {
    expect(validateTimeUnit('f', undefined)).toBe('gradient-flow');
    expect(validateTimeUnit('f', 'gradient-flow')).toBe('gradient-flow');
    expect(validateTimeUnit('f', 'paper')).toBe('paper');
    expect(() => validateTimeUnit('f', null)).toThrow("f: invalid argument timeUnit: must be 'gradient-flow' or 'paper'; got null.");
    expect(() => validateTimeUnit('f', 'tau')).toThrow(/timeUnit/);
  });
});
