/**
 * Summary paragraph of result 9.
 * @module
 */
import { OBJECTIVES } from '@jepa-dynamics/core';
import { formatSignificant } from '../../arrange/formatSignificant.js';
import { objectiveLabel } from '../../arrange/objectiveLabel.js';
import type { DynamicFeature, PhaseDiagramsData } from './compute.js';

const percent = (x: number): string => `${(100 * x).toFixed(1)} %`;

/**
 * Why some points have no flip: where ε ≥ p, B (ρ_B = 1, w̄∞ = 1) starts at or above its
 * target p at every depth and has no critical time; the others found none up to maxDepth.
 */
function missingNote(points: PhaseDiagramsData['points'], maxDepth: number): string {
  const missing = points.filter((p) => p.jepa === null);
  if (missing.length === 0) return '';
  const startAtTarget = missing.filter((p) => p.epsilon >= p.fraction).length;
  return ` (none at ${missing.length}: ${startAtTarget} with ε ≥ p, where B starts at or above its target p·ρ_B^L = p and has no critical time; ${missing.length - startAtTarget} without a flip up to L = ${maxDepth})`;
}

/** `n (a ∈ [min, max], γ² ∈ [min, max], mean ρ = …)` of a set of the dynamic model's features. */
function describeSet(features: readonly DynamicFeature[]): string {
  if (features.length === 0) return '0';
  const span = (xs: number[]): string => `[${Math.min(...xs)}, ${Math.max(...xs)}]`;
  const meanRho = features.reduce((s, f) => s + f.rho, 0) / features.length;
  return `${features.length} (a ∈ ${span(features.map((f) => f.autoregression))}, γ² ∈ ${span(features.map((f) => f.noiseVariance))}, mean ρ = ${formatSignificant(meanRho)})`;
}

/**
 * The summary of result 9: what was measured on the grid (exact flip depths, their range,
 * the quoted ones), the law's agreement per number of terms, the sensitivity to p, MAE's
 * flips, and the dynamic model's learned sets at the stopping times.
 * @param data - what {@link computePhaseDiagrams} returned.
 * @returns one paragraph.
 */
export function phaseDiagramsSummary(data: PhaseDiagramsData): string {
  const { settings, points, agreement, quoted, fractionSensitive, dynamic, smallEpsilon } = data;
  const found = points.filter((p): p is typeof p & { jepa: number } => p.jepa !== null).map((p) => p.jepa);
  const maeFlips = points.filter((p) => p.mae !== null);
  const range = (xs: readonly number[]): string => `${Math.min(...xs)}–${Math.max(...xs)}`;
  const laws = agreement
    .map(
      (a) =>
        `${a.terms} term${a.terms === 1 ? '' : 's'}: exact at ${percent(a.exactFraction)} of ${a.points} points, largest deviation ${a.largestDeviation} (ε ≤ ${smallEpsilon}: ${percent(a.small.exactFraction)} of ${a.small.points}, largest ${a.small.largestDeviation})`,
    )
    .join('; ');
  const n = dynamic.features.length;
  const count = (f: (x: (typeof dynamic.features)[number]) => boolean): number => dynamic.features.filter(f).length;
  const sets = OBJECTIVES.map((o) => {
    const s = dynamic.separable[o];
    const shape =
      s.byRho && s.byLambda
        ? 'a threshold in ρ and in λ'
        : s.byRho
          ? 'a threshold in ρ, not in λ'
          : s.byLambda
            ? 'a threshold in λ, not in ρ'
            : 'no threshold in ρ or λ';
    return `${objectiveLabel(o)} stopped at T = ${formatSignificant(dynamic.stopTime[o])} learned ${count((f) => f.learned[o])} (${shape})`;
  }).join(', ');
  const { dynamic: d } = settings;
  return (
    `Exact JEPA flip depth (smallest L with t*_A < t*_B; A = (λ_A/λ_B, ρ_A/ρ_B), B = (1, 1)) at ${points.length} grid points ` +
    `(λ_A/λ_B ∈ {${settings.lambdaRatios.join(', ')}}, ρ_A/ρ_B ∈ {${settings.rhoRatios.join(', ')}}, ${settings.epsilons.length} ε from ${Math.max(...settings.epsilons)} to ${formatSignificant(Math.min(...settings.epsilons), 2)}, p ∈ {${settings.fractions.join(', ')}}): ` +
    `found at ${found.length}, L* = ${range(found)}${missingNote(points, settings.maxDepth)}. At λ_B/λ_A = ${1 / settings.quoted.lambdaRatio}, ρ_A/ρ_B = ${settings.quoted.rhoRatio}, p = ½: L* = ${quoted.map((q) => q ?? '—').join(', ')} for ε = ${settings.quoted.epsilons.join(', ')}. ` +
    `The ε → 0 law derived by the CAS from the leading-order sum (CAS certificates ${data.law.certified ? 'hold' : 'DO NOT hold'}; c = ${data.law.boundary}, k = ${data.law.curvature}, β = ${data.law.inverseDepthCoefficient}, r = λ_B/λ_A, R = ρ_A/ρ_B): ${laws}. ` +
    (fractionSensitive.of < points.length
      ? `p changes L* in ${fractionSensitive.cells} of ${fractionSensitive.of} (λ, ρ, ε) cells. `
      : '') +
    `MAE flips at ${maeFlips.length} of ${points.length} points up to L = ${settings.maeMaxDepth}${maeFlips.length > 0 ? ` (all at ε ≥ ${Math.min(...maeFlips.map((p) => p.epsilon))}, L* = ${range(maeFlips.map((p) => p.mae ?? 0))})` : ''}. ` +
    `Dynamic model (s = ${d.stationaryVariance}, ${d.autoregression.length} × ${d.noiseVariance.length} features a × γ², L = ${d.depth}, ε = ${d.epsilon}): ${sets}; ` +
    `learned by both ${count((f) => f.learned.jepa && f.learned.mae)}, JEPA only ${describeSet(dynamic.features.filter((f) => f.learned.jepa && !f.learned.mae))}, ` +
    `MAE only ${describeSet(dynamic.features.filter((f) => !f.learned.jepa && f.learned.mae))}, neither ${count((f) => !f.learned.jepa && !f.learned.mae)} of ${n}.`
  );
}
