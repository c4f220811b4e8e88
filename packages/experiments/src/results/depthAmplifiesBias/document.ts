/**
 * JSON document of result 2.
 * @module
 */
import type { DepthAmplifiesBiasData } from './compute.js';

/**
 * The JSON document of result 2: conventions, setting and the curves (without their
 * relative values, which the CSV table carries).
 * @param data - what {@link computeDepthAmplifiesBias} returned.
 * @returns a JSON-compatible object.
 */
export function depthAmplifiesBiasDocument(data: DepthAmplifiesBiasData): Record<string, unknown> {
  const { lambda, epsilon, fraction, rhoMin, rhoMax, depths } = data.settings;
  return {
    description: 'Exact critical times against ρ at λ = 1; spread = t*(ρ_min)/t*(ρ_max).',
    conventions: { time: 'gradient-flow time t = kη', criticalTime: 'exact closed form (docs/math.md §3)' },
    setting: { lambda, epsilon, fraction, rhoMin, rhoMax, depths },
    curves: data.curves.map((c) => ({
      objective: c.objective,
      depth: c.depth,
      rho: c.rho,
      criticalTime: c.criticalTime,
      spread: c.spread,
    })),
  };
}
