import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/index.js';

describe('InvalidArgumentError', () => {
  it('new InvalidArgumentError(where, argument, rule, value) names all four in one sentence', () => {
    const e = new InvalidArgumentError('solveIvp', 'options.rtol', 'must be a positive finite number', -1);
    expect(e.message).toBe('solveIvp: invalid argument options.rtol: must be a positive finite number; got -1.');
    expect([e.name, e.argument, e.rule, e.value]).toEqual(['InvalidArgumentError', 'options.rtol', 'must be a positive finite number', -1]);
  });

  it('is a RangeError, so callers that catch RangeError still see it', () => {
    const e = new InvalidArgumentError('f', 'x', 'must be 1', 2);
    expect(e).toBeInstanceOf(RangeError);
    expect(e).toBeInstanceOf(Error);
  });

  it('shows the value by formatValue: strings quoted, long arrays abbreviated', () => {
    expect(new InvalidArgumentError('f', 'x', 'must be 1', 'one').message).toBe('f: invalid argument x: must be 1; got "one".');
    expect(new InvalidArgumentError('f', 'x', 'must be short', new Float64Array(9)).message).toContain(
      'got [0, 0, 0, 0, 0, 0, … (9 items)].',
    );
  });
});
