/**
 * The check behind every string union of the project.
 *
 * @module
 */
import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';

/**
 * Checks that a value is one of a fixed list of strings (a `const` array such as
 * {@link OBJECTIVES}), so the list that defines the type also defines the check and
 * the message. Cost O(choices).
 *
 * @param where - the public function doing the check (named in the error).
 * @param name - the argument's documented name.
 * @param value - the value to check.
 * @param choices - the allowed values, in the order the message lists them.
 * @returns the value, typed as one of the choices.
 * @throws {@link InvalidArgumentError} unless `value` is one of `choices`; the rule
 *   reads `must be 'a', 'b' or 'c'`.
 * @example
 * ```ts
 * validateChoice('solve', 'unit', 'paper', TIME_UNITS);
 * // => "paper"
 * validateChoice('solve', 'objective', 'vae', OBJECTIVES);
 * // => throws InvalidArgumentError: solve: invalid argument objective: must be 'jepa' or 'mae'; got "vae".
 * ```
 */
export function validateChoice<T extends string>(where: string, name: string, value: unknown, choices: readonly T[]): T {
  const found = choices.find((c) => c === value);
  if (found === undefined) throw new InvalidArgumentError(where, name, `must be ${listOfChoices(choices)}`, value);
  return found;
}

/** `'a'`, `'a' or 'b'`, `'a', 'b' or 'c'`. */
function listOfChoices(choices: readonly string[]): string {
  const quoted = choices.map((c) => `'${c}'`);
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}
