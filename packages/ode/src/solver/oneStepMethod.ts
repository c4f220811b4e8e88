/**
 * Builds the registry entry of a one-step method from its description and its
 * stepper and controller factories: the driver is the shared one-step loop.
 *
 * @module
 */

import type { MethodDefinition, MethodInfo, StiffnessTestFactory } from './methodDefinition.js';
import { runOneStepMethod, type OneStepParts } from './oneStepDriver.js';
import type { ControllerSettings } from './stepper.js';

/** Everything a one-step method states about itself (see `stepper.ts` for the recipe). */
export interface OneStepMethodSpec extends MethodInfo, OneStepParts {
  /** Defaults of the controller constants (Hairer's for the method). */
  readonly controllerDefaults: ControllerSettings;
  /** Explicit methods: the stability boundary `|hλ|` on the negative real axis. */
  readonly stabilityBoundary?: number;
  /** The method's stiffness detection (explicit methods: {@link hairerStiffnessTest}); none when omitted. */
  readonly stiffnessTest?: StiffnessTestFactory;
  /** Whether its stepper implements `eigenvalueEstimate` (required for the stiff method of `'auto'`). */
  readonly estimatesEigenvalues: boolean;
  /** The method's own rules on the tolerances, if any. */
  readonly validateTolerances?: (rtol: number, atol: Float64Array) => void;
}

/** The parts of every definition built by {@link oneStepMethod}. */
const ONE_STEP_PARTS = new WeakMap<MethodDefinition, OneStepParts>();

/**
 * The {@link MethodDefinition} of a one-step method: its description plus the
 * shared one-step driver bound to its stepper and controller.
 *
 * @param spec - the method's description, factories and stiffness strategy.
 * @returns the registry entry.
 */
export function oneStepMethod(spec: OneStepMethodSpec): MethodDefinition {
  const parts: OneStepParts = {
    hinitOrder: spec.hinitOrder,
    defaultFirstStep: spec.defaultFirstStep,
    reachesEnd: spec.reachesEnd,
    maxSingular: spec.maxSingular,
    createStepper: spec.createStepper,
    createController: spec.createController,
  };
  const definition: MethodDefinition = {
    name: spec.name,
    order: spec.order,
    errorOrder: spec.errorOrder,
    denseOrder: spec.denseOrder,
    stiff: spec.stiff,
    needs: spec.needs,
    summary: spec.summary,
    driver: { run: (setup, sink) => runOneStepMethod(parts, setup, sink) },
    controllerDefaults: spec.controllerDefaults,
    stabilityBoundary: spec.stabilityBoundary,
    stiffnessTest: spec.stiffnessTest,
    estimatesEigenvalues: spec.estimatesEigenvalues,
    validateTolerances: spec.validateTolerances,
  };
  ONE_STEP_PARTS.set(definition, parts);
  return definition;
}

/**
 * The one-step parts of a method defined with {@link oneStepMethod} (what `createIntegrator`
 * steps with), or undefined for a method with its own loop (`odex`, BDF).
 */
export function oneStepPartsOf(definition: MethodDefinition): OneStepParts | undefined {
  return ONE_STEP_PARTS.get(definition);
}
