/**
 * `solve --matrix`: the full matrix flow of V, W_1 … W_L (docs/math.md §1) from an aligned,
 * rotated or random init, on diagonal covariances from the feature flags or full ones from
 * `--covariances FILE`. Parsing and printing only; the mathematics is `matrixFlowTrajectory`
 * of @jepa-dynamics/sim ('bdf' with matrix-free GMRES).
 * @module
 */
import { INITIALIZATION_KINDS, OBJECTIVES } from '@jepa-dynamics/core';
import { matrixFlowTrajectory } from '@jepa-dynamics/sim';
import { covarianceError, readCovariancesFile, refuseFeaturesBeside } from '../covariances.js';
import { UsageError } from '../errors.js';
import { parseFeatures, type FeaturesFlags } from '../features.js';
import { printJson } from '../output.js';
import { parseChoice, parseInteger, parsePositiveNumber, parseRelativeTolerance, required } from '../options.js';

/** The flags of `solve` that `--matrix` reads. */
export interface SolveMatrixFlags extends FeaturesFlags {
  objective?: string;
  depth?: string;
  epsilon?: string;
  tEnd?: string;
  points: string;
  method?: string;
  coupled?: boolean;
  formulation: string;
  time: string;
  rtol: string;
  json?: boolean;
  csv?: boolean;
  d?: string;
  init?: string;
  seed?: string;
  covariances?: string;
}

/** Runs `solve --matrix` with the parsed flags of `solve`. */
export function solveMatrix(flags: SolveMatrixFlags): void {
  const objective = parseChoice('--objective', required('--objective', flags.objective), OBJECTIVES);
  const depth = parseInteger('--depth', required('--depth', flags.depth), 1);
  const epsilon = parsePositiveNumber('--epsilon', required('--epsilon', flags.epsilon));
  const tEnd = parsePositiveNumber('--t-end', required('--t-end', flags.tEnd));
  const points = parseInteger('--points', flags.points, 2, 10_000_000);
  const rtol = parseRelativeTolerance('--rtol', flags.rtol);
  const init = parseChoice('--init', flags.init ?? 'aligned', INITIALIZATION_KINDS);
  const seed = parseInteger('--seed', flags.seed ?? '0', 0, 4294967295);
  const d = flags.d !== undefined ? parseInteger('--d', flags.d, 1) : undefined;
  if (flags.json === true && flags.csv === true) throw new UsageError('--json and --csv exclude each other.');
  if (flags.coupled === true) throw new UsageError('--matrix integrates the full matrices as one system already; drop --coupled.');
  if (flags.method !== undefined && flags.method !== 'bdf')
    throw new UsageError(`--matrix integrates with bdf (matrix-free GMRES); got --method ${flags.method}.`);
  if (flags.formulation !== 'per-layer')
    throw new UsageError(`--matrix integrates the matrices themselves; got --formulation ${flags.formulation}.`);
  if (flags.time !== 'gradient-flow') throw new UsageError(`--matrix works in gradient-flow time; got --time ${flags.time}.`);

  let sigmaXX: number[][];
  let sigmaYX: number[][];
  if (flags.covariances !== undefined) {
    refuseFeaturesBeside(flags);
    ({ sxx: sigmaXX, syx: sigmaYX } = readCovariancesFile(flags.covariances));
    if (d !== undefined && d !== sigmaXX.length)
      throw new UsageError(
        `--d ${d} does not match --covariances ${JSON.stringify(flags.covariances)}, whose matrices are ${sigmaXX.length}×${sigmaXX.length}.`,
      );
  } else {
    let features = parseFeatures(flags);
    if (d !== undefined) {
      // one feature and --d: that feature d times (d equal modes); several: --d must count them
      if (features.length === 1) features = Array.from({ length: d }, () => features[0]);
      else if (features.length !== d) throw new UsageError(`--d ${d} does not match the ${features.length} features of --features.`);
    }
    const diagonal = (value: (i: number) => number): number[][] =>
      features.map((_, i) => features.map((__, j) => (i === j ? value(i) : 0)));
    sigmaXX = diagonal((i) => features[i].sigma2);
    sigmaYX = diagonal((i) => features[i].lambda);
  }

  let r: ReturnType<typeof matrixFlowTrajectory>;
  try {
    r = matrixFlowTrajectory({ objective, depth, sigmaXX, sigmaYX, epsilon, init, seed, tEnd, points, rtol });
  } catch (error) {
    throw flags.covariances !== undefined ? covarianceError(flags.covariances, error) : error;
  }
  if (flags.json === true) {
    printJson({
      t: r.t,
      singularValues: r.singularValues,
      // the contract's wbar[i][k] (feature i at t[k]): the diagonal of W̄, with diagonal covariances only
      ...(r.diagonal !== null ? { wbar: Array.from({ length: r.d }, (_, i) => r.diagonal?.map((row) => row[i])) } : {}),
      modeCriticalTimes: r.modeCriticalTimes,
      featureCriticalTimes: r.featureCriticalTimes,
      objective,
      depth,
      d: r.d,
      epsilon,
      init,
      seed,
      covariances: flags.covariances ?? null,
      tEnd,
      points,
      rtol,
      matrix: true,
      method: 'bdf',
      linearSolver: 'gmres',
      time: 'gradient-flow',
      stats: r.stats,
    });
    return;
  }
  const modes = Array.from({ length: r.d }, (_, j) => `sigma_${j}`);
  const diagonalColumns = r.diagonal !== null ? Array.from({ length: r.d }, (_, i) => `wbar_${i}`) : [];
  const lines = [['t', ...modes, ...diagonalColumns].join(',')];
  r.t.forEach((t, k) => lines.push([t, ...r.singularValues[k], ...(r.diagonal?.[k] ?? [])].join(',')));
  process.stdout.write(`${lines.join('\n')}\n`);
}
