import { describe, expect, it } from 'vitest';
import { learningOrder, orderFlipDepth } from '../../src/index.js';
import { closedFormCriticalTime, learnedOrder, mulberry32 } from '../../../../test/support/oracles/index.js';

describe('learningOrder', () => {
  it('sorts by the closed-form critical times and lists the features without one in input order (seeded, 12 features, L 1…8)', () => {
    const random = mulberry32(41);
    for (let trial = 0; trial < 16; trial++) {
      const depth = 1 + (trial % 8);
      const epsilon = 1e-4 * 1e3 ** random();
      // ρ from 0.02 to 5: at small ρ (and ρ < 0) some features have no critical time
      const features = Array.from({ length: 12 }, () => {
        const sign = random() < 0.1 ? -1 : 1; // ρ = λ/σ² < 0 needs λ < 0
        return { lambda: sign * 0.05 * 200 ** random(), rho: sign * 0.02 * 250 ** random() };
      });
      for (const objective of ['jepa', 'mae'] as const) {
        const r = learningOrder(features, { objective, depth, epsilon });
        const times = features.map((f) => closedFormCriticalTime(objective, depth, f.lambda, f.rho, epsilon));
        // the library's times agree with the closed form to ~1e-12; no two of these 12 are that close
        expect(r.order).toEqual(learnedOrder(times));
        expect(r.never).toEqual(times.flatMap((t, i) => (t === undefined ? [i] : [])));
        expect(r.times.map((x) => x.exists)).toEqual(times.map((t) => t !== undefined));
      }
    }
  });

  it('keeps input order for equal critical times', () => {
    const f = { lambda: 1, rho: 2 };
    expect(learningOrder([f, { lambda: 5, rho: 3 }, f], { objective: 'mae', depth: 3, epsilon: 1e-3 }).order).toEqual([1, 0, 2]);
  });
});

describe('orderFlipDepth', () => {
  it('is the smallest depth at which the closed form has t*_A < t*_B (seeded pairs, both objectives)', () => {
    const random = mulberry32(42);
    let found = 0;
    for (let trial = 0; trial < 12; trial++) {
      // A: larger ρ, smaller λ than B, as in the paper's depth experiment, so JEPA may flip
      const a = { lambda: 0.3 + random(), rho: 1.5 + 2 * random() };
      const b = { lambda: 1.5 + random(), rho: 0.5 + random() };
      for (const objective of ['jepa', 'mae'] as const) {
        let want = 0;
        for (let L = 1; L <= 16 && want === 0; L++) {
          const [tA, tB] = [a, b].map((f) => closedFormCriticalTime(objective, L, f.lambda, f.rho, 1e-2) ?? Number.POSITIVE_INFINITY);
          if (tA < tB) want = L;
        }
        const r = orderFlipDepth(a, b, { objective, epsilon: 1e-2, maxDepth: 16 });
        expect(r).toEqual(
          want === 0 ? { found: false, maxDepth: 16, message: expect.any(String) as string } : { found: true, depth: want },
        );
        if (want > 1) found++;
      }
    }
    expect(found).toBeGreaterThan(3);
  });

  it('names itself, not the criticalTimes it calls', () => {
    const f = { lambda: 1, rho: 2 };
    const bad = { objective: 'jepa', depth: 0, epsilon: 0.1 } as const;
    expect(() => learningOrder([f], bad)).toThrow(/^learningOrder: invalid argument depth/);
    expect(() => orderFlipDepth(f, f, { objective: 'jepa', epsilon: -1 })).toThrow(/^orderFlipDepth: invalid argument epsilon/);
    expect(() => orderFlipDepth(f, f, { objective: 'jepa', epsilon: 0.1, maxDepth: 0 })).toThrow(
      /^orderFlipDepth: invalid argument maxDepth/,
    );
  });
});
