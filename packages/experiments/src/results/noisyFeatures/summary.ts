/**
 * Summary sentence of result 5.
 * @module
 */
import { formatSignificant } from '../../arrange/formatSignificant.js';
import { objectiveLabel } from '../../arrange/objectiveLabel.js';
import type { NoisyFeaturesAnswer, NoisyFeaturesData } from './compute.js';

/**
 * Pairs of features next to each other in the formula's order whose trained critical
 * times overlap across the runs (the later one's smallest is not above the earlier one's
 * largest): training at this sample size does not tell those two apart.
 */
export function overlappingNeighbours(answer: NoisyFeaturesAnswer): [number, number][] {
  const pairs: [number, number][] = [];
  const order = answer.formulaOrder;
  for (let k = 1; k < order.length; k++) {
    const earlier = answer.trainedRange[order[k - 1]];
    const later = answer.trainedRange[order[k]];
    if (earlier !== null && later !== null && later.min <= earlier.max) pairs.push([order[k - 1], order[k]]);
  }
  return pairs;
}

/**
 * The summary of result 5: the setting (samples, number of runs and their seeds), then per
 * objective the order of noise variances by formula with its critical times; in how many
 * runs training learned every feature in that order; the trained critical times (median
 * and range over the runs); and which neighbours the runs do not separate.
 * @param data - what {@link computeNoisyFeatures} returned.
 * @returns one paragraph.
 */
export function noisyFeaturesSummary(data: NoisyFeaturesData): string {
  const { noiseVariance, depth, fraction, samples, seed, seedCount } = data.settings;
  const noise = (order: number[]): string => order.map((i) => noiseVariance[i]).join(', ');
  const fmt = (x: number | null): string => (x === null ? '—' : formatSignificant(x, 4));
  const line = (a: NoisyFeaturesAnswer): string => {
    const spread = data.formulaSpreads.find((x) => x.objective === a.objective)?.spread;
    const runs = a.seeds.length;
    const allLearned = a.seedsLearned.every((n) => n === runs);
    const learned = allLearned
      ? 'every run learned every feature'
      : `not every run learned every feature (runs learning γ² = ${noiseVariance.map((g, i) => `${g}: ${a.seedsLearned[i]}`).join(', ')})`;
    const trained = a.formulaOrder
      .map((i) => {
        const range = a.trainedRange[i];
        return `${fmt(a.trainedCriticalTimes[i])} (${range === null ? 'not learned' : `${fmt(range.min)}–${fmt(range.max)}`})`;
      })
      .join(', ');
    const overlaps = overlappingNeighbours(a);
    const resolution =
      overlaps.length === 0
        ? "the runs' ranges of neighbouring features do not overlap"
        : `the runs' ranges overlap for γ² = ${overlaps.map(([x, y]) => `${noiseVariance[x]} and ${noiseVariance[y]}`).join('; ')}: ` +
          'training at this sample size does not tell those neighbours apart';
    return (
      `${objectiveLabel(a.objective)}: formula γ² = ${noise(a.formulaOrder)} (t* = ${a.formulaOrder.map((i) => fmt(a.formulaCriticalTimes[i])).join(', ')}; spread ${spread === undefined ? '—' : formatSignificant(spread)}×); ` +
      `${learned}, in the formula's order in ${a.runsInFormulaOrder} of ${runs} runs; trained t* in that order, median (min–max over the runs): ${trained}; ${resolution}`
    );
  };
  return (
    `First → last, noise variance γ² at equal signal (L = ${depth}, t* at ${fraction}·w̄∞, gradient-flow time; training: ${seedCount} runs per objective, ` +
    `each on its own ${samples} samples, seeds ${seed}–${seed + seedCount - 1}; a crossing is the first step at or above the target ` +
    `(η = ${data.answers.map((a) => `${a.learningRate} ${objectiveLabel(a.objective)}`).join(', ')}) and counts when it holds at every record to the end). ` +
    `${data.answers.map(line).join('. ')}.` +
    data.answers
      .filter((a) => a.status !== 'completed')
      .map((a) => ` DIVERGED: ${a.message}`)
      .join('')
  );
}
