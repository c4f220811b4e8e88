/**
 * Summary of result 7.
 * @module
 */
import { formatSignificant } from '../../arrange/formatSignificant.js';
import { objectiveLabel } from '../../arrange/objectiveLabel.js';
import type { CovariancePoint, NonDiagonalCovariancesData } from './compute.js';
import type { FlowCheck } from './flowCheck.js';

/**
 * The summary of result 7: what was trained, the θ = 0 check, the error of the predicted t*
 * and the order agreement against θ per objective, the fitted leakage slopes, and the width
 * study's curves where there is one.
 * @param data - what {@link computeNonDiagonalCovariances} returned.
 * @returns one paragraph.
 */
export function nonDiagonalCovariancesSummary(data: NonDiagonalCovariancesData): string {
  const s = data.settings;
  const pct = (x: number): string => `${formatSignificant(100 * x, 2)}%`;
  const curve = (p: CovariancePoint): string =>
    `${objectiveLabel(p.objective)} L=${p.depth} ε=${p.epsilon} θ=${formatSignificant(p.theta, 3)}: median ${pct(p.medianAbsError)} (max ${pct(p.maxAbsError)}, ${p.modesCompared} modes), pairs ordered as predicted ${pct(p.pairsAgreeing)}, full order ${p.ordersAgreeing}/${p.seeds}`;
  const curves = data.points.map(curve);
  const flow = (f: FlowCheck): string =>
    `${objectiveLabel(f.objective)} L=${f.depth} θ=${formatSignificant(f.theta, 3)}: ${f.status === 'success' ? pct(f.maxRelativeDifference) : `flow ${f.status}`}`;
  const flows = data.flowChecks.map(flow);
  const width = s.width;
  const widths =
    width === undefined
      ? ''
      : ` Width study (L = ${width.depth}, the same η, horizon and readout), |t*_train/t*_predicted − 1| over seeds × modes, then training against the matrix flow for the first seed: ` +
        (data.widths ?? [])
          .map(
            (w) =>
              `d = ${w.d}, ε = ${w.epsilon} (seeds ${w.seeds.join(', ')}; θ = 0 check ${w.thetaZeroDeviation.toExponential(1)}): ${w.points.map(curve).join('; ')}` +
              (w.flowChecks.length > 0 ? `; flow: ${w.flowChecks.map(flow).join(', ')}` : ''),
          )
          .join('. ') +
        '.';
  const fits = data.leakageFits.map((f) => `${objectiveLabel(f.objective)} L=${f.depth}: ${formatSignificant(f.slope, 2)}`);
  return (
    `Static model with its signal basis rotated by θ against the noise basis, d = ${s.d} features per seed (seeds ${s.seeds.join(', ')}; λ log-uniform in [${s.lambdaRange.join(', ')}], ρ uniform in [${s.rhoRange.join(', ')}]), aligned init, gradient descent on population moments (JEPA η = ${s.learningRate.jepa}, MAE η = ${s.learningRate.mae}) to ${s.horizon}× the largest predicted t*; ` +
    `each mode of Σyx v = ρ Σxx v predicted by the per-feature exact t* of its (λ, ρ) (σ² = uᵀΣxx u along the unit dual direction u ∝ Σxx v). ` +
    `At θ = 0 the modes are the features: largest relative difference of ρ, σ², λ and predicted t* ${data.thetaZeroDeviation.toExponential(1)}. ` +
    `|t*_train/t*_predicted − 1| over seeds × modes: ${curves.join('; ')}. ` +
    (flows.length > 0
      ? `Training against the matrix flow (BDF, rtol 1e-8) for seed ${s.seeds[0]}: largest relative difference of the modes' t* ${flows.join(', ')} (the O(η) of gradient descent, so the errors above are the prediction's). `
      : '') +
    `Leakage (off-diagonal over diagonal of W̄ in the mode basis) at ½ min t*, θ = ${s.leakage.theta}, seed ${s.seeds[0]}, ε ∈ {${s.leakage.epsilons.join(', ')}}: fitted slope of log leakage against log ε^{1/L} ${fits.join(', ')} (a slope of 1 would be leakage ∝ ε^{1/L}).` +
    widths
  );
}
