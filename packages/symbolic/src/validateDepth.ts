import { InvalidArgumentError } from '@jepa-dynamics/ode';

/** The depths the derivation supports: every CAS call was measured to finish in bounded time for L ≤ 12. */
export const MAX_DEPTH = 12;

/**
 * Checks an encoder depth L against the supported range 1…{@link MAX_DEPTH}.
 *
 * @param where - the public function doing the check (named in the error).
 * @param depth - the depth L.
 * @returns the depth.
 * @throws {InvalidArgumentError} unless `depth` is an integer from 1 to 12.
 * @example
 * validateDepth('derive', 4); // => 4
 */
export function validateDepth(where: string, depth: unknown): number {
  if (typeof depth !== 'number' || !Number.isInteger(depth) || depth < 1 || depth > MAX_DEPTH) {
    throw new InvalidArgumentError(where, 'depth', `must be an integer from 1 to ${MAX_DEPTH} (the depths whose derivation is certified)`, depth);
  }
  return depth;
}
