/**
 * Variations of a template run: the settings that change from run to run.
 *
 * @module
 */
import { InvalidArgumentError } from '@jepa-dynamics/core';
import type { SettingValue } from './settingRule.js';

/**
 * A sequence of setting overrides, one per run, addressable by index (a grid of a million
 * points is never materialised): run i of an ensemble is the template's settings with
 * `at(i)` written over them.
 */
export interface Variations {
  /** Number of runs. */
  readonly count: number;
  /** The settings varied, in order. */
  readonly names: readonly string[];
  /**
   * The overrides of run `index` (0 ≤ index < count): a new object each call.
   * @throws `InvalidArgumentError` for an index out of range.
   */
  at(index: number): Record<string, SettingValue>;
}

/** Throws unless `index` is an integer in [0, count). Internal. */
export function checkVariationIndex(where: string, index: number, count: number): void {
  if (!Number.isSafeInteger(index) || index < 0 || index >= count) {
    throw new InvalidArgumentError(where, 'index', `must be an integer from 0 to ${count - 1}`, index);
  }
}

/**
 * Every combination of the parts' overrides (a Cartesian product), the first part varying
 * slowest: `product(grid(depth), seeds)` runs every seed at the first depth, then at the
 * second, and so on. The parts must vary different settings.
 *
 * @param parts - variations (none: the one empty override).
 * @returns their product; `count` is the product of the counts.
 * @throws `InvalidArgumentError` when two parts vary the same setting.
 * @example
 * ```ts
 * const v = productVariations(gridVariations({ depth: [1, 2] }), listVariations([{ seed: 7 }, { seed: 8 }]));
 * [v.count, v.at(1), v.at(2)]; // => [4, { depth: 1, seed: 8 }, { depth: 2, seed: 7 }]
 * ```
 */
export function productVariations(...parts: readonly Variations[]): Variations {
  const names = parts.flatMap((p) => p.names);
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate !== undefined) throw new InvalidArgumentError('productVariations', 'parts', 'must vary different settings', duplicate);
  const count = parts.reduce((c, p) => c * p.count, 1);
  return {
    count,
    names,
    at(index) {
      checkVariationIndex('productVariations', index, count);
      const out: Record<string, SettingValue> = {};
      let rest = index;
      for (let k = parts.length - 1; k >= 0; k--) {
        const part = parts[k];
        Object.assign(out, part.at(rest % part.count));
        rest = Math.floor(rest / part.count);
      }
      // in the order of names; a list entry that does not set a name leaves it out
      return Object.fromEntries(names.filter((n) => out[n] !== undefined).map((n) => [n, out[n]]));
    },
  };
}

/**
 * A grid: every combination of the axes' values, the first axis varying slowest (as nested
 * loops in the order the axes are written).
 *
 * @param axes - for each setting, its values (non-empty).
 * @returns the grid; `count` is the product of the axes' lengths.
 * @throws `InvalidArgumentError` for an axis that is not a non-empty array.
 * @example
 * ```ts
 * const g = gridVariations({ depth: [1, 2, 4], epsilon: [1e-3, 1e-2] });
 * [g.count, g.at(0), g.at(5)]; // => [6, { depth: 1, epsilon: 0.001 }, { depth: 4, epsilon: 0.01 }]
 * ```
 */
export function gridVariations(axes: Readonly<Record<string, readonly SettingValue[]>>): Variations {
  const names = Object.keys(axes);
  for (const name of names) {
    const values = axes[name];
    if (!Array.isArray(values) || values.length === 0) {
      throw new InvalidArgumentError('gridVariations', `axes.${name}`, 'must be a non-empty array of values', values);
    }
  }
  // a grid is the product of one list per axis
  return productVariations(...names.map((name) => listVariations(axes[name].map((value) => ({ [name]: value })))));
}

/**
 * An explicit list of overrides, one per run (each may set different settings).
 *
 * @param list - the overrides (non-empty).
 * @returns the list as variations; `names` is every setting any entry sets.
 * @throws `InvalidArgumentError` for an empty list or an entry that is not an object.
 * @example
 * ```ts
 * const l = listVariations([{ lambda: 1, rho: 3 }, { lambda: 2, rho: 1 }]);
 * [l.count, l.names, l.at(1)]; // => [2, ["lambda", "rho"], { lambda: 2, rho: 1 }]
 * ```
 */
export function listVariations(list: readonly Readonly<Record<string, SettingValue>>[]): Variations {
  if (!Array.isArray(list) || list.length === 0)
    throw new InvalidArgumentError('listVariations', 'list', 'must be a non-empty array of objects', list);
  list.forEach((entry, i) => {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      throw new InvalidArgumentError('listVariations', `list[${i}]`, 'must be an object of settings', entry);
    }
  });
  const names = [...new Set(list.flatMap((entry) => Object.keys(entry)))];
  return {
    count: list.length,
    names,
    at(index) {
      checkVariationIndex('listVariations', index, list.length);
      return { ...list[index] };
    },
  };
}
