import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '@jepa-dynamics/core';
import { trajectoryDeviation } from '../../src/index.js';

describe('trajectoryDeviation', () => {
  it('is the largest |sim − ref| overall and per feature, with where it is attained', () => {
    const r = trajectoryDeviation(
      [
        [0, 1, 2],
        [5, 5, 5],
      ],
      [Float64Array.of(0, 1.5, 2), Float64Array.of(5, 4, 5.25)],
    );
    expect(r).toEqual({ max: 1, perFeature: [0.5, 1], feature: 1, index: 1 });
    expect(trajectoryDeviation([], [])).toEqual({ max: 0, perFeature: [], feature: 0, index: 0 });
  });

  it('is NaN, never a smaller number, when a value is NaN, and points at it', () => {
    const r = trajectoryDeviation(
      [
        [0, 9],
        [1, Number.NaN, 3],
      ],
      [
        [0, 0],
        [1, 2, 3],
      ],
    );
    expect(r.max).toBeNaN();
    expect(r.perFeature[0]).toBe(9);
    expect(r.perFeature[1]).toBeNaN();
    expect([r.feature, r.index]).toEqual([1, 1]);
  });

  it('rejects families of different shapes, naming the reference', () => {
    expect(() => trajectoryDeviation([[1]], [])).toThrow(InvalidArgumentError);
    expect(() => trajectoryDeviation([[1]], [])).toThrow(/trajectoryDeviation: invalid argument reference: must have as many features/);
    expect(() => trajectoryDeviation([[1, 2]], [[1]])).toThrow(/reference\[0\]: must have as many times as simulated\[0\] \(2\)/);
  });
});
