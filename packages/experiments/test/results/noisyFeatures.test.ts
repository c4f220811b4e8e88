import { beforeAll, describe, expect, it } from 'vitest';
import { noisyFeatures } from '../../src/results/noisyFeatures/noisyFeatures.js';
import type { NoisyFeaturesData } from '../../src/results/noisyFeatures/compute.js';
import { closedFormCriticalTime, learnedOrder } from '../../../../test/support/oracles/index.js';
import { checkNoisyFeaturesDocument, type NoisyFeaturesDocument } from '../../../../test/support/resultChecks.js';

// four features, 5000 samples, two runs (seeds 3, 4), shorter runs than the paper's
const settings = {
  ...noisyFeatures.settings('quick'),
  signalVariance: [1, 1, 1, 1],
  noiseVariance: [0, 0.5, 1, 1.5],
  samples: 5000,
  seed: 3,
  seedCount: 2,
  runs: { jepa: { tEnd: 600, learningRate: 0.05 }, mae: { tEnd: 12, learningRate: 0.002 } },
};
let data: NoisyFeaturesData;
const labels: string[] = [];

beforeAll(async () => {
  data = await noisyFeatures.run(settings, (label) => void labels.push(label));
}, 60_000);

describe('noisyFeatures', () => {
  it('settings: s = 1, γ² = 0 … 2, L = 2, ε = 1e-2; 3 runs of 20 000 samples quick, 8 of 100 000 full, seeds from 11', () => {
    const quick = noisyFeatures.settings('quick');
    const full = noisyFeatures.settings('full');
    expect([quick.signalVariance, quick.noiseVariance, quick.depth, quick.epsilon, quick.seed]).toEqual([
      [1, 1, 1, 1, 1],
      [0, 0.25, 0.5, 1, 2],
      2,
      1e-2,
      11,
    ]);
    expect([quick.samples, quick.seedCount, full.samples, full.seedCount, full.seed]).toEqual([20_000, 3, 100_000, 8, 11]);
  });

  it('reports one unit of work per training run (objective × seed), as units() says', () => {
    expect(labels).toEqual(['jepa seed 3', 'jepa seed 4', 'mae seed 3', 'mae seed 4']);
    expect(labels).toHaveLength(noisyFeatures.units(settings));
  });

  it('run(): the static model’s features, the formula’s times and orders by the closed form, trained orders by the trained times', () => {
    checkNoisyFeaturesDocument(JSON.parse(JSON.stringify(noisyFeatures.document(data))) as NoisyFeaturesDocument);
  });

  it('run(): K = T/η steps, the setting’s samples; the spread is the largest over the smallest formula time', () => {
    for (const a of data.answers) {
      expect([a.samples, a.steps, a.learningRate]).toEqual([
        5000,
        Math.round(settings.runs[a.objective].tEnd / a.learningRate),
        settings.runs[a.objective].learningRate,
      ]);
      const times = data.features.map(
        (f) => closedFormCriticalTime(a.objective, settings.depth, f.lambda, f.rho, settings.epsilon) as number,
      );
      const spread = data.formulaSpreads.find((s) => s.objective === a.objective)?.spread ?? Number.NaN;
      expect(Math.abs(spread / (Math.max(...times) / Math.min(...times)) - 1)).toBeLessThan(1e-8);
    }
  });

  it('table(): one row per objective and feature with 1-based ranks (0: not learned)', () => {
    const table = noisyFeatures.table(data);
    expect(table.columns).toEqual([
      'objective',
      'noise_variance',
      'signal_variance',
      'sigma2',
      'lambda',
      'rho',
      'formula_critical_time',
      'trained_critical_time',
      'trained_critical_time_min',
      'trained_critical_time_max',
      'runs_learned',
      'runs',
      'formula_rank',
      'trained_rank',
    ]);
    expect(table.rows).toHaveLength(2 * 4);
    // JEPA learns the least noisy first by formula; MAE the noisiest
    expect(table.rows.map((r) => (r as { formula_rank: number }).formula_rank)).toEqual([1, 2, 3, 4, 4, 3, 2, 1]);
  });

  it('document(): the setting without the objectives, the features and answers', () => {
    const doc = noisyFeatures.document(data);
    expect(Object.keys(doc)).toEqual(['description', 'conventions', 'setting', 'features', 'answers']);
    expect(Object.keys(doc.setting as object)).toEqual([
      'signalVariance',
      'noiseVariance',
      'depth',
      'epsilon',
      'fraction',
      'samples',
      'seed',
      'seedCount',
      'runs',
    ]);
  });

  it('figure(): a panel per objective, t* against γ² from the formula and the median of the runs, with a bar over the runs’ range', () => {
    interface Layer {
      data: { values: { source: string; noise: number; t?: number; tMin?: number; tMax?: number }[] };
      mark: { type: string };
    }
    const figure = noisyFeatures.figure(data) as {
      title: { subtitle: string[] };
      hconcat: { title: { text: string }; layer: Layer[] }[];
    };
    expect(figure.hconcat.map((p) => p.title.text)).toEqual(['JEPA', 'MAE']);
    expect(figure.title.subtitle.join(' ')).toContain('training on n = 5000 samples of the static model, 2 runs (seeds 3–4)');
    data.answers.forEach((a, k) => {
      const [range, lines] = figure.hconcat[k].layer;
      expect([range.mark.type, lines.mark.type]).toEqual(['rule', 'line']);
      const trainedLabel = 'training on samples (median of the runs)';
      expect(new Set(lines.data.values.map((v) => v.source))).toEqual(new Set(['formula (population)', trainedLabel]));
      data.features.forEach((_, i) => {
        const at = (source: string) => lines.data.values.find((v) => v.source === source && v.noise === settings.noiseVariance[i])?.t;
        expect(at('formula (population)')).toBe(a.formulaCriticalTimes[i] ?? undefined);
        // the plotted training point is the median over the seeds, re-derived from the per-run times
        const ts = a.trainedCriticalTimesBySeed.flatMap((run) => (run[i] === null ? [] : [run[i] as number])).sort((x, y) => x - y);
        const median =
          ts.length === 0 ? undefined : ts.length % 2 === 1 ? ts[ts.length >> 1] : (ts[ts.length / 2 - 1] + ts[ts.length / 2]) / 2;
        expect(at(trainedLabel)).toBe(median);
        const bar = range.data.values.find((v) => v.noise === settings.noiseVariance[i]);
        expect(bar === undefined ? undefined : [bar.tMin, bar.tMax]).toEqual(ts.length === 0 ? undefined : [ts[0], ts[ts.length - 1]]);
      });
    });
  });

  it('summary(): the runs and seeds; per objective the formula order, in how many runs training matched it, the trained times with their range, and which neighbours overlap', () => {
    const summary = noisyFeatures.summary(data);
    expect(summary).toContain('training: 2 runs per objective, each on its own 5000 samples, seeds 3–4');
    expect(summary).toContain('JEPA: formula γ² = 0, 0.5, 1, 1.5 (t* = ');
    expect(summary).toContain('MAE: formula γ² = 1.5, 1, 0.5, 0 (t* = ');
    for (const a of data.answers) {
      // re-derived from the per-run times, not from the answer's own count
      const matching = a.trainedCriticalTimesBySeed.filter((run) => learnedOrder(run).join() === a.formulaOrder.join()).length;
      expect(summary).toContain(`in the formula's order in ${matching} of 2 runs`);
      const overlapping = a.formulaOrder.slice(1).some((i, k) => {
        const earlier = a.trainedRange[a.formulaOrder[k]];
        const later = a.trainedRange[i];
        return earlier !== null && later !== null && later.min <= earlier.max;
      });
      const line =
        a.objective === 'jepa'
          ? summary.slice(summary.indexOf('JEPA: '), summary.indexOf('MAE: '))
          : summary.slice(summary.indexOf('MAE: '));
      expect(line).toContain(overlapping ? 'does not tell those neighbours apart' : 'do not overlap');
    }
    // no claim of 'the same order' resting on one run
    expect(summary).not.toMatch(/the same order/);
  });
});
