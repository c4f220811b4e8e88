/**
 * Training with full covariances read in the modes of the generalised eigenproblem, beside
 * the per-mode prediction (docs/math.md §8): the computation behind `simulate --covariances`.
 * @module
 */
import { InvalidArgumentError, validateFraction, type Objective } from '@jepa-dynamics/core';
import { criticalTime, fixedPoint, generalizedModes, type GeneralizedMode } from '@jepa-dynamics/ode';
import { orderByCriticalTime, trainModes, type CriticalTimeOrder, type Initialization, type TrainModesResult } from '@jepa-dynamics/sim';
import { componentLearning } from './componentLearning.js';
import { timeOrNull } from './timeOrNull.js';

/** Options of {@link simulateModes}. */
export interface SimulateModesOptions {
  objective: Objective;
  /** Encoder depth L ≥ 1. */
  depth: number;
  /** Σxx (symmetric positive definite) and Σyx (symmetric), d×d row-major. */
  sigmaXX: Float64Array;
  sigmaYX: Float64Array;
  /** The initialisation (its ε is also the prediction's). */
  init: Exclude<Initialization, { kind: 'matrices' }>;
  /** Learning rate η > 0. */
  learningRate: number;
  /** Steps K ≥ 1. */
  steps: number;
  /** Record every this many steps (steps 0 and K always); default ⌈K/100⌉. */
  recordEvery?: number;
  /** The fraction p of each mode's w̄∞ that defines its critical time, 0 < p < 1. */
  fraction: number;
}

/** One mode: its numbers, its predicted and its trained critical time. */
export interface SimulatedMode {
  /** ρ, σ², λ of the mode (`generalizedModes`). */
  rho: number;
  sigma2: number;
  lambda: number;
  /** The unit dual direction u along which the amplitude ‖W̄u‖ is read. */
  dual: number[];
  /** p·w̄∞ of the mode (the per-feature fixed point of its λ, ρ); null for ρ ≤ 0 (no fixed point above 0: never learned). */
  target: number | null;
  /** The per-feature exact t* of (λ, ρ), or null when the mode has none (ρ ≤ 0). */
  predicted: number | null;
  /** When the amplitude reached the target for good (a held crossing), or null: not learned in this run. */
  learnedAt: number | null;
  /** A first crossing that did not hold, or null. */
  transientCrossing: number | null;
}

/** Result of {@link simulateModes} (times are gradient-flow time t = kη). */
export interface SimulateModesResult {
  status: 'completed' | 'diverged';
  /** Recorded times. */
  t: number[];
  /** `amplitude[k][r]`: ‖W̄ u_k‖ at `t[r]`, modes ρ-descending. */
  amplitude: number[][];
  /** `leakage[r]`: max_{j≠k} |Ŵ_jk| / max_k |Ŵ_kk| (see `trainModes`). */
  leakage: number[];
  modes: SimulatedMode[];
  /** Learning order of the modes (indices into `modes`) by the prediction and by training. */
  order: { predicted: CriticalTimeOrder; trained: CriticalTimeOrder };
}

/**
 * Trains by gradient descent on the population moments Σxx, Σyx (any symmetric pair, Σxx
 * positive definite) and reads the run in the modes of `Σyx v = ρ Σxx v`: each mode's
 * amplitude ‖W̄u_k‖ and when it reaches p·w̄∞(ρ_k) for good, beside the per-feature exact
 * critical time of the mode's (λ, ρ) (docs/math.md §8). Where the covariances are
 * diagonal the modes are the features and this is the per-feature comparison.
 *
 * @param options - see {@link SimulateModesOptions}.
 * @returns the records, the modes with their predicted and trained times, and both orders.
 * @throws `InvalidArgumentError` for covariances that are not square of one order, not
 *   finite, Σxx not symmetric positive definite or Σyx not symmetric, a fraction outside
 *   (0, 1), or the errors of `trainModes` (objective, depth, η, K, recordEvery).
 * @example
 * ```ts
 * // one feature (λ = 1, ρ = 1, σ² = 1), JEPA, L = 1 from ε = 0.5: learned near t = 0.
 * const r = simulateModes({
 *   objective: 'jepa', depth: 1, sigmaXX: Float64Array.of(1), sigmaYX: Float64Array.of(1),
 *   init: { kind: 'aligned', epsilon: 0.5 }, learningRate: 0.01, steps: 100, recordEvery: 1, fraction: 0.5,
 * });
 * r.modes[0].learnedAt; // => 0
 * ```
 */
