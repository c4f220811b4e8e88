import { describe, expect, it } from 'vitest';
import { validateCovariances } from '../../src/index.js';

const v = (...x: number[]): Float64Array => Float64Array.from(x);

describe('validateCovariances', () => {
  it('returns the width d of valid diagonal and full covariances (Σyx need not be symmetric)', () => {
    expect(validateCovariances({ kind: 'diagonal', sigmaXX: v(1, 2, 3), sigmaYX: v(-1, 0, 5) }, 'train')).toBe(3);
    expect(validateCovariances({ kind: 'full', sigmaXX: v(2, 1, 1, 2), sigmaYX: v(0, 3, -1, 0), sigmaYY: v(1, 0, 0, 1) }, 'train')).toBe(2);
  });

  it.each([
    [{ kind: 'diagonal', sigmaXX: v(), sigmaYX: v() }, /covariances\.sigmaXX: must hold at least one feature/],
    [{ kind: 'diagonal', sigmaXX: v(1, 2), sigmaYX: v(1) }, /covariances\.sigmaYX: must have the length of sigmaXX \(2\)/],
    [{ kind: 'diagonal', sigmaXX: v(1, 0), sigmaYX: v(1, 1) }, /covariances\.sigmaXX\[1\]: must be positive/],
    [{ kind: 'diagonal', sigmaXX: v(1, 1), sigmaYX: v(1, Number.NaN) }, /covariances\.sigmaYX: must have finite entries/],
    [{ kind: 'diagonal', sigmaXX: v(1, 1), sigmaYX: v(1, 1), sigmaYY: v(1, -2) }, /covariances\.sigmaYY\[1\]/],
    [{ kind: 'full', sigmaXX: v(1, 0, 0), sigmaYX: v(1, 0, 0) }, /covariances\.sigmaXX: must be a non-empty square matrix/],
    [{ kind: 'full', sigmaXX: v(1, 0, 0, 1), sigmaYX: v(1) }, /covariances\.sigmaYX: must have d² = 4 entries/],
    [{ kind: 'full', sigmaXX: v(1, 0.5, 0.4, 1), sigmaYX: v(1, 0, 0, 1) }, /covariances\.sigmaXX.*symmetric/],
    [{ kind: 'full', sigmaXX: v(1, 2, 2, 1), sigmaYX: v(1, 0, 0, 1) }, /covariances\.sigmaXX.*positive definite/],
    [{ kind: 'full', sigmaXX: v(1, 0, 0, 1), sigmaYX: v(1, 0, 0, 1), sigmaYY: v(1, 0, 0, -1) }, /covariances\.sigmaYY.*positive definite/],
  ] as const)('rejects %j naming the field', (cov, message) => {
    expect(() => validateCovariances(cov, 'train')).toThrow(message);
    expect(() => validateCovariances(cov, 'train')).toThrow(/^train: /);
  });
});
