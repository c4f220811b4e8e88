/**
 * The conversion between the two units of time.
 * @module
 */
import type { TimeUnit } from '@jepa-dynamics/core';

/**
 * Factor converting gradient-flow time t = kη to the requested unit: 1 for `'gradient-flow'`,
 * L for `'paper'` (τ = L·t, docs/math.md §2).
 *
 * @param timeUnit - `'gradient-flow'` or `'paper'`.
 * @param depth - encoder depth L (not validated).
 * @returns the factor that multiplies a gradient-flow time.
 * @example
 * ```ts
 * timeFactor('paper', 4); // => 4
 * timeFactor('gradient-flow', 4); // => 1
 * ```
 */
export function timeFactor(timeUnit: TimeUnit, depth: number): number {
  switch (timeUnit) {
    case 'gradient-flow':
      return 1;
    case 'paper':
      return depth;
    default: {
      const never: never = timeUnit;
      return never;
    }
  }
}
