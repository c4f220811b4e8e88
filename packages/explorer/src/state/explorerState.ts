/**
 * What the explorer shows, as plain data: the features, the setting (objectives, depth,
 * ε, p, time unit), the pair of the depth view and the training run's settings. The URL
 * holds exactly this (urlState.ts), so a link reproduces the page.
 * @module
 */
import type { InitializationKind, Objective, TimeUnit } from '@jepa-dynamics/core';

/**
 * Which two of a feature's moments the table takes (docs/conventions.md): the third
 * follows from ρ = λ/σ².
 */
export const PARAMETRIZATIONS = ['lambda-rho', 'sigma2-lambda', 'sigma2-rho'] as const;
/** One of {@link PARAMETRIZATIONS}. */
export type Parametrization = (typeof PARAMETRIZATIONS)[number];

/** The moment names of each parametrization, in column order, as `FeatureInput` keys. */
export const GIVEN_MOMENTS: Record<Parametrization, readonly ['lambda' | 'sigma2', 'rho' | 'lambda']> = {
  'lambda-rho': ['lambda', 'rho'],
  'sigma2-lambda': ['sigma2', 'lambda'],
  'sigma2-rho': ['sigma2', 'rho'],
};

/** Training on demand: the settings of `simulateFeatures` (@jepa-dynamics/sim) the page exposes. */
export interface TrainingSettings {
  /** The objective trained. */
  objective: Objective;
  /**
   * Network width d ≥ number of features; `null` for exactly the features. Extra
   * directions carry no signal (σ² = 1, λ = 0).
   */
  width: number | null;
  init: InitializationKind;
  /** Learning rate η > 0. */
  learningRate: number;
  /** Steps K; `null` for enough steps to reach the plot's horizon. */
  steps: number | null;
  /** Seed of the random initializations (stream `seed`). */
  seed: number;
}

/** The explorer's whole state. */
export interface ExplorerState {
  /** Which two moments the feature table holds. */
  given: Parametrization;
  /** One row per feature: the values of the two given moments, in {@link GIVEN_MOMENTS} order (possibly invalid). */
  features: [number, number][];
  /** The objectives shown (one panel each), a non-empty subset in the order JEPA, MAE. */
  objectives: Objective[];
  /** Encoder depth L, 1 … {@link MAX_EXPLORER_DEPTH}. */
  depth: number;
  /** Initialization scale ε > 0 (`w̄(0) = ε`). */
  epsilon: number;
  /** Critical times at `w̄ = p·w̄∞`, 0 < p < 1. */
  fraction: number;
  /** Gradient-flow time t = kη, or the paper's τ = L·t. */
  timeUnit: TimeUnit;
  /** Features A and B of the depth view (0-based rows). */
  pair: [number, number];
  training: TrainingSettings;
}

/** The largest depth the closed-form evaluators serve (`MAX_DEPTH` of @jepa-dynamics/symbolic/evaluators). */
export { MAX_DEPTH as MAX_EXPLORER_DEPTH } from '@jepa-dynamics/symbolic/evaluators';

/** At most this many features (rows of the table; the network width of a training run is at least this). */
export const MAX_FEATURES = 32;

/** The widest network a training run may ask for (d × d matrices, 3L products per step). */
export const MAX_WIDTH = 256;
