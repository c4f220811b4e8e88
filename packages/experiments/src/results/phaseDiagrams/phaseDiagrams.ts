/**
 * Result 9 of `reproduce`: phase diagrams.
 * @module
 */
import type { Experiment } from '../../experiment.js';
import { computePhaseDiagrams, type PhaseDiagramsData } from './compute.js';
import { phaseDiagramsDocument } from './document.js';
import { phaseDiagramsFigure } from './figure.js';
import { phaseDiagramsSettings, type PhaseDiagramsSettings } from './setting.js';
import { phaseDiagramsSummary } from './summary.js';
import { phaseDiagramsTable } from './table.js';

/**
 * Result 9: the JEPA flip depth L*(ε, λ_A/λ_B, ρ_A/ρ_B, p) over a grid from the batched exact
 * closed form, the CAS-derived ε → 0 law against it (fraction exact, largest deviation), and
 * the features of the dynamic generative model learned by a stopping time under JEPA and MAE.
 * Three units of work: the law, the flip depths, the dynamic model.
 * @example
 * ```ts
 * const s = { ...phaseDiagrams.settings('quick'), lambdaRatios: [0.5], rhoRatios: [3], epsilons: [1e-2] };
 * const data = await phaseDiagrams.run(s);
 * [data.points[0].jepa, data.quoted]; // => [8, [4, 6, 8, 13, 17, 26]]
 * ```
 */
export const phaseDiagrams: Experiment<PhaseDiagramsSettings, PhaseDiagramsData, '9-phase-diagrams'> = {
  id: '9-phase-diagrams',
  title: 'Phase diagrams: the flip depth L*(ε, λ_A/λ_B, ρ_A/ρ_B, p), its ε → 0 law, and what a stopping time has learned',
  settings: phaseDiagramsSettings,
  units: () => 3,
  run: computePhaseDiagrams,
  document: phaseDiagramsDocument,
  table: phaseDiagramsTable,
  figure: phaseDiagramsFigure,
  summary: phaseDiagramsSummary,
};
