/**
 * The right-hand side as every driver and stepper calls it: counted, and on the
 * local clock of the current segment (see the `clockRestart` option).
 *
 * @module
 */

import { failureOf } from './callbackFailure.js';
import { firstRhsCall } from './firstRhsCall.js';
import type { RhsFunction } from './types.js';

/**
 * The user's `f` with an evaluation counter (Hairer's NFCN counts exactly these
 * calls) and a clock origin: steppers pass local times τ, `f` receives `origin + τ`.
 * Without clock restarts the origin is 0 and local time is absolute time.
 * The first call is checked for misuse (see `firstRhsCall.ts`), and a throw of `f` becomes a
 * `CallbackFailure` (the run ends with status `'f-error'`).
 */
export class CountedRhs {
  /** Number of evaluations so far. */
  count = 0;
  /** Absolute time of local time 0 (set by the driver at each clock restart). */
  origin = 0;

  private checked = false;

  /** @param f - the user's right-hand side. */
  constructor(private readonly f: RhsFunction) {}

  /** Evaluates `f(origin + t, y)` into `dydt` and counts the call. */
  eval(t: number, y: Float64Array, dydt: Float64Array): void {
    this.count++;
    if (!this.checked) {
      this.checked = true;
      firstRhsCall(this.f, this.origin + t, y, dydt);
      return;
    }
    try {
      this.f(this.origin + t, y, dydt);
    } catch (e) {
      throw failureOf('f', this.origin + t, e);
    }
  }
}

/**
 * What `Stepper.start` does with f(t0, y0): copies `known` into `out` when the caller
 * has it (after a method switch), otherwise evaluates it.
 */
export function startDerivative(rhs: CountedRhs, t0: number, y0: Float64Array, out: Float64Array, known: Float64Array | undefined): void {
  if (known === undefined) rhs.eval(t0, y0, out);
  else out.set(known);
}
