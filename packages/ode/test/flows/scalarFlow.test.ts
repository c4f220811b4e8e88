import { describe, expect, it } from 'vitest';
import { scalarFlow } from '../../src/flows/scalarFlow.js';

describe('scalarFlow', () => {
  // a rate that shows every argument it is given
  const rate = (objective: string, sigma2: number, rho: number, depth: number, x: number): number =>
    (objective === 'jepa' ? 1 : -1) * (1000 * sigma2 + 100 * rho + 10 * depth + x);

  it('resolves the feature and lifts the rate to dydt[0], divided by L in paper time', () => {
    const d = new Float64Array(1);
    scalarFlow('test', rate, { lambda: 2, rho: 4 }, 'jepa', 3, 'gradient-flow')(0, Float64Array.of(7), d);
    expect(d[0]).toBe(1000 * 0.5 + 400 + 30 + 7);
    scalarFlow('test', rate, { sigma2: 1, rho: 2 }, 'mae', 4, 'paper')(0, Float64Array.of(5), d);
    expect(d[0]).toBe(-(1000 + 200 + 40 + 5) / 4);
  });

  it('validates the feature first, then the settings, naming the caller', () => {
    expect(() => scalarFlow('perLayerFlow', rate, { lambda: 1 }, 'byol' as never, 1, 'gradient-flow')).toThrow(
      /^perLayerFlow: invalid argument feature/,
    );
    expect(() => scalarFlow('perLayerFlow', rate, { lambda: 1, rho: 1 }, 'jepa', 0, 'gradient-flow')).toThrow(
      /^perLayerFlow: invalid argument depth/,
    );
  });
});
