/**
 * The training runs the ensemble and sweep tests use (not a test file): random
 * initialisation over seeds, JEPA, features of distinct ρ so that seeds differ in their
 * learning order, each run a fraction of a second.
 */

/** Three features: ρ = 1, 2, 0.6 with λ = 1, 0.5, 0.2. */
export const SEED_STUDY_FEATURES = [
  { lambda: 1, rho: 1 },
  { lambda: 0.5, rho: 2 },
  { lambda: 0.2, rho: 0.6 },
] as const;

/** Settings of a `training` run (the flags of `simulate`): the first `featureCount` features, depth L, `steps` steps of η = 0.05 from ε = 0.01, random init. */
export function seedStudySettings(depth: number, steps: number, featureCount = 3) {
  return {
    objective: 'jepa',
    depth,
    features: SEED_STUDY_FEATURES.slice(0, featureCount).map((f) => ({ ...f })),
    epsilon: 1e-2,
    lr: 0.05,
    steps,
    init: 'random',
  } as const;
}

/** A sweep specification of `runs` such runs (depth 3), seeds 0 … runs − 1, with a line plot of the deviation from the ODE. */
export function seedStudySpec(name: string, runs: number, steps: number): unknown {
  return {
    name,
    command: 'simulate',
    settings: seedStudySettings(3, steps),
    axes: { seeds: `0..${runs - 1}` },
    figure: { type: 'line', x: 'seed', y: 'maxDeviation' },
  };
}
