/**
 * Summary sentence of result 2.
 * @module
 */
import type { Objective } from '@jepa-dynamics/ode';
import { formatSignificant } from '../../arrange/formatSignificant.js';
import { objectiveLabel } from '../../arrange/objectiveLabel.js';
import type { DepthAmplifiesBiasData } from './compute.js';

/**
 * The summary of result 2: the spread t*(ρ_min)/t*(ρ_max) per objective and depth.
 * @param data - what {@link computeDepthAmplifiesBias} returned.
 * @returns one paragraph.
 */
export function depthAmplifiesBiasSummary(data: DepthAmplifiesBiasData): string {
  const { lambda, epsilon, rhoMin, rhoMax, objectives } = data.settings;
  const spreads = (o: Objective): string =>
    data.curves
      .filter((c) => c.objective === o)
      .map((c) => `L=${c.depth}: ${c.spread === null ? '—' : formatSignificant(c.spread)}`)
      .join(', ');
  return `Slowdown of the least influential feature, t*(ρ=${rhoMin})/t*(ρ=${rhoMax}) at λ = ${lambda}, ε = ${epsilon}: ${objectives.map((o) => `${objectiveLabel(o)} ${spreads(o)}`).join('; ')}.`;
}
