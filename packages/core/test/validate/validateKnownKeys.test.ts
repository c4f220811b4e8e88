import { describe, expect, it } from 'vitest';
import { closestName, InvalidArgumentError, validateKnownKeys } from '../../src/index.js';

const KNOWN = ['method', 'rtol', 'atol', 'maxStep', 'maxSteps', 'firstStep', 'tEval', 'jacobian', 'jacobianSparsity'];

describe('closestName(name, candidates)', () => {
  const cases: [string, string | undefined][] = [
    ['max_step', 'maxStep'],
    ['MAX_STEPS', 'maxSteps'],
    ['max-step', 'maxStep'],
    ['rtols', 'rtol'],
    ['rtl', 'rtol'],
    ['t_eval', 'tEval'],
    ['jac', 'jacobian'],
    ['jacobianSparse', 'jacobianSparsity'],
    ['verbose', undefined],
    ['x', undefined],
  ];
  for (const [name, expected] of cases) {
    it(`${name} → ${String(expected)}`, () => expect(closestName(name, KNOWN)).toBe(expected));
  }

  it('breaks ties by the order of the candidates', () => {
    expect(closestName('tol', ['rtol', 'atol'])).toBe('rtol');
    expect(closestName('tol', ['atol', 'rtol'])).toBe('atol');
  });
});

describe('validateKnownKeys(where, name, value, known)', () => {
  it('accepts known keys and keys set to undefined', () => {
    expect(() => validateKnownKeys('f', 'options', { rtol: 1, atol: 2, other: undefined }, KNOWN)).not.toThrow();
  });

  it('names the first unknown key, its value and the suggestion', () => {
    try {
      validateKnownKeys('solveIvp', 'options', { rtol: 1, max_step: 0.5 }, KNOWN);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidArgumentError);
      expect((e as InvalidArgumentError).argument).toBe('options.max_step');
      expect((e as Error).message).toBe(
        "solveIvp: invalid argument options.max_step: is not an option of solveIvp (did you mean 'maxStep'?); got 0.5.",
      );
    }
  });

  it('lists the valid keys when none is close', () => {
    expect(() => validateKnownKeys('f', 'options', { verbose: true }, ['a', 'b'])).toThrow(
      "f: invalid argument options.verbose: is not an option of f (the options are 'a', 'b'); got true.",
    );
  });
});
