import { beforeAll, describe, expect, it } from 'vitest';
import { learningOrderPanels } from '../../src/results/learningOrderPanels/learningOrderPanels.js';
import type { LearningOrderPanelsData } from '../../src/results/learningOrderPanels/compute.js';
import { closedFormCriticalTime, learnedOrder } from '../../../../test/support/oracles/index.js';
import { checkLearningOrderDocument, type LearningOrderDocument } from '../../../../test/support/resultChecks.js';

// fewer output times than a quick run, and ε = 1e-3 instead of 1e-2: settings the paper did not use
const settings = { ...learningOrderPanels.settings('quick'), epsilon: 1e-3, points: 31 };
let data: LearningOrderPanelsData;
const labels: string[] = [];

beforeAll(async () => {
  data = await learningOrderPanels.run(settings, (label) => void labels.push(label));
});

describe('learningOrderPanels', () => {
  it('settings: L = 4, ε = 1e-2, p = ½, three scenarios under JEPA and MAE; 61 output times quick, 241 full', () => {
    const quick = learningOrderPanels.settings('quick');
    expect([quick.depth, quick.epsilon, quick.fraction, quick.scenarios.length, quick.objectives]).toEqual([
      4,
      1e-2,
      0.5,
      3,
      ['jepa', 'mae'],
    ]);
    expect([quick.points, learningOrderPanels.settings('full').points]).toEqual([61, 241]);
  });

  it('reports one unit of work per panel, as units() says', () => {
    expect(labels).toHaveLength(learningOrderPanels.units(settings));
    expect(labels.slice(0, 3)).toEqual(['jepa lambda-varied', 'jepa rho-varied', 'jepa lambda-up-rho-down']);
  });

  it('run(): critical times, fixed points, orders and every curve point agree with the closed form', () => {
    checkLearningOrderDocument(JSON.parse(JSON.stringify(learningOrderPanels.document(data))) as LearningOrderDocument);
  });

  it('run(): each curve starts at ε/w̄∞ and ends at 1.5 × the slowest critical time of its panel', () => {
    for (const p of data.panels) {
      expect(p.t).toHaveLength(settings.points);
      const slowest = Math.max(
        ...p.features.map((f) => closedFormCriticalTime(p.objective, settings.depth, f.lambda, f.rho, settings.epsilon) as number),
      );
      expect(Math.abs(p.t[p.t.length - 1] / (1.5 * slowest) - 1)).toBeLessThan(1e-8);
      p.features.forEach((f, i) =>
        expect(Math.abs(p.wbarOverInfinity[i][0] * f.wbarInfinity - settings.epsilon)).toBeLessThan(1e-12 * settings.epsilon),
      );
    }
  });

  it('table(): one row per panel, feature and time, with 1-based ranks in the closed-form order', () => {
    const table = learningOrderPanels.table(data);
    expect(table.columns).toEqual(['objective', 'scenario', 'lambda', 'rho', 'critical_time', 'learned_rank', 't', 'wbar_over_wbar_inf']);
    expect(table.rows).toHaveLength(6 * 3 * settings.points);
    const rows = table.rows as { objective: string; scenario: string; lambda: number; rho: number; learned_rank: number; t: number }[];
    for (const p of data.panels) {
      const times = p.features.map((f) => closedFormCriticalTime(p.objective, settings.depth, f.lambda, f.rho, settings.epsilon));
      const ranks = learnedOrder(times);
      p.features.forEach((f, i) => {
        const mine = rows.filter(
          (r) => r.objective === p.objective && r.scenario === p.scenario && r.lambda === f.lambda && r.rho === f.rho,
        );
        expect(mine).toHaveLength(settings.points);
        expect(new Set(mine.map((r) => r.learned_rank))).toEqual(new Set([ranks.indexOf(i) + 1]));
      });
    }
  });

  it('document(): the setting as depth, ε and p, the panels, and the claims', () => {
    const doc = learningOrderPanels.document(data);
    expect(Object.keys(doc)).toEqual(['description', 'conventions', 'setting', 'panels', 'claims']);
    expect(doc.setting).toEqual({ depth: 4, epsilon: 1e-3, fraction: 0.5 });
  });

  it('figure(): a row of panels per objective, one per scenario, with axis titles and the learned order in each subtitle', () => {
    const figure = learningOrderPanels.figure(data) as { vconcat: { hconcat: { title: { text: string; subtitle: string } }[] }[] };
    expect(figure.vconcat.map((row) => row.hconcat.length)).toEqual([3, 3]);
    // at ε = 1e-3 JEPA learns (1.15, 1) before (1, 2) (at the paper's ε = 1e-2 it is the other way round)
    const features = settings.scenarios[2].features;
    const jepaOrder = learnedOrder(features.map((f) => closedFormCriticalTime('jepa', settings.depth, f.lambda, f.rho, settings.epsilon)));
    expect(jepaOrder).toEqual([1, 0, 2]);
    expect(figure.vconcat[0].hconcat[2].title).toEqual({
      text: 'JEPA: λ increasing, ρ decreasing',
      subtitle: '(λ, ρ) learned first → last: (1.15, 1) → (1, 2) → (1.3, 0.5)',
    });
    const text = JSON.stringify(figure);
    for (const t of ['gradient-flow time t = kη', 'w̄ᵢ(t) / w̄∞,ᵢ', 'feature (λ, ρ)', 'L = 4, ε = 0.001']) expect(text).toContain(t);
  });

  it('summary(): per scenario, each objective’s order in the closed form’s order', () => {
    const orderText = (o: 'jepa' | 'mae', features: readonly { lambda: number; rho: number }[]): string =>
      learnedOrder(features.map((f) => closedFormCriticalTime(o, settings.depth, f.lambda, f.rho, settings.epsilon)))
        .map((i) => `(${features[i].lambda}, ${features[i].rho})`)
        .join(' → ');
    const expected = settings.scenarios
      .map((s) => `${s.title}: JEPA ${orderText('jepa', s.features)}; MAE ${orderText('mae', s.features)}`)
      .join('. ');
    expect(learningOrderPanels.summary(data)).toBe(`Learning order (λ, ρ), first → last, L = 4, ε = 0.001: ${expected}.`);
  });
});
