/**
 * Embedding jepa-dynamics in your own project: which of *your* features would a deep
 * linear JEPA learn first, and which would an MAE? docs/embedding.md walks through it;
 * test/embedding-example.test.ts runs it and checks every number against closed forms.
 *
 * Run it from the repository root (after `pnpm install`):
 *     npx tsx --tsconfig docs/examples/tsconfig.json docs/examples/feature-order.ts
 */
import { criticalTime, fixedPoint, learningOrder, perLayerFlow, solveIvp, type FeatureInput, type Objective } from '@jepa-dynamics/ode';

/**
 * Your features, as measured on your data: for each direction i of a common basis,
 * σ²_i = E[x_i²] (variance of view x) and λ_i = E[y_i x_i] (covariance of the two views).
 */
export const myFeatures: FeatureInput[] = [
  { sigma2: 1.0, lambda: 0.9 }, // clean: ρ = 0.9
  { sigma2: 5.0, lambda: 1.5 }, // loud but noisy: the largest λ, ρ = 0.3
  { sigma2: 0.6, lambda: 0.5 }, // quiet and clean: ρ ≈ 0.83
];

/** What {@link analyseFeatures} finds at one depth. */
export interface FeatureAnalysis {
  depth: number;
  /** Feature indices, first learned first, for each objective. */
  order: Record<Objective, number[]>;
  /** JEPA critical times t*_½ (gradient-flow time t = kη) from the closed form. */
  jepaCriticalTimes: number[];
  /** The same times found by integrating the per-layer flow yourself with solveIvp and an event. */
  jepaCriticalTimesBySolver: number[];
}

/**
 * Learning order of {@link myFeatures} under JEPA and MAE at one depth, and the JEPA
 * critical times computed two ways: the library's closed form, and your own
 * integration of the per-layer ODE with `solveIvp`, stopped by an event at w̄ = ½·w̄∞.
 * @param depth - encoder depth L ≥ 1.
 * @param epsilon - initialization scale ε (w̄(0) = ε).
 */
export function analyseFeatures(depth: number, epsilon = 1e-3): FeatureAnalysis {
  const order = {
    jepa: learningOrder(myFeatures, { objective: 'jepa', depth, epsilon }).order,
    mae: learningOrder(myFeatures, { objective: 'mae', depth, epsilon }).order,
  };
  const jepaCriticalTimes = myFeatures.map((f) => {
    const r = criticalTime(f, { objective: 'jepa', depth, epsilon });
    if (!r.exists) throw new Error(r.message); // never silently a number
    return r.t;
  });
  const jepaCriticalTimesBySolver = myFeatures.map((f, i) => {
    // the per-layer weight u reaches u* when w̄ = u^L reaches ½·w̄∞
    const uStar = Math.pow(0.5 * fixedPoint(f, 'jepa', depth).wbar, 1 / depth);
    const result = solveIvp(perLayerFlow(f, 'jepa', depth), [0, 10 * jepaCriticalTimes[i]], [Math.pow(epsilon, 1 / depth)], {
      method: 'dop853',
      rtol: 1e-12,
      atol: 1e-14,
      events: [{ g: (_t, y) => y[0] - uStar, direction: 1, terminal: true }],
    });
    if (result.status !== 'event') throw new Error(result.message); // check the status: failures are not results
    return result.events[0].t;
  });
  return { depth, order, jepaCriticalTimes, jepaCriticalTimesBySolver };
}

// Run as a script: print the analysis for depths 1 to 4.
if (typeof process !== 'undefined' && process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  for (const depth of [1, 2, 3, 4]) {
    const a = analyseFeatures(depth);
    console.log(`L = ${depth}: JEPA learns ${a.order.jepa.join(' → ')}, MAE learns ${a.order.mae.join(' → ')}`);
    console.log(`        JEPA t*: closed form ${a.jepaCriticalTimes.map((t) => t.toPrecision(8)).join(', ')}`);
    console.log(`                 solveIvp    ${a.jepaCriticalTimesBySolver.map((t) => t.toPrecision(8)).join(', ')}`);
  }
}
