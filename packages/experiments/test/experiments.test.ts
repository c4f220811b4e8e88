import { describe, expect, it } from 'vitest';
import { EXPERIMENTS, experimentById, type ExperimentId } from '../src/experiments.js';
import { RUN_MODES, type RunMode } from '../src/runMode.js';

describe('EXPERIMENTS', () => {
  it('lists the results in the order reproduce reports them, ids numbered in increasing order and unique', () => {
    const ids = EXPERIMENTS.map((e) => e.id);
    expect(ids).toEqual([
      '1-learning-order',
      '2-depth-amplifies-bias',
      '3-depth-flip',
      '4-theory-vs-training',
      '5-noisy-features',
      '6-leading-order-error',
      '7-non-diagonal-covariances',
      '8-random-init',
      '9-phase-diagrams',
    ]);
    for (const id of ids) expect(id).toMatch(/^[1-9]\d*-[a-z]+(-[a-z]+)*$/);
    const numbers = ids.map((id) => Number.parseInt(id, 10));
    numbers.slice(1).forEach((n, i) => expect(n).toBeGreaterThan(numbers[i]));
    expect(new Set(EXPERIMENTS.map((e) => e.title)).size).toBe(EXPERIMENTS.length);
  });

  it('each experiment has settings for both modes, a new object each time, with at least one unit of work; quick is never more work than full', () => {
    for (const e of EXPERIMENTS) {
      for (const mode of RUN_MODES) {
        expect(e.settings(mode)).not.toBe(e.settings(mode));
        expect(e.settings(mode)).toEqual(e.settings(mode));
      }
      // (the bivariant method types let the generic view pass an experiment its own settings)
      const generic = e as { units(settings: unknown): number; settings(mode: RunMode): unknown };
      expect(generic.units(generic.settings('quick'))).toBeGreaterThan(0);
      expect(generic.units(generic.settings('quick'))).toBeLessThanOrEqual(generic.units(generic.settings('full')));
    }
  });
});

describe('experimentById(id)', () => {
  it('returns the registered experiment of that id', () => {
    for (const e of EXPERIMENTS) expect(experimentById(e.id)).toBe(e);
  });

  it('throws a RangeError naming the id and the known ones for an id that is not registered', () => {
    expect(() => experimentById('7-nope' as ExperimentId)).toThrow(RangeError);
    expect(() => experimentById('7-nope' as ExperimentId)).toThrow(/"7-nope".*1-learning-order, 2-depth-amplifies-bias/);
  });
});
