/**
 * Result 2 of `reproduce`: depth amplifies JEPA's dependence on ρ.
 * @module
 */
import type { Experiment } from '../../experiment.js';
import { computeDepthAmplifiesBias, type DepthAmplifiesBiasData } from './compute.js';
import { depthAmplifiesBiasDocument } from './document.js';
import { depthAmplifiesBiasFigure } from './figure.js';
import { depthAmplifiesBiasSettings, type DepthAmplifiesBiasSettings } from './setting.js';
import { depthAmplifiesBiasSummary } from './summary.js';
import { depthAmplifiesBiasTable } from './table.js';

/**
 * Result 2: exact critical times t* against ρ (λ fixed) for L = 1 … 6 under JEPA and
 * MAE; the spread t*(ρ_min)/t*(ρ_max) grows with depth under JEPA and stays near 1
 * under MAE. One unit of work per curve.
 * @example
 * ```ts
 * const settings = { ...depthAmplifiesBias.settings('quick'), objectives: ['jepa'], depths: [1, 6], rhoPoints: 2 };
 * const data = await depthAmplifiesBias.run(settings);
 * data.curves.map((c) => c.spread); // ≈ [1.002, 3.81]
 * ```
 */
export const depthAmplifiesBias: Experiment<DepthAmplifiesBiasSettings, DepthAmplifiesBiasData, '2-depth-amplifies-bias'> = {
  id: '2-depth-amplifies-bias',
  title: "Depth amplifies JEPA's bias: t* against ρ for L = 1…6",
  settings: depthAmplifiesBiasSettings,
  units: (settings) => settings.objectives.length * settings.depths.length,
  run: computeDepthAmplifiesBias,
  document: depthAmplifiesBiasDocument,
  table: depthAmplifiesBiasTable,
  figure: depthAmplifiesBiasFigure,
  summary: depthAmplifiesBiasSummary,
};
