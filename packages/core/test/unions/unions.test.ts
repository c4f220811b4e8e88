/**
 * The unions are the command line's contract (DESIGN: `--objective jepa|mae`, `--time
 * gradient-flow|paper`, `--init aligned|rotated|random`, `--formulation`), so their
 * members and order are pinned here: the CLI's choices and messages list them in this order.
 */
import { describe, expect, it } from 'vitest';
import { FORMULATIONS, INITIALIZATION_KINDS, NO_CRITICAL_TIME_REASONS, OBJECTIVES, TIME_UNITS, type Objective } from '../../src/index.js';

describe('the shared unions', () => {
  it('OBJECTIVES, TIME_UNITS, FORMULATIONS, INITIALIZATION_KINDS, NO_CRITICAL_TIME_REASONS hold the documented members in order', () => {
    expect(OBJECTIVES).toEqual(['jepa', 'mae']);
    expect(TIME_UNITS).toEqual(['gradient-flow', 'paper']);
    expect(FORMULATIONS).toEqual(['per-layer', 'end-to-end', 'layerwise']);
    expect(INITIALIZATION_KINDS).toEqual(['aligned', 'rotated', 'random']);
    expect(NO_CRITICAL_TIME_REASONS).toEqual(['rho-not-positive', 'start-not-below-target']);
  });

  it('derive their types from the arrays (a switch over Objective is exhaustive with two cases)', () => {
    const sign = (o: Objective): number => {
      switch (o) {
        case 'jepa':
          return 1;
        case 'mae':
          return -1;
        default: {
          const never: never = o;
          return never;
        }
      }
    };
    expect(OBJECTIVES.map(sign)).toEqual([1, -1]);
  });
});
