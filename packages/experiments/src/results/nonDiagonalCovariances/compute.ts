/**
 * Computation of result 7: deep linear networks trained on covariances that are not
 * simultaneously diagonal (the static model with its signal basis rotated by θ, sim's
 * `rotatedStaticCovariances`), read in the modes of Σyx v = ρ Σxx v (ode's
 * `generalizedModes`), against the per-feature critical times of each mode's (λ, ρ)
 * (docs/math.md §8).
 * @module
 */
import { generalizedModes, type GeneralizedMode, type Objective } from '@jepa-dynamics/ode';
import { orderByCriticalTime, rotatedStaticCovariances } from '@jepa-dynamics/sim';
import { quantile } from '../../arrange/quantile.js';
import { matrixRows } from '../../arrange/matrixRows.js';
import { modePredictions } from '../../arrange/simulateModes.js';
import type { EnsembleExecutor } from '../../ensemble/ensembleExecutor.js';
import type { MatrixFlowRunResult } from '../../ensemble/matrixFlowRun.js';
import type { ModeTrainingRunResult } from '../../ensemble/modeTrainingRun.js';
import type { RunError } from '../../ensemble/runOutcome.js';
import { randomVariations } from '../../ensemble/randomVariations.js';
import { runEnsemble } from '../../ensemble/runEnsemble.js';
import type { RunResult, RunSpec } from '../../ensemble/runSpec.js';
import type { ExperimentContext } from '../../experiment.js';
import type { Progress } from '../../progress.js';
import { flowCheckRun, readFlowCheck, type FlowCheck, type FlowCheckInput } from './flowCheck.js';
import { widthStudyGrids, type NonDiagonalCovariancesSettings } from './setting.js';

/** One mode of one run: the prediction and the measurement. */
export interface ModeOutcome {
  rho: number;
  sigma2: number;
  lambda: number;
  /** The per-feature exact t*_p of (λ, ρ), null where it does not exist. */
  predicted: number | null;
  /** When training's amplitude ‖W̄u_k‖ reached p·w̄∞(ρ) for good (interpolated between records), null if not by the end. */
  measured: number | null;
  /** measured/predicted − 1, null unless both exist. */
  relativeError: number | null;
  /** The unit dual direction u_k (the amplitude is ‖W̄u_k‖). */
  dual: number[];
}

/** One training run. */
export interface CovarianceRun {
  objective: Objective;
  depth: number;
  epsilon: number;
  theta: number;
  seed: number;
  learningRate: number;
  steps: number;
  /** Steps between records (measured crossings are interpolated between records). */
  recordEvery: number;
  status: 'completed' | 'diverged';
  modes: ModeOutcome[];
  /** Mode indices by predicted t* (earliest first; modes without one left out). */
  predictedOrder: number[];
  /** Mode indices by measured t* (earliest first; modes never learned left out). */
  measuredOrder: number[];
  /** Whether the two orders are identical (so the same modes are learned, in the same order). */
  orderAgrees: boolean;
  /** Of the pairs of modes with both times, the fraction that training orders as predicted (1 when fewer than two). */
  pairsAgreeing: number;
  /** Largest leakage max_{j≠k}|Ŵ_jk| / max_k|Ŵ_kk| over the records. */
  maxLeakage: number;
}

/** One point of the θ-curves: the runs of all seeds at one (objective, L, ε, θ). */
export interface CovariancePoint {
  objective: Objective;
  depth: number;
  epsilon: number;
  theta: number;
  /** Seeds (runs) at this point. */
  seeds: number;
  /** Median and largest |t*_measured/t*_predicted − 1| over the modes of all seeds that have both. */
  medianAbsError: number;
  maxAbsError: number;
  /** Modes counted in those (of seeds × d). */
  modesCompared: number;
  /** Runs whose learning order equals the predicted one, of `seeds`. */
  ordersAgreeing: number;
  /** The mean over the seeds of each run's {@link CovarianceRun.pairsAgreeing}. */
  pairsAgreeing: number;
}

/** One point of the leakage study. */
export interface LeakagePoint {
  objective: Objective;
  depth: number;
  epsilon: number;
  /** ε^{1/L}: the per-layer scale of the start. */
  layerScale: number;
  /** The time ½ min_k t*_k (predicted) at which the leakage is read. */
  t: number;
  leakage: number;
}

/** The least-squares slope of log leakage against log ε^{1/L}, per objective and depth (fitted). */
export interface LeakageFit {
  objective: Objective;
  depth: number;
  slope: number;
  points: number;
}

