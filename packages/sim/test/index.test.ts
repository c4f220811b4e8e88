/**
 * sim's public API keeps the dense linear algebra it exported before it moved to
 * `@jepa-dynamics/core` (tested there): the same functions, re-exported.
 */
import * as core from '@jepa-dynamics/core';
import { describe, expect, it } from 'vitest';
import * as sim from '../src/index.js';

describe('@jepa-dynamics/sim linear algebra', () => {
  it('re-exports the linear algebra of @jepa-dynamics/core under the names it always had', () => {
    const names = [
      'matmulReference',
      'matmulTransAReference',
      'matmulTransBReference',
      'matmulBlocked',
      'transpose',
      'wasmGemmBytes',
      'wasmSimdAvailable',
      'createMatrixWorkspace',
      'scaleColumns',
      'scaleRows',
      'householderQr',
      'randomOrthogonal',
      'symmetricEigen',
      'singularValueDecomposition',
      'cholesky',
    ] as const;
    for (const name of names) expect(sim[name], name).toBe(core[name]);
  });

  it("randomOrthogonal accepts sim's createGaussianSource as its standard-normal stream", () => {
    const q = sim.randomOrthogonal(3, sim.createGaussianSource(5));
    expect(q).toEqual(sim.randomOrthogonal(3, sim.createGaussianSource(5)));
    expect(q).toHaveLength(9);
  });
});
