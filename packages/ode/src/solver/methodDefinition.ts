/**
 * What the method registry holds: each method's description ({@link MethodInfo},
 * public) and what `solveIvp` needs to run it ({@link MethodDefinition}, internal).
 *
 * @module
 */

import type { Driver } from './driver.js';
import type { ControllerSettings } from './stepper.js';
import type { StiffnessDetector } from './stiffnessDetector.js';

/** An order: a number for fixed-order methods, `'variable'` for methods that adapt it (extrapolation, BDF). */
export type Order = number | 'variable';

/** What a method needs beyond `f`. */
export const METHOD_NEEDS = ['jacobian'] as const;

/**
 * One of {@link METHOD_NEEDS}:
 * - `'jacobian'`: uses ∂f/∂y, from `options.jacobian` or formed by finite differences.
 */
export type MethodNeed = (typeof METHOD_NEEDS)[number];

/** The public description of an integration method of {@link solveIvp}. */
export interface MethodInfo {
  /** Name, as passed in `options.method`. */
  readonly name: string;
  /** Order of the solution (`'variable'` for methods that adapt it). */
  readonly order: Order;
  /** Order of the embedded error estimate. */
  readonly errorOrder: Order;
  /** Order of the dense output (`sol`, `tEval`, events). */
  readonly denseOrder: Order;
  /** Whether the method is meant for stiff problems (implicit or Rosenbrock). */
  readonly stiff: boolean;
  /** What it needs beyond f. */
  readonly needs: readonly MethodNeed[];
  /** One line for tables and help: what it is. */
  readonly summary: string;
}

/** Builds a run's stiffness detector from the check period (`options.stiffnessCheck`). */
export type StiffnessTestFactory = (period: number) => StiffnessDetector;

/** A registry entry: the description and what running the method takes. */
export interface MethodDefinition extends MethodInfo {
  /** Its step loop. */
  readonly driver: Driver;
  /**
   * Defaults of the step controller's constants, which `options.safety`, `facMin`,
   * `facMax`, `beta` override; undefined for methods with their own controller
   * (they reject those options).
   */
  readonly controllerDefaults: ControllerSettings | undefined;
  /**
   * Explicit methods: the stability boundary `|hλ|` on the negative real axis
   * (3.25 DOPRI5, 6.1 DOP853). `method: 'auto'` switches back from its stiff method
   * when the steps become stable for the explicit one.
   */
  readonly stabilityBoundary: number | undefined;
  /**
   * Stiffness detection, a per-method strategy: the detector each run of the method
   * consults (explicit methods: Hairer's test); undefined when the method detects
   * nothing (stiff methods).
   */
  readonly stiffnessTest: StiffnessTestFactory | undefined;
  /**
   * Whether the method can report an eigenvalue estimate after each step, so that
   * `method: 'auto'` can use it as its stiff method and tell when stiffness ends.
   */
  readonly estimatesEigenvalues: boolean;
  /**
   * Optional: the method's own rules on the tolerances beyond `solveIvp`'s (RADAU5:
   * atol > 0 and rtol > 1e-15, as Hairer's code requires), checked by `solveIvp`
   * before any computation.
   * @throws {InvalidArgumentError} naming the option, the rule and the value.
   */
  readonly validateTolerances?: (rtol: number, atol: Float64Array) => void;
}
