/**
 * Summary sentence of result 6.
 * @module
 */
import type { Objective } from '@jepa-dynamics/ode';
import { objectiveLabel } from '../../arrange/objectiveLabel.js';
import type { LeadingOrderErrorData } from './compute.js';

/**
 * The summary of result 6: per objective and depth, the relative error at the smallest
 * and at the largest ε.
 * @param data - what {@link computeLeadingOrderError} returned.
 * @returns one paragraph.
 */
export function leadingOrderErrorSummary(data: LeadingOrderErrorData): string {
  const { depths, objectives } = data.settings;
  const { epsilons, rows } = data;
  const at = (o: Objective, depth: number, epsilon: number): string => {
    const r = rows.find((q) => q.objective === o && q.depth === depth && q.epsilon === epsilon);
    return r?.relativeError === null || r === undefined ? '—' : r.relativeError.toExponential(1);
  };
  const worstEps = epsilons[epsilons.length - 1];
  const bestEps = epsilons[0];
  const describe = (o: Objective): string => depths.map((d) => `L=${d}: ${at(o, d, bestEps)} / ${at(o, d, worstEps)}`).join(', ');
  return `Relative error of the leading-order t* at ε = ${bestEps} / ε = ${worstEps}: ${objectives.map((o) => `${objectiveLabel(o)} ${describe(o)}`).join('; ')}.`;
}
