/**
 * CSV table of result 2.
 * @module
 */
import type { Objective } from '@jepa-dynamics/ode';
import type { Table } from '../../table.js';
import type { DepthAmplifiesBiasData } from './compute.js';

/** One row of result 2's table. */
export interface DepthBiasRow {
  objective: Objective;
  depth: number;
  rho: number;
  critical_time: number | null;
  relative_to_rho_max: number | null;
}

/**
 * The rows of result 2's table: one per objective, depth and ρ.
 * @param data - what {@link computeDepthAmplifiesBias} returned.
 * @returns the rows, curve by curve.
 */
export function depthAmplifiesBiasRows(data: DepthAmplifiesBiasData): DepthBiasRow[] {
  return data.curves.flatMap((c) =>
    c.rho.map((r, k) => ({
      objective: c.objective,
      depth: c.depth,
      rho: r,
      critical_time: c.criticalTime[k],
      relative_to_rho_max: c.relativeToRhoMax[k],
    })),
  );
}

/**
 * The table of result 2.
 * @param data - what {@link computeDepthAmplifiesBias} returned.
 * @returns columns objective, depth, rho, critical_time, relative_to_rho_max.
 */
export function depthAmplifiesBiasTable(data: DepthAmplifiesBiasData): Table {
  return { columns: ['objective', 'depth', 'rho', 'critical_time', 'relative_to_rho_max'], rows: depthAmplifiesBiasRows(data) };
}
