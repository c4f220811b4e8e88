/**
 * Everything the closed-form views show, computed in one call from the state: what the page
 * recomputes on every input (no integration, no computer algebra).
 * @module
 */
import type { Objective } from '@jepa-dynamics/core';
import type { ExplorerState } from '../state/explorerState.js';
import { MAX_EXPLORER_DEPTH } from '../state/explorerState.js';
import { closedFormCurves, type CurvePanel } from './closedFormCurves.js';
import {
  criticalTimeTable,
  learningOrders,
  type ClosedFormSetting,
  type CriticalTimeEntry,
  type IndexedFeature,
  type LearningOrderEntry,
} from './criticalTimeTable.js';
import { depthRatios, type DepthRatios } from './depthRatios.js';
import { leadingOrderSweep, type LeadingOrderSweep } from './leadingOrderSweep.js';
import { resolvedFeatures, type ResolvedRow } from './resolvedFeatures.js';

/** The closed-form views' data. */
export interface ExplorerResults {
  setting: ClosedFormSetting;
  /** Every row of the table, resolved or with its error. */
  rows: ResolvedRow[];
  /** The valid rows. */
  features: IndexedFeature[];
  criticalTimes: CriticalTimeEntry[];
  orders: LearningOrderEntry[];
  panels: CurvePanel[];
  /** The depth view, or why it is empty (A or B invalid, or A = B). */
  depth: { ok: true; pair: [number, number]; ratios: DepthRatios } | { ok: false; message: string };
  leadingOrder: LeadingOrderSweep;
}

/**
 * Computes the closed-form views. Cost for 10 features and both objectives: a few thousand
 * evaluations of t(u), O(L) each (about a millisecond).
 * @param state - the explorer's state.
 * @returns the data of the trajectory, order, depth and leading-order views.
 */
export function explorerResults(state: ExplorerState): ExplorerResults {
  const setting: ClosedFormSetting = {
    objectives: state.objectives as readonly Objective[],
    depth: state.depth,
    epsilon: state.epsilon,
    fraction: state.fraction,
    timeUnit: state.timeUnit,
  };
  const rows = resolvedFeatures(state);
  const features: IndexedFeature[] = rows.flatMap((r, row) => (r.ok ? [{ row, feature: r.feature }] : []));
  const criticalTimes = criticalTimeTable(features, setting);
  const [a, b] = state.pair;
  const ra = rows[a];
  const rb = rows[b];
  let depth: ExplorerResults['depth'];
  if (ra === undefined || rb === undefined) depth = { ok: false, message: 'Choose two rows of the table as A and B.' };
  else if (a === b) depth = { ok: false, message: 'A and B are the same row: choose two different features.' };
  else if (!ra.ok || !rb.ok) depth = { ok: false, message: `Feature ${!ra.ok ? a + 1 : b + 1} is invalid (see the table).` };
  else depth = { ok: true, pair: [a, b], ratios: depthRatios(ra.feature, rb.feature, setting, MAX_EXPLORER_DEPTH) };
  return {
    setting,
    rows,
    features,
    criticalTimes,
    orders: learningOrders(criticalTimes, setting.objectives),
    panels: closedFormCurves(features, criticalTimes, setting),
    depth,
    leadingOrder: leadingOrderSweep(features, setting),
  };
}
