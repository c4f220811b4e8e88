/**
 * Result 3 of `reproduce`: the depth flip of MATH.md §3. Feature A = (λ=1, ρ=3),
 * B = (λ=2, ρ=1), ε = 1e-2: the ratio of exact critical times t*_A/t*_B against depth
 * under JEPA and MAE, and the smallest depth at which JEPA learns A first.
 * @module
 */
import { criticalTimeRatio, orderFlipDepth, type Objective } from '@jepa-dynamics/ode';
import { fmt, objectiveLabel, range } from './arrange.js';
import type { FigureSpec, ResultDefinition } from './types.js';

/** The two features, ε, p and the depths of result 3. */
export const DEPTH_FLIP_SETTING = {
  featureA: { lambda: 1, rho: 3 },
  featureB: { lambda: 2, rho: 1 },
  epsilon: 1e-2,
  fraction: 0.5,
  maxDepth: 12,
} as const;

const OBJECTIVES: readonly Objective[] = ['jepa', 'mae'];

/** One row: both critical times and their ratio at one depth. */
export interface DepthFlipRow {
  objective: Objective;
  depth: number;
  criticalTimeA: number | null;
  criticalTimeB: number | null;
  ratio: number | null;
  /** 'A' or 'B': which feature reaches its target first. */
  learnedFirst: 'A' | 'B' | null;
}

/** Result 3. */
export const depthFlip: ResultDefinition = {
  id: '3-depth-flip',
  title: 'The depth flip: t*_A/t*_B against depth L',
  steps: () => OBJECTIVES.length,
  async run(ctx) {
    const { featureA, featureB, epsilon, fraction, maxDepth } = DEPTH_FLIP_SETTING;
    const depths = range(1, maxDepth);
    const table: DepthFlipRow[] = [];
    for (const objective of OBJECTIVES) {
      for (const depth of depths) {
        const options = { objective, depth, epsilon, fraction, method: 'exact' } as const;
        const r = criticalTimeRatio(featureA, featureB, options);
        table.push(
          r.exists
            ? { objective, depth, criticalTimeA: r.tA, criticalTimeB: r.tB, ratio: r.ratio, learnedFirst: r.ratio < 1 ? 'A' : 'B' }
            : { objective, depth, criticalTimeA: null, criticalTimeB: null, ratio: null, learnedFirst: null },
        );
      }
      await ctx.step(objective);
    }
    const flipDepth = (objective: Objective): number | null => {
      const f = orderFlipDepth(featureA, featureB, { objective, epsilon, fraction, method: 'exact', maxDepth });
      return f.found ? f.depth : null;
    };
    const flips = { jepa: flipDepth('jepa'), mae: flipDepth('mae') };
    const plotRows = table.map((r) => ({ ...r, objective: objectiveLabel(r.objective) }));
    const figure: FigureSpec = {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: {
        text: `The depth flip: A = (λ=${featureA.lambda}, ρ=${featureA.rho}), B = (λ=${featureB.lambda}, ρ=${featureB.rho}), ε = ${epsilon}`,
        subtitle: `below the dashed line A is learned first; JEPA flips at L = ${flips.jepa ?? 'none ≤ ' + maxDepth}, MAE ${flips.mae === null ? `never (L ≤ ${maxDepth})` : `at L = ${flips.mae}`}`,
      },
      width: 460,
      height: 280,
      layer: [
        {
          data: { values: plotRows.filter((r) => r.ratio !== null) },
          mark: { type: 'line', point: true, strokeWidth: 2 },
          encoding: {
            x: { field: 'depth', type: 'quantitative', title: 'encoder depth L', axis: { tickMinStep: 1, format: 'd' }, scale: { domain: [1, maxDepth] } },
            y: { field: 'ratio', type: 'quantitative', title: 't*_A / t*_B (ratio of critical times)', scale: { zero: false } },
            color: { field: 'objective', type: 'nominal', title: 'objective' },
          },
        },
        { data: { values: [{ y: 1 }] }, mark: { type: 'rule', strokeDash: [6, 4], color: '#444' }, encoding: { y: { field: 'y', type: 'quantitative' } } },
      ],
    };
    const ratios = (o: Objective): string =>
      table
        .filter((r) => r.objective === o)
        .map((r) => `${r.depth}: ${r.ratio === null ? '—' : fmt(r.ratio)}`)
        .join(', ');
    return {
      data: {
        description: 't*_A/t*_B by exact critical times; flipDepth = smallest L at which A is learned first.',
        conventions: { time: 'gradient-flow time t = kη (the ratio is the same in paper time)', criticalTime: 'exact closed form (MATH.md §3)' },
        setting: DEPTH_FLIP_SETTING,
        table,
        flipDepth: flips,
      },
      table: {
        columns: ['objective', 'depth', 'criticalTimeA', 'criticalTimeB', 'ratio', 'learnedFirst'],
        rows: table,
      },
      figure,
      summary:
        `JEPA learns A = (λ=${featureA.lambda}, ρ=${featureA.rho}) before B = (λ=${featureB.lambda}, ρ=${featureB.rho}) from depth L = ${flips.jepa ?? `(none up to ${maxDepth})`}; ` +
        `MAE ${flips.mae === null ? `learns B first at every depth up to ${maxDepth}` : `flips at L = ${flips.mae}`}. ` +
        `t*_A/t*_B by depth: JEPA ${ratios('jepa')}; MAE ${ratios('mae')}.`,
    };
  },
};
