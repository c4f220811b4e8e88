/**
 * Figure of result 9: the exact flip-depth map, L* against ln(1/ε) with the law, and the
 * dynamic model's learned sets.
 * @module
 */
import { VEGA_LITE_SCHEMA, type FigureSpec } from '../../figureSpec.js';
import type { PhaseDiagramsData } from './compute.js';

const CLASSES = ['both', 'JEPA only', 'MAE only', 'neither'] as const;

/**
 * The figure of result 9, three panels: (a) the exact JEPA flip depth over (ρ_A/ρ_B, λ_A/λ_B) at
 * the figure's ε and p = ½, with the 3-term law's depth in parentheses; (b) L* against ln(1/ε)
 * at p = ½ for the quoted pair, exact points and the law's three orders; (c) the dynamic
 * model's features over (a, γ²), by which objective has learned them at its stopping time.
 * @param data - what {@link computePhaseDiagrams} returned.
 * @returns a vega-lite specification.
 */
export function phaseDiagramsFigure(data: PhaseDiagramsData): FigureSpec {
  const { settings, points, dynamic } = data;
  const eps = settings.figureEpsilon;
  const mapRows = points
    .filter((p) => Math.abs(p.epsilon / eps - 1) < 1e-12 && p.fraction === 0.5)
    .map((p) => ({ lambdaRatio: p.lambdaRatio, rhoRatio: p.rhoRatio, exact: p.jepa, label: `${p.jepa ?? '—'} (${p.law[3]})` }));
  const q = settings.quoted;
  const lineRows = points
    .filter((p) => p.lambdaRatio === q.lambdaRatio && p.rhoRatio === q.rhoRatio && p.fraction === 0.5)
    .flatMap((p) => [
      { logInverseEpsilon: Math.log(1 / p.epsilon), depth: p.jepa, source: 'exact closed form' },
      { logInverseEpsilon: Math.log(1 / p.epsilon), depth: p.law[1], source: 'law, 1 term' },
      { logInverseEpsilon: Math.log(1 / p.epsilon), depth: p.law[2], source: 'law, 2 terms' },
      { logInverseEpsilon: Math.log(1 / p.epsilon), depth: p.law[3], source: 'law, 3 terms' },
    ]);
  const dynamicRows = dynamic.features.map((f) => ({
    a: f.autoregression,
    noise: f.noiseVariance,
    learned: f.learned.jepa ? (f.learned.mae ? CLASSES[0] : CLASSES[1]) : f.learned.mae ? CLASSES[2] : CLASSES[3],
  }));
  const d = settings.dynamic;
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: {
      text: 'Phase diagrams: where JEPA’s learning order flips, and what a stopping time has learned',
      subtitle: [
        `A = (λ_A/λ_B, ρ_A/ρ_B) against B = (1, 1); L* = smallest depth with t*_A < t*_B (exact closed form); law: CAS-derived ε → 0 asymptotics`,
      ],
    },
    hconcat: [
      {
        width: 240,
        height: 220,
        title: { text: `(a) exact L* at ε = ${eps}, p = ½`, subtitle: 'in parentheses: the 3-term law' },
        data: { values: mapRows },
        encoding: {
          x: { field: 'rhoRatio', type: 'ordinal', title: 'ρ_A / ρ_B' },
          y: { field: 'lambdaRatio', type: 'ordinal', title: 'λ_A / λ_B', sort: 'descending' },
        },
        layer: [
          { mark: 'rect', encoding: { color: { field: 'exact', type: 'quantitative', title: 'flip depth L*', scale: { type: 'log' } } } },
          { mark: { type: 'text', fontSize: 9 }, encoding: { text: { field: 'label', type: 'nominal' } } },
        ],
      },
      {
        width: 240,
        height: 220,
        title: { text: `(b) λ_B/λ_A = ${1 / q.lambdaRatio}, ρ_A/ρ_B = ${q.rhoRatio}, p = ½`, subtitle: 'L* against ln(1/ε)' },
        data: { values: lineRows.filter((r) => r.depth !== null) },
        mark: { type: 'line', point: true },
        encoding: {
          x: { field: 'logInverseEpsilon', type: 'quantitative', title: 'ln(1/ε)' },
          y: { field: 'depth', type: 'quantitative', title: 'flip depth L*' },
          color: { field: 'source', type: 'nominal', title: 'L* from' },
          shape: { field: 'source', type: 'nominal', title: 'L* from' },
        },
      },
      {
        width: 240,
        height: 220,
        title: {
          text: `(c) dynamic model, L = ${d.depth}, ε = ${d.epsilon}, s = ${d.stationaryVariance}`,
          subtitle: `each objective stopped when it has learned ${Math.round(100 * d.learnedShare)} % of the features`,
        },
        data: { values: dynamicRows },
        mark: 'rect',
        encoding: {
          x: { field: 'a', type: 'ordinal', title: 'autoregression a (λ = a s)', axis: { labelAngle: 0, labelOverlap: true } },
          y: { field: 'noise', type: 'ordinal', title: 'noise variance γ²', sort: 'descending', axis: { labelOverlap: true } },
          color: { field: 'learned', type: 'nominal', title: 'learned by T', scale: { domain: [...CLASSES] } },
        },
      },
    ],
    resolve: { scale: { color: 'independent' } },
  };
}
