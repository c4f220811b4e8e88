/**
 * The check that an options object holds no key its function does not read.
 *
 * @module
 */
import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { closestName } from './closestName.js';

/**
 * Rejects an options object with a key that is not one of `known`, so that a typo
 * (`max_step`, `rtols`) fails loudly instead of being ignored. The error names the key
 * and suggests the closest valid name ({@link closestName}), or lists them all when
 * none is close. Keys whose value is `undefined` are ignored (spreading optional
 * settings is common). Cost O(keys · known).
 *
 * @param where - the public function doing the check (named in the error).
 * @param name - the documented name of the options argument, e.g. `options`.
 * @param value - the options object (own enumerable string keys are checked).
 * @param known - the valid keys, in the order the message lists them.
 * @throws {@link InvalidArgumentError} naming `name.key` for the first unknown key.
 * @example
 * ```ts
 * validateKnownKeys('solveIvp', 'options', { rtol: 1e-8 }, ['rtol', 'atol', 'maxStep']); // no error
 * validateKnownKeys('solveIvp', 'options', { max_step: 0.1 }, ['rtol', 'atol', 'maxStep']);
 * // => throws InvalidArgumentError: options.max_step: is not an option of solveIvp (did you mean 'maxStep'?)
 * ```
 */
export function validateKnownKeys(where: string, name: string, value: object, known: readonly string[]): void {
  for (const key of Object.keys(value)) {
    if (known.includes(key) || (value as Record<string, unknown>)[key] === undefined) continue;
    const suggestion = closestName(key, known);
    const rule =
      suggestion === undefined
        ? `is not an option of ${where} (the options are ${known.map((k) => `'${k}'`).join(', ')})`
        : `is not an option of ${where} (did you mean '${suggestion}'?)`;
    throw new InvalidArgumentError(where, `${name}.${key}`, rule, (value as Record<string, unknown>)[key]);
  }
}
