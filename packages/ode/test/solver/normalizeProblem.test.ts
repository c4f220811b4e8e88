/**
 * Validation (src/solver/normalizeProblem.ts): bad input gives a typed
 * InvalidArgumentError naming the argument, the rule and the value, before anything
 * is computed.
 */
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, solveIvp } from '../../src/index.js';
import type { RhsFunction, SolveOptions } from '../../src/index.js';
import { rotation } from './problems.js';

const decay: RhsFunction = (_t, y, dy) => {
  dy[0] = -y[0];
};

function rejects(run: () => unknown, pattern: RegExp): void {
  expect(run).toThrow(InvalidArgumentError);
  expect(run).toThrow(pattern);
}

describe('solveIvp rejects bad input with an InvalidArgumentError naming the value', () => {
  it('non-finite y0', () => {
    rejects(() => solveIvp(decay, [0, 1], [Number.NaN]), /solveIvp: invalid argument y0\[0\]: must be a finite number; got NaN\./);
    rejects(() => solveIvp(rotation, [0, 1], [1, Infinity]), /y0\[1\].*got Infinity/);
  });
  it('empty y0', () => {
    rejects(() => solveIvp(decay, [0, 1], []), /y0: must have at least one component/);
  });
  it('t0 = t1 and non-finite times', () => {
    rejects(() => solveIvp(decay, [1, 1], [1]), /tspan: must have t1 different from t0; got \[1, 1\]/);
    rejects(() => solveIvp(decay, [0, Infinity], [1]), /tspan\[1\] \(t1\): must be a finite number; got Infinity/);
  });
  it('rtol ≤ 0 or not finite', () => {
    rejects(() => solveIvp(decay, [0, 1], [1], { rtol: 0 }), /options\.rtol: must be a positive finite number; got 0\./);
    rejects(() => solveIvp(decay, [0, 1], [1], { rtol: -1e-6 }), /options\.rtol.*got -0\.000001/);
    rejects(() => solveIvp(decay, [0, 1], [1], { rtol: Number.NaN }), /options\.rtol.*got NaN/);
  });
  it('atol < 0 or of the wrong length', () => {
    rejects(() => solveIvp(decay, [0, 1], [1], { atol: -1 }), /options\.atol: must be a nonnegative finite number; got -1\./);
    rejects(
      () => solveIvp(rotation, [0, 1], [1, 0], { atol: [1e-6] }),
      /options\.atol: must be a number or have one entry per component \(2\); got \[0\.000001\]/,
    );
    rejects(() => solveIvp(rotation, [0, 1], [1, 0], { atol: [1e-6, -1] }), /options\.atol\[1\].*got -1/);
  });
  it('tEval outside the interval or unsorted', () => {
    rejects(() => solveIvp(decay, [0, 1], [1], { tEval: [0.5, 1.5] }), /options\.tEval\[1\]: must lie in \[0, 1\].*got 1\.5/);
    rejects(
      () => solveIvp(decay, [0, 1], [1], { tEval: [0.5, 0.2] }),
      /options\.tEval\[1\]: must not come before tEval\[0\] = 0\.5.*increasing.*got 0\.2/,
    );
    rejects(() => solveIvp(decay, [1, 0], [1], { tEval: [0.2, 0.5] }), /options\.tEval\[1\].*decreasing.*got 0\.5/);
  });
  it('step options and controller constants out of range', () => {
    const bad: [SolveOptions, RegExp][] = [
      [{ firstStep: -0.1 }, /options\.firstStep.*got -0\.1/],
      [{ maxStep: 0 }, /options\.maxStep.*got 0/],
      [{ maxSteps: 1.5 }, /options\.maxSteps: must be a positive integer; got 1\.5/],
      [{ safety: 1.2 }, /options\.safety.*got 1\.2/],
      [{ facMin: 0 }, /options\.facMin.*got 0/],
      [{ facMax: 0.5 }, /options\.facMax.*got 0\.5/],
      [{ beta: 0.3 }, /options\.beta: must lie in \[0, 0\.2\]; got 0\.3/],
      [{ stiffnessCheck: 0 }, /options\.stiffnessCheck: must be a positive integer or false; got 0/],
      [{ method: 'rk4' as never }, /options\.method: must be one of 'dopri5', 'dop853', 'odex'.*; got "rk4"/],
      [{ method: 'odex', beta: 0.04 }, /options\.beta: does not apply to method 'odex'/],
    ];
    for (const [opts, pattern] of bad) rejects(() => solveIvp(decay, [0, 1], [1], opts), pattern);
  });
  it('sol(t) outside the integrated interval', () => {
    const r = solveIvp(decay, [0, 1], [1], { dense: true });
    const sol = r.sol;
    if (sol === undefined) throw new Error('dense output missing');
    rejects(() => sol(1.5), /sol: invalid argument t: must lie in the integrated interval \[0, 1\]; got 1\.5/);
  });
});