export function simulateModes(options: SimulateModesOptions): SimulateModesResult {
  const where = 'simulateModes';
  const fraction = validateFraction(where, options.fraction);
  const d = Math.round(Math.sqrt(options.sigmaXX.length));
  if (d * d !== options.sigmaXX.length || d === 0)
    throw new InvalidArgumentError(where, 'sigmaXX', 'must be a nonempty d×d matrix (row-major)', options.sigmaXX.length);
  const modes = generalizedModes(options.sigmaXX, options.sigmaYX, d);
  const { objective, depth } = options;
  const epsilon = options.init.epsilon;
  const run = trainModes({
    objective,
    depth,
    sigmaXX: options.sigmaXX,
    sigmaYX: options.sigmaYX,
    modes,
    init: options.init,
    learningRate: options.learningRate,
    steps: options.steps,
    recordEvery: options.recordEvery ?? Math.max(1, Math.ceil(options.steps / 100)),
  });
  const reading = { objective, depth, epsilon, fraction };
  const simulated = readModes(modes, run, modePredictions(modes, reading), reading);
  return {
    status: run.status,
    t: run.t,
    amplitude: run.amplitude,
    leakage: run.leakage,
    modes: simulated,
    order: {
      predicted: orderByCriticalTime(simulated.map((m) => m.predicted)),
      trained: orderByCriticalTime(simulated.map((m) => m.learnedAt)),
    },
  };
}

/** What the prediction and the readout of the modes depend on: objective, L, ε (the start's) and p. */
export interface ModeReading {
  objective: Objective;
  depth: number;
  epsilon: number;
  fraction: number;
}

/**
 * The per-feature exact t* of each mode's (λ, ρ) at the reading's L, ε and p; null where
 * there is none (ρ ≤ 0, or no crossing).
 * @param modes - e.g. `generalizedModes`' output, or features.
 * @param reading - objective, L, ε and p.
 * @returns one time (or null) per mode.
 */
export function modePredictions(modes: readonly { lambda: number; rho: number }[], reading: ModeReading): (number | null)[] {
  const { objective, depth, epsilon, fraction } = reading;
  return modes.map((m) =>
    m.rho > 0 ? timeOrNull(criticalTime({ lambda: m.lambda, rho: m.rho }, { objective, depth, epsilon, fraction })) : null,
  );
}

/**
 * Each mode's target p·w̄∞ (the per-feature fixed point of its λ, ρ at the reading's L and p),
 * null for ρ ≤ 0 (no fixed point above 0).
 * @param modes - the modes.
 * @param reading - objective, L and p (ε is not read here).
 * @returns one target (or null) per mode.
 */
export function modeTargets(modes: readonly { lambda: number; rho: number }[], reading: ModeReading): (number | null)[] {
  const { objective, depth, fraction } = reading;
  return modes.map((m) => (m.rho > 0 ? fraction * fixedPoint({ lambda: m.lambda, rho: m.rho }, objective, depth).wbar : null));
}

/**
 * Reads a `trainModes` run in its modes: each mode's target p·w̄∞ (null for ρ ≤ 0), and when
 * its amplitude ‖W̄u_k‖ reached the target for good (`componentLearning`), beside its prediction.
 * @param modes - the modes the run was read in.
 * @param run - its records (times and amplitudes).
 * @param predicted - {@link modePredictions} of the modes.
 * @param reading - objective, L and p (the targets'); ε is not read here.
 * @returns one entry per mode.
 */
export function readModes(
  modes: readonly GeneralizedMode[],
  run: Pick<TrainModesResult, 't' | 'amplitude'>,
  predicted: readonly (number | null)[],
  reading: ModeReading,
): SimulatedMode[] {
  const targets = modeTargets(modes, reading);
  const learning = componentLearning(
    run.t,
    run.amplitude,
    targets.map((x) => x ?? Number.POSITIVE_INFINITY),
    null,
  );
  return modes.map((m, k) => ({
    rho: m.rho,
    sigma2: m.sigma2,
    lambda: m.lambda,
    dual: Array.from(m.dual),
    target: targets[k],
    predicted: predicted[k],
    learnedAt: learning[k].learnedAt,
    transientCrossing: learning[k].transientCrossing,
  }));
}
