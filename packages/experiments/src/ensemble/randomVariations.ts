/**
 * Seeded random variations.
 *
 * @module
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { mersenne } from 'pure-rand/generator/mersenne';
import { InvalidArgumentError, validateChoice, validateFinite, validateInteger } from '@jepa-dynamics/core';
import { checkVariationIndex, type Variations } from './variations.js';

/** The interval one setting is drawn from. */
export interface RandomRange {
  /** Lower end. */
  from: number;
  /** Upper end (> from). */
  to: number;
  /** `'linear'` (default): uniform in [from, to); `'log'`: log-uniform (both ends > 0); `'integer'`: uniform on the integers from, …, to. */
  scale?: 'linear' | 'log' | 'integer';
}

/** Settings of {@link randomVariations}. */
export interface RandomVariationsOptions {
  /** Seed of the stream, an integer 0 … 2³² − 1. */
  seed: number;
  /** Number of runs (draws), integer ≥ 1. */
  count: number;
  /** The settings to draw and their ranges. */
  ranges: Readonly<Record<string, RandomRange>>;
}

/**
 * Seeded random variations: run i draws each setting in the order `ranges` lists them, from
 * one stream: pure-rand 8.4.2's `mersenne(seed)` (MT19937) read through its `uniformFloat64`
 * (a multiple of 2⁻⁵³ in [0, 1)), so the same seed gives the same runs on every machine, and
 * small neighbouring seeds give unrelated streams. Uniform u maps to `from + (to − from)u`
 * (linear), `from·(to/from)^u` (log) or `from + ⌊(to − from + 1)u⌋` (integer).
 * Cost: O(count × settings) at creation (the draws are made once).
 *
 * @param options - seed, count and the ranges.
 * @returns the variations.
 * @throws `InvalidArgumentError` naming the field for a bad seed, count or range.
 * @example
 * ```ts
 * const options = { seed: 1, count: 100, ranges: { epsilon: { from: 1e-6, to: 1e-2, scale: 'log' }, seed: { from: 0, to: 9, scale: 'integer' } } } as const;
 * const x = randomVariations(options).at(42);
 * x.epsilon >= 1e-6 && x.epsilon < 1e-2 && Number.isInteger(x.seed); // => true
 * randomVariations(options).at(42).epsilon === x.epsilon; // => true (the same seed, the same draws)
 * ```
 */
export function randomVariations(options: RandomVariationsOptions): Variations {
  const where = 'randomVariations';
  if (typeof options !== 'object' || options === null)
    throw new InvalidArgumentError(where, 'options', 'must be an object { seed, count, ranges }', options);
  const seed = validateInteger(where, 'seed', options.seed, 0, 4294967295);
  const count = validateInteger(where, 'count', options.count, 1, 10_000_000);
  const ranges = options.ranges;
  if (typeof ranges !== 'object' || ranges === null || Object.keys(ranges).length === 0) {
    throw new InvalidArgumentError(where, 'ranges', 'must be an object giving at least one setting its range', ranges);
  }
  const names = Object.keys(ranges);
  const checked = names.map((name) => {
    const r = ranges[name];
    if (typeof r !== 'object' || r === null)
      throw new InvalidArgumentError(where, `ranges.${name}`, 'must be an object { from, to, scale }', r);
    for (const key of Object.keys(r)) {
      if (!['from', 'to', 'scale'].includes(key))
        throw new InvalidArgumentError(
          where,
          `ranges.${name}.${key}`,
          'is not a field of a range (from, to, scale)',
          (r as unknown as Record<string, unknown>)[key],
        );
    }
    const from = validateFinite(where, `ranges.${name}.from`, r.from);
    const to = validateFinite(where, `ranges.${name}.to`, r.to);
    const scale = validateChoice(where, `ranges.${name}.scale`, r.scale ?? 'linear', ['linear', 'log', 'integer'] as const);
    if (!(to > from)) throw new InvalidArgumentError(where, `ranges.${name}.to`, `must be greater than from (${from})`, to);
    if (scale === 'log' && !(from > 0)) throw new InvalidArgumentError(where, `ranges.${name}.from`, 'must be > 0 on a log scale', from);
    if (scale === 'integer' && !(Number.isSafeInteger(from) && Number.isSafeInteger(to))) {
      throw new InvalidArgumentError(where, `ranges.${name}`, 'must have integer ends on an integer scale', `${from}..${to}`);
    }
    return { from, to, scale };
  });
  const rng = mersenne(seed);
  const draws = new Float64Array(count * names.length);
  for (let i = 0; i < draws.length; i++) {
    const u = uniformFloat64(rng);
    const { from, to, scale } = checked[i % names.length];
    switch (scale) {
      case 'linear':
        draws[i] = from + (to - from) * u;
        break;
      case 'log':
        draws[i] = from * Math.pow(to / from, u);
        break;
      case 'integer':
        draws[i] = from + Math.floor((to - from + 1) * u);
        break;
      default: {
        const never: never = scale;
        draws[i] = never;
      }
    }
  }
  return {
    count,
    names,
    at(index) {
      checkVariationIndex(where, index, count);
      return Object.fromEntries(names.map((n, k) => [n, draws[index * names.length + k]]));
    },
  };
}
