import { readFileSync } from 'node:fs';
import { criticalTime } from '@jepa-dynamics/ode';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EnsembleExecutor } from '../../src/ensemble/ensembleExecutor.js';
import { runOutcome } from '../../src/ensemble/runOutcome.js';
import { nonDiagonalCovariances } from '../../src/results/nonDiagonalCovariances/nonDiagonalCovariances.js';
import type { NonDiagonalCovariancesData } from '../../src/results/nonDiagonalCovariances/compute.js';
import { widthStudyGrids } from '../../src/results/nonDiagonalCovariances/setting.js';
import { checkNonDiagonalCovariancesDocument, type NonDiagonalCovariancesDocument } from '../../../../test/support/beyondChecks.js';

// three features, L = 1 and 3, two seeds, θ = 0 and 0.3: other settings than the quick run's
const settings = {
  ...nonDiagonalCovariances.settings('quick'),
  d: 3,
  depths: [1, 3],
  thetas: [0, 0.3],
  seeds: [4, 9],
  learningRate: { jepa: 0.2, mae: 0.02 },
  records: 400,
  flowThetas: [0, 0.3],
  leakage: { theta: 0.3, depths: [2], epsilons: [1e-1, 1e-2, 1e-3] },
};
let data: NonDiagonalCovariancesData;
const labels: string[] = [];

beforeAll(async () => {
  data = await nonDiagonalCovariances.run(settings, (label) => void labels.push(label));
}, 120_000);

describe('nonDiagonalCovariances', () => {
  it('reports one unit of work per training run, as units() says', () => {
    expect(labels).toHaveLength(nonDiagonalCovariances.units(settings));
  });

  it('every number of the document checks against the independent computations (beyondChecks)', () => {
    checkNonDiagonalCovariancesDocument(
      JSON.parse(JSON.stringify(nonDiagonalCovariances.document(data))) as NonDiagonalCovariancesDocument,
    );
  });

  it('at θ = 0 every order agrees (the times are the scalar recursion’s, checked above); at θ = 0.3 the error is larger than at θ = 0', () => {
    for (const p of data.points.filter((x) => x.theta === 0)) {
      expect(p.ordersAgreeing).toBe(p.seeds);
      const rotated = data.points.find((x) => x.theta === 0.3 && x.objective === p.objective && x.depth === p.depth);
      expect(rotated?.medianAbsError).toBeGreaterThan(p.medianAbsError);
    }
  });

  it('training and the matrix flow (BDF) agree to the O(η) of gradient descent at θ = 0 and 0.3 alike', () => {
    expect(data.flowChecks).toHaveLength(2 * 2 * 2);
    // η = 0.2 (JEPA) and 0.02 (MAE): a first-order error of a few per mille
    for (const f of data.flowChecks) expect(f.maxRelativeDifference).toBeLessThan(0.02);
  });

  it('runs its training runs and flow checks on the executor of its context (here one that runs them last to first): each once, the same data', async () => {
    const executed: string[] = [];
    const reversed: EnsembleExecutor = {
      name: 'last to first',
      async execute(runs, report) {
        for (let i = runs.length - 1; i >= 0; i--) {
          executed.push(JSON.stringify(runs[i]));
          await report(i, runOutcome(runs[i]));
        }
      },
      close: () => Promise.resolve(),
    };
    const other = await nonDiagonalCovariances.run(settings, undefined, { executor: reversed });
    // training: 2 objectives × 2 L × 1 ε × 2 θ × 2 seeds, and 2 objectives × 3 ε for the leakage; flows: 2 × 2 × 2 θ (first seed)
    const kinds = executed.map((r) => (JSON.parse(r) as { kind: string }).kind);
    expect(kinds.filter((k) => k === 'mode-training')).toHaveLength(2 * 2 * 2 * 2 + 2 * 3);
    expect(kinds.filter((k) => k === 'matrix-flow')).toHaveLength(2 * 2 * 2);
    expect(kinds).toHaveLength(16 + 6 + 8);
    expect(new Set(executed).size).toBe(executed.length);
    expect(other).toEqual(data);
  }, 120_000);

  it('summary, table and figure state the measured numbers', () => {
    const summary = nonDiagonalCovariances.summary(data);
    expect(summary).toContain('seeds 4, 9');
    expect(summary).toContain(`${data.thetaZeroDeviation.toExponential(1)}`);
    expect(nonDiagonalCovariances.table(data).rows).toHaveLength(data.runs.length * 3);
    expect(JSON.stringify(nonDiagonalCovariances.figure(data))).toContain('rotation angle θ');
  });
});

