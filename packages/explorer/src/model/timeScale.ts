/**
 * The factor from gradient-flow time to the time unit shown (docs/conventions.md).
 * @module
 */
import type { TimeUnit } from '@jepa-dynamics/core';

/**
 * Gradient-flow time t = kη is shown as is; the paper's time is τ = L·t.
 * @param unit - the unit shown.
 * @param depth - encoder depth L.
 * @returns the factor that multiplies a gradient-flow time.
 */
export function timeScale(unit: TimeUnit, depth: number): number {
  switch (unit) {
    case 'gradient-flow':
      return 1;
    case 'paper':
      return depth;
    default: {
      const never: never = unit;
      return never;
    }
  }
}
