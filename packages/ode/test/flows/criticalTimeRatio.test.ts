import { describe, expect, it } from 'vitest';
import { criticalTimeRatio } from '../../src/index.js';
import { closedFormCriticalTime } from '../../../../test/support/oracles/index.js';

describe('criticalTimeRatio', () => {
  it('is t*_A / t*_B of the closed form, in either time unit', () => {
    const a = { lambda: 0.7, rho: 2.5 };
    const b = { lambda: 1.9, rho: 0.8 };
    for (const objective of ['jepa', 'mae'] as const) {
      for (const depth of [1, 3, 6]) {
        const tA = closedFormCriticalTime(objective, depth, a.lambda, a.rho, 1e-3) as number;
        const tB = closedFormCriticalTime(objective, depth, b.lambda, b.rho, 1e-3) as number;
        const r = criticalTimeRatio(a, b, { objective, depth, epsilon: 1e-3 });
        if (!r.exists) throw new Error('expected both critical times');
        // the library's exact times are good to ~1e-12 relative, the closed form's to 1e-12 (test/oracles.test.ts)
        expect(Math.abs(r.ratio / (tA / tB) - 1)).toBeLessThan(1e-10);
        expect(Math.abs(r.tA / tA - 1)).toBeLessThan(1e-10);
        const paper = criticalTimeRatio(a, b, { objective, depth, epsilon: 1e-3, timeUnit: 'paper' });
        if (!paper.exists) throw new Error('expected both critical times');
        expect(paper.tA).toBe(depth * r.tA);
        expect(paper.ratio).toBeCloseTo(r.ratio, 14);
      }
    }
  });

  it('says which feature has no critical time, and why (A first when both have none)', () => {
    const none = { lambda: -1, rho: -2 };
    const some = { lambda: 1, rho: 2 };
    expect(criticalTimeRatio(some, none, { objective: 'jepa', depth: 2, epsilon: 1e-3 })).toMatchObject({
      exists: false,
      feature: 'B',
      reason: 'rho-not-positive',
    });
    expect(criticalTimeRatio(none, none, { objective: 'mae', depth: 2, epsilon: 1e-3 })).toMatchObject({ exists: false, feature: 'A' });
  });

  it('names itself, not the criticalTime it calls', () => {
    const f = { lambda: 1, rho: 2 };
    expect(() => criticalTimeRatio(f, f, { objective: 'jepa', depth: 0, epsilon: 0.1 })).toThrow(
      /^criticalTimeRatio: invalid argument depth/,
    );
  });
});