/** Result 7's data. */
export interface NonDiagonalCovariancesData {
  settings: NonDiagonalCovariancesSettings;
  /** The features (λ, ρ) at θ = 0 per seed. */
  features: { seed: number; features: { lambda: number; rho: number }[] }[];
  /**
   * At θ = 0, the largest relative difference between the generalised-eigen prediction
   * (each mode's ρ, σ², λ and t*) and the per-feature theory of the features sorted by ρ.
   */
  thetaZeroDeviation: number;
  runs: CovarianceRun[];
  points: CovariancePoint[];
  leakage: LeakagePoint[];
  leakageFits: LeakageFit[];
  /** The matrix flow against training (first seed, `flowThetas`, every objective, L and ε of the grid). */
  flowChecks: FlowCheck[];
  /** The width study, one entry per width of `settings.width` (absent without one). */
  widths?: WidthStudyResult[];
}

/** One width of the width study: the main grid's outputs, computed the same way, at width d. */
export interface WidthStudyResult {
  d: number;
  /** The cell's ε. */
  epsilon: number;
  seeds: number[];
  /** The features (λ, ρ) at θ = 0 per seed (d per seed). */
  features: { seed: number; features: { lambda: number; rho: number }[] }[];
  /** As {@link NonDiagonalCovariancesData.thetaZeroDeviation}, at this width's seeds, L and ε. */
  thetaZeroDeviation: number;
  runs: CovarianceRun[];
  /** One per (objective, θ): the width study's L and ε. */
  points: CovariancePoint[];
  /** The matrix flow against training for the first seed at the study's `flowThetas`. */
  flowChecks: FlowCheck[];
}

/** The features of one seed: λ log-uniform, ρ uniform, drawn in that order per feature. */
export function drawFeatures(settings: NonDiagonalCovariancesSettings, seed: number): { lambda: number; rho: number }[] {
  const [l0, l1] = settings.lambdaRange;
  const [r0, r1] = settings.rhoRange;
  const v = randomVariations({
    seed,
    count: settings.d,
    ranges: { lambda: { from: l0, to: l1, scale: 'log' }, rho: { from: r0, to: r1 } },
  });
  return Array.from({ length: settings.d }, (_, i) => {
    const x = v.at(i);
    return { lambda: Number(x.lambda), rho: Number(x.rho) };
  });
}

/** One training run of a grid, planned: where it is, its schedule and its run specification. */
interface PlannedRun extends Pick<
  CovarianceRun,
  'objective' | 'depth' | 'epsilon' | 'theta' | 'seed' | 'learningRate' | 'steps' | 'recordEvery'
> {
  /** The rotated model of the seed's features as rows, and its modes. */
  sigmaXX: number[][];
  sigmaYX: number[][];
  modes: GeneralizedMode[];
  /** The `mode-training` run: those covariances, aligned start ε^{1/L} I. */
  spec: RunSpec;
}

/**
 * Plans one training run on the rotated model of a seed's features, for as many steps as
 * `schedule` makes of the predicted times that exist (computed here, cheaply, from the modes);
 * null when none exists.
 */
function planRotated(
  settings: NonDiagonalCovariancesSettings,
  objective: Objective,
  depth: number,
  epsilon: number,
  theta: number,
  seed: number,
  schedule: (known: number[]) => { steps: number; recordEvery: number },
): PlannedRun | null {
  const cov = rotatedStaticCovariances(drawFeatures(settings, seed), theta);
  const modes = generalizedModes(cov.sigmaXX, cov.sigmaYX, settings.d);
  const predicted = modePredictions(modes, { objective, depth, epsilon, fraction: settings.fraction });
  const known = predicted.filter((t): t is number => t !== null);
  if (known.length === 0) return null;
  const learningRate = settings.learningRate[objective];
  const { steps, recordEvery } = schedule(known);
  const sigmaXX = matrixRows(cov.sigmaXX, settings.d);
  const sigmaYX = matrixRows(cov.sigmaYX, settings.d);
  const spec: RunSpec = {
    kind: 'mode-training',
    settings: {
      objective,
      depth,
      sigmaXX,
      sigmaYX,
      epsilon,
      lr: learningRate,
      steps,
      recordEvery,
      fraction: settings.fraction,
    },
  };
  return { objective, depth, epsilon, theta, seed, learningRate, steps, recordEvery, sigmaXX, sigmaYX, modes, spec };
}

/** What {@link executeRuns} returns per run: its result, or its error. */
type Executed = { ok: true; result: RunResult } | { ok: false; error: RunError };

/**
 * Executes runs through {@link runEnsemble} on `executor` (default serially), calling
 * `progress` with a run's label as its outcome arrives; the outcomes in the runs' order.
 */
