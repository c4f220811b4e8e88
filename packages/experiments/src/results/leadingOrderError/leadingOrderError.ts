/**
 * Result 6 of `reproduce`: the leading-order critical time against the exact one.
 * @module
 */
import type { Experiment } from '../../experiment.js';
import { computeLeadingOrderError, type LeadingOrderErrorData } from './compute.js';
import { leadingOrderErrorDocument } from './document.js';
import { leadingOrderErrorFigure } from './figure.js';
import { leadingOrderErrorSettings, type LeadingOrderErrorSettings } from './setting.js';
import { leadingOrderErrorSummary } from './summary.js';
import { leadingOrderErrorTable } from './table.js';

/**
 * Result 6: how far the leading-order critical time (the ε → 0 approximation of
 * docs/math.md §3) is from the exact one, as a relative error over ε and L, for JEPA and
 * MAE. One unit of work per objective.
 * @example
 * ```ts
 * const settings = { ...leadingOrderError.settings('quick'), objectives: ['jepa'], depths: [2], epsilonPoints: 2 };
 * const data = await leadingOrderError.run(settings);
 * data.epsilons; // => [1e-8, 0.1]
 * data.rows[0].relativeError < data.rows[1].relativeError; // => true  (smaller ε, smaller error)
 * ```
 */
export const leadingOrderError: Experiment<LeadingOrderErrorSettings, LeadingOrderErrorData, '6-leading-order-error'> = {
  id: '6-leading-order-error',
  title: 'Leading-order vs exact critical time: relative error over ε and L',
  settings: leadingOrderErrorSettings,
  units: (settings) => settings.objectives.length,
  run: computeLeadingOrderError,
  document: leadingOrderErrorDocument,
  table: leadingOrderErrorTable,
  figure: leadingOrderErrorFigure,
  summary: leadingOrderErrorSummary,
};
