/**
 * A sweep specification (the JSON file `jepa-dynamics sweep` reads) and its plan: the runs.
 *
 * @module
 */
import { InvalidArgumentError, validateChoice } from '@jepa-dynamics/core';
import { axisValues, type AxisSpec } from './axisValues.js';
import { ensembleRuns } from './ensembleRuns.js';
import { randomVariations, type RandomRange } from './randomVariations.js';
import { RUN_KIND_DEFINITIONS } from './runKindDefinitions.js';
import { RUN_KINDS, type RunKind, type RunSpec } from './runSpec.js';
import type { SettingValue } from './settingRule.js';
import { checkRunSetting, settingRule } from './validateRunSpec.js';
import { gridVariations, listVariations, productVariations, type Variations } from './variations.js';

/**
 * The commands a sweep can run, each a run kind: `critical-time` (kind `critical-time`),
 * `solve` (`trajectory`), `simulate` (`training`), `matrix-flow` (`matrix-flow`), `simulate-modes`
 * (`mode-training`).
 *
 * @example
 * ```ts
 * SWEEP_COMMANDS; // => ["critical-time", "solve", "simulate", "matrix-flow", "simulate-modes"]
 * ```
 */
export const SWEEP_COMMANDS = RUN_KINDS.map((kind) => RUN_KIND_DEFINITIONS[kind].command);

/**
 * Most runs one sweep may hold (a phase diagram of millions of critical times is one `criticalTimeBatch` call instead).
 *
 * @example
 * ```ts
 * MAX_SWEEP_RUNS; // => 1000000
 * ```
 */
export const MAX_SWEEP_RUNS = 1_000_000;

/** A figure a sweep draws at the end from its table of results (settings and result columns). */
export interface SweepFigure {
  /** `'heatmap'`: `color` (averaged over the runs of a cell) on a grid of `x` × `y`; `'line'`: `y` (averaged over runs sharing `x` and `color`) against `x`, one line per `color`. */
  type: 'heatmap' | 'line';
  /** Column on the horizontal axis. */
  x: string;
  /** Column on the vertical axis. */
  y: string;
  /** Heatmap: the colour's column (required); line: the column that tells lines apart (optional). */
  color?: string;
  /** Scale of x (line plots): `'linear'` (default) or `'log'`. */
  xScale?: 'linear' | 'log';
  /** Scale of y (line plots) or of the colour (heatmaps): `'linear'` (default) or `'log'`. */
  yScale?: 'linear' | 'log';
}

/**
 * A sweep specification, as JSON:
 * ```json
 * { "name": "seed study", "command": "simulate",
 *   "settings": { "objective": "jepa", "depth": 4, "features": [{ "lambda": 1, "rho": 1 }], "epsilon": 1e-3, "lr": 0.05, "steps": 2000, "init": "random" },
 *   "axes": { "seed": "0..199", "depth": [2, 4] },
 *   "figure": { "type": "line", "x": "seed", "y": "maxDeviation", "color": "depth" } }
 * ```
 * The runs are every combination of the `axes` (a grid: lists, ranges `{from, to, count, scale}`,
 * integer ranges `"a..b"`; `seeds` is another name for `seed`), each `list` entry and each
 * `random` draw, over the fixed `settings`.
 */
export interface SweepSpec {
  /** A title for the summary and the figure. */
  name?: string;
  /** The command each run is: one of {@link SWEEP_COMMANDS}. */
  command: string;
  /** Settings every run shares, named as the command's flags (camelCase: `tEnd`, `lr`, …). */
  settings?: Record<string, SettingValue>;
  /** A grid: for each varied setting, its values. */
  axes?: Record<string, AxisSpec>;
  /** Explicit runs: each entry's settings (combined with every grid point). */
  list?: Record<string, SettingValue>[];
  /** Seeded random draws of settings (combined with every grid point and list entry). */
  random?: { seed: number; count: number; ranges: Record<string, RandomRange> };
  /** A figure drawn at the end. */
  figure?: SweepFigure;
}

