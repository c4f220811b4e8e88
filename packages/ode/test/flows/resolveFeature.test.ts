import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, resolveFeature } from '../../src/index.js';

describe('resolveFeature', () => {
  it('fills in the third of σ², λ, ρ from any two', () => {
    expect(resolveFeature({ lambda: 1, rho: 4 })).toEqual({ sigma2: 0.25, lambda: 1, rho: 4 });
    expect(resolveFeature({ sigma2: 2, rho: 3 })).toEqual({ sigma2: 2, lambda: 6, rho: 3 });
    expect(resolveFeature({ sigma2: 2, lambda: 3 })).toEqual({ sigma2: 2, lambda: 3, rho: 1.5 });
    expect(resolveFeature({ sigma2: 2, lambda: -3 })).toEqual({ sigma2: 2, lambda: -3, rho: -1.5 });
    expect(resolveFeature({ sigma2: 3, lambda: 1, rho: 1 / 3 })).toEqual({ sigma2: 3, lambda: 1, rho: 1 / 3 });
  });
  it.each([
    [{ sigma2: 0, rho: 1 }, 'feature.sigma2'],
    [{ sigma2: -1, rho: 1 }, 'feature.sigma2'],
    [{ lambda: 1, rho: -1 }, 'feature.rho'],
    [{ lambda: 0, rho: 1 }, 'feature.lambda'],
    [{ lambda: Number.NaN, rho: 1 }, 'feature.lambda'],
    [{ lambda: 1, rho: Number.POSITIVE_INFINITY }, 'feature.rho'],
    [{ lambda: 1 }, 'feature'],
    [{ lambda: 0, rho: 0 }, 'feature.sigma2'],
    [{ sigma2: 2, lambda: 1, rho: 1 }, 'feature.lambda'],
  ])('rejects %j naming %s', (input, argument) => {
    let caught: unknown;
    try {
      resolveFeature(input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidArgumentError);
    expect((caught as InvalidArgumentError).argument).toBe(argument);
    expect((caught as InvalidArgumentError).message).toMatch(/^resolveFeature: invalid argument /);
  });
});
