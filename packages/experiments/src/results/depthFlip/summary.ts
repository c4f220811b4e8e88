/**
 * Summary sentence of result 3.
 * @module
 */
import type { Objective } from '@jepa-dynamics/ode';
import { formatSignificant } from '../../arrange/formatSignificant.js';
import { objectiveLabel } from '../../arrange/objectiveLabel.js';
import { DEPTH_FLIP_ROUTES, type DepthFlipData } from './compute.js';

/**
 * The summary of result 3: the flip depth of each objective (and by each route), the
 * routes' largest difference from the closed form, the ratios by depth, and any
 * divergence of gradient descent.
 * @param data - what {@link computeDepthFlip} returned.
 * @returns one paragraph.
 */
export function depthFlipSummary(data: DepthFlipData): string {
  const { featureA, featureB, maxDepth } = data.settings;
  const { flipDepth, agreementWithExact: agreement, learningRates, divergence } = data;
  const ratios = (o: Objective): string =>
    data.table
      .filter((r) => r.objective === o)
      .map((r) => `${r.depth}: ${r.exact.ratio === null ? '—' : formatSignificant(r.exact.ratio)}`)
      .join(', ');
  const flips = (o: Objective): string => DEPTH_FLIP_ROUTES.map((route) => `${route} ${flipDepth[o][route] ?? 'none'}`).join(', ');
  const divergenceNote =
    divergence.rows.length === 0
      ? ''
      : ` Gradient descent diverged ${divergence.afterCrossing ? 'after the crossing' : '(in some runs BEFORE the crossing)'} in ${divergence.rows.length} runs (${divergence.rows.map((r) => `${objectiveLabel(r.objective)} L=${r.depth}`).join(', ')}): near w̄∞ the curvature, of order λρ^{2L−1}, exceeds 2/η; each run stops at 1.1·t*, and the crossings it recorded before differ from the closed-form t* by at most ${divergence.largestRelativeGap.toExponential(1)} relative.`;
  return (
    `JEPA learns A = (λ=${featureA.lambda}, ρ=${featureA.rho}) before B = (λ=${featureB.lambda}, ρ=${featureB.rho}) from depth L = ${flipDepth.jepa.exact ?? `(none up to ${maxDepth})`}; ` +
    `MAE ${flipDepth.mae.exact === null ? `learns B first at every depth up to ${maxDepth}` : `flips at L = ${flipDepth.mae.exact}`}. ` +
    `Flip depth by route: JEPA ${flips('jepa')}; MAE ${flips('mae')}. ` +
    `Largest relative difference from the closed-form ratio: CAS formula ${agreement.formula.toExponential(1)}, ODE ${agreement.ode.toExponential(1)}, gradient descent ${agreement.simulation.toExponential(1)} (η = ${learningRates.jepa} JEPA, ${learningRates.mae} MAE). ` +
    `t*_A/t*_B by depth: JEPA ${ratios('jepa')}; MAE ${ratios('mae')}.${divergenceNote}`
  );
}
