/**
 * Settings of result 7, covariances that are not simultaneously diagonal.
 * @module
 */
import { OBJECTIVES } from '@jepa-dynamics/core';
import type { Objective } from '@jepa-dynamics/ode';
import type { RunMode } from '../../runMode.js';

/** What result 7 computes: training on the rotated static model against the generalised-eigen prediction. */
export interface NonDiagonalCovariancesSettings {
  objectives: readonly Objective[];
  /** Encoder depths L of the main grid. */
  depths: readonly number[];
  /** Initialisation scales ε of the main grid (aligned init W_a = V = ε^{1/L} I). */
  epsilons: readonly number[];
  /** Width d: the number of features drawn per seed. */
  d: number;
  /** Rotation angles θ (radians) between the signal and the noise bases. */
  thetas: readonly number[];
  /** Seeds of the feature draws: λ log-uniform in `lambdaRange`, ρ uniform in `rhoRange` (pure-rand's MT19937). */
  seeds: readonly number[];
  lambdaRange: readonly [number, number];
  rhoRange: readonly [number, number];
  /** p: a mode counts as learned when its amplitude reaches p·w̄∞(ρ_k) and stays at or above it to the end. */
  fraction: number;
  /** Step η per objective (gradient descent on population moments). */
  learningRate: Record<Objective, number>;
  /** The run lasts this many times the largest predicted t* of its modes. */
  horizon: number;
  /** Records per run (crossings are interpolated between records). */
  records: number;
  /** The matrix flow (BDF) against training, for the first seed at these angles of the main grid. */
  flowThetas: readonly number[];
  /** The leakage study: at angle θ, per objective and depth, over ε, the leakage at ½ min_k t*_k (predicted). */
  leakage: { theta: number; depths: readonly number[]; epsilons: readonly number[] };
  /** The width study, in the extended mode only (absent in the others): see {@link WidthStudySettings}. */
  width?: WidthStudySettings;
}

/**
 * The width study of result 7: the main grid's computation (objectives, η, horizon, records
 * and readout of the main settings) at larger widths d, at one depth and ε.
 */
export interface WidthStudySettings {
  /** Encoder depth L of every width cell. */
  depth: number;
  /** Initialisation scale ε of every width cell (unless the cell gives its own). */
  epsilon: number;
  /** Rotation angles θ of every width. */
  thetas: readonly number[];
  /**
   * Per cell: the width d, the seeds of its feature draws (d features per seed, drawn as the
   * main grid's) and, optionally, its own ε (the study's otherwise).
   */
  widths: readonly { d: number; seeds: readonly number[]; epsilon?: number }[];
  /** The matrix flow against training for the first seed of every cell, at these θ (a subset of `thetas`). */
  flowThetas: readonly number[];
}

/**
 * The settings of result 7: d = 8 features per seed (seeds 1 … 5), L = 2, ε = 1e-2,
 * θ ∈ {0, 0.025, 0.05, 0.1, 0.2, 0.4, π/4}, JEPA η = 0.1 and MAE η = 0.01, runs to twice the
 * largest predicted t*; the matrix flow for seed 1 at θ = 0, 0.2, π/4; the leakage at θ = 0.2 for L = 1, 2, 3 and ε = 1e-1, 3e-2, … 1e-3.
 * Quick: d = 4, one seed, three angles. Extended (`reproduce --full`): d = 16, eight seeds,
 * L = 1, 2, 3, ten angles; and a width study (quick and full have none): L = 2, ε = 1e-2,
 * θ ∈ {0, 0.025, 0.1, 0.3, π/4}, d = 32 with seeds 1 … 8 and d = 64 with seeds 1 … 3, and
 * d = 16 at ε = 1e-3 with seeds 1 … 4, with the main grid's η, horizon and readout, and the
 * matrix flow for the first seed of each at θ = 0, 0.3, π/4.
 * @param mode - quick, full or extended.
 * @returns a new settings object.
 * @example
 * ```ts
 * nonDiagonalCovariancesSettings('full').thetas.length; // => 7
 * nonDiagonalCovariancesSettings('full').width; // => undefined
 * nonDiagonalCovariancesSettings('extended').width?.widths.map((w) => w.d); // => [32, 64, 16]
 * ```
 */
export function nonDiagonalCovariancesSettings(mode: RunMode): NonDiagonalCovariancesSettings {
  const base = {
    objectives: OBJECTIVES,
    epsilons: [1e-2],
    lambdaRange: [0.5, 2] as const,
    rhoRange: [0.3, 0.95] as const,
    fraction: 0.5,
    learningRate: { jepa: 0.1, mae: 0.01 },
    horizon: 2,
    records: 2000,
  };
  switch (mode) {
    case 'quick':
      return {
        ...base,
        depths: [2],
        d: 4,
        thetas: [0, 0.2, Math.PI / 4],
        seeds: [1],
        learningRate: { jepa: 0.2, mae: 0.02 },
        records: 800,
        flowThetas: [0.2],
        leakage: { theta: 0.2, depths: [1, 2], epsilons: [3e-2, 3e-3] },
      };
    case 'full':
      return {
        ...base,
        depths: [2],
        d: 8,
        thetas: [0, 0.025, 0.05, 0.1, 0.2, 0.4, Math.PI / 4],
        seeds: [1, 2, 3, 4, 5],
        flowThetas: [0, 0.2, Math.PI / 4],
        leakage: { theta: 0.2, depths: [1, 2, 3], epsilons: [1e-1, 3e-2, 1e-2, 3e-3, 1e-3] },
      };
    case 'extended':
      return {
        ...base,
        depths: [1, 2, 3],
        d: 16,
        thetas: [0, 0.025, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.6, Math.PI / 4],
        seeds: [1, 2, 3, 4, 5, 6, 7, 8],
        flowThetas: [0, 0.1, 0.2, 0.4, Math.PI / 4],
        leakage: { theta: 0.2, depths: [1, 2, 3], epsilons: [1e-1, 3e-2, 1e-2, 3e-3, 1e-3] },
        width: {
          depth: 2,
          epsilon: 1e-2,
          thetas: [0, 0.025, 0.1, 0.3, Math.PI / 4],
          widths: [
            { d: 32, seeds: [1, 2, 3, 4, 5, 6, 7, 8] },
            { d: 64, seeds: [1, 2, 3] },
            { d: 16, seeds: [1, 2, 3, 4], epsilon: 1e-3 },
          ],
          flowThetas: [0, 0.3, Math.PI / 4],
        },
      };
  }
}

/**
 * The width study as main-grid settings, one per cell: its d, seeds and ε (default the
 * study's), the study's L, θ and flow angles, everything else (objectives, η, horizon, records, p) the main grid's.
 * @param settings - result 7's settings.
 * @returns one settings object per width, none without a width study.
 */
export function widthStudyGrids(settings: NonDiagonalCovariancesSettings): NonDiagonalCovariancesSettings[] {
  const { width, ...main } = settings;
  if (width === undefined) return [];
  return width.widths.map(({ d, seeds, epsilon }) => ({
    ...main,
    d,
    depths: [width.depth],
    epsilons: [epsilon ?? width.epsilon],
    thetas: width.thetas,
    seeds,
    flowThetas: width.flowThetas,
  }));
}
