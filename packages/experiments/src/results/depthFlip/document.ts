/**
 * JSON document of result 3.
 * @module
 */
import type { DepthFlipData } from './compute.js';

/**
 * The JSON document of result 3: conventions (what each route is), setting, the table,
 * the flip depths and the agreement with the closed form.
 * @param data - what {@link computeDepthFlip} returned.
 * @returns a JSON-compatible object.
 */
export function depthFlipDocument(data: DepthFlipData): Record<string, unknown> {
  const { featureA, featureB, epsilon, fraction, maxDepth, learningRate } = data.settings;
  return {
    description: 't*_A/t*_B by four routes; flipDepth = smallest L at which A is learned first (t*_A < t*_B).',
    conventions: {
      time: 'gradient-flow time t = kη (the ratio is the same in paper time)',
      routes: {
        exact: 'closed-form implicit solution t(u*) (@jepa-dynamics/ode criticalTime, method exact)',
        formula: 'CAS-derived closed form (@jepa-dynamics/symbolic criticalTimeFormula)',
        ode: 'per-layer ODE integrated in time with event location (@jepa-dynamics/ode criticalTime, method ode)',
        simulation: 'full-matrix gradient descent, aligned init, population gradients: first t = kη with w̄ ≥ p·w̄∞ (@jepa-dynamics/sim)',
      },
    },
    setting: { featureA, featureB, epsilon, fraction, maxDepth, learningRate },
    table: data.table,
    flipDepth: data.flipDepth,
    agreementWithExact: data.agreementWithExact,
  };
}
