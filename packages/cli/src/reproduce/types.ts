/**
 * The shape of one reproduced result: how it is computed and what it writes.
 * @module
 */
import type { Table } from './toCsv.js';

/**
 * A vega-lite specification as plain JSON. vega-lite validates it when compiling
 * (see renderFigure); its TypeScript types are too narrow for specs built from data.
 */
export type FigureSpec = Record<string, unknown>;

/** Settings shared by every result. */
export interface ReproduceConfig {
  /**
   * Reduced grids and shorter training runs, for tests: the same claims on less
   * data. The full run is what the README's command produces.
   */
  quick: boolean;
}

/** What a result may ask of the run while it computes. */
export interface ResultContext {
  /** The run's settings. */
  config: ReproduceConfig;
  /**
   * Called between units of work: advances the progress bar by one unit and yields
   * to the event loop, so Ctrl-C is noticed; throws {@link InterruptedError} once it was pressed.
   */
  step(label: string): Promise<void>;
}

/** What a result produces; the runner writes it as `<id>.json`, `<id>.csv`, `<id>.svg`, `<id>.png`. */
export interface ResultArtifacts {
  /** The full data, as one JSON document (inputs, conventions, computed values, claims). */
  data: Record<string, unknown>;
  /** The figure's data as a flat table. */
  table: Table;
  /** The figure, as a vega-lite specification (JSON). */
  figure: FigureSpec;
  /** One line for summary.md: the result's claim in words, with its numbers. */
  summary: string;
}

/** One of the paper's results. */
export interface ResultDefinition {
  /** File stem, e.g. `3-depth-flip`. */
  id: string;
  /** Heading in summary.md. */
  title: string;
  /** Units of work reported through {@link ResultContext.step} (for the progress bar). */
  steps(config: ReproduceConfig): number;
  /** Computes the result; throws {@link UnavailableError} when a needed library API does not exist yet. */
  run(context: ResultContext): Promise<ResultArtifacts>;
}

/** The run was interrupted (Ctrl-C); every file written so far is complete. */
export class InterruptedError extends Error {
  constructor() {
    super('interrupted');
    this.name = 'InterruptedError';
  }
}

/**
 * A result cannot be computed because a library capability it needs is missing.
 * The result is then reported as absent, never faked.
 */
export class UnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnavailableError';
  }
}
