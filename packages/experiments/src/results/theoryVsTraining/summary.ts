/**
 * Summary sentence of result 4.
 * @module
 */
import type { Objective } from '@jepa-dynamics/ode';
import { formatSignificant } from '../../arrange/formatSignificant.js';
import { objectiveLabel } from '../../arrange/objectiveLabel.js';
import type { TheoryVsTrainingData, TrainingRun } from './compute.js';

/** `a`, `a and b`, `a, b and c`. */
function listed(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The percentage of a relative difference, 2 significant digits. */
function percent(x: number): string {
  return `${formatSignificant(100 * x, 2)} %`;
}

/** What the aligned run learned: order, times against the formula, and that each crossing held. */
function alignedLearning(run: TrainingRun, tEnd: number, fraction: number): string {
  const { learning, learnedOrder, neverLearned, criticalTimes } = run;
  const predicted = criticalTimes.predicted;
  const differences = learnedOrder.map((i) => {
    const p = predicted[i];
    const at = learning[i].learnedAt;
    return p === null || at === null ? Number.NaN : Math.abs(at - p) / p;
  });
  const learned =
    learnedOrder.length === 0
      ? 'no feature learned'
      : `${neverLearned.length === 0 ? 'every feature' : `${learnedOrder.length} of ${learning.length} features`} learned, each reaching ${fraction}·w̄∞ (at the first step at or above it) and staying at or above it at every record to the end (t = ${formatSignificant(tEnd, 4)}): ` +
        `order ${learnedOrder.join(', ')} (formula ${run.order.predicted.join(', ')}), at t = ${learnedOrder.map((i) => formatSignificant(learning[i].learnedAt ?? Number.NaN, 4)).join(', ')} ` +
        `(formula ${learnedOrder.map((i) => formatSignificant(predicted[i] ?? Number.NaN, 4)).join(', ')}; relative difference ≤ ${percent(Math.max(...differences))})`;
  return `${learned}${notLearned(run, 'feature', tEnd)}`;
}

/** The components not learned, with where they ended against their targets, and crossings that did not hold. */
function notLearned(run: TrainingRun, noun: 'feature' | 'mode', tEnd: number): string {
  const name = (i: number): string => (noun === 'mode' ? String(i + 1) : String(i));
  const parts: string[] = [];
  const never = run.neverLearned;
  if (never.length > 0) {
    parts.push(
      `${noun}${never.length > 1 ? 's' : ''} ${listed(never.map(name))} not learned by t = ${formatSignificant(tEnd, 4)} ` +
        `(at ${listed(never.map((i) => formatSignificant(run.learning[i].end, 3)))} against ${listed(never.map((i) => formatSignificant(run.learning[i].target, 3)))})`,
    );
  }
  const transient = run.learning.flatMap((l, i) => (l.transientCrossing === null ? [] : [{ i, at: l.transientCrossing }]));
  for (const { i, at } of transient) {
    parts.push(`${noun} ${name(i)} reached its target at t = ${formatSignificant(at, 4)} but fell back below it (not counted)`);
  }
  return parts.length === 0 ? '' : `; ${parts.join('; ')}`;
}

/** What the random-init run learned, mode by mode (singular values of W̄). */
function randomLearning(run: TrainingRun, tEnd: number, fraction: number): string {
  const learned = run.learnedOrder.map(
    (i) => `mode ${i + 1} learned at t ≈ ${formatSignificant(run.learning[i].learnedAt ?? Number.NaN, 3)}`,
  );
  const head = learned.length === 0 ? 'no mode learned' : listed(learned);
  return (
    `${head} (the i-th largest singular value of W̄ reaching ${fraction} times the i-th largest w̄∞ and staying there at every record; ` +
    `interpolated between records ${formatSignificant(run.crossingResolution, 2)} apart)${notLearned(run, 'mode', tEnd)}`
  );
}

/**
 * The summary of result 4: per objective, the aligned-init deviation at η and η/2 and
 * their ratio; what was learned with aligned init (the order, each crossing of p·w̄∞
 * holding to the end of the run, the times against the formula); what was learned with
 * random init, mode by mode, and what was not, with its deviation from the sorted ODE
 * values. A crossing counts only if it holds; a component never learned is named.
 * @param data - the computed result.
 * @returns one paragraph.
 */
export function theoryVsTrainingSummary(data: TheoryVsTrainingData): string {
  const { runs, halvedLearningRate: halved, settings } = data;
  const line = (objective: Objective): string => {
    const a = runs.find((r) => r.objective === objective && r.init === 'aligned');
    const h = halved.find((r) => r.objective === objective);
    const rnd = runs.find((r) => r.objective === objective && r.init === 'random');
    const ratio = data.halvingRatios.find((r) => r.objective === objective);
    if (a === undefined || h === undefined || rnd === undefined || ratio === undefined) return '';
    const tEnd = settings.runs[objective].tEnd;
    return (
      `${objectiveLabel(objective)}: aligned init max deviation ${formatSignificant(a.maxDeviation)} at η = ${a.learningRate}, ${formatSignificant(h.maxDeviation)} at η = ${h.learningRate} ` +
      `(ratio ${formatSignificant(ratio.ratio)}, first order in η); ${alignedLearning(a, tEnd, settings.fraction)}. ` +
      `Random orthogonal init: ${randomLearning(rnd, tEnd, settings.fraction)}; max deviation ${formatSignificant(rnd.maxDeviation)} between W̄'s singular values and the sorted ODE values ` +
      `(the per-feature ODE from an aligned start does not give the timing from a random init)`
    );
  };
  const diverged = [...runs, ...halved].filter((r) => r.status !== 'completed');
  const divergenceNote = diverged.length === 0 ? '' : ` DIVERGED: ${diverged.map((r) => r.message).join(' ')}`;
  return `${settings.objectives.map((o) => `${line(o)}.`).join(' ')}${divergenceNote}`;
}