/** What a sweep specification expands to. */
export interface SweepPlan {
  /** The specification's name, or the command's. */
  name: string;
  /** The command. */
  command: string;
  /** Its run kind. */
  kind: RunKind;
  /** Every run, in index order (the first axis varying slowest), each validated. */
  runs: RunSpec[];
  /** The settings that vary, in order (grid axes, then list, then random). */
  varied: string[];
  /** The fixed settings. */
  fixed: string[];
  /** The figure to draw, if any. */
  figure: SweepFigure | null;
}

const SPEC_FIELDS = ['name', 'command', 'settings', 'axes', 'list', 'random', 'figure'] as const;

function record(where: string, name: string, value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new InvalidArgumentError(where, name, 'must be an object', value);
  return value as Record<string, unknown>;
}

/**
 * Reads a sweep specification (see {@link SweepSpec}): checks every field, naming it in the
 * error (`command`, `settings.depth`, `axes.epsilon.count`, `axes.depth[2]`, `list[1].lr`,
 * `random.ranges.lambda.to`, `figure.y`, or `runs[7].settings.batchSize` for a rule between
 * settings), and expands it to its runs.
 *
 * @param value - the parsed JSON.
 * @param where - the name errors start with; default `sweep`.
 * @returns the plan: runs, varied and fixed settings, figure.
 * @throws `InvalidArgumentError` naming the field and the rule.
 * @example
 * ```ts
 * const plan = readSweepSpec({
 *   command: 'critical-time',
 *   settings: { objective: 'jepa', lambda: 1, rho: 1 },
 *   axes: { depth: [1, 2], epsilon: { from: 1e-4, to: 1e-2, count: 3, scale: 'log' } },
 * });
 * [plan.kind, plan.runs.length, plan.varied, plan.runs[5].settings]; // => ["critical-time", 6, ["depth", "epsilon"], { objective: "jepa", lambda: 1, rho: 1, depth: 2, epsilon: 0.01 }]
 * readSweepSpec({ command: 'simulate', settings: { objective: 'jepa' }, axes: { depth: [1, 'two'] } });
 * // => throws InvalidArgumentError: sweep: invalid argument axes.depth[1]: must be an integer ≥ 1; got "two".
 * ```
 */
