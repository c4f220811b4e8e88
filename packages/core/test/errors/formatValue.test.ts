import { describe, expect, it } from 'vitest';
import { formatValue } from '../../src/index.js';

describe('formatValue', () => {
  it('prints numbers, booleans, bigints, null and undefined as JavaScript does', () => {
    expect([-1, 1e-300, Number.NaN, -Infinity, true, 3n, null, undefined].map(formatValue)).toEqual([
      '-1',
      '1e-300',
      'NaN',
      '-Infinity',
      'true',
      '3',
      'null',
      'undefined',
    ]);
  });

  it('quotes strings (so "1" and 1 differ) and escapes as JSON does', () => {
    expect(formatValue('1')).toBe('"1"');
    expect(formatValue('a"b')).toBe('"a\\"b"');
  });

  it('shows arrays and typed arrays item by item, at most six, then the count', () => {
    expect(formatValue([1, 'x'])).toBe('[1, "x"]');
    expect(formatValue(Float64Array.of(1, 2, 3, 4, 5, 6))).toBe('[1, 2, 3, 4, 5, 6]');
    expect(formatValue([1, 2, 3, 4, 5, 6, 7])).toBe('[1, 2, 3, 4, 5, 6, … (7 items)]');
  });

  it('shows objects as JSON, functions as "a function", and survives a cycle', () => {
    expect(formatValue({ a: 1 })).toBe('{"a":1}');
    expect(formatValue(() => 1)).toBe('a function');
    const cyclic: { self?: unknown } = {};
    cyclic.self = cyclic;
    expect(formatValue(cyclic)).toBe('[object Object]');
  });
});
