/**
 * A {@link ProductTeam} of Node worker threads: the host end of core's product teams
 * (packages/core/src/linalg/productTeam.ts), for `simulate --threads` and the bench.
 *
 * @module
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { createProductTeam, type ProductTeam } from '@jepa-dynamics/core';

/** A team whose helper threads this process started; {@link NodeProductTeam.close} stops them. */
export interface NodeProductTeam extends ProductTeam {
  /** Stops the helper threads. The team must not be used afterwards. */
  close(): Promise<void>;
}

/**
 * Starts `helpers` worker threads that serve bands of large products for workspaces
 * created with `team` (see core's `createMatrixWorkspace`); with one helper, products of
 * at least `TEAM_PRODUCT_VOLUME` multiply-adds use two cores. Each helper loads
 * `@jepa-dynamics/core` as Node resolves it from here and passes its messages to
 * `serveProductHelper`. The threads do not keep the process alive (`unref`); a helper
 * waits in `Atomics.wait` between products and polls for a moment after each, so an
 * idle team costs no CPU.
 *
 * @param helpers - integer ≥ 1.
 * @param timeoutMs - how long a product or the attaching of a memory waits for a helper
 *   before it throws; default 30 000 ms.
 * @returns the team.
 * @throws `InvalidArgumentError` (from `createProductTeam`) when `helpers` is not an integer ≥ 1.
 * @example
 * ```ts
 * const team = startNodeProductTeam(1);
 * team.helpers; // => 1
 * // then: train({ …, team }); await team.close();
 * await team.close();
 * ```
 */
export function startNodeProductTeam(helpers: number, timeoutMs = 30000): NodeProductTeam {
  const workers: Worker[] = [];
  const team = createProductTeam({
    helpers,
    timeoutMs,
    post: (index, message) => {
      workers[index].postMessage(message);
    },
  });
  // core as Node resolves it (its build), whether this module runs from dist or, under a test runner, from source
  const core = pathToFileURL(createRequire(import.meta.url).resolve('@jepa-dynamics/core')).href;
  // dynamic imports only: the source must run as CommonJS and as an ES module alike, because an eval'd
  // worker takes its module type from the process's flags (`node --input-type=module -e …`)
  const source = `Promise.all([import('node:worker_threads'), import(${JSON.stringify(core)})]).then(([{ parentPort }, { serveProductHelper }]) => {
    parentPort.on('message', (m) => { serveProductHelper(m); });
  });`;
  for (let h = 0; h < team.helpers; h++) {
    const worker = new Worker(source, { eval: true });
    worker.unref();
    workers.push(worker);
  }
  return {
    helpers: team.helpers,
    attach: team.attach,
    run: team.run,
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
