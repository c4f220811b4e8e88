/**
 * Result 7 of `reproduce`: covariances that are not simultaneously diagonal.
 * @module
 */
import type { Experiment } from '../../experiment.js';
import { computeNonDiagonalCovariances, type NonDiagonalCovariancesData } from './compute.js';
import { nonDiagonalCovariancesDocument } from './document.js';
import { nonDiagonalCovariancesFigure } from './figure.js';
import { nonDiagonalCovariancesSettings, widthStudyGrids, type NonDiagonalCovariancesSettings } from './setting.js';
import { nonDiagonalCovariancesSummary } from './summary.js';
import { nonDiagonalCovariancesTable } from './table.js';

/** The training runs and flow checks of one grid (main or one width): one unit each. */
function gridUnits(s: NonDiagonalCovariancesSettings): number {
  return (
    s.objectives.length *
    s.depths.length *
    s.epsilons.length *
    (s.thetas.length * s.seeds.length + s.thetas.filter((t) => s.flowThetas.includes(t)).length)
  );
}

/**
 * Result 7: training on covariances rotated by θ away from simultaneously diagonal, read
 * in the modes of the generalised eigenproblem Σyx v = ρ Σxx v, against each mode's
 * per-feature critical time (docs/math.md §8), and in the extended mode the same at larger
 * widths (the width study). One unit of work per training run and per matrix-flow check.
 * @example
 * ```ts
 * const settings = { ...nonDiagonalCovariances.settings('quick'), objectives: ['mae'], thetas: [0], flowThetas: [], leakage: { theta: 0.2, depths: [], epsilons: [] } } as const;
 * const data = await nonDiagonalCovariances.run(settings);
 * data.points[0].ordersAgreeing; // => 1
 * ```
 */
export const nonDiagonalCovariances: Experiment<NonDiagonalCovariancesSettings, NonDiagonalCovariancesData, '7-non-diagonal-covariances'> =
  {
    id: '7-non-diagonal-covariances',
    title: 'Covariances not simultaneously diagonal: the generalised-eigen prediction against training, over the rotation angle θ',
    settings: nonDiagonalCovariancesSettings,
    units: (s) =>
      [s, ...widthStudyGrids(s)].reduce((n, g) => n + gridUnits(g), 0) +
      s.objectives.length * s.leakage.depths.length * s.leakage.epsilons.length,
    run: computeNonDiagonalCovariances,
    document: nonDiagonalCovariancesDocument,
    table: nonDiagonalCovariancesTable,
    figure: nonDiagonalCovariancesFigure,
    summary: nonDiagonalCovariancesSummary,
  };
