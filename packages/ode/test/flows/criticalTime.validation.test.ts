/**
 * criticalTime's edges: bad settings name the argument, a critical time that does not exist
 * says why (never a number), and one too large for a double is an error. Its values are
 * criticalTime.test.ts's.
 */
import { describe, expect, it } from 'vitest';
import { criticalTime, InvalidArgumentError } from '../../src/index.js';

describe('criticalTime settings validation', () => {
  const f = { lambda: 1, rho: 2 };
  it.each([
    [{ objective: 'jepa', depth: 0, epsilon: 0.1 }, 'depth'],
    [{ objective: 'jepa', depth: 2.5, epsilon: 0.1 }, 'depth'],
    [{ objective: 'jepa', depth: 2, epsilon: -1 }, 'epsilon'],
    [{ objective: 'jepa', depth: 2, epsilon: 0 }, 'epsilon'],
    [{ objective: 'byol', depth: 2, epsilon: 0.1 }, 'objective'],
    [{ objective: 'mae', depth: 2, epsilon: 0.1, fraction: 1 }, 'fraction'],
    [{ objective: 'mae', depth: 2, epsilon: 0.1, timeUnit: 'steps' }, 'timeUnit'],
    [{ objective: 'mae', depth: 2, epsilon: 0.1, method: 'guess' }, 'method'],
  ])('criticalTime rejects %j naming %s', (options, argument) => {
    // deliberately ill-typed input, as JavaScript callers can pass
    expect(() => criticalTime(f, options as never)).toThrow(InvalidArgumentError);
    try {
      criticalTime(f, options as never);
    } catch (error) {
      expect((error as InvalidArgumentError).argument).toBe(argument);
    }
  });
});

describe('critical time existence', () => {
  it('says why, never a number, when ε ≥ p·w̄∞ or ρ ≤ 0 (JEPA and MAE, every method)', () => {
    for (const method of ['exact', 'ode', 'inverse-ode', 'leading-order'] as const) {
      const above = criticalTime({ lambda: 1, rho: 1 }, { objective: 'jepa', depth: 2, epsilon: 0.5, method });
      expect(above).toMatchObject({ exists: false, reason: 'start-not-below-target' });
      const negJ = criticalTime({ lambda: -1, rho: -2 }, { objective: 'jepa', depth: 2, epsilon: 1e-3, method });
      expect(negJ).toMatchObject({ exists: false, reason: 'rho-not-positive' });
      const negM = criticalTime({ lambda: -1, rho: -2 }, { objective: 'mae', depth: 3, epsilon: 1e-3, method });
      expect(negM).toMatchObject({ exists: false, reason: 'rho-not-positive' });
      expect('t' in negM).toBe(false);
    }
    // exactly at the target: MAE L = 1, p·w̄∞ = ½·ρ^{1/2} = ½
    expect(criticalTime({ lambda: 1, rho: 1 }, { objective: 'mae', depth: 1, epsilon: 0.5 }).exists).toBe(false);
  });
});

describe('critical time overflow', () => {
  it('an ε so small that t* exceeds the largest double is an error naming epsilon, not Infinity', () => {
    // JEPA, L = 2: t* ≈ ε^{−3/2}/(3λ) = 1e450/3 for ε = 1e-300
    expect(() => criticalTime({ lambda: 1, rho: 1 }, { objective: 'jepa', depth: 2, epsilon: 1e-300 })).toThrow(/epsilon.*overflows/);
  });
});
