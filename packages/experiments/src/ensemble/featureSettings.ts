/**
 * The feature settings every run kind shares: one feature by two of `lambda`, `rho`,
 * `sigma2` (as the command-line flags), or many by `features`.
 *
 * @module
 */
import { InvalidArgumentError, validateFinite } from '@jepa-dynamics/core';
import { resolveFeature, type Feature, type FeatureInput } from '@jepa-dynamics/ode';
import { arrayRule, finiteRule, positiveRule, recordCheck, type SettingRule } from './settingRule.js';

/** How a run names its features: one by two of `lambda`, `rho`, `sigma2`, or many by `features`. */
export interface FeatureSettings {
  /** λ of the one feature. */
  lambda?: number;
  /** ρ of the one feature. */
  rho?: number;
  /** σ² of the one feature. */
  sigma2?: number;
  /** Many features, each two (or three consistent) of `sigma2`, `lambda`, `rho`. */
  features?: readonly FeatureInput[];
}

/**
 * Most features one run may hold (the width d of a training run; memory is the limit beyond).
 *
 * @example
 * ```ts
 * MAX_RUN_FEATURES; // => 4096
 * ```
 */
export const MAX_RUN_FEATURES = 4096;

const featureEntry = recordCheck({ sigma2: validateFinite, lambda: validateFinite, rho: validateFinite });

/** The rules of {@link FeatureSettings}. */
export const FEATURE_SETTING_RULES: Readonly<Record<keyof FeatureSettings, SettingRule>> = {
  lambda: finiteRule('cross-covariance λ of one feature (two of lambda, rho, sigma2, or features)'),
  rho: finiteRule('regression coefficient ρ = λ/σ² of one feature'),
  sigma2: positiveRule('variance σ² > 0 of one feature'),
  features: arrayRule(
    `features, each {"lambda", "rho", "sigma2"} (two of them), at most ${MAX_RUN_FEATURES}`,
    featureEntry,
    MAX_RUN_FEATURES,
  ),
};

/**
 * The features of a run, validated by `resolveFeature` (docs/math.md §1), with errors naming
 * the setting (`settings.rho`, `settings.features[2].lambda`).
 * @param where - the public function to name.
 * @param settings - the run's settings.
 * @returns the features, each with σ², λ, ρ.
 * @throws `InvalidArgumentError` unless the settings give exactly one of: two (or three consistent)
 *   of `lambda`, `rho`, `sigma2`; or `features`.
 */
export function runFeatures(where: string, settings: FeatureSettings): Feature[] {
  const single = settings.lambda !== undefined || settings.rho !== undefined || settings.sigma2 !== undefined;
  if (single && settings.features !== undefined) {
    throw new InvalidArgumentError(where, 'settings.features', 'cannot be given together with lambda, rho or sigma2', settings.features);
  }
  const rename = (error: unknown, prefix: string): never => {
    if (error instanceof InvalidArgumentError) {
      const argument = error.argument.startsWith('feature.') ? error.argument.slice('feature.'.length) : '';
      throw new InvalidArgumentError(where, argument === '' ? prefix.replace(/\.$/, '') : `${prefix}${argument}`, error.rule, error.value);
    }
    throw error;
  };
  if (settings.features !== undefined) {
    return settings.features.map((f, i) => {
      try {
        return resolveFeature(f, where);
      } catch (error) {
        return rename(error, `settings.features[${i}].`);
      }
    });
  }
  if (!single) throw new InvalidArgumentError(where, 'settings', 'must give two of lambda, rho, sigma2, or features', settings);
  try {
    return [resolveFeature({ lambda: settings.lambda, rho: settings.rho, sigma2: settings.sigma2 }, where)];
  } catch (error) {
    return rename(error, 'settings.');
  }
}

/**
 * Column names for per-feature values: `name` for a run of one feature, `name_0`, `name_1`, … otherwise.
 * @param name - the column's stem.
 * @param count - the number of features.
 * @returns the names.
 * @example
 * ```ts
 * featureColumns('t', 1); // => ["t"]
 * featureColumns('t', 2); // => ["t_0", "t_1"]
 * ```
 */
export function featureColumns(name: string, count: number): string[] {
  return count === 1 ? [name] : Array.from({ length: count }, (_, i) => `${name}_${i}`);
}
