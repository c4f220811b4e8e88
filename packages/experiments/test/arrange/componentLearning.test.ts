import { describe, expect, it } from 'vitest';
import { componentLearning } from '../../src/arrange/componentLearning.js';
import { heldCrossing } from '../../src/arrange/heldCrossing.js';

describe('heldCrossing(values, target)', () => {
  it('finds the first record at or above the target and the one from which the series stays there', () => {
    expect(heldCrossing([0, 0.5, 0.7], 0.5)).toEqual({ first: 1, held: 1 });
    expect(heldCrossing([0, 0.6, 0.4, 0.8], 0.5)).toEqual({ first: 1, held: 3 });
    // reached, then below at the last record: not held
    expect(heldCrossing([0, 0.6, 0.4], 0.5)).toEqual({ first: 1, held: -1 });
    expect(heldCrossing([0.6, 0.7], 0.5)).toEqual({ first: 0, held: 0 });
    expect(heldCrossing([], 0.5)).toEqual({ first: -1, held: -1 });
  });
});

describe('componentLearning(t, series, targets, stepExact)', () => {
  it('takes the trainer’s step-exact crossing when it holds, else interpolates the held crossing between records, and names a transient one', () => {
    const t = [0, 10, 20, 30];
    const [held, transient, never] = componentLearning(
      t,
      [
        [0, 0.25, 0.75, 1],
        [0, 0.6, 0.4, 0.8],
        [0, 0.1, 0.2, 0.3],
      ],
      [0.5, 0.5, 0.5],
      [12.5, 7, null],
    );
    expect(held).toEqual({ target: 0.5, learnedAt: 12.5, transientCrossing: null, end: 1 });
    // the step-exact 7 is the transient first crossing; the held one lies between t = 20 (0.4) and 30 (0.8): 20 + 10·0.1/0.4
    expect(transient).toEqual({ target: 0.5, learnedAt: 22.5, transientCrossing: 7, end: 0.8 });
    expect(never).toEqual({ target: 0.5, learnedAt: null, transientCrossing: null, end: 0.3 });
    // without step-exact crossings, the first crossing is interpolated too: 10 + 10·0.25/0.5
    expect(componentLearning(t, [[0, 0.25, 0.75, 1]], [0.5], null)[0].learnedAt).toBe(15);
  });
});