export function readSweepSpec(value: unknown, where = 'sweep'): SweepPlan {
  const spec = record(where, 'specification', value);
  for (const key of Object.keys(spec)) {
    if (!(SPEC_FIELDS as readonly string[]).includes(key)) {
      throw new InvalidArgumentError(
        where,
        key,
        `is not a field of a sweep specification (its fields: ${SPEC_FIELDS.join(', ')})`,
        spec[key],
      );
    }
  }
  const command = validateChoice(where, 'command', spec.command, SWEEP_COMMANDS);
  const kind = RUN_KINDS[SWEEP_COMMANDS.indexOf(command)];
  const name = spec.name === undefined ? command : spec.name;
  if (typeof name !== 'string' || name.length > 200)
    throw new InvalidArgumentError(where, 'name', 'must be a string of at most 200 characters', name);

  const settings: Record<string, SettingValue> = {};
  for (const [key, x] of Object.entries(spec.settings === undefined ? {} : record(where, 'settings', spec.settings))) {
    settings[key] = checkRunSetting(where, kind, key, x);
  }
  const parts: Variations[] = [];
  const fixedToo = (argument: string, setting: string): void => {
    if (setting in settings) throw new InvalidArgumentError(where, argument, 'is also fixed in settings: give it in one place', setting);
  };
  if (spec.axes !== undefined) {
    const axes: Record<string, SettingValue[]> = {};
    for (const [key, axis] of Object.entries(record(where, 'axes', spec.axes))) {
      const setting = key === 'seeds' ? 'seed' : key;
      fixedToo(`axes.${key}`, setting);
      if (setting in axes) throw new InvalidArgumentError(where, `axes.${key}`, `names the setting ${setting} twice`, key);
      settingRule(where, kind, setting, `axes.${key}`); // the name first: an unknown setting reads better than a bad value
      axes[setting] = axisValues(axis as AxisSpec, where, `axes.${key}`).map((x, i) =>
        checkRunSetting(where, kind, setting, x, `axes.${key}[${i}]`),
      );
    }
    if (Object.keys(axes).length > 0) parts.push(gridVariations(axes));
  }
  if (spec.list !== undefined) {
    if (!Array.isArray(spec.list) || spec.list.length === 0)
      throw new InvalidArgumentError(where, 'list', 'must be a non-empty array of settings objects', spec.list);
    const list = spec.list.map((entry: unknown, i) => {
      const checked: Record<string, SettingValue> = {};
      for (const [key, x] of Object.entries(record(where, `list[${i}]`, entry))) {
        fixedToo(`list[${i}].${key}`, key);
        checked[key] = checkRunSetting(where, kind, key, x, `list[${i}].${key}`);
      }
      return checked;
    });
    parts.push(listVariations(list));
  }
  if (spec.random !== undefined) {
    const random = record(where, 'random', spec.random);
    for (const key of Object.keys(random)) {
      if (!['seed', 'count', 'ranges'].includes(key))
        throw new InvalidArgumentError(where, `random.${key}`, 'is not a field of random (seed, count, ranges)', random[key]);
    }
    const ranges = record(where, 'random.ranges', random.ranges);
    for (const [key, range] of Object.entries(ranges)) {
      fixedToo(`random.ranges.${key}`, key);
      settingRule(where, kind, key, `random.ranges.${key}`);
      const r = record(where, `random.ranges.${key}`, range);
      for (const end of ['from', 'to'] as const) checkRunSetting(where, kind, key, r[end], `random.ranges.${key}.${end}`);
    }
    try {
      parts.push(
        randomVariations({ seed: random.seed as number, count: random.count as number, ranges: ranges as Record<string, RandomRange> }),
      );
    } catch (error) {
      if (error instanceof InvalidArgumentError) throw new InvalidArgumentError(where, `random.${error.argument}`, error.rule, error.value);
      throw error;
    }
  }
  let variations: Variations;
  try {
    variations = productVariations(...parts);
  } catch (error) {
    if (error instanceof InvalidArgumentError)
      throw new InvalidArgumentError(
        where,
        'axes',
        `vary the setting ${String(error.value)} in two places (axes, list, random)`,
        error.value,
      );
    throw error;
  }
  if (variations.count > MAX_SWEEP_RUNS) {
    throw new InvalidArgumentError(
      where,
      'axes',
      `must give at most ${MAX_SWEEP_RUNS} runs in all (for more critical times, call criticalTimeBatch)`,
      variations.count,
    );
  }
  const runs = ensembleRuns({ kind, settings } as unknown as RunSpec, variations, where);
  const varied = [...variations.names];
  const fixed = Object.keys(settings);
  const figure = spec.figure === undefined ? null : readFigure(where, kind, spec.figure, [...fixed, ...varied]);
  return { name, command, kind, runs, varied, fixed, figure };
}

function readFigure(where: string, kind: RunKind, value: unknown, settingNames: readonly string[]): SweepFigure {
  const f = record(where, 'figure', value);
  for (const key of Object.keys(f)) {
    if (!['type', 'x', 'y', 'color', 'xScale', 'yScale'].includes(key)) {
      throw new InvalidArgumentError(where, `figure.${key}`, 'is not a field of a figure (type, x, y, color, xScale, yScale)', f[key]);
    }
  }
  const type = validateChoice(where, 'figure.type', f.type, ['heatmap', 'line'] as const);
  const stems = RUN_KIND_DEFINITIONS[kind].resultColumns;
  const column = (field: 'x' | 'y' | 'color', required: boolean): string | undefined => {
    const name = f[field];
    if (name === undefined && !required) return undefined;
    const known = (n: string): boolean => settingNames.includes(n) || stems.some((s) => n === s || new RegExp(`^${s}_\\d+$`).test(n));
    if (typeof name !== 'string' || !known(name)) {
      throw new InvalidArgumentError(
        where,
        `figure.${field}`,
        `must name a column: a setting (${settingNames.join(', ')}) or a result column (${stems.join(', ')}, with _0, _1, … for several features)`,
        name,
      );
    }
    return name;
  };
  const x = column('x', true) ?? '';
  const y = column('y', true) ?? '';
  const color = column('color', type === 'heatmap');
  const scale = (field: 'xScale' | 'yScale'): 'linear' | 'log' =>
    validateChoice(where, `figure.${field}`, f[field] ?? 'linear', ['linear', 'log'] as const);
  return { type, x, y, ...(color === undefined ? {} : { color }), xScale: scale('xScale'), yScale: scale('yScale') };
}
