/**
 * Errors shared by every jepa-dynamics package.
 *
 * Library functions throw {@link InvalidArgumentError} for input that breaks a
 * documented rule (before any computation starts) and {@link IntegrationError}
 * when a numerical integration cannot deliver the requested answer. Neither is
 * ever swallowed into a number.
 *
 * @module
 */

/**
 * Input that breaks a documented rule. The message names the argument, the rule
 * and the offending value, e.g.
 * `solveIvp: invalid argument rtol: must be a positive finite number; got -1.`
 *
 * @example
 * ```ts
 * const f = (_t: number, y: Float64Array, dydt: Float64Array): void => { dydt[0] = -y[0]; };
 * solveIvp(f, [0, 1], [1], { rtol: -1 });
 * // => throws InvalidArgumentError: rtol
 * const error = new InvalidArgumentError('criticalTime', 'epsilon', 'must be a positive finite number', -1);
 * error.message;
 * // => "criticalTime: invalid argument epsilon: must be a positive finite number; got -1."
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

/**
 * A numerical integration ended before delivering what was asked (step-size
 * underflow, step limit, non-finite values, stiffness). Carries the time reached,
 * so the failure is never mistaken for a result.
 *
 * @example
 * ```ts
 * const error = new IntegrationError('solve: step size underflow at t = 3.5.', 'step-too-small', 3.5);
 * [error.name, error.status, error.tReached];
 * // => ["IntegrationError", "step-too-small", 3.5]
 * ```
 */
export class IntegrationError extends Error {
  /** Why the integration stopped (a solver status other than success). */
  readonly status: string;
  /** The time reached when it stopped, in the caller's time unit. */
  readonly tReached: number;

  /**
   * @param message - one sentence saying what failed, including the time reached.
   * @param status - the solver status that ended the run.
   * @param tReached - the last time reached.
   */
  constructor(message: string, status: string, tReached: number) {
    super(message);
    this.name = 'IntegrationError';
    this.status = status;
    this.tReached = tReached;
  }
}

/**
 * Formats a value for an error message: numbers as JavaScript prints them, strings
 * quoted, arrays (and typed arrays) abbreviated after six items.
 *
 * @param value - any value.
 * @returns a short, unambiguous rendering of it.
 * @example
 * ```ts
 * formatValue('abc');
 * // => "\"abc\""
 * formatValue([1, 2, 3, 4, 5, 6, 7, 8]);
 * // => "[1, 2, 3, 4, 5, 6, … (8 items)]"
 * formatValue(Number.NaN);
 * // => "NaN"
 * ```
 */
export function formatValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value === undefined || value === null) return String(value);
  if (ArrayBuffer.isView(value) || Array.isArray(value)) {
    const items = Array.from(value as ArrayLike<unknown>);
    const shown = items.slice(0, 6).map((v) => formatValue(v)).join(', ');
    return `[${shown}${items.length > 6 ? `, … (${items.length} items)` : ''}]`;
  }
  if (typeof value === 'function') return 'a function';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
