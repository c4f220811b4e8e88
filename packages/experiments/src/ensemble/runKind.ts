/**
 * What a kind of run is: its settings, their rules, its computation and its columns.
 *
 * @module
 */
import type { SettingRule } from './settingRule.js';

/** One cell of a results table: a number, a string, a boolean, or empty (`null`). */
export type Cell = number | string | boolean | null;

/**
 * A kind of run of an ensemble (a critical time, a trajectory, a training run, a matrix
 * flow): everything the ensemble machinery needs to know about it, so that a new kind is
 * one file and one entry of `RUN_KIND_DEFINITIONS`.
 *
 * @typeParam Settings - the settings of one run (JSON data).
 * @typeParam Result - what one run computes (JSON data: finite numbers or null, strings, booleans, arrays, objects).
 */
export interface RunKindDefinition<Settings, Result> {
  /** The command of `jepa-dynamics` a sweep specification names for this kind (`critical-time`, `solve`, `simulate`, `matrix-flow`, `simulate-modes`). */
  readonly command: string;
  /** One sentence: what one run computes. */
  readonly description: string;
  /** The stems of the columns `columns` returns (`t` stands for `t` and `t_0`, `t_1`, … with several features). */
  readonly resultColumns: readonly string[];
  /** Every setting, with its rule; no other key is accepted. */
  readonly settings: Readonly<Record<string, SettingRule>>;
  /**
   * Rules that involve several settings (e.g. two of λ, ρ, σ², or `batchSize` needing
   * `samples`), checked after each setting passed its own rule.
   * @throws `InvalidArgumentError` naming `settings.<name>`.
   */
  checkTogether(where: string, settings: Settings): void;
  /**
   * Computes the run: deterministic given the settings (seeds included), so every executor
   * returns the same result. May throw what the library packages throw on a failed computation.
   */
  execute(settings: Settings): Result;
  /** The result's scalar summary as table cells (one row of `results.csv`), keyed by column name. */
  columns(settings: Settings, result: Result): Record<string, Cell>;
}
