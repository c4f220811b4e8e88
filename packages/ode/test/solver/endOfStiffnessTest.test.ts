/**
 * The end-of-stiffness test of method 'auto' (src/solver/endOfStiffnessTest.ts).
 */
import { describe, expect, it } from 'vitest';
import { EndOfStiffnessTest } from '../../src/solver/endOfStiffnessTest.js';

describe('EndOfStiffnessTest', () => {
  const run = (hlamb: number[]): number | undefined => {
    const test = new EndOfStiffnessTest(3.25);
    let k = 0;
    const source = { eigenvalueEstimate: (): number => hlamb[k] };
    for (; k < hlamb.length; k++) if (test.observe(k + 1, 1, source)) return k + 1;
    return undefined;
  };
  it('fires after three steps in a row with |h·λ| below 0.9 × the explicit boundary (2.925 for dopri5)', () => {
    expect(run([100, 100, 2.9, 2.9, 2.9, 2.9])).toBe(5);
  });
  it('a stiff step in between restarts the count; |h·λ| equal to 0.9 × 3.25 counts as stiff', () => {
    expect(run([2, 2, 100, 2, 2, 2])).toBe(6);
    const edge = 0.9 * 3.25;
    expect(run([edge, edge, edge, edge])).toBeUndefined();
  });
});
