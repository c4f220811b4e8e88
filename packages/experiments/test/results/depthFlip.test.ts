import { beforeAll, describe, expect, it } from 'vitest';
import { depthFlip } from '../../src/results/depthFlip/depthFlip.js';
import type { DepthFlipData } from '../../src/results/depthFlip/compute.js';
import { closedFormCriticalTime } from '../../../../test/support/oracles/index.js';
import { checkDepthFlipDocument, type DepthFlipDocument } from '../../../../test/support/resultChecks.js';

// B = (λ=1.3, ρ=1) instead of the paper's (2, 1): by the closed form, JEPA flips already at
// L = 4 (t*_A/t*_B = 1.036 at L = 3, 0.926 at L = 4), and with the quick run's η = 0.04
// gradient descent on A diverges after its crossing at L = 4
const settings = { ...depthFlip.settings('quick'), featureB: { lambda: 1.3, rho: 1 }, maxDepth: 4 };
let data: DepthFlipData;
const labels: string[] = [];

beforeAll(async () => {
  data = await depthFlip.run(settings, (label) => void labels.push(label));
}, 60_000);

describe('depthFlip', () => {
  it('settings: A = (1, 3), B = (2, 1), ε = 1e-2, p = ½; L ≤ 9 with η doubled quick, L ≤ 12 full', () => {
    const quick = depthFlip.settings('quick');
    const full = depthFlip.settings('full');
    expect([quick.featureA, quick.featureB, quick.epsilon, quick.fraction]).toEqual([
      { lambda: 1, rho: 3 },
      { lambda: 2, rho: 1 },
      1e-2,
      0.5,
    ]);
    expect([quick.maxDepth, quick.learningRateScale, full.maxDepth, full.learningRateScale]).toEqual([9, 2, 12, 1]);
    expect(full.learningRate).toEqual({ jepa: 0.02, mae: 5e-4 });
  });

  it('reports one unit of work per objective and depth, as units() says', () => {
    expect(labels).toEqual(['jepa L=1', 'jepa L=2', 'jepa L=3', 'jepa L=4', 'mae L=1', 'mae L=2', 'mae L=3', 'mae L=4']);
    expect(labels).toHaveLength(depthFlip.units(settings));
  });

  it('run(): every route agrees with the closed form, gradient descent with the scalar recursion; the flip depth is the closed form’s for every route', () => {
    const flip = checkDepthFlipDocument(JSON.parse(JSON.stringify(depthFlip.document(data))) as DepthFlipDocument);
    expect(flip).toEqual({ jepa: 4, mae: null });
    expect(data.flipDepth.jepa).toEqual({ exact: 4, formula: 4, ode: 4, simulation: 4 });
    expect(data.agreementWithExact.formula).toBeLessThan(1e-8);
    expect(data.agreementWithExact.ode).toBeLessThan(1e-8);
  });

  it('run(): the step η is the setting’s times its scale, and every run of an objective uses it', () => {
    expect(data.learningRates).toEqual({ jepa: 0.04, mae: 1e-3 });
    for (const r of data.table) expect(r.simulation.learningRate).toBe(data.learningRates[r.objective]);
  });

  it('run(): the diverged runs are listed, with the largest gap of their crossings from the closed form, and found to diverge after crossing', () => {
    const diverged = data.table.filter((r) => r.simulation.status.includes('diverged'));
    expect(diverged.length).toBeGreaterThan(0);
    expect(data.divergence.rows).toEqual(diverged.map((r) => ({ objective: r.objective, depth: r.depth })));
    const gaps = diverged.flatMap((r) =>
      (['A', 'B'] as const).map((which, i) => {
        const f = which === 'A' ? settings.featureA : settings.featureB;
        const t = i === 0 ? r.simulation.tA : r.simulation.tB;
        return Math.abs((t as number) / (closedFormCriticalTime(r.objective, r.depth, f.lambda, f.rho, settings.epsilon) as number) - 1);
      }),
    );
    // the closed form's t* is exact to ~1e-10 relative; the gaps are O(η) ≈ 1e-3
    expect(Math.abs(data.divergence.largestRelativeGap - Math.max(...gaps))).toBeLessThan(1e-9);
    expect(data.divergence.afterCrossing).toBe(true);
  });

  it('table(): one row per objective, depth and route', () => {
    const table = depthFlip.table(data);
    expect(table.columns).toEqual(['objective', 'depth', 'route', 'tA', 'tB', 'ratio']);
    expect(table.rows).toHaveLength(2 * 4 * 4);
    expect(table.rows[13]).toEqual({ objective: 'jepa', depth: 4, route: 'formula', ...data.table[3].formula });
  });

  it('document(): the setting records the step before its scale (as the JSON always has), the table, flip depths and agreement', () => {
    const doc = depthFlip.document(data);
    expect(Object.keys(doc)).toEqual(['description', 'conventions', 'setting', 'table', 'flipDepth', 'agreementWithExact']);
    expect(doc.setting).toEqual({
      featureA: { lambda: 1, rho: 3 },
      featureB: { lambda: 1.3, rho: 1 },
      epsilon: 1e-2,
      fraction: 0.5,
      maxDepth: 4,
      learningRate: { jepa: 0.02, mae: 5e-4 },
    });
  });

  it('figure(): the ratio against depth, a point per route, the flip depths in the subtitle', () => {
    const figure = depthFlip.figure(data) as { title: { subtitle: string }; layer: { data: { values: { route?: string }[] } }[] };
    expect(figure.title.subtitle).toBe(
      'below the dashed line A is learned first; JEPA flips at L = 4, MAE never (L ≤ 4); the four routes overlap',
    );
    expect(new Set(figure.layer[1].data.values.map((v) => v.route))).toEqual(
      new Set(['closed form (ode)', 'CAS formula (symbolic)', 'ODE + event (ode)', 'gradient descent (sim)']),
    );
    expect(figure.layer[1].data.values).toHaveLength(2 * 4 * 4);
    const text = JSON.stringify(figure);
    for (const t of ['encoder depth L', 't*_{A} / t*_{B} (ratio of critical times)', 't* computed by']) expect(text).toContain(t);
  });

  it('summary(): the flip depths, by route, the agreement with η, the ratios by depth and the divergence', () => {
    const ratio = (o: 'jepa' | 'mae', L: number): string =>
      Number(
        ((closedFormCriticalTime(o, L, 1, 3, 1e-2) as number) / (closedFormCriticalTime(o, L, 1.3, 1, 1e-2) as number)).toPrecision(3),
      ).toString();
    const summary = depthFlip.summary(data);
    expect(summary).toContain(
      'JEPA learns A = (λ=1, ρ=3) before B = (λ=1.3, ρ=1) from depth L = 4; MAE learns B first at every depth up to 4. ',
    );
    expect(summary).toContain(
      'Flip depth by route: JEPA exact 4, formula 4, ode 4, simulation 4; MAE exact none, formula none, ode none, simulation none. ',
    );
    expect(summary).toContain('(η = 0.04 JEPA, 0.001 MAE)');
    expect(summary).toContain(
      `t*_A/t*_B by depth: JEPA 1: ${ratio('jepa', 1)}, 2: ${ratio('jepa', 2)}, 3: ${ratio('jepa', 3)}, 4: ${ratio('jepa', 4)}; MAE 1: ${ratio('mae', 1)},`,
    );
    expect(summary).toContain(`Gradient descent diverged after the crossing in ${data.divergence.rows.length} runs (JEPA L=4`);
  });
});
