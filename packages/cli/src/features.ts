/**
 * The feature flags shared by the commands: one feature by `--lambda`, `--rho`, `--sigma2`
 * (any two), or many by `--features FILE`. Every failure is a {@link UsageError} naming
 * the flag (or file entry), the rule and the value; the validation itself is the
 * library's `resolveFeature`.
 * @module
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { InvalidArgumentError, resolveFeature, type Feature, type FeatureInput } from '@jepa-dynamics/ode';
import { UsageError } from './errors.js';
import { parseFiniteNumber, parsePositiveNumber } from './options.js';

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
  return featureOrUsageError(input, (argument) => FEATURE_FLAG[argument] ?? '--lambda/--rho/--sigma2', asFlags);
}

/** A rule of resolveFeature in the words of the command line: the other quantities it names are flags too. */
function asFlags(rule: string): string {
  return rule.replace(/\b(lambda|rho|sigma2)\b/g, '--$1');
}

/** Validates a feature with the library, turning its error into one sentence that names the flag (or file entry). */
function featureOrUsageError(
  input: FeatureInput,
  flagOf: (argument: string) => string,
  phrase: (rule: string) => string = (r) => r,
): Feature {
  try {
    return resolveFeature(input, 'feature');
  } catch (error) {
    if (error instanceof InvalidArgumentError) {
      throw new UsageError(`${flagOf(error.argument)} ${phrase(error.rule)}; got ${JSON.stringify(error.value) ?? String(error.value)}.`);
    }
    throw error;
  }
}

/**
 * Reads a features file: a JSON array of objects, each with two (or three consistent)
 * of the numbers `sigma2`, `lambda`, `rho`, e.g. `[{"lambda": 1, "rho": 3}, {"lambda": 2, "rho": 1}]`.
 */
export function readFeaturesFile(path: string): Feature[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`--features ${JSON.stringify(path)} cannot be read (${error instanceof Error ? error.message : String(error)}).`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new UsageError(`--features ${JSON.stringify(path)} must be JSON: an array like [{"lambda": 1, "rho": 3}].`);
  }
  if (!Array.isArray(data) || data.length === 0) {
    throw new UsageError(`--features ${JSON.stringify(path)} must hold a nonempty JSON array of features like {"lambda": 1, "rho": 3}.`);
  }
  return data.map((entry: unknown, i) => {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      throw new UsageError(`--features entry ${i} must be an object with two of "sigma2", "lambda", "rho"; got ${JSON.stringify(entry)}.`);
    }
    const record = entry as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (key !== 'sigma2' && key !== 'lambda' && key !== 'rho') {
        throw new UsageError(`--features entry ${i} has an unknown key ${JSON.stringify(key)}; allowed: "sigma2", "lambda", "rho".`);
      }
    }
    const num = (key: string): number | undefined => {
      const v = record[key];
      if (v === undefined) return undefined;
      if (typeof v !== 'number') throw new UsageError(`--features entry ${i} "${key}" must be a number; got ${JSON.stringify(v)}.`);
      return v;
    };
    return featureOrUsageError(
      { sigma2: num('sigma2'), lambda: num('lambda'), rho: num('rho') },
      (argument) => `--features entry ${i} "${argument.replace('feature.', '')}"`,
    );
  });
}

/** Raw `--features` plus the one-feature flags, as commander delivers them. */
export interface FeaturesFlags extends FeatureFlags {
  features?: string;
}

/** Declares `--lambda`, `--rho`, `--sigma2` (one feature) and `--features FILE` (many) on a command. */
export function featuresOptions(command: Command): Command {
  return command
    .option('--lambda <λ>', 'one feature: cross-covariance λ (any two of --lambda, --rho, --sigma2)')
    .option('--rho <ρ>', 'one feature: regression coefficient ρ = λ/σ²')
    .option('--sigma2 <σ²>', 'one feature: variance σ² > 0')
    .option('--features <file>', 'many features: JSON array of {"lambda", "rho", "sigma2"} (two of them each)');
}

/** Parses either one feature by flags or many by `--features FILE`, never both and never neither. */
export function parseFeatures(flags: FeaturesFlags): Feature[] {
  const hasFeatureFlags = flags.lambda !== undefined || flags.rho !== undefined || flags.sigma2 !== undefined;
  if (flags.features !== undefined && hasFeatureFlags) {
    throw new UsageError('--features cannot be combined with --lambda, --rho or --sigma2; give one feature by flags or many by file.');
  }
  if (flags.features === undefined && !hasFeatureFlags) {
    throw new UsageError('a feature is required: two of --lambda, --rho, --sigma2, or --features FILE.');
  }
  return flags.features !== undefined ? readFeaturesFile(flags.features) : [parseFeatureFlags(flags)];
}