describe('nonDiagonalCovariances: the width study (reproduce --full)', () => {
  it('is in the extended mode only, at the settings docs/beyond-the-paper.md states, with the main grid’s η, horizon and readout', () => {
    expect(nonDiagonalCovariances.settings('quick').width).toBeUndefined();
    expect(nonDiagonalCovariances.settings('full').width).toBeUndefined();
    const extended = nonDiagonalCovariances.settings('extended');
    expect(extended.width).toEqual({
      depth: 2,
      epsilon: 1e-2,
      thetas: [0, 0.025, 0.1, 0.3, Math.PI / 4],
      widths: [
        { d: 32, seeds: [1, 2, 3, 4, 5, 6, 7, 8] },
        { d: 64, seeds: [1, 2, 3] },
        { d: 16, seeds: [1, 2, 3, 4], epsilon: 1e-3 },
      ],
      flowThetas: [0, 0.3, Math.PI / 4],
    });
    const grids = widthStudyGrids(extended);
    expect(grids.map((g) => [g.d, g.depths, g.epsilons, g.thetas, g.seeds, g.flowThetas])).toEqual([
      [32, [2], [1e-2], extended.width?.thetas, [1, 2, 3, 4, 5, 6, 7, 8], extended.width?.flowThetas],
      [64, [2], [1e-2], extended.width?.thetas, [1, 2, 3], extended.width?.flowThetas],
      [16, [2], [1e-3], extended.width?.thetas, [1, 2, 3, 4], extended.width?.flowThetas],
    ]);
    const full = nonDiagonalCovariances.settings('full');
    for (const g of grids) {
      expect(g.width).toBeUndefined();
      expect([g.objectives, g.learningRate, g.horizon, g.records, g.fraction, g.lambdaRange, g.rhoRange]).toEqual([
        full.objectives,
        full.learningRate,
        full.horizon,
        full.records,
        full.fraction,
        full.lambdaRange,
        full.rhoRange,
      ]);
    }
    // one unit per training run and per flow check: 2 objectives × (5 angles × (8 + 3 + 4) seeds + 3 flow angles × 3 cells) beyond the rest of the extended run
    expect(nonDiagonalCovariances.units(extended) - nonDiagonalCovariances.units({ ...extended, width: undefined })).toBe(
      2 * (5 * 15 + 3 * 3),
    );
    const docs = readFileSync(new URL('../../../../docs/beyond-the-paper.md', import.meta.url), 'utf8');
    for (const text of [
      'L = 2, ε = 1e-2, θ ∈ {0, 0.025, 0.1, 0.3, π/4}',
      'd = 32 with seeds 1–8',
      'd = 64 with seeds 1–3',
      'd = 16 at ε = 1e-3 with seeds 1–4',
    ])
      expect(docs).toContain(text);
  });

  describe('one reduced width cell: d = 32, θ = 0, seed 1, both objectives, with the matrix flow', () => {
    const extended = nonDiagonalCovariances.settings('extended');
    // the main grid cut to one d = 4 run per objective; the width study to its d = 32 cell at θ = 0 for seed 1
    const reduced = {
      ...extended,
      d: 4,
      depths: [2],
      thetas: [0],
      seeds: [1],
      flowThetas: [],
      leakage: { theta: 0.2, depths: [], epsilons: [] },
      width: { depth: 2, epsilon: 1e-2, thetas: [0], widths: [{ d: 32, seeds: [1] }], flowThetas: [0] },
    };
    let widthData: NonDiagonalCovariancesData;
    const widthLabels: string[] = [];
    beforeAll(async () => {
      widthData = await nonDiagonalCovariances.run(reduced, (label) => void widthLabels.push(label));
    }, 60_000);

    it('counts its runs in units() and its document passes the checks of the main grid (θ = 0: the scalar recursion’s times)', () => {
      expect(widthLabels).toHaveLength(nonDiagonalCovariances.units(reduced));
      expect(widthLabels.filter((l) => l.startsWith('d=32 '))).toHaveLength(4);
      // (all runs at θ = 0: nothing for the matrix replay of a rotated run, so it is given no angle)
      checkNonDiagonalCovariancesDocument(
        JSON.parse(JSON.stringify(nonDiagonalCovariances.document(widthData))) as NonDiagonalCovariancesDocument,
        Number.NaN,
      );
    });

    it('at θ = 0 predicts each mode by its feature’s exact critical time (ode criticalTime), and training meets it to the O(η) of gradient descent', () => {
      const [w] = widthData.widths ?? [];
      expect(w.d).toBe(32);
      expect(w.runs).toHaveLength(2);
      // the covariances are diagonal: the modes are the 32 features, largest ρ first
      const byRho = [...w.features[0].features].sort((a, b) => b.rho - a.rho);
      expect(byRho).toHaveLength(32);
      for (const run of w.runs) {
        expect([run.theta, run.depth, run.epsilon, run.seed, run.learningRate]).toEqual([
          0,
          2,
          1e-2,
          1,
          extended.learningRate[run.objective],
        ]);
        expect(run.modes).toHaveLength(32);
        run.modes.forEach((m, k) => {
          const exact = criticalTime(byRho[k], { objective: run.objective, depth: 2, epsilon: 1e-2, fraction: 0.5 });
          expect(exact.exists).toBe(true);
          if (!exact.exists) return;
          expect(Math.abs((m.predicted as number) / exact.t - 1)).toBeLessThan(1e-12);
          // η = 0.1 (JEPA) and 0.01 (MAE), half the steps of the flow check above: a first-order error of a few per mille, under its 0.02
          expect(Math.abs((m.measured as number) / exact.t - 1)).toBeLessThan(0.02);
        });
        expect(run.orderAgrees).toBe(true);
      }
      expect(w.points.map((p) => [p.objective, p.theta, p.seeds, p.modesCompared, p.ordersAgreeing, p.pairsAgreeing])).toEqual([
        ['jepa', 0, 1, 32, 1, 1],
        ['mae', 0, 1, 32, 1, 1],
      ]);
      // the matrix flow at d = 32 (BDF + GMRES): the document check above holds each mode's flow time to
      // the closed form within the output spacing; against training, the O(η) bound of the main grid's flow checks
      expect(w.flowChecks.map((f) => [f.objective, f.theta, f.seed, f.status])).toEqual([
        ['jepa', 0, 1, 'success'],
        ['mae', 0, 1, 'success'],
      ]);
      for (const f of w.flowChecks) {
        expect(f.flow.filter((t) => t !== null)).toHaveLength(32);
        expect(f.maxRelativeDifference).toBeLessThan(0.02);
      }
    });

    it('adds the width rows to the table (with a d column) and the summary', () => {
      const table = nonDiagonalCovariances.table(widthData);
      expect(table.columns.at(-1)).toBe('d');
      expect(table.rows).toHaveLength(2 * 4 + 2 * 32);
      expect(table.rows.filter((r) => (r as { d: number }).d === 32)).toHaveLength(2 * 32);
      expect(nonDiagonalCovariances.summary(widthData)).toContain('d = 32, ε = 0.01 (seeds 1;');
      // without a width study the table has no d column and the document no widths
      expect(nonDiagonalCovariances.table(data).columns).not.toContain('d');
      expect(nonDiagonalCovariances.document(data)).not.toHaveProperty('widths');
    });
  });
});
