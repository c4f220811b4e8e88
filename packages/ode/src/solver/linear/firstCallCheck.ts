/**
 * The shape check of the user's linear-algebra callbacks (`jacobian`, `jvp`, `psolve`)
 * on their first call: they must write every entry of the preallocated output and
 * return nothing. A callback that returns a new array, writes a shorter vector or
 * leaves entries out would otherwise corrupt the Newton iteration silently.
 *
 * @module
 */

import { InvalidArgumentError } from '@jepa-dynamics/core';

/**
 * Prepares `out` for the check: fills it with NaN, so that an unwritten entry shows.
 *
 * @param out - the output array about to be handed to the callback.
 */
export function poisonOutput(out: Float64Array): void {
  out.fill(Number.NaN);
}

/**
 * Checks a first call: the callback returned nothing and wrote finite numbers into
 * every one of the `length` entries of `out`.
 *
 * @param name - the option, e.g. `'options.jvp'`.
 * @param returned - what the callback returned.
 * @param out - its output array (poisoned by {@link poisonOutput} before the call).
 * @param length - how many entries it must write.
 * @param what - what the entries are, e.g. `'∂f/∂y · v (n = 3 entries)'`.
 * @throws {@link InvalidArgumentError} naming the option and the first bad entry.
 * @example
 * ```ts
 * const out = new Float64Array(2);
 * poisonOutput(out);
 * out[0] = 1;
 * checkFirstCall('options.jvp', undefined, out, 2, 'J·v'); // => throws InvalidArgumentError: entry 1
 * ```
 */
export function checkFirstCall(name: string, returned: unknown, out: Float64Array, length: number, what: string): void {
  if (returned !== undefined) {
    const shape =
      returned !== null && typeof returned === 'object' && 'length' in returned
        ? `an array of length ${String(returned.length)}`
        : typeof returned;
    throw new InvalidArgumentError(
      'solveIvp',
      name,
      `must write ${what} into its preallocated output argument and return nothing, but it returned ${shape}`,
      returned,
    );
  }
  for (let i = 0; i < length; i++) {
    if (!Number.isFinite(out[i])) {
      throw new InvalidArgumentError(
        'solveIvp',
        name,
        `must write ${what}: every entry finite, but entry ${i} is ${Number.isNaN(out[i]) ? 'NaN or was not written' : String(out[i])} at the first call`,
        out[i],
      );
    }
  }
}
