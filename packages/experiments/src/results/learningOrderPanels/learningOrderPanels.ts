/**
 * Result 1 of `reproduce`, the analogue of the paper's Figure 2: six panels, JEPA and
 * MAE × {λ varied with ρ = 1; ρ varied with λ = 1; λ increasing while ρ decreases}.
 * @module
 */
import type { Experiment } from '../../experiment.js';
import { computeLearningOrderPanels, type LearningOrderPanelsData } from './compute.js';
import { learningOrderPanelsDocument } from './document.js';
import { learningOrderPanelsFigure } from './figure.js';
import { learningOrderPanelsSettings, type LearningOrderPanelsSettings } from './setting.js';
import { learningOrderPanelsSummary } from './summary.js';
import { learningOrderPanelsTable } from './table.js';

/**
 * Result 1: the learning order under JEPA and MAE in the three scenarios of the paper's
 * Figure 2. Curves from the ODE; critical times and order from the closed form.
 * One unit of work per panel.
 * @example
 * ```ts
 * const settings = { ...learningOrderPanels.settings('quick'), objectives: ['jepa'], scenarios: [LEARNING_ORDER_SCENARIOS[2]], points: 5 };
 * const data = await learningOrderPanels.run(settings);
 * data.panels[0].order; // => [0, 1, 2]  (JEPA learns the high-ρ feature (1, 2) first)
 * learningOrderPanels.summary(data);
 * // => 'Learning order (λ, ρ), first → last, L = 4, ε = 0.01: λ increasing, ρ decreasing: JEPA (1, 2) → (1.15, 1) → (1.3, 0.5).'
 * ```
 */
export const learningOrderPanels: Experiment<LearningOrderPanelsSettings, LearningOrderPanelsData, '1-learning-order'> = {
  id: '1-learning-order',
  title: 'Figure 2 analogue: learning order of JEPA and MAE (six panels)',
  settings: learningOrderPanelsSettings,
  units: (settings) => settings.objectives.length * settings.scenarios.length,
  run: computeLearningOrderPanels,
  document: learningOrderPanelsDocument,
  table: learningOrderPanelsTable,
  figure: learningOrderPanelsFigure,
  summary: learningOrderPanelsSummary,
};
