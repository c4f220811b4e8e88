/**
 * Summary sentence of result 4.
 * @module
 */
import type { Objective } from '@jepa-dynamics/ode';
import { formatSignificant } from '../../arrange/formatSignificant.js';
import { objectiveLabel } from '../../arrange/objectiveLabel.js';
import type { TheoryVsTrainingData } from './compute.js';

/**
 * The summary of result 4: per objective, the aligned-init deviation at η and η/2 and
 * their ratio, the random-init deviation of the singular values, and the learning order
 * simulated and predicted; any diverged run.
 * @param data - what {@link computeTheoryVsTraining} returned.
 * @returns one paragraph.
 */
export function theoryVsTrainingSummary(data: TheoryVsTrainingData): string {
  const { runs, halvedLearningRate: halved } = data;
  const line = (objective: Objective): string => {
    const a = runs.find((r) => r.objective === objective && r.init === 'aligned');
    const h = halved.find((r) => r.objective === objective);
    const rnd = runs.find((r) => r.objective === objective && r.init === 'random');
    const ratio = data.halvingRatios.find((r) => r.objective === objective);
    if (a === undefined || h === undefined || rnd === undefined || ratio === undefined) return '';
    return (
      `${objectiveLabel(objective)}: aligned init max deviation ${formatSignificant(a.maxDeviation)} at η = ${a.learningRate}, ${formatSignificant(h.maxDeviation)} at η = ${h.learningRate} ` +
      `(ratio ${formatSignificant(ratio.ratio)}, first order in η); random orthogonal init: max deviation ${formatSignificant(rnd.maxDeviation)} between W̄'s singular values and the sorted ODE values (the per-feature ODE does not give the timing from a random init); ` +
      `simulated learning order ${a.order.simulated.join(',')} vs predicted ${a.order.predicted.join(',')}`
    );
  };
  const diverged = [...runs, ...halved].filter((r) => r.status !== 'completed');
  const divergenceNote = diverged.length === 0 ? '' : ` DIVERGED: ${diverged.map((r) => r.message).join(' ')}`;
  return `${data.settings.objectives.map((o) => `${line(o)}.`).join(' ')}${divergenceNote}`;
}
