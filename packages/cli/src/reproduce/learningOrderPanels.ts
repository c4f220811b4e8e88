/**
 * Result 1 of `reproduce`, the analogue of the paper's Figure 2: six panels, JEPA and
 * MAE × {λ varied with ρ = 1; ρ varied with λ = 1; λ increasing while ρ decreases}.
 * Curves `w̄_i(t)/w̄∞,i` from the ODE (`flowTrajectories`, `fixedPoint`); critical
 * times and the learning order from the closed form (`learningOrder`, method `exact`).
 * @module
 */
import { fixedPoint, flowTrajectories, learningOrder, resolveFeature, type FeatureInput, type Objective } from '@jepa-dynamics/ode';
import { OBJECTIVES } from '@jepa-dynamics/core';
import { featureLabel, linearGrid, objectiveLabel, timeOrNull } from './arrange.js';
import type { FigureSpec, ResultContext, ResultDefinition } from './types.js';

/** Depth, initialization and fraction shared by the six panels. */
export const LEARNING_ORDER_SETTING = { depth: 4, epsilon: 1e-2, fraction: 0.5 } as const;

/** The three scenarios; within each, features are listed in the order of increasing λ. */
export const LEARNING_ORDER_SCENARIOS: readonly { key: string; title: string; features: readonly { lambda: number; rho: number }[] }[] = [
  { key: 'lambda-varied', title: 'λ varied, ρ = 1', features: [{ lambda: 1, rho: 1 }, { lambda: 2, rho: 1 }, { lambda: 4, rho: 1 }] },
  { key: 'rho-varied', title: 'ρ varied, λ = 1', features: [{ lambda: 1, rho: 0.5 }, { lambda: 1, rho: 1 }, { lambda: 1, rho: 2 }] },
  {
    key: 'lambda-up-rho-down',
    title: 'λ increasing, ρ decreasing',
    features: [{ lambda: 1, rho: 2 }, { lambda: 1.15, rho: 1 }, { lambda: 1.3, rho: 0.5 }],
  },
];


/** One panel's data, as written to the JSON file. */
export interface LearningOrderPanel {
  objective: Objective;
  scenario: string;
  title: string;
  features: { lambda: number; rho: number; sigma2: number; wbarInfinity: number; criticalTime: number | null; label: string }[];
  /** Indices into `features`, first learned first (`learningOrder`). */
  order: number[];
  /** Output times (gradient-flow time). */
  t: number[];
  /** `wbarOverInfinity[i][k] = w̄_i(t[k]) / w̄∞,i`. */
  wbarOverInfinity: number[][];
}

async function computePanel(ctx: ResultContext, objective: Objective, scenario: (typeof LEARNING_ORDER_SCENARIOS)[number]): Promise<LearningOrderPanel> {
  const { depth, epsilon, fraction } = LEARNING_ORDER_SETTING;
  const features: FeatureInput[] = scenario.features.map((f) => ({ lambda: f.lambda, rho: f.rho }));
  const predicted = learningOrder(features, { objective, depth, epsilon, fraction, method: 'exact' });
  const times = predicted.times.map(timeOrNull);
  const finite = times.filter((t): t is number => t !== null);
  // show the whole transition of the slowest feature: half again its critical time
  const tEnd = 1.5 * Math.max(...finite);
  const t = linearGrid(0, tEnd, ctx.config.quick ? 61 : 241);
  const traj = flowTrajectories(features, { objective, depth, epsilon, times: t });
  await ctx.step(`${objective} ${scenario.key}`);
  const fixed = features.map((f) => fixedPoint(f, objective, depth).wbar);
  return {
    objective,
    scenario: scenario.key,
    title: scenario.title,
    features: scenario.features.map((f, i) => ({
      lambda: f.lambda,
      rho: f.rho,
      sigma2: resolveFeature(f).sigma2,
      wbarInfinity: fixed[i],
      criticalTime: times[i],
      label: featureLabel(f),
    })),
    order: predicted.order,
    t,
    wbarOverInfinity: traj.wbar.map((w, i) => Array.from(w, (x) => x / fixed[i])),
  };
}

