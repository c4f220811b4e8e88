import { describe, expect, it } from 'vitest';
import { logAxis, logDomain, powerOfTen } from '../../src/arrange/logAxis.js';

describe('powerOfTen(k)', () => {
  it('writes the exponent in Unicode superscripts, with a superscript minus', () => {
    expect([-16, -1, 0, 1, 10, 123].map(powerOfTen)).toEqual(['10⁻¹⁶', '10⁻¹', '10⁰', '10¹', '10¹⁰', '10¹²³']);
  });
});

describe('logAxis(min, max)', () => {
  it('beyond 10⁻³ … 10⁴: powers of ten, every other decade when there are too many', () => {
    const { values, labelExpr } = logAxis(1e-16, 1, 9);
    expect(values).toEqual([-16, -14, -12, -10, -8, -6, -4, -2, 0].map((k) => Number(`1e${k}`)));
    expect(labelExpr).toContain("'1e-16': '10⁻¹⁶'");
    expect(labelExpr).toContain("'1': '10⁰'");
  });

  it('within 10⁻³ … 10⁴: 1-2-5 decimals, thinned to 1-3 and then to decades, with round ends', () => {
    expect(logAxis(0.5, 5).values).toEqual([0.5, 1, 2, 5]);
    expect(logAxis(5, 500).values).toEqual([5, 10, 20, 50, 100, 200, 500]);
    expect(logAxis(1, 1000, 5).values).toEqual([1, 10, 100, 1000]);
    expect(logAxis(0.3, 3).values).toEqual([0.3, 0.5, 1, 2, 3]);
  });

  it('labels each value by its JavaScript string, which is how the expression looks it up', () => {
    const { values, labelExpr } = logAxis(0.001, 0.01);
    // evaluate the lookup the way vega does: the object indexed by the number
    const lookup = JSON.parse(labelExpr.replace(/\[datum\.value\] \|\| ''$/, '').replace(/'/g, '"')) as Record<string, string>;
    expect(values.map((v) => lookup[v])).toEqual(['0.001', '0.002', '0.005', '0.01']);
  });
});

describe('logDomain(values)', () => {
  it('rounds out to decades beyond 10⁻³ … 10⁴ and to 1-2-5 steps within', () => {
    expect(logDomain([9999.9, 8.1e6])).toEqual([1000, 1e7]);
    expect(logDomain([7.6, 420])).toEqual([5, 500]);
    expect(logDomain([0.875, 3.81])).toEqual([0.5, 5]);
    expect(logDomain([1, 2])).toEqual([1, 2]);
    expect(logDomain([0, -1])).toEqual([1, 10]);
  });
});
