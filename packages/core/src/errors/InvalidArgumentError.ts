/**
 * The error every jepa-dynamics library function throws for input that breaks a
 * documented rule, before any computation starts.
 *
 * @module
 */
import { formatValue } from './formatValue.js';

/**
 * Input that breaks a documented rule. The message names the function, the argument,
 * the rule and the offending value, e.g.
 * `solveIvp: invalid argument options.rtol: must be a positive finite number; got -1.`
 * The validators of `@jepa-dynamics/core` (`validatePositive`, `validateDepth`, …)
 * throw it with the project's one wording for each rule.
 *
 * @example
 * ```ts
 * const error = new InvalidArgumentError('criticalTime', 'epsilon', 'must be a positive finite number', -1);
 * error.message;
 * // => "criticalTime: invalid argument epsilon: must be a positive finite number; got -1."
 * [error.name, error.argument, error instanceof RangeError];
 * // => ["InvalidArgumentError", "epsilon", true]
 * ```
 */
export class InvalidArgumentError extends RangeError {
  /** The name of the offending argument, as the function documents it (e.g. `rtol`, `feature.lambda`). */
  readonly argument: string;
  /** The rule the value broke, as a phrase (e.g. `must be a positive finite number`). */
  readonly rule: string;
  /** The offending value. */
  readonly value: unknown;

  /**
   * @param where - the public function that rejected the input, e.g. `solveIvp`.
   * @param argument - the argument's documented name.
   * @param rule - the rule it broke, phrased to follow "must" / "is".
   * @param value - the offending value, shown in the message.
   */
  constructor(where: string, argument: string, rule: string, value: unknown) {
    super(`${where}: invalid argument ${argument}: ${rule}; got ${formatValue(value)}.`);
    this.name = 'InvalidArgumentError';
    this.argument = argument;
    this.rule = rule;
    this.value = value;
  }
}
