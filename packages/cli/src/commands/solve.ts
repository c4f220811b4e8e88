/**
 * `solve`: trajectories w̄_i(t) of one or many features under the JEPA or MAE gradient
 * flow (docs/math.md §2). Parsing and printing only; the mathematics is `flowTrajectories`
 * of @jepa-dynamics/ode.
 * @module
 */
import type { Command } from 'commander';
import { FORMULATIONS, OBJECTIVES, TIME_UNITS } from '@jepa-dynamics/core';
import { coupledTrajectories, flowTrajectories, solverMethods, type SolveStats } from '@jepa-dynamics/ode';
import { UsageError } from '../errors.js';
import { printJson } from '../output.js';
import { featuresOptions, parseFeatures } from '../features.js';
import { parseChoice, parseInteger, parsePositiveNumber, parseRelativeTolerance, required } from '../options.js';
import { solveMatrix, type SolveMatrixFlags } from './solveMatrix.js';

/** The flags of `solve` (those of --matrix included: they share the common ones). */
interface SolveFlags extends SolveMatrixFlags {
  matrix?: boolean;
}

/** The `--method` choices: every method of the solver's registry, in its order, then `auto`. */
const METHOD_CHOICES = [...solverMethods().map((m) => m.name), 'auto' as const];

/** `dopri5, dop853, odex, rodas4 (stiff) or auto (…)`: the choices for --help, stiff ones marked. */
function methodHelp(): string {
  const names = [...solverMethods().map((m) => (m.stiff ? `${m.name} (stiff)` : m.name)), 'auto (dopri5, switching to rodas4 where stiff)'];
  return `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

/** Registers `solve` on the program. */
export function registerSolve(program: Command): void {
  const command = program
    .command('solve')
    .description(
      'Trajectories w̄_i(t) from w̄(0) = ε (balanced init), each feature integrated on its own. Output: CSV (t, wbar_0, wbar_1, …) or, with --json, ' +
        '{ t, wbar } with wbar[i][k] = w̄_i(t[k]). --features FILE: a JSON array like [{"lambda": 1, "rho": 3}, {"sigma2": 2, "rho": 0.5}].',
    )
    .option('--objective <objective>', 'jepa or mae')
    .option('--depth <L>', 'encoder depth L, integer ≥ 1');
  // the feature flags, in their place in --help
  featuresOptions(command)
    .option('--epsilon <ε>', 'initialisation scale ε > 0 (w̄(0) = ε)')
    .option('--t-end <T>', 'end time T > 0 (in the --time unit)')
    .option('--points <N>', 'number of output times from 0 to T, integer ≥ 2', '101')
    .option('--method <method>', `${methodHelp()}; default dop853, or rodas4 with --coupled`)
    .option(
      '--coupled',
      'integrate all features as ONE system (one step-size sequence; stiff when features have very different time scales); per-layer formulation only',
    )
    .option('--formulation <f>', 'per-layer (u), end-to-end (w̄) or layerwise (v, w_1…w_L)', 'per-layer')
    .option('--time <unit>', 'gradient-flow (t = kη) or paper (τ = L t)', 'gradient-flow')
    .option('--rtol <r>', 'relative tolerance, from 2.22e-14 (100 machine epsilons) to below 1', '1e-10')
    .option('--json', 'print one JSON document')
    .option('--csv', 'print CSV (the default)')
    .option(
      '--matrix',
      'the full matrix flow of V, W_1…W_L (bdf + matrix-free GMRES; state (L+1)d² doubles): singular values of W̄ over time (sigma_j), ' +
        'the diagonal wbar_i with diagonal covariances, critical times of each mode',
    )
    .option('--d <d>', '--matrix: width d; repeats a single feature d times, else must match the features or the covariances')
    .option(
      '--init <kind>',
      '--matrix: aligned (ε^{1/L} I), rotated (aligned in random bases) or random (random orthogonal, balanced); default aligned',
    )
    .option('--seed <S>', '--matrix: seed of a rotated or random init, integer 0 … 4294967295; default 0')
    .option(
      '--covariances <FILE>',
      '--matrix: JSON {"sxx": [[…]], "syx": [[…]]}, full d×d Σxx (symmetric positive definite) and Σyx, instead of features',
    )
    .action((flags: SolveFlags) => {
      if (flags.matrix === true) {
        solveMatrix(flags);
        return;
      }
      for (const flag of ['d', 'init', 'seed', 'covariances'] as const)
        if (flags[flag] !== undefined) throw new UsageError(`--${flag} needs --matrix (the full matrix dynamics).`);
      const objective = parseChoice('--objective', required('--objective', flags.objective), OBJECTIVES);
      const depth = parseInteger('--depth', required('--depth', flags.depth), 1);
      const features = parseFeatures(flags);
      const epsilon = parsePositiveNumber('--epsilon', required('--epsilon', flags.epsilon));
      const tEnd = parsePositiveNumber('--t-end', required('--t-end', flags.tEnd));
      const points = parseInteger('--points', flags.points, 2, 10_000_000);
      const coupled = flags.coupled === true;
      const method = parseChoice('--method', flags.method ?? (coupled ? 'rodas4' : 'dop853'), METHOD_CHOICES);
      const formulation = parseChoice('--formulation', flags.formulation, FORMULATIONS);
      const time = parseChoice('--time', flags.time, TIME_UNITS);
      const rtol = parseRelativeTolerance('--rtol', flags.rtol);
      if (flags.json === true && flags.csv === true) throw new UsageError('--json and --csv exclude each other.');
      if (coupled && formulation !== 'per-layer')
        throw new UsageError(`--coupled integrates the per-layer formulation only; got --formulation ${formulation}.`);
      // an IntegrationError (the trajectory exists, the integration failed) is exit 3, in main
      const result: { t: Float64Array; wbar: Float64Array[]; stats?: SolveStats } = coupled
        ? coupledTrajectories(features, { objective, depth, epsilon, tEnd, points, method, timeUnit: time, rtol })
        : flowTrajectories(features, { objective, depth, epsilon, tEnd, points, method, formulation, timeUnit: time, rtol });
      if (flags.json === true) {
        printJson({
          t: Array.from(result.t),
          wbar: result.wbar.map((w) => Array.from(w)),
          objective,
          depth,
          epsilon,
          features: features.map((f) => ({ lambda: f.lambda, rho: f.rho, sigma2: f.sigma2 })),
          tEnd,
          points,
          method,
          formulation,
          time,
          rtol,
          coupled,
          ...(coupled && result.stats !== undefined ? { stats: result.stats } : {}),
        });
        return;
      }
      const lines = [['t', ...features.map((_, i) => `wbar_${i}`)].join(',')];
      for (let k = 0; k < result.t.length; k++) lines.push([result.t[k], ...result.wbar.map((w) => w[k])].join(','));
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
