/**
 * JSON document of result 9.
 * @module
 */
import type { PhaseDiagramsData } from './compute.js';

/**
 * The JSON document of result 9: conventions (what is exact, what the law is), settings, the
 * grid with exact and predicted flip depths, the law's agreement, the quoted depths and the
 * dynamic model's diagram.
 * @param data - what {@link computePhaseDiagrams} returned.
 * @returns a JSON-compatible object.
 */
export function phaseDiagramsDocument(data: PhaseDiagramsData): Record<string, unknown> {
  return {
    description:
      'Flip depth L* = smallest L with t*_A < t*_B (exact closed form, docs/math.md §3), A = (λ = λ_A/λ_B, ρ = ρ_A/ρ_B), B = (λ = 1, ρ = 1); the CAS-derived ε → 0 law against it; features of the dynamic model learned by a stopping time T (t*_p ≤ T).',
    conventions: {
      time: 'gradient-flow time t = kη',
      exact: '@jepa-dynamics/ode flipDepthBatch (criticalTimeBatch, method exact)',
      law: 'with c = boundary, k = curvature, β = inverseDepthCoefficient (r = λ_B/λ_A, R = ρ_A/ρ_B): 1 term ⌊ln(1/ε)/ln(1/c)⌋ + 1; 2 terms ⌊(ln(1/ε) − ½)/ln(1/c)⌋ + 1; 3 terms ⌊L₊⌋ + 1, L₊ the larger root of ln(1/c) L² − (ln(1/ε) − ½) L + β = 0',
      stopTime:
        'per objective, the critical time of its ⌈learnedShare·n⌉-th feature in its learning order (n = dynamic grid size): both objectives have learned equally many features',
      dynamicModel:
        'z_{t+1} = a z_t + ξ_t (innovation variance q), x = z_t + n, y = z_{t+1} + n′ (noise variance γ²): σ² = s + γ², λ = a s, ρ = a s/(s + γ²), s = q/(1 − a²)',
    },
    settings: data.settings,
    law: data.law,
    agreement: data.agreement,
    smallEpsilon: data.smallEpsilon,
    fractionSensitive: data.fractionSensitive,
    quoted: data.quoted,
    points: data.points,
    dynamic: data.dynamic,
  };
}
