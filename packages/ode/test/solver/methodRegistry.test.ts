/**
 * The method registry (src/solver/methodRegistry.ts): adding a method is one
 * definition plus one registry entry, as `stepper.ts` says. This file does exactly
 * that with a test-only method, Heun–Euler 2(1), and checks that it then runs through
 * solveIvp with its expected order, gets the driver's services (tEval, dense output,
 * statistics, method 'auto' as the explicit partner), and appears in every list
 * that derives from the registry. (Each test file runs in its own process, so the
 * registration does not leak into other tests.)
 */
import { describe, expect, it } from 'vitest';
import { criticalTime, solveIvp, solverMethods } from '../../src/index.js';
import type { RhsFunction } from '../../src/index.js';
import { startDerivative } from '../../src/solver/countedRhs.js';
import { HairerController } from '../../src/solver/hairerController.js';
import { hairerStiffnessTest } from '../../src/solver/hairerStiffnessTest.js';
import { registerMethod } from '../../src/solver/methodRegistry.js';
import { oneStepMethod } from '../../src/solver/oneStepMethod.js';
import { stageEigenvalueEstimate } from '../../src/solver/stageEigenvalueEstimate.js';
import { createStepOutcome, judgeErrorNorm, type StepOutcome } from '../../src/solver/stepOutcome.js';
import type { Stepper, StepperContext } from '../../src/solver/stepper.js';
import { expectFixedStepOrder } from './accuracy.js';
import { rotation, rotationExact } from './problems.js';

// The registry's type gains the new name (module augmentation), so `method: 'heun-euler'` type-checks.
declare module '../../src/solver/methodRegistry.js' {
  interface MethodRegistry {
    'heun-euler': true;
  }
}

/**
 * Heun–Euler 2(1): the explicit trapezoidal rule y₁ = y + h(k₁ + k₂)/2, k₂ = f(t + h, y + h k₁),
 * with explicit Euler y + h k₁ as the embedded order-1 solution (error estimate h(k₂ − k₁)/2),
 * f at the new point evaluated on acceptance, and the cubic Hermite interpolant as dense output.
 */
class HeunEulerStepper implements Stepper {
  readonly f0: Float64Array;
  readonly denseSize: number;
  private readonly k2: Float64Array;
  private readonly euler: Float64Array;
  private readonly f1: Float64Array;
  private yAccepted: Float64Array;
  private readonly outcome: StepOutcome = createStepOutcome();

  constructor(private readonly ctx: StepperContext) {
    const n = ctx.n;
    this.f0 = new Float64Array(n);
    this.k2 = new Float64Array(n);
    this.euler = new Float64Array(n);
    this.f1 = new Float64Array(n);
    this.yAccepted = this.euler;
    this.denseSize = 4 * n;
  }

  start(t0: number, y0: Float64Array, f0?: Float64Array): void {
    startDerivative(this.ctx.rhs, t0, y0, this.f0, f0);
  }

  attempt(t: number, y: Float64Array, h: number, yNew: Float64Array): StepOutcome {
    const { n, rhs, rtol, atol } = this.ctx;
    const { f0, k2, euler } = this;
    for (let i = 0; i < n; i++) euler[i] = y[i] + h * f0[i];
    rhs.eval(t + h, euler, k2);
    let err = 0;
    for (let i = 0; i < n; i++) {
      const yn = y[i] + 0.5 * h * (f0[i] + k2[i]);
      yNew[i] = yn;
      const sk = atol[i] + rtol * Math.max(Math.abs(y[i]), Math.abs(yn));
      err += ((0.5 * h * (k2[i] - f0[i])) / sk) ** 2;
    }
    return judgeErrorNorm(this.outcome, Math.sqrt(err / n));
  }

  accept(t: number, y: Float64Array, h: number, yNew: Float64Array, dense: Float64Array | null): void {
    const n = this.ctx.n;
    this.ctx.rhs.eval(t + h, yNew, this.f1);
    if (dense !== null) {
      for (let i = 0; i < n; i++) {
        dense[i] = y[i];
        dense[n + i] = yNew[i];
        dense[2 * n + i] = h * this.f0[i];
        dense[3 * n + i] = h * this.f1[i];
      }
    }
    this.f0.set(this.f1);
    this.yAccepted = yNew;
  }

  eigenvalueEstimate(): number {
    // f at t + h of the new point and of the Euler predictor (k2).
    return stageEigenvalueEstimate(this.f0, this.k2, this.yAccepted, this.euler);
  }

  interpolate(coef: Float64Array, offset: number, theta: number, out: Float64Array): void {
    const n = this.ctx.n;
    const s = theta;
    const h00 = (1 + 2 * s) * (1 - s) ** 2;
    const h10 = s * (1 - s) ** 2;
    const h01 = s * s * (3 - 2 * s);
    const h11 = s * s * (s - 1);
    for (let i = 0; i < n; i++) {
      const o = offset + i;
      out[i] = h00 * coef[o] + h01 * coef[o + n] + h10 * coef[o + 2 * n] + h11 * coef[o + 3 * n];
    }
  }
}

