/**
 * The shape of one reproducible result: its settings, its computation, and what is
 * shown of it (JSON document, CSV table, figure, summary sentence).
 * @module
 */
import type { EnsembleExecutor } from './ensemble/ensembleExecutor.js';
import type { FigureSpec } from './figureSpec.js';
import type { Progress } from './progress.js';
import type { RunMode } from './runMode.js';
import type { Table } from './table.js';

/**
 * One of the paper's results, computed by the library packages and shown four ways.
 *
 * `run` computes the data (every number, including the agreement checks between routes);
 * `document`, `table`, `figure` and `summary` only arrange and word that data, so a web
 * page and the command line that call them show the same results. `Settings` and `Data`
 * are plain JSON-compatible objects; `Data` holds the settings it was computed with.
 *
 * A generic runner sees an experiment as `Experiment<unknown, unknown>` and only passes
 * an experiment's own settings to its `run`, and its own data to the other four.
 *
 * @typeParam Settings - what the experiment computes: features, depths, grids, step sizes.
 * @typeParam Data - what `run` returns.
 * @typeParam Id - the experiment's id, a literal type.
 */
export interface Experiment<Settings, Data, Id extends string = string> {
  /** File stem of its outputs, e.g. `'3-depth-flip'`; unique among {@link EXPERIMENTS}. */
  readonly id: Id;
  /** Heading of its summary line. */
  readonly title: string;
  /** The settings of a quick or a full run (a new object each call). */
  settings(mode: RunMode): Settings;
  /** How many times `run` calls its {@link Progress} callback with these settings. */
  units(settings: Settings): number;
  /**
   * Computes the result. Awaits `progress` after each unit of work, so a caller can
   * yield or stop it there (by throwing from `progress`).
   * @throws whatever the library packages throw on a failed computation; {@link UnavailableError}
   *   when a capability it needs is missing; whatever `progress` throws.
   */
  run(settings: Settings, progress?: Progress, context?: ExperimentContext): Promise<Data>;
  /** The full data as one JSON document (description, conventions, settings, computed values): `<id>.json`. */
  document(data: Data): Record<string, unknown>;
  /** The figure's data as a flat table: `<id>.csv`. */
  table(data: Data): Table;
  /** The figure as a vega-lite specification (without the shared look, see {@link styledFigure}). */
  figure(data: Data): FigureSpec;
  /** One paragraph stating the result's claim with its numbers (a line of `summary.md`). */
  summary(data: Data): string;
}

/** Where an experiment's work runs; every field optional. */
export interface ExperimentContext {
  /**
   * Executes the experiment's ensembles of runs (e.g. result 8's seeds);
   * default serially in this thread ({@link serialExecutor}). The caller keeps ownership: the
   * experiment never closes it. The data are the same whichever executor runs them (runs are
   * deterministic and travel as JSON), only the time differs.
   */
  executor?: EnsembleExecutor;
}

/** Everything shown of one computed result. */
export interface ExperimentArtifacts {
  /** {@link Experiment.document}. */
  document: Record<string, unknown>;
  /** {@link Experiment.table}. */
  table: Table;
  /** {@link Experiment.figure}. */
  figure: FigureSpec;
  /** {@link Experiment.summary}. */
  summary: string;
}

/**
 * The four ways an experiment shows its data.
 * @param experiment - the experiment that computed `data`.
 * @param data - what its `run` returned.
 * @returns its document, table, figure and summary.
 * @example
 * ```ts
 * const e = EXPERIMENTS[5];
 * const settings = { ...e.settings('quick'), objectives: ['mae'], depths: [1], epsilonPoints: 2 };
 * const artifacts = experimentArtifacts(e, await e.run(settings));
 * artifacts.table.rows.length; // => 2
 * ```
 */
export function experimentArtifacts<Settings, Data>(experiment: Experiment<Settings, Data>, data: Data): ExperimentArtifacts {
  return {
    document: experiment.document(data),
    table: experiment.table(data),
    figure: experiment.figure(data),
    summary: experiment.summary(data),
  };
}
