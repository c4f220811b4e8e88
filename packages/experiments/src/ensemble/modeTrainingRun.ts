/**
 * The run kind `mode-training`: gradient descent on full covariances Σxx, Σyx, read in the
 * modes of the generalised eigenproblem `Σyx v = ρ Σxx v` beside each mode's per-feature
 * prediction (`jepa-dynamics simulate --covariances`; docs/math.md §8).
 *
 * @module
 */
import { INITIALIZATION_KINDS, InvalidArgumentError, OBJECTIVES, type Objective } from '@jepa-dynamics/core';
import { generalizedModes } from '@jepa-dynamics/ode';
import type { InitializationKind } from '@jepa-dynamics/core';
import { simulateModes } from '../arrange/simulateModes.js';
import { featureColumns } from './featureSettings.js';
import { jsonNumber, jsonNumbers } from './jsonNumber.js';
import type { Cell, RunKindDefinition } from './runKind.js';
import { arrayRule, choiceRule, integerRule, positiveRule, unitIntervalRule, finiteNumbers } from './settingRule.js';

/**
 * Largest width d of a `mode-training` run (its covariances are d×d matrices in the run's JSON;
 * one step costs about 3L d³ multiply-adds).
 *
 * @example
 * ```ts
 * MAX_MODE_TRAINING_WIDTH; // => 1024
 * ```
 */
export const MAX_MODE_TRAINING_WIDTH = 1024;

/** Settings of a `mode-training` run: the flags of `jepa-dynamics simulate --covariances`, the covariances inline. */
export interface ModeTrainingRunSettings {
  objective: Objective;
  /** Encoder depth L ≥ 1. */
  depth: number;
  /** Σxx as d rows of d numbers (symmetric positive definite). */
  sigmaXX: readonly (readonly number[])[];
  /** Σyx as d rows of d numbers (symmetric). */
  sigmaYX: readonly (readonly number[])[];
  /** Initialisation scale ε > 0 (also the prediction's ε). */
  epsilon: number;
  /** Learning rate η > 0. */
  lr: number;
  /** Steps K ≥ 1. */
  steps: number;
  /** Default `'aligned'`. */
  init?: InitializationKind;
  /** Seed of a rotated or random init, 0 … 2³² − 1; default 0. */
  seed?: number;
  /** Record every n steps (steps 0 and K always); default ⌈K/100⌉. */
  recordEvery?: number;
  /** Fraction p of each mode's w̄∞ that defines its critical time; default ½. */
  fraction?: number;
}

/** One mode of a `mode-training` run (see `SimulatedMode`; non-finite numbers as null). */
export interface ModeTrainingRunMode {
  rho: number | null;
  sigma2: number | null;
  lambda: number | null;
  /** The unit dual direction u along which the amplitude ‖W̄u‖ is read. */
  dual: (number | null)[];
  /** p·w̄∞ of the mode, null for ρ ≤ 0. */
  target: number | null;
  /** The per-feature exact t*_p of the mode's (λ, ρ), null where none. */
  predicted: number | null;
  /** When the amplitude reached the target for good, null if not by the end. */
  learnedAt: number | null;
  /** A first crossing that did not hold, or null. */
  transientCrossing: number | null;
}

/** Result of a `mode-training` run (times are gradient-flow time t = kη; modes ρ-descending). */
export interface ModeTrainingRunResult {
  /** `'completed'` or `'diverged'` (the records end where the weights became non-finite). */
  status: 'completed' | 'diverged';
  /** Recorded times. */
  t: (number | null)[];
  /** `amplitude[k][r]`: ‖W̄u_k‖ at `t[r]`. */
  amplitude: (number | null)[][];
  /** `leakage[r]`: max_{j≠k}|Ŵ_jk| / max_k|Ŵ_kk| at `t[r]`. */
  leakage: (number | null)[];
  modes: ModeTrainingRunMode[];
  /** The learning order (mode indices, earliest first) and the modes never learned, by the prediction and by training. */
  orderPredicted: { order: number[]; never: number[] };
  orderTrained: { order: number[]; never: number[] };
}

/** The two covariances as row-major arrays, d, and their modes (which checks them). */
function covariances(where: string, s: ModeTrainingRunSettings): { sxx: Float64Array; syx: Float64Array; d: number } {
  for (const name of ['sigmaXX', 'sigmaYX'] as const)
    if (s[name] === undefined) throw new InvalidArgumentError(where, `settings.${name}`, 'is required', undefined);
  const d = s.sigmaXX.length;
  for (const name of ['sigmaXX', 'sigmaYX'] as const) {
    const m = s[name];
    if (m.length !== d) throw new InvalidArgumentError(where, `settings.${name}`, `must have ${d} rows like sigmaXX`, m.length);
    m.forEach((row, i) => {
      if (row.length !== d)
        throw new InvalidArgumentError(where, `settings.${name}[${i}]`, `must hold ${d} numbers (a square matrix)`, row.length);
    });
  }
  return { sxx: Float64Array.from(s.sigmaXX.flat()), syx: Float64Array.from(s.sigmaYX.flat()), d };
}

