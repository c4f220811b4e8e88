import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, validateChoice } from '../../src/index.js';

describe('validateChoice', () => {
  it('validateChoice(where, name, value, choices) returns a member unchanged', () => {
    expect(validateChoice('f', 'x', 'b', ['a', 'b'] as const)).toBe('b');
  });

  it("lists the choices as 'a', 'a' or 'b', 'a', 'b' or 'c' and names the value", () => {
    expect(() => validateChoice('f', 'x', 'z', ['a'])).toThrow('f: invalid argument x: must be \'a\'; got "z".');
    expect(() => validateChoice('f', 'x', 'z', ['a', 'b'])).toThrow("must be 'a' or 'b'; got \"z\".");
    expect(() => validateChoice('f', 'x', 3, ['a', 'b', 'c'])).toThrow("must be 'a', 'b' or 'c'; got 3.");
  });

  it('rejects non-strings and near misses (case, whitespace) with InvalidArgumentError', () => {
    for (const bad of [undefined, null, 'A', ' a', ['a'], { a: 1 }])
      expect(() => validateChoice('f', 'x', bad, ['a', 'b'])).toThrow(InvalidArgumentError);
  });
});