function panelSpec(panel: LearningOrderPanel): Record<string, unknown> {
  const curve = panel.features.flatMap((f, i) => panel.t.map((t, k) => ({ t, y: panel.wbarOverInfinity[i][k], feature: f.label })));
  const marks = panel.features.flatMap((f) => (f.criticalTime === null ? [] : [{ t: f.criticalTime, y: LEARNING_ORDER_SETTING.fraction, feature: f.label }]));
  const order = panel.order.map((i) => panel.features[i].label).join(' → ');
  const color = { field: 'feature', type: 'nominal', title: 'feature (λ, ρ)', sort: panel.features.map((f) => f.label), legend: { orient: 'bottom', direction: 'vertical' } };
  return {
    title: { text: `${objectiveLabel(panel.objective)}: ${panel.title}`, subtitle: `(λ, ρ) learned first → last: ${order}` },
    width: 300,
    height: 180,
    layer: [
      {
        data: { values: curve },
        mark: { type: 'line', strokeWidth: 2 },
        encoding: {
          x: { field: 't', type: 'quantitative', title: 'gradient-flow time t = kη' },
          y: { field: 'y', type: 'quantitative', title: 'w̄ᵢ(t) / w̄∞,ᵢ', scale: { domain: [0, 1.05] } },
          color,
        },
      },
      {
        data: { values: marks },
        mark: { type: 'rule', strokeDash: [4, 3] },
        encoding: { x: { field: 't', type: 'quantitative' }, color },
      },
      {
        data: { values: marks },
        mark: { type: 'point', filled: true, size: 60, shape: 'diamond' },
        encoding: { x: { field: 't', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' }, color },
      },
    ],
    resolve: { scale: { color: 'shared' } },
  };
}

/** Result 1: the learning order under JEPA and MAE in three scenarios. */
export const learningOrderPanels: ResultDefinition = {
  id: '1-learning-order',
  title: 'Figure 2 analogue: learning order of JEPA and MAE (six panels)',
  steps: () => OBJECTIVES.length * LEARNING_ORDER_SCENARIOS.length,
  async run(ctx) {
    const panels: LearningOrderPanel[] = [];
    for (const objective of OBJECTIVES) for (const scenario of LEARNING_ORDER_SCENARIOS) panels.push(await computePanel(ctx, objective, scenario));
    const rows = panels.flatMap((p) =>
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
    const { depth, epsilon, fraction } = LEARNING_ORDER_SETTING;
    const figure: FigureSpec = {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: {
        text: `Learning order of JEPA and MAE (L = ${depth}, ε = ${epsilon}, diamonds: critical time t* at w̄ = ${fraction}·w̄∞)`,
      },
      vconcat: OBJECTIVES.map((objective) => ({
        hconcat: panels.filter((p) => p.objective === objective).map(panelSpec),
        // vega estimates text widths without a canvas, generously: lay out by the plots, not the subtitles
        bounds: 'flush',
        spacing: 70,
        resolve: { scale: { color: 'independent', x: 'independent' } },
      })),
      resolve: { scale: { color: 'independent', x: 'independent' } },
    };
    const claims = panels.map((p) => ({
      objective: p.objective,
      scenario: p.scenario,
      order: p.order.map((i) => ({ lambda: p.features[i].lambda, rho: p.features[i].rho, criticalTime: p.features[i].criticalTime })),
    }));
    const orderText = (p: LearningOrderPanel): string => p.order.map((i) => `(${p.features[i].lambda}, ${p.features[i].rho})`).join(' → ');
    const summary = LEARNING_ORDER_SCENARIOS.map((s) => {
      const parts = OBJECTIVES.map((o) => {
        const p = panels.find((q) => q.objective === o && q.scenario === s.key);
        return p === undefined ? '' : `${objectiveLabel(o)} ${orderText(p)}`;
      });
      return `${s.title}: ${parts.join('; ')}`;
    }).join('. ');
    return {
      data: {
        description: 'Per-feature ODE trajectories and critical times; learning order = order of increasing critical time.',
        conventions: { time: 'gradient-flow time t = kη', criticalTime: 'exact closed form (MATH.md §3), fraction p of w̄∞' },
        setting: LEARNING_ORDER_SETTING,
        panels,
        claims,
      },
      table: {
        columns: ['objective', 'scenario', 'lambda', 'rho', 'critical_time', 'learned_rank', 't', 'wbar_over_wbar_inf'],
        rows,
      },
      figure,
      summary: `Learning order (λ, ρ), first → last, L = ${depth}, ε = ${epsilon}: ${summary}.`,
    };
  },
};
