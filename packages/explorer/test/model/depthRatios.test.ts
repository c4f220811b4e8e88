import { OBJECTIVES } from '@jepa-dynamics/core';
import { orderFlipDepth, resolveFeature } from '@jepa-dynamics/ode';
import { describe, expect, it } from 'vitest';
import { closedFormCriticalTime } from '../../../../test/support/oracles/index.js';
import { depthRatios } from '../../src/model/depthRatios.js';

describe('depthRatios(a, b, setting, maxDepth)', () => {
  it('finds the depth flip of A = (λ 1, ρ 3), B = (λ 2, ρ 1) at L = 8 under JEPA and none under MAE (docs/math.md §3)', () => {
    const a = resolveFeature({ lambda: 1, rho: 3 });
    const b = resolveFeature({ lambda: 2, rho: 1 });
    const r = depthRatios(a, b, { objectives: OBJECTIVES, epsilon: 0.01, fraction: 0.5, timeUnit: 'gradient-flow' }, 12);
    expect(r.flipDepth).toEqual([
      { objective: 'jepa', depth: 8 },
      { objective: 'mae', depth: null },
    ]);
    for (const objective of OBJECTIVES) {
      const flip = orderFlipDepth(a, b, { objective, epsilon: 0.01, maxDepth: 12 });
      expect(r.flipDepth.find((f) => f.objective === objective)?.depth).toBe(flip.found ? flip.depth : null);
    }
    for (const row of r.rows) {
      const tA = closedFormCriticalTime(row.objective, row.depth, 1, 3, 0.01) ?? Number.NaN;
      const tB = closedFormCriticalTime(row.objective, row.depth, 2, 1, 0.01) ?? Number.NaN;
      // independent closed forms, each ~1e-14 relative: the ratio to 1e-11
      expect(Math.abs((row.ratio ?? Number.NaN) / (tA / tB) - 1)).toBeLessThan(1e-11);
    }
  });

  it('counts a depth where either time is missing as no flip, and scales times (not ratios) in paper time', () => {
    const a = resolveFeature({ lambda: 0.02, rho: 0.1 }); // w̄∞ = 0.1^L: ε = 0.01 is not below ½·w̄∞ from L = 2 on (JEPA)
    const b = resolveFeature({ lambda: 1, rho: 1 });
    const flow = depthRatios(a, b, { objectives: ['jepa'], epsilon: 0.01, fraction: 0.5, timeUnit: 'gradient-flow' }, 4);
    const paper = depthRatios(a, b, { objectives: ['jepa'], epsilon: 0.01, fraction: 0.5, timeUnit: 'paper' }, 4);
    expect(flow.rows.map((r) => r.tA === null)).toEqual([false, true, true, true]);
    const flip = orderFlipDepth(a, b, { objective: 'jepa', epsilon: 0.01, maxDepth: 4 });
    expect(flow.flipDepth[0].depth).toBe(flip.found ? flip.depth : null);
    paper.rows.forEach((r, i) => {
      const ratio = flow.rows[i].ratio;
      if (ratio === null) expect(r.ratio).toBeNull();
      else expect(Math.abs((r.ratio ?? Number.NaN) / ratio - 1)).toBeLessThan(1e-15);
      expect(r.tB).toBeCloseTo(r.depth * (flow.rows[i].tB ?? 0), 8);
    });
  });
});
