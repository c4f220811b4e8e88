/**
 * The names of the options of {@link solveIvp} and of its nested option objects, for
 * rejecting unknown keys (`max_step`, `rtols`) instead of ignoring them. Each list is
 * checked by the compiler against its interface (`satisfies Record<keyof …, true>`):
 * a new option that is not added here fails to compile, so it can never be rejected as
 * unknown.
 *
 * @module
 */

import type { AutoSwitchOptions, ClockRestartOptions, EventFunction, GmresOptions, JacobianBandwidth, SolveOptions } from './types.js';

const SOLVE_OPTIONS = {
  method: true,
  autoSwitch: true,
  rtol: true,
  atol: true,
  firstStep: true,
  maxStep: true,
  maxSteps: true,
  tEval: true,
  dense: true,
  events: true,
  safety: true,
  facMin: true,
  facMax: true,
  beta: true,
  stiffnessCheck: true,
  clockRestart: true,
  jacobian: true,
  jacobianSparsity: true,
  bdfFormula: true,
  maxOrder: true,
  minOrder: true,
  linearSolver: true,
  jacobianBandwidth: true,
  jvp: true,
  psolve: true,
  psetup: true,
  gmres: true,
  params: true,
  onStep: true,
  signal: true,
  checkJacobian: true,
} as const satisfies Record<keyof SolveOptions<unknown>, true>;

/** Every key of `SolveOptions`, the common ones first (the order of "did you mean" ties and of the listing). */
export const SOLVE_OPTION_KEYS: readonly string[] = Object.keys(SOLVE_OPTIONS);

/** The keys of an event (`EventFunction`). */
export const EVENT_KEYS: readonly string[] = Object.keys({ g: true, direction: true, terminal: true } as const satisfies Record<
  keyof EventFunction<unknown>,
  true
>);

/** The keys of `options.autoSwitch`. */
export const AUTO_SWITCH_KEYS: readonly string[] = Object.keys({ nonStiff: true, stiff: true } as const satisfies Record<
  keyof AutoSwitchOptions,
  true
>);

/** The keys of `options.gmres`. */
export const GMRES_KEYS: readonly string[] = Object.keys({ krylovDimension: true, maxRestarts: true } as const satisfies Record<
  keyof GmresOptions,
  true
>);

/** The keys of a band (`options.jacobianBandwidth`, and `jacobianSparsity` as a band). */
export const BANDWIDTH_KEYS: readonly string[] = Object.keys({ lower: true, upper: true } as const satisfies Record<
  keyof JacobianBandwidth,
  true
>);

/** The keys of `options.clockRestart` (as an object). */
export const CLOCK_RESTART_KEYS: readonly string[] = Object.keys({ measure: true, factor: true } as const satisfies Record<
  keyof ClockRestartOptions,
  true
>);
