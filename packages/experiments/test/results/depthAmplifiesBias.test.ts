import { beforeAll, describe, expect, it } from 'vitest';
import { depthAmplifiesBias } from '../../src/results/depthAmplifiesBias/depthAmplifiesBias.js';
import type { DepthAmplifiesBiasData } from '../../src/results/depthAmplifiesBias/compute.js';
import { closedFormCriticalTime } from '../../../../test/support/oracles/index.js';
import { checkDepthBiasDocument, type DepthBiasDocument } from '../../../../test/support/resultChecks.js';

const settings = { ...depthAmplifiesBias.settings('quick'), depths: [1, 3, 6], rhoPoints: 4 };
let data: DepthAmplifiesBiasData;
const labels: string[] = [];

beforeAll(async () => {
  data = await depthAmplifiesBias.run(settings, (label) => void labels.push(label));
});

describe('depthAmplifiesBias', () => {
  it('settings: λ = 1, ε = 1e-4, p = ½, ρ from 0.3 to 3, L = 1…6; 5 values of ρ quick, 25 full', () => {
    const quick = depthAmplifiesBias.settings('quick');
    expect([quick.lambda, quick.epsilon, quick.fraction, quick.rhoMin, quick.rhoMax, quick.depths]).toEqual([
      1,
      1e-4,
      0.5,
      0.3,
      3,
      [1, 2, 3, 4, 5, 6],
    ]);
    expect([quick.rhoPoints, depthAmplifiesBias.settings('full').rhoPoints]).toEqual([5, 25]);
  });

  it('reports one unit of work per curve, as units() says', () => {
    expect(labels).toEqual(['jepa L=1', 'jepa L=3', 'jepa L=6', 'mae L=1', 'mae L=3', 'mae L=6']);
    expect(labels).toHaveLength(depthAmplifiesBias.units(settings));
  });

  it('run(): ρ log-spaced from ρ_min to ρ_max with exact endpoints', () => {
    const rho = data.curves[0].rho;
    expect(rho[0]).toBe(0.3);
    expect(rho[3]).toBe(3);
    // equal ratios between neighbours: 10^(1/3)
    for (let k = 1; k < 4; k++) expect(Math.abs(rho[k] / rho[k - 1] - Math.cbrt(10))).toBeLessThan(1e-14);
  });

  it('run(): t*(ρ) and the spreads match the closed form, and each curve relative to ρ_max is t*(ρ)/t*(ρ_max)', () => {
    checkDepthBiasDocument(JSON.parse(JSON.stringify(depthAmplifiesBias.document(data))) as DepthBiasDocument);
    for (const c of data.curves) {
      const last = closedFormCriticalTime(c.objective, c.depth, 1, 3, 1e-4) as number;
      c.rho.forEach((r, k) => {
        const want = (closedFormCriticalTime(c.objective, c.depth, 1, r, 1e-4) as number) / last;
        expect(Math.abs((c.relativeToRhoMax[k] as number) / want - 1)).toBeLessThan(1e-8);
      });
    }
  });

  it('run(): MAE at L = 1 has the spread ln((0.3 − ε²)/(3ε²)) / ln((3 − ε²)/(3ε²)) of its closed form t* = ln((ρ − ε²)/(3ε²))/(2λ)', () => {
    const e2 = 1e-8;
    const spread = Math.log((0.3 - e2) / (3 * e2)) / Math.log((3 - e2) / (3 * e2));
    const mae1 = data.curves.find((c) => c.objective === 'mae' && c.depth === 1);
    // the library's exact t* is accurate to ~1e-12 relative; the ratio of two to a few ulps more
    expect(Math.abs((mae1?.spread ?? Number.NaN) / spread - 1)).toBeLessThan(1e-10);
  });

  it('table(): one row per objective, depth and ρ, the curves’ values', () => {
    const table = depthAmplifiesBias.table(data);
    expect(table.columns).toEqual(['objective', 'depth', 'rho', 'critical_time', 'relative_to_rho_max']);
    expect(table.rows).toHaveLength(2 * 3 * 4);
    expect(table.rows[5]).toEqual({
      objective: 'jepa',
      depth: 3,
      rho: data.curves[1].rho[1],
      critical_time: data.curves[1].criticalTime[1],
      relative_to_rho_max: data.curves[1].relativeToRhoMax[1],
    });
  });

  it('document(): the setting without the grid size, and the curves without their relative values', () => {
    const doc = depthAmplifiesBias.document(data) as { setting: unknown; curves: object[] };
    expect(doc.setting).toEqual({ lambda: 1, epsilon: 1e-4, fraction: 0.5, rhoMin: 0.3, rhoMax: 3, depths: [1, 3, 6] });
    expect(Object.keys(doc.curves[0])).toEqual(['objective', 'depth', 'rho', 'criticalTime', 'spread']);
  });

  it('figure(): t* and t*/t*(ρ_max) against ρ on log axes, a panel per objective, a line per depth', () => {
    const figure = depthAmplifiesBias.figure(data) as {
      vconcat: {
        hconcat: {
          title: string;
          data: { values: { L: string }[] };
          encoding: { x: { scale: { type: string } }; y: { scale: { type: string } } };
        }[];
      }[];
    };
    expect(figure.vconcat.map((row) => row.hconcat.map((p) => p.title))).toEqual([
      ['JEPA: critical time', 'MAE: critical time'],
      ['JEPA: relative to ρ = 3', 'MAE: relative to ρ = 3'],
    ]);
    for (const p of figure.vconcat.flatMap((row) => row.hconcat)) {
      expect([p.encoding.x.scale.type, p.encoding.y.scale.type]).toEqual(['log', 'log']);
      expect(new Set(p.data.values.map((v) => v.L))).toEqual(new Set(['L = 1', 'L = 3', 'L = 6']));
    }
  });

  it('summary(): the spread per objective and depth to three significant digits', () => {
    const spread = (o: 'jepa' | 'mae', L: number): string =>
      Number(
        ((closedFormCriticalTime(o, L, 1, 0.3, 1e-4) as number) / (closedFormCriticalTime(o, L, 1, 3, 1e-4) as number)).toPrecision(3),
      ).toString();
    expect(depthAmplifiesBias.summary(data)).toBe(
      `Slowdown of the least influential feature, t*(ρ=0.3)/t*(ρ=3) at λ = 1, ε = 0.0001: JEPA L=1: ${spread('jepa', 1)}, L=3: ${spread('jepa', 3)}, L=6: ${spread('jepa', 6)}; ` +
        `MAE L=1: ${spread('mae', 1)}, L=3: ${spread('mae', 3)}, L=6: ${spread('mae', 6)}.`,
    );
    expect(depthAmplifiesBias.summary(data)).toContain('JEPA L=1: 1, L=3: 1.22, L=6: 3.81');
  });
});