async function executeRuns(
  runs: readonly RunSpec[],
  labels: readonly string[],
  progress: Progress | undefined,
  executor: EnsembleExecutor | undefined,
): Promise<Executed[]> {
  if (runs.length === 0) return [];
  const result = await runEnsemble(
    { runs },
    {
      ...(executor === undefined ? {} : { executor }),
      onOutcome: async (index) => progress?.(labels[index]),
    },
  );
  const failed = new Map(result.failures.map((f) => [f.index, f.error]));
  return result.outputs.map((o, i) => {
    const error = failed.get(i);
    return error === undefined ? { ok: true, result: o as RunResult } : { ok: false, error };
  });
}

/** A training run's result; a failed one throws, naming the run. */
function trainingResult(outcome: Executed, label: string): ModeTrainingRunResult {
  if (!outcome.ok)
    throw new Error(`nonDiagonalCovariances: the training run ${label} failed: ${outcome.error.name}: ${outcome.error.message}`);
  return outcome.result as ModeTrainingRunResult;
}

/** The fraction of pairs (j, k) of modes with both times whose measured order is the predicted one. */
function pairAgreement(modes: readonly ModeOutcome[]): number {
  let pairs = 0;
  let agreeing = 0;
  modes.forEach((a, j) =>
    modes.slice(j + 1).forEach((b) => {
      if (a.measured === null || a.predicted === null || b.measured === null || b.predicted === null) return;
      pairs++;
      if (a.measured < b.measured === a.predicted < b.predicted) agreeing++;
    }),
  );
  return pairs === 0 ? 1 : agreeing / pairs;
}

/** Plans the grid run at one (objective, L, ε, θ, seed): horizon × the largest predicted t*, `records` records. */
function planOne(
  settings: NonDiagonalCovariancesSettings,
  objective: Objective,
  depth: number,
  epsilon: number,
  theta: number,
  seed: number,
): PlannedRun {
  const run = planRotated(settings, objective, depth, epsilon, theta, seed, (known) => {
    const steps = Math.max(1, Math.ceil((settings.horizon * Math.max(...known)) / settings.learningRate[objective]));
    return { steps, recordEvery: Math.max(1, Math.round(steps / settings.records)) };
  });
  if (run === null)
    throw new RangeError(`nonDiagonalCovariances: no mode has a critical time at L = ${depth}, ε = ${epsilon}, θ = ${theta}, seed ${seed}`);
  return run;
}

/** A grid run's outcome from its `mode-training` result: each mode's prediction and measurement, both orders. */
function readRun(planned: PlannedRun, r: ModeTrainingRunResult): CovarianceRun {
  const { objective, depth, epsilon, theta, seed, learningRate, steps, recordEvery } = planned;
  const finite = (x: number | null): number => x ?? Number.NaN;
  const outcomes: ModeOutcome[] = r.modes.map((m) => ({
    rho: finite(m.rho),
    sigma2: finite(m.sigma2),
    lambda: finite(m.lambda),
    predicted: m.predicted,
    measured: m.learnedAt,
    relativeError: m.learnedAt === null || m.predicted === null ? null : m.learnedAt / m.predicted - 1,
    dual: m.dual.map(finite),
  }));
  const predictedOrder = orderByCriticalTime(outcomes.map((o) => o.predicted)).order;
  const measuredOrder = orderByCriticalTime(outcomes.map((o) => o.measured)).order;
  return {
    objective,
    depth,
    epsilon,
    theta,
    seed,
    learningRate,
    steps,
    recordEvery,
    status: r.status,
    modes: outcomes,
    predictedOrder,
    measuredOrder,
    orderAgrees: predictedOrder.length === measuredOrder.length && predictedOrder.every((k, i) => measuredOrder[i] === k),
    pairsAgreeing: pairAgreement(outcomes),
    // a diverged run's non-finite leakage travels as null: NaN, as Math.max of the records gave before
    maxLeakage: Math.max(...r.leakage.map(finite)),
  };
}

