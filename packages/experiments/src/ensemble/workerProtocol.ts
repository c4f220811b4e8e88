/**
 * The messages between an ensemble's pool and its workers (Web Workers or threads): data only.
 *
 * @module
 */
import type { RunOutcome } from './runOutcome.js';
import type { RunSpec } from './runSpec.js';

/** Pool → worker: execute run `index`. */
export interface RunMessage {
  readonly type: 'jepa-dynamics/run';
  readonly index: number;
  readonly run: RunSpec;
}

/** Worker → pool: the outcome of run `index`. */
export interface OutcomeMessage {
  readonly type: 'jepa-dynamics/outcome';
  readonly index: number;
  readonly outcome: RunOutcome;
}

/** The side of a worker that {@link serveRuns} talks through: a Web Worker's `self`, or a thread's port. */
export interface WorkerScope {
  addEventListener(type: 'message', listener: (event: { readonly data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

/** The side of a worker the pool holds: a Web `Worker` (or an adapter with the same four members). */
export interface WorkerLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message' | 'error', listener: (event: { readonly data?: unknown; readonly message?: unknown }) => void): void;
  terminate(): void;
}
