/**
 * The public view of the method registry.
 *
 * @module
 */

import type { MethodInfo } from './methodDefinition.js';
import { registeredMethods } from './methodRegistry.js';
import type { Method } from './methodRegistry.js';

/** A method's public description, its name typed as a {@link Method}. */
export interface SolverMethodInfo extends MethodInfo {
  readonly name: Method;
}

/**
 * The integration methods `solveIvp` accepts as `options.method` (besides `'auto'`),
 * with their orders, whether they are for stiff problems, and what they need. This
 * list is the source of every list of methods in the project (validation, the
 * command line's `--method` choices, the docs' method table).
 *
 * @returns one description per method, in the order messages list them.
 * @example
 * ```ts
 * solverMethods().map((m) => m.name); // => ['dopri5', 'dop853', 'odex', 'rodas4', 'bdf']
 * solverMethods().filter((m) => m.stiff).map((m) => m.name); // => ['rodas4', 'bdf']
 * solverMethods()[0].order; // => 5
 * ```
 */
export function solverMethods(): readonly SolverMethodInfo[] {
  return registeredMethods().map((m) => ({
    name: m.name,
    order: m.order,
    errorOrder: m.errorOrder,
    denseOrder: m.denseOrder,
    stiff: m.stiff,
    needs: m.needs,
    summary: m.summary,
  }));
}
