import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '@jepa-dynamics/core';
import { finiteDifferenceJacobian, groupedFiniteDifferenceJacobianKernel, jacobianColumnGroups } from '../../src/solver/jacobian.js';

// f(t, y) = (y0² y1 + sin t, exp(y1) − y2³, y0 y2 / (1 + y1²)) and its exact Jacobian.
const f = (t: number, y: Float64Array, d: Float64Array): void => {
  d[0] = y[0] * y[0] * y[1] + Math.sin(t);
  d[1] = Math.exp(y[1]) - y[2] ** 3;
  d[2] = (y[0] * y[2]) / (1 + y[1] * y[1]);
};
function exactJacobian(y: Float64Array): number[] {
  const q = 1 + y[1] * y[1];
  return [2 * y[0] * y[1], y[0] * y[0], 0, 0, Math.exp(y[1]), -3 * y[2] * y[2], y[2] / q, (-2 * y[0] * y[1] * y[2]) / (q * q), y[0] / q];
}

describe('finiteDifferenceJacobian', () => {
  it('finiteDifferenceJacobian(f, …) matches the exact Jacobian to ~1e-7 relative and spends n evaluations', () => {
    const y = new Float64Array([0.7, -1.3, 2.1]);
    const f0 = new Float64Array(3);
    f(0.4, y, f0);
    const jac = new Float64Array(9);
    let calls = 0;
    const counted = (t: number, yy: Float64Array, d: Float64Array): void => {
      calls++;
      f(t, yy, d);
    };
    expect(finiteDifferenceJacobian(counted, 0.4, y, f0, jac, new Float64Array(3), [1e-6, 1e-6, 1e-6])).toBe(3);
    expect(calls).toBe(3);
    const exact = exactJacobian(y);
    // Forward difference: error ≈ ½|f''| δ + 2u|f|/δ with δ ≈ 1.5e-8·|y_j| — below 1e-7 here.
    for (let k = 0; k < 9; k++) expect(Math.abs(jac[k] - exact[k])).toBeLessThan(1e-7 * Math.max(1, Math.abs(exact[k])));
    expect(Array.from(y)).toEqual([0.7, -1.3, 2.1]); // restored exactly
  });

  it('finiteDifferenceJacobian scales the increment to tiny components via the threshold (Robertson-like y ≈ 1e-13)', () => {
    // f(y) = 3e7 y², J = 6e7 y: at y = 1e-13 the exact entry is 6e-6.
    const g = (_t: number, y: Float64Array, d: Float64Array): void => {
      d[0] = 3e7 * y[0] * y[0];
    };
    const y = new Float64Array([1e-13]);
    const f0 = new Float64Array(1);
    g(0, y, f0);
    const jac = new Float64Array(1);
    finiteDifferenceJacobian(g, 0, y, f0, jac, new Float64Array(1), [1e-20]);
    expect(Math.abs(jac[0] - 6e-6) / 6e-6).toBeLessThan(1e-7);
  });

  it('finiteDifferenceJacobian rejects mismatched lengths, naming the argument', () => {
    const y = new Float64Array(2);
    expect(() => finiteDifferenceJacobian(f, 0, y, new Float64Array(3), new Float64Array(4), new Float64Array(2), [1, 1])).toThrow(
      InvalidArgumentError,
    );
    expect(() => finiteDifferenceJacobian(f, 0, y, new Float64Array(2), new Float64Array(3), new Float64Array(2), [1, 1])).toThrow(
      /invalid argument jac/,
    );
  });

  it('groupedFiniteDifferenceJacobianKernel: a tridiagonal pattern needs 3 evaluations for any n and matches the exact Jacobian', () => {
    // f_i = y_{i−1} y_i − sin(y_{i+1}) (missing neighbours are 0): tridiagonal.
    const n = 10;
    const g = (_t: number, y: Float64Array, d: Float64Array): void => {
      for (let i = 0; i < n; i++) d[i] = (i > 0 ? y[i - 1] : 0) * y[i] - (i < n - 1 ? Math.sin(y[i + 1]) : 0);
    };
    const pattern = Array.from({ length: n }, (_, i) => [i - 1, i, i + 1].filter((j) => j >= 0 && j < n));
    const cols = jacobianColumnGroups('test', 'pattern', pattern, n);
    expect(cols.groups.map((c) => Array.from(c))).toEqual([
      [0, 3, 6, 9],
      [1, 4, 7],
      [2, 5, 8],
    ]);
    const y = Float64Array.from({ length: n }, (_, i) => 0.3 + 0.1 * i);
    const f0 = new Float64Array(n);
    g(0, y, f0);
    const jac = new Float64Array(n * n).fill(7); // stale values must be cleared
    let calls = 0;
    const counted = (t: number, yy: Float64Array, d: Float64Array): void => {
      calls++;
      g(t, yy, d);
    };
    const spent = groupedFiniteDifferenceJacobianKernel(
      counted,
      0,
      y,
      f0,
      jac,
      new Float64Array(n),
      new Float64Array(n).fill(1e-6),
      cols,
      new Float64Array(n),
      new Float64Array(n),
    );
    expect(spent).toBe(3);
    expect(calls).toBe(3);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let exact = 0;
        if (j === i - 1) exact = y[i];
        else if (j === i) exact = i > 0 ? y[i - 1] : 0;
        else if (j === i + 1) exact = -Math.cos(y[i + 1]);
        expect(Math.abs(jac[i * n + j] - exact)).toBeLessThan(1e-7);
      }
    }
    expect(Array.from(y)).toEqual(Array.from({ length: n }, (_, i) => 0.3 + 0.1 * i));
  });

  it('jacobianColumnGroups rejects a malformed pattern, naming the argument and row', () => {
    expect(() => jacobianColumnGroups('solveIvp', 'options.jacobianSparsity', [[0]], 2)).toThrow(
      /options\.jacobianSparsity: must be an array of n = 2 rows/,
    );
    expect(() => jacobianColumnGroups('solveIvp', 'options.jacobianSparsity', [[0], [2]], 2)).toThrow(/options\.jacobianSparsity\[1\]/);
    expect(() => jacobianColumnGroups('solveIvp', 'options.jacobianSparsity', [[0], 1], 2)).toThrow(InvalidArgumentError);
  });
});
