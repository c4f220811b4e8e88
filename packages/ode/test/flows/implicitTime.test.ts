import { describe, expect, it } from 'vitest';
import { implicitTime, InvalidArgumentError } from '../../src/index.js';
import { balancedRate, fixedPointU, mulberry32, timeOfU } from '../../../../test/support/oracles/index.js';

describe('implicitTime', () => {
  it('is 0 at the start and rejects u outside [ε^{1/L}, u∞)', () => {
    expect(implicitTime({ lambda: 1, rho: 1 }, { objective: 'mae', depth: 1, epsilon: 0.25, u: 0.25 })).toBe(0);
    expect(() => implicitTime({ lambda: 1, rho: 1 }, { objective: 'jepa', depth: 1, epsilon: 0.25, u: 1 })).toThrow(InvalidArgumentError);
    expect(() => implicitTime({ lambda: 1, rho: 1 }, { objective: 'jepa', depth: 1, epsilon: 0.25, u: 0.2 })).toThrow(InvalidArgumentError);
  });

  it('equals the independent closed form t(u) (seeded grid L 1…8, u from just above u0 to 1 − 1e-9 of u∞)', () => {
    const random = mulberry32(17);
    let compared = 0;
    for (let trial = 0; trial < 64; trial++) {
      const objective = trial % 2 === 0 ? 'jepa' : 'mae';
      const depth = 1 + (trial % 8);
      const lambda = 1e-2 * 1e4 ** random();
      const rho = 0.05 * 100 ** random();
      const epsilon = 1e-6 * 1e5 ** random();
      const u0 = epsilon ** (1 / depth);
      const uInf = fixedPointU(objective, depth, rho);
      if (!(u0 < uInf)) continue;
      // from 1e-3 of the way up to 1 − 1e-9 of u∞ (log-spaced gaps to the fixed point)
      for (const gap of [0.999, 0.5, 1e-2, 1e-5, 1e-9]) {
        const u = uInf - gap * (uInf - u0);
        const t = implicitTime({ lambda, rho }, { objective, depth, epsilon, u });
        const want = timeOfU(objective, depth, lambda, rho, epsilon, u);
        // Both are good to ~1e-13 relative (the oracle to 1e-12 against mpmath, test/oracles.test.ts); 1e-11 leaves
        // room for the oracle's cancellation in u0^{1−L} − u^{1−L} when u is near u0. Near u∞ t(u) is ill-conditioned:
        // each rounds ρ − u^{L+1} (or 1 − u/u∞) at its own place, an error of a few ulps of u, worth u·ulp/(du/dt) in t.
        const conditioning = (4e-16 * u) / balancedRate(objective, depth, lambda, rho, u);
        expect(Math.abs(t - want), JSON.stringify({ objective, depth, lambda, rho, epsilon, gap })).toBeLessThan(
          1e-11 * want + conditioning,
        );
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(200);
  });

  it('paper time is L times gradient-flow time', () => {
    const options = { objective: 'mae', depth: 3, epsilon: 1e-3, u: 0.5 } as const;
    expect(implicitTime({ lambda: 1, rho: 2 }, { ...options, timeUnit: 'paper' })).toBe(3 * implicitTime({ lambda: 1, rho: 2 }, options));
  });
});
