import { describe, expect, it } from 'vitest';
import { reparametrize, resolvedFeatures } from '../../src/model/resolvedFeatures.js';
import { PARAMETRIZATIONS } from '../../src/state/explorerState.js';

describe('resolvedFeatures(state) and reparametrize(state, to)', () => {
  it('reads each row as the two given moments, the third following from ρ = λ/σ²', () => {
    const rows = resolvedFeatures({ given: 'sigma2-rho', features: [[4, 0.25]] });
    expect(rows).toEqual([{ ok: true, feature: { sigma2: 4, lambda: 1, rho: 0.25 } }]);
  });

  it('names the row and the rule of an invalid row', () => {
    const [row] = resolvedFeatures({ given: 'lambda-rho', features: [[1, -2]] });
    expect(row.ok).toBe(false);
    expect(row.ok ? '' : row.message).toMatch(/^feature 1: invalid argument feature\.rho: must have the same sign as lambda/);
  });

  it('keeps every feature when the table changes parametrization, and back', () => {
    const start = {
      given: 'lambda-rho' as const,
      features: [
        [1, 2],
        [1.15, 1],
        [1.3, 0.5],
      ] as [number, number][],
    };
    for (const to of PARAMETRIZATIONS) {
      const features = reparametrize(start, to);
      const back = reparametrize({ given: to, features }, 'lambda-rho');
      back.forEach((row, i) => row.forEach((x, j) => expect(x).toBeCloseTo(start.features[i][j], 14)));
    }
    expect(reparametrize({ given: 'lambda-rho', features: [[1, -2]] }, 'sigma2-rho')).toEqual([[1, -2]]);
  });
});
