import type { MatrixFlow } from '../src/flows/matrixFlow.js';

/**
 * The matrix flow's dense Jacobian at y, column by column from its exact Jacobian-vector product
 * (itself checked against complex steps in flows/matrixFlowKernel.test.ts): `J[c][r] = ∂f_r/∂y_c`.
 */
export function denseJacobian(flow: MatrixFlow, y: Float64Array): Float64Array[] {
  const n = flow.dimension;
  return Array.from({ length: n }, (_, c) => {
    const e = new Float64Array(n);
    e[c] = 1;
    const col = new Float64Array(n);
    flow.jvp(0, y, e, col);
    return col;
  });
}
