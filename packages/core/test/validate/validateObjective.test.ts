import { describe, expect, it } from 'vitest';
import { OBJECTIVES, validateObjective } from '../../src/index.js';

describe('validateObjective', () => {
  it('accepts each of OBJECTIVES and nothing else', () => {
    for (const o of OBJECTIVES) expect(validateObjective('f', o)).toBe(o);
    expect(() => validateObjective('derive', 'JEPA')).toThrow(`derive: invalid argument objective: must be 'jepa' or 'mae'; got "JEPA".`);
    expect(() => validateObjective('derive', undefined)).toThrow(/objective: must be 'jepa' or 'mae'; got undefined/);
  });
});