/** The largest relative difference between the θ = 0 modes and the per-feature theory of each seed's features. */
function thetaZeroDeviation(settings: NonDiagonalCovariancesSettings): number {
  let worst = 0;
  const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);
  for (const seed of settings.seeds) {
    const features = drawFeatures(settings, seed);
    const cov = rotatedStaticCovariances(features, 0);
    const modes = generalizedModes(cov.sigmaXX, cov.sigmaYX, settings.d);
    const byRho = [...features].sort((a, b) => b.rho - a.rho);
    for (const objective of settings.objectives)
      for (const depth of settings.depths)
        for (const epsilon of settings.epsilons) {
          const reading = { objective, depth, epsilon, fraction: settings.fraction };
          const fromModes = modePredictions(modes, reading);
          const fromFeatures = modePredictions(byRho, reading);
          fromModes.forEach((t, k) => {
            const f = fromFeatures[k];
            if (t !== null && f !== null) worst = Math.max(worst, rel(t, f));
          });
        }
    modes.forEach((m, k) => {
      const f = byRho[k];
      worst = Math.max(worst, rel(m.rho, f.rho), rel(m.lambda, f.lambda), rel(m.sigma2, f.lambda / f.rho));
    });
  }
  return worst;
}

/** Plans the leakage run at one (objective, L, ε): to ½ the smallest predicted t*, read at its end. */
function planLeakage(settings: NonDiagonalCovariancesSettings, objective: Objective, depth: number, epsilon: number): PlannedRun | null {
  return planRotated(settings, objective, depth, epsilon, settings.leakage.theta, settings.seeds[0], (known) => {
    const steps = Math.max(1, Math.round((0.5 * Math.min(...known)) / settings.learningRate[objective]));
    return { steps, recordEvery: steps };
  });
}

/** Least-squares slope of log y against log x. */
function logSlope(xs: readonly number[], ys: readonly number[]): number {
  const lx = xs.map(Math.log);
  const ly = ys.map(Math.log);
  const mx = lx.reduce((a, b) => a + b, 0) / lx.length;
  const my = ly.reduce((a, b) => a + b, 0) / ly.length;
  let sxy = 0;
  let sxx = 0;
  lx.forEach((x, i) => {
    sxy += (x - mx) * (ly[i] - my);
    sxx += (x - mx) ** 2;
  });
  return sxy / sxx;
}

/**
 * The runs, θ-curves and matrix-flow checks of one grid: objective × L × ε × θ × seed of
 * `settings`, and the flow for the first seed at `flowThetas`, all as runs of one ensemble on
 * `executor`; progress labels start with `prefix`.
 */
async function computeGrid(
  settings: NonDiagonalCovariancesSettings,
  progress: Progress | undefined,
  prefix: string,
  executor: EnsembleExecutor | undefined,
): Promise<{ runs: CovarianceRun[]; points: CovariancePoint[]; flowChecks: FlowCheck[] }> {
  const planned: PlannedRun[] = [];
  for (const objective of settings.objectives)
    for (const depth of settings.depths)
      for (const epsilon of settings.epsilons)
        for (const theta of settings.thetas)
          for (const seed of settings.seeds) planned.push(planOne(settings, objective, depth, epsilon, theta, seed));
  // the flow of the first seed at each of flowThetas, to the training run's end, timed on its records' count of outputs
  const flowed = planned.filter((p) => p.seed === settings.seeds[0] && settings.flowThetas.includes(p.theta));
  const flowInputs: FlowCheckInput[] = flowed.map((p) => ({
    objective: p.objective,
    depth: p.depth,
    epsilon: p.epsilon,
    theta: p.theta,
    seed: p.seed,
    sigmaXX: p.sigmaXX,
    sigmaYX: p.sigmaYX,
    modes: p.modes,
    tEnd: p.steps * p.learningRate,
    outputs: settings.records,
    fraction: settings.fraction,
  }));
  const label = (p: PlannedRun): string => `${p.objective} L=${p.depth} ε=${p.epsilon} θ=${p.theta.toFixed(3)} seed ${p.seed}`;
  const labels = [...planned.map((p) => `${prefix}${label(p)}`), ...flowed.map((p) => `${prefix}matrix flow ${label(p)}`)];
  const outcomes = await executeRuns([...planned.map((p) => p.spec), ...flowInputs.map(flowCheckRun)], labels, progress, executor);
  const runs = planned.map((p, i) => readRun(p, trainingResult(outcomes[i], labels[i])));
  const flowChecks = flowInputs.map((input, j) => {
    const outcome = outcomes[planned.length + j];
    const training = runs[planned.indexOf(flowed[j])].modes.map((m) => m.measured);
    return readFlowCheck(input, outcome.ok ? { ok: true, result: outcome.result as MatrixFlowRunResult } : outcome, training);
  });
  const points: CovariancePoint[] = [];
  for (const objective of settings.objectives)
    for (const depth of settings.depths)
      for (const epsilon of settings.epsilons)
        for (const theta of settings.thetas) {
          const here = runs.filter((r) => r.objective === objective && r.depth === depth && r.epsilon === epsilon && r.theta === theta);
          const errors = here.flatMap((r) => r.modes.flatMap((m) => (m.relativeError === null ? [] : [Math.abs(m.relativeError)])));
          points.push({
            objective,
            depth,
            epsilon,
            theta,
            seeds: here.length,
            medianAbsError: errors.length === 0 ? Number.NaN : quantile(errors, 0.5),
            maxAbsError: errors.length === 0 ? Number.NaN : Math.max(...errors),
            modesCompared: errors.length,
            ordersAgreeing: here.filter((r) => r.orderAgrees).length,
            pairsAgreeing: here.reduce((sum, r) => sum + r.pairsAgreeing, 0) / here.length,
          });
        }
  return { runs, points, flowChecks };
}

