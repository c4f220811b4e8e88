/**
 * Validation of an encoder depth.
 *
 * @module
 */
import { validateInteger } from './validateInteger.js';

/**
 * Checks an encoder depth L: an integer ≥ 1, the rule of every package
 * (docs/conventions.md), and at most `maxDepth` when a function supports only a
 * range of depths (e.g. the certified derivations of `@jepa-dynamics/symbolic`,
 * depths 1 to its `MAX_DEPTH` = 12).
 *
 * @param where - the public function doing the check (named in the error).
 * @param depth - the value to check.
 * @param maxDepth - the largest supported depth; default none.
 * @returns the depth.
 * @throws `InvalidArgumentError` `… invalid argument depth: must be an integer ≥ 1; …`
 *   (or `must be an integer from 1 to maxDepth`) otherwise.
 * @example
 * ```ts
 * validateDepth('criticalTime', 4);
 * // => 4
 * validateDepth('criticalTime', 0);
 * // => throws InvalidArgumentError: criticalTime: invalid argument depth: must be an integer ≥ 1; got 0.
 * validateDepth('derive', 13, 12);
 * // => throws InvalidArgumentError: derive: invalid argument depth: must be an integer from 1 to 12; got 13.
 * ```
 */
export function validateDepth(where: string, depth: unknown, maxDepth?: number): number {
  return validateInteger(where, 'depth', depth, 1, maxDepth);
}
