/**
 * Result 8 of `reproduce`: random-initialisation statistics.
 * @module
 */
import type { Experiment } from '../../experiment.js';
import { computeRandomInit, type RandomInitData } from './compute.js';
import { randomInitDocument } from './document.js';
import { randomInitFigure } from './figure.js';
import { randomInitSettings, type RandomInitSettings } from './setting.js';
import { randomInitSummary } from './summary.js';
import { randomInitTable } from './table.js';

/**
 * Result 8: over many seeds of random orthogonal init, the distribution of t*_train/t*_ODE
 * per feature, the probability that the learning order differs from the aligned prediction
 * and that the weak feature is never learned, per (objective, L, d, ε). One unit of work per run.
 * @example
 * ```ts
 * const settings = { ...randomInit.settings('quick'), objectives: ['mae'], seeds: [1, 2] } as const;
 * const data = await randomInit.run(settings);
 * data.cells[0].features[0].ratios.length; // => 2
 * ```
 */
export const randomInit: Experiment<RandomInitSettings, RandomInitData, '8-random-init'> = {
  id: '8-random-init',
  title: 'Random initialisation: t*_train / t*_ODE, order changes and unlearned features over seeds',
  settings: randomInitSettings,
  units: (s) => s.objectives.length * s.depths.length * s.widths.length * s.epsilons.length * s.seeds.length,
  run: computeRandomInit,
  document: randomInitDocument,
  table: randomInitTable,
  figure: randomInitFigure,
  summary: randomInitSummary,
};
