/**
 * Variations (grid, list, seeded random, product), axis values, and sweep specifications.
 */
import { describe, expect, it } from 'vitest';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { mersenne } from 'pure-rand/generator/mersenne';
import { axisValues } from '../../src/ensemble/axisValues.js';
import { randomVariations } from '../../src/ensemble/randomVariations.js';
import { readSweepSpec } from '../../src/ensemble/sweepSpec.js';
import { gridVariations, listVariations, productVariations } from '../../src/ensemble/variations.js';

describe('variations', () => {
  it('gridVariations: every combination, first axis slowest, as nested loops', () => {
    const g = gridVariations({ a: [1, 2], b: ['x', 'y', 'z'], c: [true] });
    const expected: unknown[] = [];
    for (const a of [1, 2]) for (const b of ['x', 'y', 'z']) expected.push({ a, b, c: true });
    expect(Array.from({ length: g.count }, (_, i) => g.at(i))).toEqual(expected);
    expect(() => g.at(6)).toThrow(/index: must be an integer from 0 to 5/);
    expect(() => gridVariations({ a: [] })).toThrow(/axes\.a: must be a non-empty array/);
  });
  it('productVariations combines parts (first slowest) and refuses a setting varied twice', () => {
    const p = productVariations(gridVariations({ depth: [1, 2] }), listVariations([{ lambda: 1 }, { lambda: 2, rho: 3 }]));
    expect(Array.from({ length: p.count }, (_, i) => p.at(i))).toEqual([
      { depth: 1, lambda: 1 },
      { depth: 1, lambda: 2, rho: 3 },
      { depth: 2, lambda: 1 },
      { depth: 2, lambda: 2, rho: 3 },
    ]);
    expect(productVariations().count).toBe(1);
    expect(() => productVariations(gridVariations({ a: [1] }), listVariations([{ a: 2 }]))).toThrow(/must vary different settings/);
  });
  it('randomVariations: the documented stream (mersenne + uniformFloat64, draws run-major), maps and ranges', () => {
    const v = randomVariations({
      seed: 42,
      count: 500,
      ranges: { lambda: { from: 0.1, to: 10, scale: 'log' }, x: { from: -1, to: 1 }, k: { from: 3, to: 5, scale: 'integer' } },
    });
    // the stream written out independently of the implementation
    const rng = mersenne(42);
    for (let i = 0; i < 500; i++) {
      const [u1, u2, u3] = [uniformFloat64(rng), uniformFloat64(rng), uniformFloat64(rng)];
      expect(v.at(i)).toEqual({ lambda: 0.1 * Math.pow(100, u1), x: -1 + 2 * u2, k: 3 + Math.floor(3 * u3) });
    }
    const ks = new Set(Array.from({ length: 500 }, (_, i) => v.at(i).k));
    expect([...ks].sort()).toEqual([3, 4, 5]);
    const other = randomVariations({ seed: 43, count: 1, ranges: { lambda: { from: 0.1, to: 10, scale: 'log' } } });
    expect(other.at(0).lambda).not.toBe(v.at(0).lambda);
    expect(() => randomVariations({ seed: 1, count: 1, ranges: { a: { from: 1, to: 1 } } })).toThrow(
      /ranges\.a\.to: must be greater than from \(1\)/,
    );
    expect(() => randomVariations({ seed: 1, count: 1, ranges: { a: { from: 0, to: 1, scale: 'log' } } })).toThrow(
      /ranges\.a\.from: must be > 0 on a log scale/,
    );
    expect(() => randomVariations({ seed: -1, count: 1, ranges: { a: { from: 0, to: 1 } } })).toThrow(
      /seed: must be an integer from 0 to 4294967295/,
    );
  });
  it('axisValues: lists, inclusive ranges with exact ends, "a..b"', () => {
    expect(axisValues({ from: 0, to: 1, count: 5 })).toEqual([0, 0.25, 0.5, 0.75, 1]);
    const log = axisValues({ from: 1e-6, to: 1e-1, count: 6, scale: 'log' });
    expect(log[0]).toBe(1e-6);
    expect(log[5]).toBe(1e-1);
    expect(log).toEqual([1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1]);
    const thirds = axisValues({ from: 2, to: 2000, count: 4, scale: 'log' }) as number[];
    thirds.forEach((x, k) => expect(Math.abs(x / (2 * 10 ** k) - 1)).toBeLessThan(1e-15));
    expect(axisValues('0..199')).toHaveLength(200);
    expect(axisValues(' -2 .. 1 ')).toEqual([-2, -1, 0, 1]);
    expect(() => axisValues('0..x', 'sweep', 'axes.seed')).toThrow(/axes\.seed: must be "a\.\.b" with integers a ≤ b/);
    expect(() => axisValues({ from: 0, to: 1, count: 0 }, 'sweep', 'axes.p')).toThrow(
      /axes\.p\.count: must be an integer from 1 to 1000000/,
    );
    expect(() => axisValues({ from: 0, to: 1, count: 3, step: 1 } as never, 'sweep', 'axes.p')).toThrow(
      /axes\.p\.step: is not a field of a range/,
    );
    expect(() => axisValues({ from: 0, to: 1, count: 3, scale: 'log' }, 'sweep', 'axes.p')).toThrow(
      /axes\.p\.from: and to must be > 0 on a log scale/,
    );
  });
});

