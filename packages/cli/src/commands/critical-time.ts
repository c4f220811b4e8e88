/**
 * `critical-time`: the time t*_p at which a feature's end-to-end weight reaches the
 * fraction p of its fixed point (MATH.md §3). Parsing and printing only; the
 * mathematics is `criticalTime` of @jepa-dynamics/ode.
 * @module
 */
import type { Command } from 'commander';
import { criticalTime, IntegrationError, InvalidArgumentError, resolveFeature, type CriticalTimeMethod, type Feature, type FeatureInput } from '@jepa-dynamics/ode';
import { NoAnswerError, UsageError } from '../errors.js';
import { printJson } from '../output.js';
import { parseChoice, parseFiniteNumber, parseInteger, parsePositiveNumber, required } from '../options.js';

/** Raw feature flags as commander delivers them. */
export interface FeatureFlags {
  lambda?: string;
  rho?: string;
  sigma2?: string;
}

const FEATURE_FLAG: Record<string, string> = {
  'feature.lambda': '--lambda',
  'feature.rho': '--rho',
  'feature.sigma2': '--sigma2',
};

/**
 * Parses `--lambda`, `--rho`, `--sigma2` (any two, or all three if consistent) into a
 * validated feature; every failure is a {@link UsageError} naming the flag and the rule.
 */
export function parseFeatureFlags(flags: FeatureFlags): Feature {
  const input: FeatureInput = {};
  if (flags.lambda !== undefined) input.lambda = parseFiniteNumber('--lambda', flags.lambda);
  if (flags.rho !== undefined) input.rho = parseFiniteNumber('--rho', flags.rho);
  if (flags.sigma2 !== undefined) input.sigma2 = parsePositiveNumber('--sigma2', flags.sigma2);
  const given = [flags.lambda, flags.rho, flags.sigma2].filter((v) => v !== undefined).length;
  if (given < 2) throw new UsageError('two of --lambda, --rho and --sigma2 are required (the third follows from λ = σ²ρ).');
  return featureOrUsageError(input, (argument) => FEATURE_FLAG[argument] ?? '--lambda/--rho/--sigma2');
}

/** Validates a feature with the library, turning its error into one sentence that names the flag (or file entry). */
export function featureOrUsageError(input: FeatureInput, flagOf: (argument: string) => string): Feature {
  try {
    return resolveFeature(input, 'feature');
  } catch (error) {
    if (error instanceof InvalidArgumentError) {
      throw new UsageError(`${flagOf(error.argument)} ${error.rule}; got ${JSON.stringify(error.value) ?? String(error.value)}.`);
    }
    throw error;
  }
}

/** Parses `--fraction`: a number with 0 < p < 1. */
export function parseFraction(raw: string): number {
  const p = parseFiniteNumber('--fraction', raw);
  if (!(p > 0 && p < 1)) throw new UsageError(`--fraction must be a number with 0 < p < 1; got ${JSON.stringify(raw)}.`);
  return p;
}

interface CriticalTimeFlags extends FeatureFlags {
  objective?: string;
  depth?: string;
  epsilon?: string;
  fraction: string;
  method: string;
  time: string;
  json?: boolean;
}

/** Registers `critical-time` on the program. */
export function registerCriticalTime(program: Command): void {
  program
    .command('critical-time')
    .description(
      'Critical time t*_p: when w̄ reaches p·w̄∞ from w̄(0) = ε (balanced init). Methods: exact = closed-form implicit solution t(u*) of MATH.md §3; ' +
        'ode = time-domain integration of du/dt (DOP853, rtol 1e-12) with event location; leading-order = the ε → 0 approximation. Exit 1 if it does not exist.',
    )
    .option('--objective <objective>', 'jepa or mae')
    .option('--depth <L>', 'encoder depth L, integer ≥ 1')
    .option('--lambda <λ>', 'cross-covariance λ (any two of --lambda, --rho, --sigma2)')
    .option('--rho <ρ>', 'regression coefficient ρ = λ/σ²')
    .option('--sigma2 <σ²>', 'variance σ² > 0')
    .option('--epsilon <ε>', 'initialisation scale ε > 0 (w̄(0) = ε)')
    .option('--fraction <p>', 'fraction p of w̄∞, 0 < p < 1', '0.5')
    .option('--method <method>', 'exact, ode or leading-order', 'exact')
    .option('--time <unit>', 'gradient-flow (t = kη) or paper (τ = L t)', 'gradient-flow')
    .option('--json', 'print one JSON document')
    .action((flags: CriticalTimeFlags) => {
      const objective = parseChoice('--objective', required('--objective', flags.objective), ['jepa', 'mae'] as const);
      const depth = parseInteger('--depth', required('--depth', flags.depth), 1);
      const feature = parseFeatureFlags(flags);
      const epsilon = parsePositiveNumber('--epsilon', required('--epsilon', flags.epsilon));
      const fraction = parseFraction(flags.fraction);
      const method: CriticalTimeMethod = parseChoice('--method', flags.method, ['exact', 'ode', 'leading-order'] as const);
      const time = parseChoice('--time', flags.time, ['gradient-flow', 'paper'] as const);
      let result: ReturnType<typeof criticalTime>;
      try {
        result = criticalTime(feature, { objective, depth, epsilon, fraction, method, timeUnit: time });
      } catch (error) {
        // the library names its argument; the user typed the flag
        if (error instanceof InvalidArgumentError) throw new UsageError(`--${error.argument} ${error.rule}; got ${String(error.value)}.`);
        if (error instanceof IntegrationError) throw new NoAnswerError(error.message);
        throw error;
      }
      if (!result.exists) throw new NoAnswerError(result.message);
      if (flags.json === true) {
        printJson({
          t: result.t,
          objective,
          depth,
          lambda: feature.lambda,
          rho: feature.rho,
          sigma2: feature.sigma2,
          epsilon,
          fraction,
          method,
          time,
          uStar: result.uStar,
          wbarTarget: result.wbarTarget,
        });
      } else {
        process.stdout.write(
          `t* = ${result.t} (${time} time, method ${method}): ${objective.toUpperCase()}, L = ${depth}, λ = ${feature.lambda}, ρ = ${feature.rho}, σ² = ${feature.sigma2}, ε = ${epsilon}, w̄ reaches ${fraction}·w̄∞ = ${result.wbarTarget}.\n`,
        );
      }
    });
}
