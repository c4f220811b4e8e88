/**
 * The worker side of an ensemble's worker pool.
 *
 * @module
 */
import { InvalidArgumentError } from '@jepa-dynamics/core';
import { runOutcome, type RunOutcome } from './runOutcome.js';
import { validateRunSpec } from './validateRunSpec.js';
import type { OutcomeMessage, WorkerScope } from './workerProtocol.js';

/**
 * Makes a worker serve an ensemble's pool ({@link webWorkerPoolExecutor}): each message
 * `{ type: 'jepa-dynamics/run', index, run }` is validated as data (`validateRunSpec`; a run
 * that fails validation is answered as a failed outcome naming the rule), executed, and
 * answered with `{ type: 'jepa-dynamics/outcome', index, outcome }`. Messages of other types
 * are ignored. A Web Worker script is two lines:
 * `import { serveRuns } from '@jepa-dynamics/experiments'; serveRuns(self);`
 *
 * @param scope - the worker's global scope (or a thread's message port).
 * @returns nothing; the scope answers from now on.
 * @example
 * ```ts
 * // a scope that answers synchronously, to show the protocol
 * let listener = (event: { data: unknown }) => {};
 * const answers: unknown[] = [];
 * serveRuns({ addEventListener: (_type, l) => (listener = l), postMessage: (m) => answers.push(m) });
 * listener({ data: { type: 'jepa-dynamics/run', index: 4, run: { kind: 'critical-time', settings: { objective: 'mae', depth: 1, lambda: 1, rho: 1, epsilon: 2 } } } });
 * answers; // => [{ type: 'jepa-dynamics/outcome', index: 4, outcome: { ok: true, result: { t: [null], status: ["start-not-below-target"], uStar: [null], order: [] } } }]
 * ```
 */
export function serveRuns(scope: WorkerScope): void {
  scope.addEventListener('message', (event) => {
    const data = event.data;
    if (typeof data !== 'object' || data === null || (data as { type?: unknown }).type !== 'jepa-dynamics/run') return;
    const { index, run } = data as { index?: unknown; run?: unknown };
    if (typeof index !== 'number') return;
    let outcome: RunOutcome;
    try {
      outcome = runOutcome(validateRunSpec(run, 'worker'));
    } catch (error) {
      if (!(error instanceof InvalidArgumentError)) throw error;
      outcome = { ok: false, error: { name: error.name, message: error.message } };
    }
    const answer: OutcomeMessage = { type: 'jepa-dynamics/outcome', index, outcome };
    scope.postMessage(answer);
  });
}