/** Its stability function 1 + z + z²/2 keeps |R| ≤ 1 on [−2, 0]: boundary 2. */
const HEUN_EULER = oneStepMethod({
  name: 'heun-euler',
  order: 2,
  errorOrder: 1,
  denseOrder: 3,
  stiff: false,
  needs: [],
  summary: 'Heun–Euler 2(1) (test only)',
  hinitOrder: 2,
  controllerDefaults: { safety: 0.9, facMin: 0.2, facMax: 5, beta: 0 },
  // The error estimate has order 1: exponent 1/(1 + 1).
  createController: (settings) => new HairerController(settings, 0.5 - 0.75 * settings.beta),
  stabilityBoundary: 2,
  stiffnessTest: hairerStiffnessTest(2),
  estimatesEigenvalues: true,
  createStepper: (context) => new HeunEulerStepper(context),
});

registerMethod(HEUN_EULER);

describe('a method registered from outside (Heun–Euler 2(1), test only)', () => {
  it('runs through solveIvp with fixed steps and converges with order 2, at the end and in the dense output', () => {
    // Errors 2.6e-2 … 1.6e-3 for N = 64 … 256; observed orders 2 + O(h): measured 1.986–2.001.
    expectFixedStepOrder('heun-euler', 2, [64, 128, 256], 0.05);
  });

  it('gets the adaptive driver: tolerance, tEval, statistics (2 f per accepted step, 1 per rejected, 2 at the start)', () => {
    const tEval = [0, 1, 2, 3, 4];
    const r = solveIvp(rotation, [0, 4], [1, 0], { method: 'heun-euler', rtol: 1e-6, atol: 1e-6, tEval });
    expect(r.status).toBe('success');
    expect(Array.from(r.t)).toEqual(tEval);
    // Measured error 5.5e-6 at tol 1e-6 (an order-2 method's global error grows over the run).
    r.t.forEach((t, k) => {
      const e = rotationExact(t);
      expect(Math.hypot(r.y[k][0] - e[0], r.y[k][1] - e[1])).toBeLessThan(5e-5);
    });
    expect(r.stats.nfev).toBe(2 + 2 * r.stats.naccepted + r.stats.nrejected);
  });

  it("serves as the explicit method of 'auto': on y′ = −1e4 (y − cos t) it switches to rodas4", () => {
    const f: RhsFunction = (t, y, d) => {
      d[0] = -1e4 * (y[0] - Math.cos(t));
    };
    const r = solveIvp(f, [0, 10], [1], { method: 'auto', autoSwitch: { nonStiff: 'heun-euler' }, rtol: 1e-6, atol: 1e-6 });
    expect(r.status).toBe('success');
    expect(r.switches?.map((s) => [s.from, s.to])).toEqual([['heun-euler', 'rodas4']]);
    // y → cos t + sin t/1e4 after the layer; the last value against the exact solution.
    const mu = 1e4;
    const exact = (mu * mu * Math.cos(10) + mu * Math.sin(10)) / (mu * mu + 1);
    expect(Math.abs(r.y[r.y.length - 1][0] - exact)).toBeLessThan(1e-5);
  });

  it('appears in every list derived from the registry', () => {
    expect(solverMethods().map((m) => m.name)).toEqual(['dopri5', 'dop853', 'odex', 'rodas4', 'bdf', 'heun-euler']);
    // criticalTime takes the non-stiff methods of the registry: now heun-euler too, still not rodas4.
    expect(() =>
      criticalTime({ lambda: 1, rho: 1 }, { objective: 'jepa', depth: 1, epsilon: 0.25, method: 'ode', solver: 'rodas4' }),
    ).toThrow(/solver: must be 'dopri5', 'dop853', 'odex' or 'heun-euler'; got "rodas4"/);
    // JEPA, L = 1, σ² = ρ = 1, u0 = ¼: t* = 2 + ln 3 (criticalTime's own example); order 2 at rtol 1e-8.
    const r = criticalTime(
      { lambda: 1, rho: 1 },
      { objective: 'jepa', depth: 1, epsilon: 0.25, method: 'inverse-ode', solver: 'heun-euler', rtol: 1e-8 },
    );
    expect(r.exists && Math.abs(r.t - (2 + Math.log(3)))).toBeLessThan(1e-6);
    expect(() => solveIvp(rotation, [0, 1], [1, 0], { method: 'rk4' as never })).toThrow(/'rodas4', 'bdf', 'heun-euler' or 'auto'; got "rk4"/);
  });

  it('a name can be registered once, and never as auto', () => {
    expect(() => registerMethod(HEUN_EULER)).toThrow(/'heun-euler' is already taken/);
    expect(() => registerMethod({ ...HEUN_EULER, name: 'auto' })).toThrow(/'auto' is already taken/);
  });
});
