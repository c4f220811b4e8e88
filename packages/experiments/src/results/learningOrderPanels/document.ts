/**
 * JSON document of result 1.
 * @module
 */
import type { LearningOrderPanelsData } from './compute.js';

/**
 * The JSON document of result 1: conventions, setting, the panels, and the claims (each
 * panel's features in learned order with their critical times).
 * @param data - what {@link computeLearningOrderPanels} returned.
 * @returns a JSON-compatible object.
 */
export function learningOrderPanelsDocument(data: LearningOrderPanelsData): Record<string, unknown> {
  const { depth, epsilon, fraction } = data.settings;
  const claims = data.panels.map((p) => ({
    objective: p.objective,
    scenario: p.scenario,
    order: p.order.map((i) => ({ lambda: p.features[i].lambda, rho: p.features[i].rho, criticalTime: p.features[i].criticalTime })),
  }));
  return {
    description: 'Per-feature ODE trajectories and critical times; learning order = order of increasing critical time.',
    conventions: { time: 'gradient-flow time t = kη', criticalTime: 'exact closed form (docs/math.md §3), fraction p of w̄∞' },
    setting: { depth, epsilon, fraction },
    panels: data.panels,
    claims,
  };
}