describe('readSweepSpec(value) expands a sweep specification, naming the field of every error', () => {
  const base = { command: 'critical-time', settings: { objective: 'jepa', lambda: 1, rho: 1, epsilon: 1e-3 } };
  it('a grid over two axes, seeds as "a..b" (named seeds or seed), list and random entries combined', () => {
    const plan = readSweepSpec({ ...base, axes: { depth: [1, 2, 4], fraction: { from: 0.25, to: 0.75, count: 3 } } });
    expect(plan.runs).toHaveLength(9);
    expect(plan.runs[5].settings).toEqual({ ...base.settings, depth: 2, fraction: 0.75 });
    expect([plan.kind, plan.varied, plan.fixed]).toEqual([
      'critical-time',
      ['depth', 'fraction'],
      ['objective', 'lambda', 'rho', 'epsilon'],
    ]);
    const training = readSweepSpec({
      name: 'seed study',
      command: 'simulate',
      settings: { objective: 'jepa', depth: 2, lambda: 1, rho: 1, epsilon: 1e-2, steps: 10, init: 'random' },
      axes: { seeds: '0..9' },
      list: [{ samples: 100 }, { samples: 200, batchSize: 50 }],
      random: { seed: 1, count: 3, ranges: { lr: { from: 0.01, to: 0.1, scale: 'log' } } },
    });
    expect([training.kind, training.runs.length, training.varied]).toEqual(['training', 60, ['seed', 'samples', 'batchSize', 'lr']]);
    expect(training.runs[59].settings).toMatchObject({ seed: 9, samples: 200, batchSize: 50 });
  });
  const bad = (spec: unknown, message: RegExp): void => {
    expect(() => readSweepSpec(spec)).toThrow(message);
  };
  it('errors name the field', () => {
    bad([], /sweep: invalid argument specification: must be an object/);
    bad(
      { ...base, command: 'sweep' },
      /invalid argument command: must be 'critical-time', 'solve', 'simulate', 'matrix-flow' or 'simulate-modes'; got "sweep"/,
    );
    bad({ ...base, axis: {} }, /invalid argument axis: is not a field of a sweep specification/);
    bad({ ...base, settings: { ...base.settings, depth: 0 } }, /invalid argument settings\.depth: must be an integer ≥ 1; got 0/);
    bad({ ...base, axes: { depth: [1, 2, 'x'] } }, /invalid argument axes\.depth\[2\]: must be an integer ≥ 1; got "x"/);
    bad({ ...base, axes: { dept: [1] } }, /invalid argument axes\.dept: is not a setting of a critical-time run/);
    bad({ ...base, axes: { epsilon: [1e-3] } }, /invalid argument axes\.epsilon: is also fixed in settings/);
    bad(
      { ...base, axes: { depth: { from: 1, to: 4, count: 4.5 } } },
      /invalid argument axes\.depth\.count: must be an integer from 1 to 1000000/,
    );
    bad({ ...base, axes: { depth: [1] }, list: [{ depth: 2 }] }, /vary the setting depth in two places/);
    bad({ ...base, axes: { depth: [1] }, list: [{ fraction: 2 }] }, /invalid argument list\[0\]\.fraction: must be a number in \(0, 1\)/);
    bad(
      { ...base, axes: { depth: [1] }, random: { seed: 1, count: 2, ranges: { fraction: { from: 0.1, to: 1.5 } } } },
      /invalid argument random\.ranges\.fraction\.to: must be a number in \(0, 1\)/,
    );
    bad(
      { ...base, axes: { depth: [1] }, random: { seed: 1.5, count: 2, ranges: { fraction: { from: 0.1, to: 0.5 } } } },
      /invalid argument random\.seed: must be an integer/,
    );
    bad(
      { ...base, axes: { depth: [1] }, figure: { type: 'heatmap', x: 'depth', y: 'epsilon' } },
      /invalid argument figure\.color: must name a column/,
    );
    bad(
      { ...base, axes: { depth: [1] }, figure: { type: 'line', x: 'depth', y: 'time' } },
      /invalid argument figure\.y: must name a column: a setting \(objective, lambda, rho, epsilon, depth\) or a result column \(t, status, uStar, order/,
    );
    bad(
      {
        command: 'simulate',
        settings: { objective: 'jepa', depth: 2, lambda: 1, rho: 1, epsilon: 1e-2, lr: 0.1, steps: 10 },
        axes: { batchSize: [4] },
      },
      /invalid argument runs\[0\]\.settings\.batchSize: needs samples/,
    );
  });
  it('figures name settings or result columns (with feature suffixes)', () => {
    const plan = readSweepSpec({
      ...base,
      settings: { ...base.settings, depth: 2 },
      axes: { fraction: [0.5] },
      figure: { type: 'line', x: 'fraction', y: 't_1', xScale: 'log' },
    });
    expect(plan.figure).toEqual({ type: 'line', x: 'fraction', y: 't_1', xScale: 'log', yScale: 'linear' });
  });
});
