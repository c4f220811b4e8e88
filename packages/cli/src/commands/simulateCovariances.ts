/**
 * `simulate --covariances FILE`: training with full Σxx, Σyx, read in the modes of the
 * generalised eigenproblem beside the per-mode prediction. Parsing and printing only; the
 * mathematics is `simulateModes` of @jepa-dynamics/experiments.
 * @module
 */
import { INITIALIZATION_KINDS, OBJECTIVES } from '@jepa-dynamics/core';
import { simulateModes, type SimulateModesResult } from '@jepa-dynamics/experiments';
import { covarianceError, readCovariancesFile, refuseFeaturesBeside } from '../covariances.js';
import { NoAnswerError, UsageError } from '../errors.js';
import { printJson } from '../output.js';
import type { SimulateFlags } from './simulate.js';
import { parseChoice, parseFraction, parseInteger, parsePositiveNumber, required } from '../options.js';

/** Runs `simulate --covariances` with the parsed flags of `simulate`. */
export function simulateCovariances(flags: SimulateFlags & { covariances: string }): void {
  const path = flags.covariances;
  refuseFeaturesBeside(flags);
  for (const [flag, value] of [
    ['samples', flags.samples],
    ['batch-size', flags.batchSize],
    ['ema', flags.ema],
    ['step-control', flags.stepControl],
  ] as const)
    if (value !== undefined)
      throw new UsageError(`--${flag} is not available with --covariances (population moments, StopGrad target, fixed η).`);
  if (flags.backend !== 'auto') throw new UsageError(`--covariances trains on the default kernels; drop --backend ${flags.backend}.`);
  if (flags.threads !== '1') throw new UsageError(`--covariances trains on one thread; drop --threads ${flags.threads}.`);
  const objective = parseChoice('--objective', required('--objective', flags.objective), OBJECTIVES);
  const depth = parseInteger('--depth', required('--depth', flags.depth), 1);
  const epsilon = parsePositiveNumber('--epsilon', required('--epsilon', flags.epsilon));
  const learningRate = parsePositiveNumber('--lr', required('--lr', flags.lr));
  const steps = parseInteger('--steps', required('--steps', flags.steps), 1);
  const init = parseChoice('--init', flags.init, INITIALIZATION_KINDS);
  const seed = parseInteger('--seed', flags.seed, 0, 4294967295);
  const recordEvery = flags.recordEvery !== undefined ? parseInteger('--record-every', flags.recordEvery, 1) : undefined;
  const fraction = parseFraction(flags.fraction);
  const { sxx, syx } = readCovariancesFile(path);
  const d = sxx.length;
  if (flags.d !== undefined && parseInteger('--d', flags.d, 1) !== d)
    throw new UsageError(`--d ${flags.d} does not match --covariances ${JSON.stringify(path)}, whose matrices are ${d}×${d}.`);

  let r: SimulateModesResult;
  try {
    r = simulateModes({
      objective,
      depth,
      sigmaXX: Float64Array.from(sxx.flat()),
      sigmaYX: Float64Array.from(syx.flat()),
      init: init === 'aligned' ? { kind: 'aligned', epsilon } : { kind: init, epsilon, seed },
      learningRate,
      steps,
      recordEvery,
      fraction,
    });
  } catch (error) {
    throw covarianceError(path, error);
  }
  const diverged = r.status === 'diverged';
  if (flags.json === true) {
    printJson({
      t: r.t,
      amplitude: r.amplitude,
      leakage: r.leakage,
      modes: r.modes,
      order: { predicted: r.order.predicted, trained: r.order.trained },
      status: r.status,
      objective,
      depth,
      d,
      epsilon,
      lr: learningRate,
      stepsRequested: steps,
      init,
      seed,
      fraction,
      covariances: path,
      time: 'gradient-flow',
    });
  } else {
    const fmt = (x: number | null): string => (x === null ? '—' : Number.isFinite(x) ? x.toPrecision(6) : String(x));
    const lines = [
      `${objective.toUpperCase()}, L = ${depth}, d = ${d}, ${init} init, ε = ${epsilon}, η = ${learningRate}, ${steps} steps (t = ${fmt(r.t.at(-1) ?? 0)}), covariances ${path}${diverged ? ', diverged' : ''}`,
      `modes of Σyx v = ρ Σxx v (ρ descending); trained: ‖W̄u‖ reaches p·w̄∞ for good; largest leakage ${fmt(Math.max(...r.leakage))}`,
      '',
      'mode     rho         sigma2      lambda      t* formula   t* trained',
      ...r.modes.map((m, k) =>
        [
          String(k).padEnd(8),
          fmt(m.rho).padEnd(11),
          fmt(m.sigma2).padEnd(11),
          fmt(m.lambda).padEnd(11),
          fmt(m.predicted).padEnd(12),
          fmt(m.learnedAt),
        ].join(' '),
      ),
      '',
      `learning order (trained): ${r.order.trained.order.join(', ') || '—'}${r.order.trained.never.length > 0 ? ` (not reached: ${r.order.trained.never.join(', ')})` : ''}`,
      `learning order (formula): ${r.order.predicted.order.join(', ') || '—'}${r.order.predicted.never.length > 0 ? ` (none: ${r.order.predicted.never.join(', ')})` : ''}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  if (diverged) throw new NoAnswerError('the training diverged (non-finite weights); the records up to then are printed.');
}
