/**
 * The explorer's state in a URL query, and back: a shared link reproduces the page.
 *
 * Keys: `given` (parametrization), `f` once per feature (`x_y`, the two given moments),
 * `obj` (`jepa`, `mae` or `jepa.mae`), `L`, `eps`, `p`, `time`, `A` and `B` (1-based rows of
 * the depth view), and the training run's `tobj`, `d`, `init`, `eta`, `steps`, `seed`
 * (`d` and `steps` absent for their automatic values). Numbers are written in JavaScript's
 * shortest round-trip form, so `decodeState(encodeState(s))` gives `s` back exactly.
 * @module
 */
import {
  INITIALIZATION_KINDS,
  OBJECTIVES,
  TIME_UNITS,
  validateChoice,
  validateEpsilon,
  validateFraction,
  validateInteger,
  validatePositive,
  type Objective,
} from '@jepa-dynamics/core';
import { MAX_EXPLORER_DEPTH, MAX_FEATURES, MAX_WIDTH, PARAMETRIZATIONS, type ExplorerState } from './explorerState.js';

/** The query string of a state (without `?`). */
export function encodeState(state: ExplorerState): string {
  const q = new URLSearchParams();
  q.set('given', state.given);
  for (const [x, y] of state.features) q.append('f', `${x}_${y}`);
  q.set('obj', state.objectives.join('.'));
  q.set('L', String(state.depth));
  q.set('eps', String(state.epsilon));
  q.set('p', String(state.fraction));
  q.set('time', state.timeUnit);
  q.set('A', String(state.pair[0] + 1));
  q.set('B', String(state.pair[1] + 1));
  const t = state.training;
  q.set('tobj', t.objective);
  if (t.width !== null) q.set('d', String(t.width));
  q.set('init', t.init);
  q.set('eta', String(t.learningRate));
  if (t.steps !== null) q.set('steps', String(t.steps));
  q.set('seed', String(t.seed));
  return q.toString();
}

/** What {@link decodeState} read, and what it had to ignore. */
export interface DecodedState {
  state: ExplorerState;
  /** One sentence per parameter that was present but invalid (its default was kept). */
  problems: string[];
}

/** A decimal number as the page reads it (no hex, no empty string). */
export function parseDecimal(text: string): number {
  return /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(text) ? Number(text) : Number.NaN;
}

/**
 * The state of a query string, every parameter validated; a missing parameter takes its
 * value from `defaults`, an invalid one too (and is reported in `problems`).
 * @param query - e.g. `location.search` (with or without `?`).
 * @param defaults - the state of a page opened without parameters.
 * @returns the state and the problems found.
 */
export function decodeState(query: string, defaults: ExplorerState): DecodedState {
  const q = new URLSearchParams(query);
  const problems: string[] = [];
  const where = 'URL';
  /** The parameter's parsed value, or the default if absent or invalid. */
  const read = <T>(key: string, fallback: T, parse: (text: string) => T): T => {
    const text = q.get(key);
    if (text === null) return fallback;
    try {
      return parse(text);
    } catch (error) {
      problems.push(`${key}=${text} ignored: ${error instanceof Error ? error.message : String(error)}`);
      return fallback;
    }
  };
  const integer = (name: string, min: number, max: number) => (text: string) => validateInteger(where, name, parseDecimal(text), min, max);

  const given = read('given', defaults.given, (t) => validateChoice(where, 'given', t, PARAMETRIZATIONS));
  let features = defaults.features.map((f): [number, number] => [f[0], f[1]]);
  const rows = q.getAll('f');
  if (rows.length > 0) {
    try {
      if (rows.length > MAX_FEATURES) throw new Error(`at most ${MAX_FEATURES} features`);
      features = rows.map((row, i) => {
        const parts = row.split('_').map(parseDecimal);
        if (parts.length !== 2 || !parts.every(Number.isFinite)) throw new Error(`feature ${i + 1} must be two finite decimal numbers x_y`);
        return [parts[0], parts[1]];
      });
    } catch (error) {
      problems.push(`f ignored: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const objectives = read('obj', [...defaults.objectives], (t) => {
    const names = t.split('.').map((o) => validateChoice(where, 'obj', o, OBJECTIVES));
    return OBJECTIVES.filter((o) => names.includes(o)) as Objective[];
  });
  const depth = read('L', defaults.depth, integer('L', 1, MAX_EXPLORER_DEPTH));
  const epsilon = read('eps', defaults.epsilon, (t) => validateEpsilon(where, parseDecimal(t)));
  const fraction = read('p', defaults.fraction, (t) => validateFraction(where, parseDecimal(t)));
  const timeUnit = read('time', defaults.timeUnit, (t) => validateChoice(where, 'time', t, TIME_UNITS));
  const n = features.length;
  const a = read('A', defaults.pair[0] + 1, integer('A', 1, Math.max(1, n))) - 1;
  const b = read('B', defaults.pair[1] + 1, integer('B', 1, Math.max(1, n))) - 1;
  const d = defaults.training;
  const training = {
    objective: read('tobj', d.objective, (t) => validateChoice(where, 'tobj', t, OBJECTIVES)),
    width: read('d', d.width, integer('d', Math.max(1, n), MAX_WIDTH)),
    init: read('init', d.init, (t) => validateChoice(where, 'init', t, INITIALIZATION_KINDS)),
    learningRate: read('eta', d.learningRate, (t) => validatePositive(where, 'eta', parseDecimal(t))),
    steps: read('steps', d.steps, integer('steps', 1, 1e9)),
    seed: read('seed', d.seed, integer('seed', 0, 4294967295)),
  };
  return {
    state: {
      given,
      features,
      objectives,
      depth,
      epsilon,
      fraction,
      timeUnit,
      pair: [Math.min(a, Math.max(0, n - 1)), Math.min(b, Math.max(0, n - 1))],
      training,
    },
    problems,
  };
}
