/**
 * The registry of integration methods: the one list from which the `Method` type,
 * `solveIvp`'s validation and dispatch, `method: 'auto'`'s partners, the command
 * line's `--method` choices, `criticalTime`'s non-stiff methods and the method
 * table of docs/solver.md (checked by a test) all derive. Adding a method is one
 * file and one entry in {@link BUILTIN_METHODS} (recipe in `stepper.ts`).
 *
 * @module
 */

import { BDF } from './bdf.js';
import { DOP853 } from './dop853.js';
import { DOPRI5 } from './dopri5.js';
import type { MethodDefinition } from './methodDefinition.js';
import { ODEX } from './odex.js';
import { RODAS4 } from './rodas4.js';

/** The built-in methods, in the order messages and tables list them. */
const BUILTIN_METHODS = {
  dopri5: DOPRI5,
  dop853: DOP853,
  odex: ODEX,
  rodas4: RODAS4,
  bdf: BDF,
};

/** The built-in names, each mapped to `true`. */
type BuiltinMethods = { readonly [K in keyof typeof BUILTIN_METHODS]: true };

/**
 * The names of the method registry, as the keys of an interface (each mapped to
 * `true`): its keys are the {@link Method} type. The built-in methods are its members;
 * a method registered at run time from outside the solver (tests, extensions) adds
 * its name by augmenting it:
 * `declare module '…/methodRegistry.js' { interface MethodRegistry { 'heun-euler': true } }`.
 */
export interface MethodRegistry extends BuiltinMethods {}

/** The name of an integration method of {@link solveIvp}: `'dopri5'`, `'dop853'`, `'odex'`, `'rodas4'` or `'bdf'`. */
export type Method = Extract<keyof MethodRegistry, string>;

/** `options.method` of {@link solveIvp}: a method, or `'auto'` (an explicit method that switches to a stiff one and back). */
export type MethodChoice = Method | 'auto';

/** The explicit method `'auto'` starts with unless told otherwise. */
export const AUTO_DEFAULT_NON_STIFF: Method = 'dopri5';
/** The stiff method `'auto'` switches to unless told otherwise (issue 11 may name RADAU5 or BDF here). */
export const AUTO_DEFAULT_STIFF: Method = 'rodas4';

const registry = new Map<string, MethodDefinition>(Object.entries(BUILTIN_METHODS));

/**
 * Adds a method to the registry (tests, and methods defined outside `src/solver/`).
 * @throws {Error} when the name is taken or is `'auto'`.
 */
export function registerMethod(definition: MethodDefinition): void {
  if (definition.name === 'auto' || registry.has(definition.name)) {
    throw new Error(`registerMethod: the method name '${definition.name}' is already taken.`);
  }
  registry.set(definition.name, definition);
}

/** The definition of a registered method, or undefined. */
export function methodDefinition(name: string): MethodDefinition | undefined {
  return registry.get(name);
}

/** A registered definition, its name typed as a {@link Method}. */
export type RegisteredMethod = MethodDefinition & { readonly name: Method };

/** Whether `name` is a registered method's name. */
export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && registry.has(name);
}

function isRegistered(definition: MethodDefinition): definition is RegisteredMethod {
  return isMethod(definition.name);
}

/** Every registered method, built-ins first, in registration order. */
export function registeredMethods(): readonly RegisteredMethod[] {
  return [...registry.values()].filter(isRegistered);
}
