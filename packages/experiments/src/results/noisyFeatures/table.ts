/**
 * CSV table of result 5.
 * @module
 */
import type { Objective } from '@jepa-dynamics/ode';
import type { Table } from '../../table.js';
import type { NoisyFeaturesData } from './compute.js';

/** One row of result 5's table. */
export interface NoisyFeaturesRow {
  objective: Objective;
  noise_variance: number;
  signal_variance: number;
  sigma2: number;
  lambda: number;
  rho: number;
  formula_critical_time: number | null;
  /** Median over the training runs that learned the feature (null: none did). */
  trained_critical_time: number | null;
  /** Smallest and largest over those runs. */
  trained_critical_time_min: number | null;
  trained_critical_time_max: number | null;
  /** How many of the runs learned the feature. */
  runs_learned: number;
  /** How many runs there were (seeds). */
  runs: number;
  /** 1 = learned first; 0 = not learned. */
  formula_rank: number;
  trained_rank: number;
}

/**
 * The rows of result 5's table: one per objective and feature.
 * @param data - what {@link computeNoisyFeatures} returned.
 * @returns the rows, objective-major.
 */
export function noisyFeaturesRows(data: NoisyFeaturesData): NoisyFeaturesRow[] {
  const { noiseVariance, signalVariance } = data.settings;
  return data.answers.flatMap((a) =>
    data.features.map((f, i) => ({
      objective: a.objective,
      noise_variance: noiseVariance[i],
      signal_variance: signalVariance[i],
      sigma2: f.sigma2,
      lambda: f.lambda,
      rho: f.rho,
      formula_critical_time: a.formulaCriticalTimes[i],
      trained_critical_time: a.trainedCriticalTimes[i],
      trained_critical_time_min: a.trainedRange[i]?.min ?? null,
      trained_critical_time_max: a.trainedRange[i]?.max ?? null,
      runs_learned: a.seedsLearned[i],
      runs: a.seeds.length,
      formula_rank: a.formulaOrder.indexOf(i) + 1,
      trained_rank: a.trainedOrder.indexOf(i) + 1,
    })),
  );
}

/**
 * The table of result 5.
 * @param data - what {@link computeNoisyFeatures} returned.
 * @returns the columns of {@link NoisyFeaturesRow}.
 */
export function noisyFeaturesTable(data: NoisyFeaturesData): Table {
  return {
    columns: [
      'objective',
      'noise_variance',
      'signal_variance',
      'sigma2',
      'lambda',
      'rho',
      'formula_critical_time',
      'trained_critical_time',
      'trained_critical_time_min',
      'trained_critical_time_max',
      'runs_learned',
      'runs',
      'formula_rank',
      'trained_rank',
    ],
    rows: noisyFeaturesRows(data),
  };
}