/** The `mode-training` run kind (`RUN_KIND_DEFINITIONS['mode-training']`). */
export const modeTrainingRun: RunKindDefinition<ModeTrainingRunSettings, ModeTrainingRunResult> = {
  command: 'simulate-modes',
  description:
    'trains the network by gradient descent on full covariances and reads it in the modes of Σyx v = ρ Σxx v beside each mode’s per-feature t* (simulateModes of @jepa-dynamics/experiments; docs/math.md §8)',
  resultColumns: ['status', 'tTrained', 'tPredicted', 'orderAgrees', 'maxLeakage'],
  settings: {
    objective: choiceRule('jepa or mae', OBJECTIVES, true),
    depth: integerRule('encoder depth L, integer ≥ 1', 1, undefined, true),
    sigmaXX: arrayRule(
      `Σxx as d rows of d numbers, symmetric positive definite, d ≤ ${MAX_MODE_TRAINING_WIDTH}`,
      finiteNumbers,
      MAX_MODE_TRAINING_WIDTH,
      true,
    ),
    sigmaYX: arrayRule('Σyx as d rows of d numbers, symmetric', finiteNumbers, MAX_MODE_TRAINING_WIDTH, true),
    epsilon: positiveRule('initialisation scale ε > 0 (also the prediction’s)', true),
    lr: positiveRule('learning rate η > 0', true),
    steps: integerRule('number of steps K, integer ≥ 1', 1, undefined, true),
    init: choiceRule('aligned (default), rotated or random', INITIALIZATION_KINDS),
    seed: integerRule('seed of a rotated or random init, integer 0 … 4294967295 (default 0)', 0, 4294967295),
    recordEvery: integerRule('record every n steps, integer ≥ 1 (default ⌈K/100⌉)', 1),
    fraction: unitIntervalRule('fraction p of w̄∞ for the critical times (default 0.5)', '(0, 1)'),
  },
  checkTogether(where, s) {
    const { sxx, syx, d } = covariances(where, s);
    try {
      generalizedModes(sxx, syx, d); // Σxx symmetric positive definite, Σyx symmetric, finite
    } catch (error) {
      if (error instanceof InvalidArgumentError)
        throw new InvalidArgumentError(where, `settings.${error.argument}`, error.rule, error.value);
      throw error;
    }
  },
  execute(s) {
    const { sxx, syx } = covariances('mode-training run', s);
    const kind = s.init ?? 'aligned';
    const r = simulateModes({
      objective: s.objective,
      depth: s.depth,
      sigmaXX: sxx,
      sigmaYX: syx,
      init: kind === 'aligned' ? { kind, epsilon: s.epsilon } : { kind, epsilon: s.epsilon, seed: s.seed ?? 0 },
      learningRate: s.lr,
      steps: s.steps,
      recordEvery: s.recordEvery,
      fraction: s.fraction ?? 0.5,
    });
    return {
      status: r.status,
      t: jsonNumbers(r.t),
      amplitude: r.amplitude.map(jsonNumbers),
      leakage: jsonNumbers(r.leakage),
      modes: r.modes.map((m) => ({
        rho: jsonNumber(m.rho),
        sigma2: jsonNumber(m.sigma2),
        lambda: jsonNumber(m.lambda),
        dual: jsonNumbers(m.dual),
        target: m.target === null ? null : jsonNumber(m.target),
        predicted: m.predicted === null ? null : jsonNumber(m.predicted),
        learnedAt: m.learnedAt === null ? null : jsonNumber(m.learnedAt),
        transientCrossing: m.transientCrossing === null ? null : jsonNumber(m.transientCrossing),
      })),
      orderPredicted: { order: [...r.order.predicted.order], never: [...r.order.predicted.never] },
      orderTrained: { order: [...r.order.trained.order], never: [...r.order.trained.never] },
    };
  },
  columns(_s, r) {
    const cells: Record<string, Cell> = { status: r.status };
    const n = r.modes.length;
    featureColumns('tTrained', n).forEach((c, k) => (cells[c] = r.modes[k].learnedAt));
    featureColumns('tPredicted', n).forEach((c, k) => (cells[c] = r.modes[k].predicted));
    const p = r.orderPredicted.order;
    const q = r.orderTrained.order;
    cells.orderAgrees = p.length === q.length && p.every((k, i) => q[i] === k);
    const leak = r.leakage.filter((x): x is number => x !== null);
    cells.maxLeakage = leak.length === 0 ? null : Math.max(...leak);
    return cells;
  },
};
