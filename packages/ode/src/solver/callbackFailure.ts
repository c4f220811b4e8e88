/**
 * How a user callback's failure travels from deep inside a step to the orchestrator:
 * the right-hand side, the Jacobian, an event function or the clock-restart measure
 * threw (or an event function returned a non-finite value). The run ends there with
 * status `'f-error'`, the time reached, the partial result and the original error as
 * the result's `cause`, instead of the raw exception losing everything computed.
 *
 * @module
 */

import { formatTime } from './statusMessage.js';

/** Thrown (internally) when a user callback fails; caught by the drivers and by `integrate`. */
export class CallbackFailure {
  /**
   * @param description - what failed, as a clause: `f threw "boom" at t = 0.51`.
   * @param cause - the original error (or an `InvalidArgumentError` stating the broken rule).
   */
  constructor(
    readonly description: string,
    readonly cause: unknown,
  ) {}
}

/** The text of a thrown value, for messages. */
function thrownText(e: unknown): string {
  return JSON.stringify(e instanceof Error ? e.message : String(e));
}

/** The failure of callback `name` (e.g. `f`, `options.jacobian`) that threw `e` when called at time `t`. */
export function failureOf(name: string, t: number, e: unknown): CallbackFailure {
  return new CallbackFailure(`${name} threw ${thrownText(e)} at t = ${formatTime(t)}`, e);
}

/**
 * A callback `(t, …) => …` whose throw becomes a {@link CallbackFailure} naming it (for
 * `jvp`, `psolve`, `psetup`: what they return and write is checked where they are called,
 * so the wrapper passes the return value on).
 */
export function throwingAsFailure<A extends [number, ...unknown[]], R>(name: string, fn: (...args: A) => R): (...args: A) => R {
  return (...args: A): R => {
    try {
      return fn(...args);
    } catch (e) {
      throw failureOf(name, args[0], e);
    }
  };
}
