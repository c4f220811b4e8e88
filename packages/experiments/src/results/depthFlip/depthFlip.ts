/**
 * Result 3 of `reproduce`: the depth flip.
 * @module
 */
import { OBJECTIVES } from '@jepa-dynamics/core';
import type { Experiment } from '../../experiment.js';
import { computeDepthFlip, type DepthFlipData } from './compute.js';
import { depthFlipDocument } from './document.js';
import { depthFlipFigure } from './figure.js';
import { depthFlipSettings, type DepthFlipSettings } from './setting.js';
import { depthFlipSummary } from './summary.js';
import { depthFlipTable } from './table.js';

/**
 * Result 3: feature A = (λ=1, ρ=3) against B = (λ=2, ρ=1). The ratio t*_A/t*_B against
 * depth L under JEPA and MAE, and the smallest depth at which A is learned first, by
 * four independent routes (closed form, CAS formula, ODE with event location, gradient
 * descent). JEPA flips at L = 8; MAE never does. One unit of work per objective and depth.
 * @example
 * ```ts
 * const data = await depthFlip.run({ ...depthFlip.settings('quick'), maxDepth: 2 });
 * data.table.map((r) => r.learnedFirst); // => ['B', 'B', 'B', 'B']
 * data.agreementWithExact.ode < 1e-8; // => true
 * ```
 */
export const depthFlip: Experiment<DepthFlipSettings, DepthFlipData, '3-depth-flip'> = {
  id: '3-depth-flip',
  title: 'The depth flip: t*_A/t*_B against depth L, by formula, ODE and training',
  settings: depthFlipSettings,
  units: (settings) => OBJECTIVES.length * settings.maxDepth,
  run: computeDepthFlip,
  document: depthFlipDocument,
  table: depthFlipTable,
  figure: depthFlipFigure,
  summary: depthFlipSummary,
};
