import { describe, expect, it } from 'vitest';
import { FORMULATIONS, validateFormulation } from '../../src/index.js';

describe('validateFormulation', () => {
  it('accepts each of FORMULATIONS and names the rule otherwise', () => {
    for (const f of FORMULATIONS) expect(validateFormulation('f', f)).toBe(f);
    expect(() => validateFormulation('flowTrajectory', 'matrix')).toThrow(
      `flowTrajectory: invalid argument formulation: must be 'per-layer', 'end-to-end' or 'layerwise'; got "matrix".`,
    );
  });
});
