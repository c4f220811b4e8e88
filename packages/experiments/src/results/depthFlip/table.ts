/**
 * CSV table of result 3.
 * @module
 */
import type { Table } from '../../table.js';
import { DEPTH_FLIP_ROUTES, type DepthFlipData } from './compute.js';

/**
 * The table of result 3: one row per objective, depth and route.
 * @param data - what {@link computeDepthFlip} returned.
 * @returns columns objective, depth, route, tA, tB, ratio.
 */
export function depthFlipTable(data: DepthFlipData): Table {
  return {
    columns: ['objective', 'depth', 'route', 'tA', 'tB', 'ratio'],
    rows: data.table.flatMap((r) =>
      DEPTH_FLIP_ROUTES.map((route) => ({
        objective: r.objective,
        depth: r.depth,
        route,
        tA: r[route].tA,
        tB: r[route].tB,
        ratio: r[route].ratio,
      })),
    ),
  };
}
