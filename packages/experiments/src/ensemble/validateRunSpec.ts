/**
 * Validation of a run specification.
 *
 * @module
 */
import { InvalidArgumentError, validateChoice } from '@jepa-dynamics/core';
import { RUN_KIND_DEFINITIONS } from './runKindDefinitions.js';
import { RUN_KINDS, type RunKind, type RunSpec } from './runSpec.js';
import type { SettingRule, SettingValue } from './settingRule.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks one setting of a run kind by its rule, naming `argument` in the error (e.g.
 * `settings.depth`, or `axes.depth[2]` for a value of a sweep's axis).
 *
 * @param where - the public function to name.
 * @param kind - the run kind.
 * @param name - the setting.
 * @param value - its value.
 * @param argument - the name of the value in the error; default `settings.<name>`.
 * @returns the value as the run stores it.
 * @throws `InvalidArgumentError` when `name` is not a setting of the kind, or the value breaks its rule.
 * @example
 * ```ts
 * checkRunSetting('sweep', 'training', 'seed', 7); // => 7
 * checkRunSetting('sweep', 'training', 'seed', -1, 'axes.seed[0]');
 * // => throws InvalidArgumentError: sweep: invalid argument axes.seed[0]: must be an integer from 0 to 4294967295; got -1.
 * checkRunSetting('sweep', 'training', 'sed', 7); // => throws InvalidArgumentError: is not a setting of a training run
 * ```
 */
export function checkRunSetting(where: string, kind: RunKind, name: string, value: unknown, argument = `settings.${name}`): SettingValue {
  return settingRule(where, kind, name, argument).check(where, argument, value);
}

/**
 * The rule of setting `name` of a run kind. Internal.
 * @throws `InvalidArgumentError` naming `argument` when the kind has no such setting.
 */
export function settingRule(where: string, kind: RunKind, name: string, argument: string): SettingRule {
  const rules = RUN_KIND_DEFINITIONS[kind].settings;
  const rule = Object.hasOwn(rules, name) ? rules[name] : undefined;
  if (rule === undefined) {
    throw new InvalidArgumentError(
      where,
      argument,
      `is not a setting of a ${kind} run (its settings: ${Object.keys(rules).join(', ')})`,
      name,
    );
  }
  return rule;
}

/**
 * Checks a run specification `{ kind, settings }` completely before anything runs: the kind,
 * every setting by its rule (no unknown keys), the required ones present, and the rules
 * between settings (two of λ, ρ, σ², …). A worker calls it on every job, so a job is data
 * that passed these rules, never code.
 *
 * @param value - the candidate (e.g. parsed JSON).
 * @param where - the public function to name; default `validateRunSpec`.
 * @returns a copy of the specification holding the checked values.
 * @throws `InvalidArgumentError` naming the offending field (`kind`, `settings.depth`, `settings.features[1].rho`, …).
 * @example
 * ```ts
 * validateRunSpec({ kind: 'critical-time', settings: { objective: 'jepa', depth: 2, lambda: 1, rho: 1, epsilon: 1e-3 } }).kind;
 * // => "critical-time"
 * validateRunSpec({ kind: 'critical-time', settings: { objective: 'jepa', depth: 0, lambda: 1, rho: 1, epsilon: 1e-3 } });
 * // => throws InvalidArgumentError: validateRunSpec: invalid argument settings.depth: must be an integer ≥ 1; got 0.
 * ```
 */
export function validateRunSpec(value: unknown, where = 'validateRunSpec'): RunSpec {
  if (!isRecord(value)) throw new InvalidArgumentError(where, 'run', 'must be an object { kind, settings }', value);
  for (const key of Object.keys(value)) {
    if (key !== 'kind' && key !== 'settings')
      throw new InvalidArgumentError(where, key, 'is not a field of a run (its fields: kind, settings)', value[key]);
  }
  const kind = validateChoice(where, 'kind', value.kind, RUN_KINDS);
  const raw = value.settings;
  if (!isRecord(raw)) throw new InvalidArgumentError(where, 'settings', 'must be an object', raw);
  const definition = RUN_KIND_DEFINITIONS[kind];
  const settings: Record<string, SettingValue> = {};
  for (const [name, x] of Object.entries(raw)) {
    if (x !== undefined) settings[name] = checkRunSetting(where, kind, name, x); // (JSON has no undefined: an absent setting)
  }
  for (const [name, rule] of Object.entries(definition.settings)) {
    if (rule.required && settings[name] === undefined)
      throw new InvalidArgumentError(where, `settings.${name}`, `is required (${rule.doc})`, undefined);
  }
  // the rules above make the settings those of the kind; the cast names that type
  const spec = { kind, settings } as unknown as RunSpec;
  checkTogether(where, spec);
  return spec;
}

function checkTogether(where: string, spec: RunSpec): void {
  switch (spec.kind) {
    case 'critical-time':
      return RUN_KIND_DEFINITIONS[spec.kind].checkTogether(where, spec.settings);
    case 'trajectory':
      return RUN_KIND_DEFINITIONS[spec.kind].checkTogether(where, spec.settings);
    case 'training':
      return RUN_KIND_DEFINITIONS[spec.kind].checkTogether(where, spec.settings);
    case 'matrix-flow':
      return RUN_KIND_DEFINITIONS[spec.kind].checkTogether(where, spec.settings);
    case 'mode-training':
      return RUN_KIND_DEFINITIONS[spec.kind].checkTogether(where, spec.settings);
    default: {
      const never: never = spec;
      return never;
    }
  }
}
