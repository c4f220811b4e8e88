/**
 * Step outcomes (src/solver/stepOutcome.ts): a status and the numbers the controller
 * reads, one meaning each: accepted, rejected, singular, non-finite (newton-failed is
 * for the implicit methods to come); and how the driver and the controllers react.
 */
import { describe, expect, it } from 'vitest';
import { solveIvp } from '../../src/index.js';
import type { JacobianFunction, RhsFunction } from '../../src/index.js';
import { CountedRhs } from '../../src/solver/countedRhs.js';
import { HairerController } from '../../src/solver/hairerController.js';
import { RodasController, Rodas4Stepper } from '../../src/solver/rodas4.js';
import { createStepOutcome, judgeErrorNorm, STEP_STATUSES } from '../../src/solver/stepOutcome.js';

describe('judgeErrorNorm', () => {
  it('accepted when the norm is ≤ 1, rejected when larger and finite, non-finite for NaN or ±Infinity', () => {
    const cases: [number, string][] = [
      [0, 'accepted'],
      [1, 'accepted'],
      [1 + 2 ** -52, 'rejected'],
      [1e300, 'rejected'],
      [Number.NaN, 'non-finite'],
      [Number.POSITIVE_INFINITY, 'non-finite'],
    ];
    for (const [err, status] of cases) {
      const o = judgeErrorNorm(createStepOutcome(), err);
      expect(o.status).toBe(status);
      expect(Object.is(o.errorNorm, err)).toBe(true);
      expect(o.newtonIterations).toBe(0);
    }
    expect(STEP_STATUSES).toEqual(['accepted', 'rejected', 'singular', 'newton-failed', 'non-finite']);
  });
});

describe('a singular iteration matrix (rodas4)', () => {
  // y′ = y: J = 1, so (1/(γh)) I − J = 4/h − 1 is singular at h = 4 (γ = ¼).
  const f: RhsFunction = (_t, y, d) => {
    d[0] = y[0];
  };
  const jacobian: JacobianFunction = (_t, _y, J) => {
    J[0] = 1;
  };

  it("is an outcome 'singular' with error norm +Infinity, not a number that means it", () => {
    const st = new Rodas4Stepper({ rhs: new CountedRhs(f), n: 1, rtol: 1e-6, atol: Float64Array.of(1e-6), dense: false, jacobian });
    const y = Float64Array.of(1);
    st.start(0, y);
    const o = st.attempt(0, y, 4, new Float64Array(1));
    expect(o.status).toBe('singular');
    expect(o.errorNorm).toBe(Number.POSITIVE_INFINITY);
    expect(st.attempt(0, y, 2, new Float64Array(1)).status).not.toBe('singular');
  });

  it('makes the controllers shrink the step by facMin (RODAS and Hairer alike)', () => {
    const singular = { status: 'singular' as const, errorNorm: Number.POSITIVE_INFINITY, newtonIterations: 0 };
    const settings = { safety: 0.9, facMin: 0.2, facMax: 6, beta: 0 };
    expect(new RodasController(settings).rejected(singular, 4)).toBeCloseTo(0.8, 15);
    expect(new HairerController(settings, 0.2).rejected(singular, 4)).toBeCloseTo(0.8, 15);
  });

  it('is rejected and retried shorter by solveIvp, which then reaches y(10) = e^10 to the tolerance', () => {
    const r = solveIvp(f, [0, 10], [1], { method: 'rodas4', jacobian, firstStep: 4, rtol: 1e-8, atol: 1e-8 });
    expect(r.status).toBe('success');
    expect(r.stats.nrejected).toBeGreaterThanOrEqual(1);
    // Global relative error of a tolerance-driven run on an exponential: measured 1.1e-8.
    expect(Math.abs(r.y[r.y.length - 1][0] / Math.exp(10) - 1)).toBeLessThan(1e-6);
  });
});
