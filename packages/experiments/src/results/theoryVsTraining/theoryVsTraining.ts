/**
 * Result 4 of `reproduce`: theory vs training.
 * @module
 */
import type { Experiment } from '../../experiment.js';
import { computeTheoryVsTraining, type TheoryVsTrainingData } from './compute.js';
import { theoryVsTrainingDocument } from './document.js';
import { theoryVsTrainingFigure } from './figure.js';
import { theoryVsTrainingSettings, type TheoryVsTrainingSettings } from './setting.js';
import { theoryVsTrainingSummary } from './summary.js';
import { theoryVsTrainingTable } from './table.js';

/**
 * Result 4: gradient descent on the full matrices against the per-feature ODE. With
 * aligned init the deviation is first order in η (it halves with η); with random
 * orthogonal init it is measured on W̄'s singular values. Three units of work (training
 * runs) per objective.
 * @example
 * ```ts
 * const settings = { ...theoryVsTraining.settings('quick'), objectives: ['mae'], runs: { jepa: { tEnd: 1, learningRate: 0.1 }, mae: { tEnd: 10, learningRate: 0.01 } } };
 * const data = await theoryVsTraining.run(settings);
 * data.runs.map((r) => r.measure); // => ['diagonal', 'singularValues']
 * data.halvingRatios[0].ratio; // ≈ 2
 * ```
 */
export const theoryVsTraining: Experiment<TheoryVsTrainingSettings, TheoryVsTrainingData, '4-theory-vs-training'> = {
  id: '4-theory-vs-training',
  title: 'Theory vs training: gradient descent on the full matrices against the per-feature ODE',
  settings: theoryVsTrainingSettings,
  units: (settings) => settings.objectives.length * 3,
  run: computeTheoryVsTraining,
  document: theoryVsTrainingDocument,
  table: theoryVsTrainingTable,
  figure: theoryVsTrainingFigure,
  summary: theoryVsTrainingSummary,
};
