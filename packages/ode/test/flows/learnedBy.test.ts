/**
 * learnedBy against the test oracle's closed form (test/support/oracles, written from
 * docs/math.md §3 without the package): a feature is learned by T exactly when t*_p ≤ T.
 */
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, learnedBy } from '../../src/index.js';
import { fixedPointWbar, timeOfU, targetU } from '../../../../test/support/oracles/index.js';

describe('learnedBy(features, options)', () => {
  // a dynamic-model-like family: λ = a, ρ = a/(1 + γ²), plus one feature without a critical time (ρ < 0); under JEPA
  // feature 3 has none either: its target p·ρ^L = 5e-4 is below the start ε = 1e-3
  const lambda = [0.9, 0.9, 0.5, 0.5, 0.2, -0.3];
  const rho = [0.9, 0.3, 0.5, 0.1, 0.18, -0.3];
  for (const objective of ['jepa', 'mae'] as const) {
    it(`${objective}: learned = {t* ≤ T}, pending = {t* > T}, order by t*, at T between the oracle's times`, () => {
      const depth = 3;
      const epsilon = 1e-3;
      const exists = (i: number): boolean => rho[i] > 0 && epsilon < 0.5 * fixedPointWbar(objective, depth, rho[i]);
      const oracle = lambda.map((l, i) =>
        exists(i) ? timeOfU(objective, depth, l, rho[i], epsilon, targetU(objective, depth, rho[i], 0.5)) : NaN,
      );
      const finite = oracle.filter((t) => Number.isFinite(t)).sort((a, b) => a - b);
      // T midway between the 2nd and 3rd critical times (geometric mean): ≥ 1e-3 relative from each, far above the
      // closed forms' ~1e-12 relative difference, so the sets are decided exactly
      const stopTime = Math.sqrt(finite[1] * finite[2]);
      const r = learnedBy({ lambda, rho }, { objective, depth, epsilon, stopTime });
      expect(r.learned).toEqual(oracle.flatMap((t, i) => (t <= stopTime ? [i] : [])));
      expect(r.pending).toEqual(oracle.flatMap((t, i) => (t > stopTime ? [i] : [])));
      const none = [0, 1, 2, 3, 4, 5].filter((i) => !exists(i));
      expect(r.never).toEqual(objective === 'jepa' ? [3, 5] : [5]);
      expect(r.never).toEqual(none);
      expect(r.order).toEqual([0, 1, 2, 3, 4].filter(exists).sort((i, j) => oracle[i] - oracle[j]));
      r.t.forEach((t, i) => (none.includes(i) ? expect(t).toBeNaN() : expect(Math.abs(t / oracle[i] - 1)).toBeLessThan(1e-10)));
    });
  }

  it('T in paper time is L·t: the same sets at T_paper = L·T', () => {
    const f = { lambda: [1, 2], rho: [3, 1] };
    const a = learnedBy(f, { objective: 'jepa', depth: 8, epsilon: 1e-2, stopTime: 475 });
    const b = learnedBy(f, { objective: 'jepa', depth: 8, epsilon: 1e-2, stopTime: 8 * 475, timeUnit: 'paper' });
    expect([a.learned, b.learned]).toEqual([[0], [0]]);
  });

  it('rejects a negative or non-finite stopping time, naming it', () => {
    for (const stopTime of [-1, Infinity, NaN]) {
      expect(() => learnedBy({ lambda: [1], rho: [1] }, { objective: 'jepa', depth: 2, epsilon: 0.01, stopTime })).toThrow(
        InvalidArgumentError,
      );
    }
    expect(() => learnedBy({ lambda: [1], rho: [1] }, { objective: 'jepa', depth: 2, epsilon: 0.01, stopTime: -1 })).toThrow(/stopTime/);
  });
});
