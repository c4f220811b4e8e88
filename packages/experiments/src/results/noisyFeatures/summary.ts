/**
 * Summary sentence of result 5.
 * @module
 */
import { formatSignificant } from '../../arrange/formatSignificant.js';
import { objectiveLabel } from '../../arrange/objectiveLabel.js';
import type { NoisyFeaturesAnswer, NoisyFeaturesData } from './compute.js';

/**
 * The summary of result 5: per objective, the order of noise variances learned by
 * formula and by training, whether they agree, and the spread of the critical times.
 * @param data - what {@link computeNoisyFeatures} returned.
 * @returns one paragraph.
 */
export function noisyFeaturesSummary(data: NoisyFeaturesData): string {
  const { noiseVariance, depth } = data.settings;
  const noise = (order: number[]): string => order.map((i) => noiseVariance[i]).join(', ');
  const spread = (a: NoisyFeaturesAnswer): string => {
    const s = data.formulaSpreads.find((x) => x.objective === a.objective);
    return s === undefined ? '—' : formatSignificant(s.spread);
  };
  const line = (a: NoisyFeaturesAnswer): string =>
    `${objectiveLabel(a.objective)} learns γ² = ${noise(a.formulaOrder)} (formula) / ${noise(a.trainedOrder)} (trained on ${a.samples} samples)` +
    `${a.formulaOrder.join() === a.trainedOrder.join() ? ', the same order' : ', a DIFFERENT order'}; t* spread ${spread(a)}×`;
  return (
    `First → last (noise variance γ² at equal signal, L = ${depth}): ${data.answers.map(line).join('. ')}.` +
    data.answers
      .filter((a) => a.status !== 'completed')
      .map((a) => ` DIVERGED: ${a.message}`)
      .join('')
  );
}
