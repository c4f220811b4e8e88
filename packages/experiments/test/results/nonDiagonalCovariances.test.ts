import { beforeAll, describe, expect, it } from 'vitest';
import { nonDiagonalCovariances } from '../../src/results/nonDiagonalCovariances/nonDiagonalCovariances.js';
import type { NonDiagonalCovariancesData } from '../../src/results/nonDiagonalCovariances/compute.js';
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

  it('summary, table and figure state the measured numbers', () => {
    const summary = nonDiagonalCovariances.summary(data);
    expect(summary).toContain('seeds 4, 9');
    expect(summary).toContain(`${data.thetaZeroDeviation.toExponential(1)}`);
    expect(nonDiagonalCovariances.table(data).rows).toHaveLength(data.runs.length * 3);
    expect(JSON.stringify(nonDiagonalCovariances.figure(data))).toContain('rotation angle θ');
  });
});
