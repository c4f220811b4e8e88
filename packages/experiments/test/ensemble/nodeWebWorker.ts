/**
 * A Node worker thread dressed as a Web Worker (the four members webWorkerPoolExecutor uses),
 * so the browser pool runs in the tests on real threads. Not a test file.
 */
import { Worker } from 'node:worker_threads';
import type { WorkerLike } from '../../src/ensemble/workerProtocol.js';

export function nodeWebWorker(env: Record<string, string> = {}): WorkerLike {
  const worker = new Worker(new URL('./ensembleWorker.mjs', import.meta.url), { env: { ...process.env, ...env } });
  return {
    postMessage: (message) => worker.postMessage(message),
    addEventListener: (type, listener) => {
      if (type === 'message') worker.on('message', (data: unknown) => listener({ data }));
      else worker.on('error', (error: Error) => listener({ message: error.message }));
    },
    terminate: () => void worker.terminate(),
  };
}
