/**
 * Summary of result 8.
 * @module
 */
import { formatSignificant } from '../../arrange/formatSignificant.js';
import { objectiveLabel } from '../../arrange/objectiveLabel.js';
import type { Proportion, RandomInitData } from './compute.js';

/**
 * The summary of result 8: per cell the median ratio of each feature with its interval, and
 * the two proportions with their Wilson intervals; what is derived and what is heuristic.
 * @param data - what {@link computeRandomInit} returned.
 * @returns one paragraph.
 */
export function randomInitSummary(data: RandomInitData): string {
  const s = data.settings;
  const f3 = (x: number | null): string => (x === null ? '∞' : formatSignificant(x, 3));
  const prop = (p: Proportion): string => `${p.count}/${p.of} [${f3(p.interval[0])}, ${f3(p.interval[1])}]`;
  const cells = data.cells.map((c) => {
    const medians = c.features
      .map(
        (f) => `${f3(f.median)} [${f3(f.medianInterval[0])}, ${f3(f.medianInterval[1])}] (effective start ${f3(f.effectiveStartMedian)})`,
      )
      .join(', ');
    return `${objectiveLabel(c.objective)} L=${c.depth} d=${c.d} ε=${c.epsilon}: median t*_train/t*_ODE by feature ${medians}; order differs ${prop(c.orderDiffers)}; weak feature ${c.weakFeature} never learned ${prop(c.weakNeverLearned)}`;
  });
  return (
    `Random orthogonal init (W_a = ε^{1/L}O_a, V = ε^{1/L}O_V, Haar), seeds ${s.seeds[0]}…${s.seeds[s.seeds.length - 1]} (${s.seeds.length} per cell), features λ_i = 2·4^{−i/(d−1)}, ρ_i = 0.9 − 0.5·i/(d−1), gradient descent on population moments (JEPA η = ${s.learningRate.jepa}, MAE η = ${s.learningRate.mae}) to ${s.horizon}× the largest t*_ODE; ` +
    `t*_train is the first crossing of p·w̄∞ by ‖W̄e_i‖, "never learned" means no crossing by the end; medians with distribution-free 95 % intervals, proportions with Wilson 95 % intervals. ` +
    `${cells.join('; ')}. ` +
    `The effective-start prediction t*_ODE(ε/√2)/t*_ODE(ε) is derived for MAE at L = 1 (the early linear phase grows (W e_i + Vᵀe_i)/2, of norm ε√((1 + c)/2), c the cosine of two independent uniform directions, median 0) and is a heuristic elsewhere.`
  );
}
