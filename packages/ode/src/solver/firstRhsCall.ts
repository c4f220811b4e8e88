/**
 * The checks of the first call of the user's right-hand side: the ways to use `f`
 * wrongly that would otherwise end in status `'success'` with a wrong answer.
 *
 * - `f` returns the derivative (scipy's `fun(t, y)` style) instead of writing it:
 *   dydt stays unwritten and the solver integrates garbage.
 * - `f` is `async`: it returns a Promise and writes (if at all) after the solver has
 *   read dydt.
 * - `y0` is longer than what `f` writes (a wrong `n`): the extra components keep
 *   whatever the buffer held.
 * - `f` reads dydt before writing it (`dydt[i] += …`), or writes into `y`.
 *
 * Unwritten components are found with sentinels: dydt is filled with NaN before the
 * call; a component still NaN afterwards was either not written or written as NaN, and
 * one diagnostic call with a second sentinel tells the two apart (a written NaN is left
 * to the solver's non-finite handling, which names it). Only the first call pays this;
 * the diagnostic call is made only when a NaN is seen, and is not counted in `nfev`.
 *
 * @module
 */

import { InvalidArgumentError } from '@jepa-dynamics/core';
import { failureOf } from './callbackFailure.js';
import { formatTime } from './statusMessage.js';
import type { RhsFunction } from './types.js';

const WHERE = 'solveIvp';
/** The second sentinel: a finite value no right-hand side produces by accident. */
const SENTINEL = -1.2345678901234567e-300;

function isThenable(v: unknown): boolean {
  return (typeof v === 'object' || typeof v === 'function') && v !== null && typeof (v as { then?: unknown }).then === 'function';
}

function shown(v: unknown): string {
  if (Array.isArray(v) || ArrayBuffer.isView(v)) return `[${Array.from(v as ArrayLike<unknown>, String).join(', ')}]`;
  return String(v);
}

/** `dydt[1], dydt[2]` (at most five, then `…`). */
function indexList(name: string, indices: number[]): string {
  const listed = indices.slice(0, 5).map((i) => `${name}[${i}]`);
  return indices.length > 5 ? `${listed.join(', ')}, … (${indices.length} in all)` : listed.join(', ');
}

/** Calls `f` once, converting a throw into a `CallbackFailure`; returns what it returned. */
function call(f: RhsFunction, t: number, y: Float64Array, dydt: Float64Array): unknown {
  try {
    return (f as (t: number, y: Float64Array, dydt: Float64Array) => unknown)(t, y, dydt);
  } catch (e) {
    throw failureOf('f', t, e);
  }
}

/**
 * The first evaluation of `f` at (t, y) into `dydt`, with the checks of the module comment.
 * @throws {InvalidArgumentError} (argument `f`) when `f` returned a value or a Promise, left a
 *   component of dydt unwritten, or modified `y`.
 * @throws {CallbackFailure} when `f` throws.
 */
export function firstRhsCall(f: RhsFunction, t: number, y: Float64Array, dydt: Float64Array): void {
  const n = dydt.length;
  const yBefore = y.slice();
  dydt.fill(Number.NaN);
  const returned = call(f, t, y, dydt);
  if (isThenable(returned)) {
    throw new InvalidArgumentError(
      WHERE,
      'f',
      'must write the derivative into dydt and return nothing, synchronously; it returned a Promise (an async function?), but solveIvp is synchronous and reads dydt as soon as f returns',
      f,
    );
  }
  if (returned !== undefined) {
    throw new InvalidArgumentError(
      WHERE,
      'f',
      `must write the derivative into dydt and return nothing (f(t, y, dydt) => { dydt[0] = …; }; a returned array is not read); it returned ${shown(returned)}`,
      f,
    );
  }
  for (let i = 0; i < n; i++) {
    if (y[i] !== yBefore[i] && !(Number.isNaN(y[i]) && Number.isNaN(yBefore[i]))) {
      throw new InvalidArgumentError(
        WHERE,
        'f',
        `must not modify y; on its first call it changed y[${i}] from ${yBefore[i]} to ${y[i]}`,
        f,
      );
    }
  }
  const nan: number[] = [];
  for (let i = 0; i < n; i++) if (Number.isNaN(dydt[i])) nan.push(i);
  if (nan.length === 0) return;
  // Tell an unwritten component from a NaN that f wrote: call again with another sentinel.
  const probe = new Float64Array(n).fill(SENTINEL);
  call(f, t, y.slice(), probe);
  // Still NaN: f writes NaN there. Anything else: the first NaN was the prefill, unwritten or read.
  const unwritten = nan.filter((i) => !Number.isNaN(probe[i]));
  if (unwritten.length === 0) return;
  throw new InvalidArgumentError(
    WHERE,
    'f',
    `must write every component of dydt (y0 has ${n} components); on its first call, at t = ${formatTime(t)}, it left ${indexList('dydt', unwritten)} unwritten (or read it before writing it). Is y0 longer than the system, or does f return the derivative instead of writing it?`,
    f,
  );
}