/** The features of each seed of a grid. */
function seedFeatures(settings: NonDiagonalCovariancesSettings): WidthStudyResult['features'] {
  return settings.seeds.map((seed) => ({ seed, features: drawFeatures(settings, seed) }));
}

/**
 * Computes result 7: the main grid (objective × L × ε × θ × seed) of training runs read in
 * the modes, their θ-curves, the θ = 0 check, the leakage study with its fitted slopes, and,
 * with `settings.width`, the same grid computation at each width of the width study. Every
 * training run is a `mode-training` run and every matrix-flow check a `matrix-flow` run of an
 * ensemble ({@link runEnsemble} on `context.executor`, default serially: the same data on every executor).
 * Cost: one training run of horizon × (largest t*) ÷ η steps on d×d matrices per grid point, and one
 * of ½ (smallest t*) ÷ η steps per leakage point.
 * @param settings - see {@link NonDiagonalCovariancesSettings}.
 * @param progress - called after each training run (as its outcome arrives) and each flow check.
 * @param context - where the training runs execute (e.g. a pool of worker threads).
 * @returns the runs, curves and leakage.
 * @throws `InvalidArgumentError` (@jepa-dynamics/sim, ode) for invalid settings; `RangeError` where no mode of a run has a critical time;
 *   `Error` naming a training run that failed.
 */
export async function computeNonDiagonalCovariances(
  settings: NonDiagonalCovariancesSettings,
  progress?: Progress,
  context?: ExperimentContext,
): Promise<NonDiagonalCovariancesData> {
  const executor = context?.executor;
  const { runs, points, flowChecks } = await computeGrid(settings, progress, '', executor);
  const planned: PlannedRun[] = [];
  for (const objective of settings.objectives)
    for (const depth of settings.leakage.depths)
      for (const epsilon of settings.leakage.epsilons) {
        const p = planLeakage(settings, objective, depth, epsilon);
        if (p !== null) planned.push(p);
        else await progress?.(`leakage ${objective} L=${depth} ε=${epsilon}`);
      }
  const labels = planned.map((p) => `leakage ${p.objective} L=${p.depth} ε=${p.epsilon}`);
  const results = (
    await executeRuns(
      planned.map((p) => p.spec),
      labels,
      progress,
      executor,
    )
  ).map((o, i) => trainingResult(o, labels[i]));
  const read: LeakagePoint[] = planned.map((p, i) => ({
    objective: p.objective,
    depth: p.depth,
    epsilon: p.epsilon,
    layerScale: p.epsilon ** (1 / p.depth),
    t: p.steps * p.learningRate,
    leakage: results[i].leakage.at(-1) ?? Number.NaN,
  }));
  const leakage: LeakagePoint[] = [];
  const leakageFits: LeakageFit[] = [];
  for (const objective of settings.objectives)
    for (const depth of settings.leakage.depths) {
      const these = read.filter((p) => p.objective === objective && p.depth === depth && p.leakage > 0);
      leakage.push(...these);
      if (these.length >= 2)
        leakageFits.push({
          objective,
          depth,
          slope: logSlope(
            these.map((p) => p.layerScale),
            these.map((p) => p.leakage),
          ),
          points: these.length,
        });
    }
  const widths: WidthStudyResult[] = [];
  for (const grid of widthStudyGrids(settings)) {
    const { runs, points, flowChecks } = await computeGrid(grid, progress, `d=${grid.d} `, executor);
    widths.push({
      d: grid.d,
      epsilon: grid.epsilons[0],
      seeds: [...grid.seeds],
      features: seedFeatures(grid),
      thetaZeroDeviation: thetaZeroDeviation(grid),
      runs,
      points,
      flowChecks,
    });
  }
  return {
    settings,
    features: seedFeatures(settings),
    thetaZeroDeviation: thetaZeroDeviation(settings),
    runs,
    points,
    leakage,
    leakageFits,
    flowChecks,
    ...(settings.width === undefined ? {} : { widths }),
  };
}
