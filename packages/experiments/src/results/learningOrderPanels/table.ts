/**
 * CSV table of result 1.
 * @module
 */
import type { Table } from '../../table.js';
import type { LearningOrderPanelsData } from './compute.js';

/**
 * The table of result 1: one row per panel, feature and output time.
 * @param data - what {@link computeLearningOrderPanels} returned.
 * @returns columns objective, scenario, lambda, rho, critical_time, learned_rank (1 = first), t, wbar_over_wbar_inf.
 */
export function learningOrderPanelsTable(data: LearningOrderPanelsData): Table {
  const rows = data.panels.flatMap((p) =>
    p.features.flatMap((f, i) =>
      p.t.map((t, k) => ({
        objective: p.objective,
        scenario: p.scenario,
        lambda: f.lambda,
        rho: f.rho,
        critical_time: f.criticalTime,
        learned_rank: p.order.indexOf(i) + 1,
        t,
        wbar_over_wbar_inf: p.wbarOverInfinity[i][k],
      })),
    ),
  );
  return { columns: ['objective', 'scenario', 'lambda', 'rho', 'critical_time', 'learned_rank', 't', 'wbar_over_wbar_inf'], rows };
}
