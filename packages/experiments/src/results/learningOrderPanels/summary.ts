/**
 * Summary sentence of result 1.
 * @module
 */
import { objectiveLabel } from '../../arrange/objectiveLabel.js';
import type { LearningOrderPanel, LearningOrderPanelsData } from './compute.js';

/**
 * The summary of result 1: per scenario, each objective's learning order as (λ, ρ) pairs.
 * @param data - what {@link computeLearningOrderPanels} returned.
 * @returns one paragraph.
 */
export function learningOrderPanelsSummary(data: LearningOrderPanelsData): string {
  const { depth, epsilon, objectives, scenarios } = data.settings;
  const orderText = (p: LearningOrderPanel): string => p.order.map((i) => `(${p.features[i].lambda}, ${p.features[i].rho})`).join(' → ');
  const summary = scenarios
    .map((s) => {
      const parts = objectives.map((o) => {
        const p = data.panels.find((q) => q.objective === o && q.scenario === s.key);
        return p === undefined ? '' : `${objectiveLabel(o)} ${orderText(p)}`;
      });
      return `${s.title}: ${parts.join('; ')}`;
    })
    .join('. ');
  return `Learning order (λ, ρ), first → last, L = ${depth}, ε = ${epsilon}: ${summary}.`;
}
