import { describe, expect, it } from 'vitest';
import { criticalTarget } from '../../src/flows/criticalTarget.js';
import { fixedPointWbar, targetU } from '../../../../test/support/oracles/index.js';

describe('criticalTarget', () => {
  it('gives u0 = ε^{1/L}, u* = p^{1/L}u∞ and p·w̄∞ of docs/math.md §3 when ε < p·w̄∞', () => {
    for (const objective of ['jepa', 'mae'] as const) {
      for (const depth of [1, 2, 5]) {
        const r = criticalTarget(objective, 1.7, depth, 1e-3, 0.3);
        if (!r.exists) throw new Error('expected a target');
        expect(r.u0).toBe(1e-3 ** (1 / depth));
        expect(Math.abs(r.uStar / targetU(objective, depth, 1.7, 0.3) - 1)).toBeLessThan(1e-15);
        expect(Math.abs(r.wbarTarget / (0.3 * fixedPointWbar(objective, depth, 1.7)) - 1)).toBeLessThan(4e-15);
      }
    }
  });

  it('says why there is none: ρ ≤ 0, or a start not below the target (ε = p·w̄∞ exactly included)', () => {
    expect(criticalTarget('mae', -1, 2, 1e-3, 0.5)).toMatchObject({ exists: false, reason: 'rho-not-positive' });
    expect(criticalTarget('jepa', 0, 2, 1e-3, 0.5)).toMatchObject({ exists: false, reason: 'rho-not-positive' });
    // JEPA L = 2, ρ = 2: p·w̄∞ = ½·4 = 2
    const at = criticalTarget('jepa', 2, 2, 2, 0.5);
    expect(at).toMatchObject({ exists: false, reason: 'start-not-below-target' });
    if (!at.exists) expect(at.message).toContain('epsilon = 2');
    expect(criticalTarget('jepa', 2, 2, 1.999, 0.5).exists).toBe(true);
  });
});
