/**
 * The conversion between the two units of time.
 * @module
 */
import type { TimeUnit } from '@jepa-dynamics/core';

/** Factor converting gradient-flow time to the requested unit: τ = L·t for `'paper'`. */
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
