import { beforeAll, describe, expect, it } from 'vitest';
import type { EnsembleExecutor } from '../../src/ensemble/ensembleExecutor.js';
import { runOutcome } from '../../src/ensemble/runOutcome.js';
import { randomInit } from '../../src/results/randomInit/randomInit.js';
import { widthFeatures } from '../../src/results/randomInit/setting.js';
import type { RandomInitData } from '../../src/results/randomInit/compute.js';
import { checkRandomInitDocument, type RandomInitDocument } from '../../../../test/support/beyondChecks.js';

// width 3, two depths, eight seeds: other settings than the quick run's
const settings = { ...randomInit.settings('quick'), widths: [3], depths: [1, 2], seeds: [3, 5, 7, 11, 13, 17, 19, 23] };
let data: RandomInitData;
const labels: string[] = [];

beforeAll(async () => {
  data = await randomInit.run(settings, (label) => void labels.push(label));
}, 120_000);

describe('randomInit', () => {
  it('widthFeatures(d): λ from 2 down to ½ geometrically, ρ from 0.9 down to 0.4 linearly', () => {
    expect(widthFeatures(1)).toEqual([{ lambda: 2, rho: 0.9 }]);
    const f = widthFeatures(5);
    expect(f.map((x) => x.lambda)).toEqual([2, 2 * 4 ** -0.25, 1, 2 * 4 ** -0.75, 0.5]);
    expect(f[4].rho).toBeCloseTo(0.4, 15);
  });

  it('reports one unit of work per run, as units() says', () => {
    expect(labels).toHaveLength(randomInit.units(settings));
  });

  it('every number of the document checks against the independent computations (beyondChecks), the first seed of every cell replayed', () => {
    checkRandomInitDocument(JSON.parse(JSON.stringify(randomInit.document(data))) as RandomInitDocument, () => true);
  });

  it('summary and table state the measured numbers', () => {
    const summary = randomInit.summary(data);
    expect(summary).toContain('seeds 3…23 (8 per cell)');
    for (const c of data.cells) expect(summary).toContain(`order differs ${c.orderDiffers.count}/8`);
    expect(randomInit.table(data).rows).toHaveLength(data.cells.length * 3);
  });

  it('runs its seeds on the executor of its context (here one that runs them last to first): every run there once, the same data', async () => {
    const executed: string[] = [];
    const reversed: EnsembleExecutor = {
      name: 'last to first',
      async execute(runs, report) {
        for (let i = runs.length - 1; i >= 0; i--) {
          executed.push(JSON.stringify(runs[i].settings));
          await report(i, runOutcome(runs[i]));
        }
      },
      close: () => Promise.resolve(),
    };
    const other = await randomInit.run(settings, undefined, { executor: reversed });
    expect(executed).toHaveLength(randomInit.units(settings));
    expect(new Set(executed).size).toBe(executed.length);
    expect(other).toEqual(data);
  });
});
