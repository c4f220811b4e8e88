/**
 * CSV table of result 4.
 * @module
 */
import type { Table } from '../../table.js';
import type { TheoryVsTrainingData } from './compute.js';

/**
 * The table of result 4: one row per run (η and η/2), recorded time and component.
 * @param data - what {@link computeTheoryVsTraining} returned.
 * @returns columns objective, init, learning_rate, measure, feature, t, simulated, ode.
 */
export function theoryVsTrainingTable(data: TheoryVsTrainingData): Table {
  const rows = [...data.runs, ...data.halvedLearningRate].flatMap((r) =>
    r.t.flatMap((t, k) =>
      r.simulated.map((w, i) => ({
        objective: r.objective,
        init: r.init,
        learning_rate: r.learningRate,
        measure: r.measure,
        feature: i,
        t,
        simulated: w[k],
        ode: r.ode[i][k],
      })),
    ),
  );
  return { columns: ['objective', 'init', 'learning_rate', 'measure', 'feature', 't', 'simulated', 'ode'], rows };
}
