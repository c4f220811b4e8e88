/**
 * The global scope of a dedicated worker, as much of it as the explorer's workers use (the
 * page's type library is the DOM's, not the WebWorker one).
 * @module
 */

/** `postMessage` and `addEventListener('message')` of a worker's global scope. */
export interface WorkerScope {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
}

/** This worker's scope. */
export const workerScope = globalThis as unknown as WorkerScope;
