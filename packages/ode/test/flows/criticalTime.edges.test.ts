/**
 * The critical-time methods where issue 12 found `'ode'` wrong or failing: ε close below
 * the target (the answer depends on u* − u0, a tiny difference of the start and the end)
 * and large depth (a transition far shorter than the resolution of t). Truth: 40-digit
 * mpmath quadrature (fixtures/flows-critical-time-edges.py) for the double inputs the caller
 * passes. The library forms u0 = ε^{1/L} and u* as doubles, but takes u* − u0 from ε and the
 * target in double-double (criticalGap), so their roundings do not enter t* either.
 */
import { readFileSync } from 'node:fs';
import { MIN_RELATIVE_TOLERANCE } from '@jepa-dynamics/core';
import { describe, expect, it } from 'vitest';
import { criticalTime, IntegrationError, InvalidArgumentError } from '../../src/index.js';
import { methodDefinition, registerMethod } from '../../src/solver/methodRegistry.js';
import type { CriticalTimeCase } from '../../../../test/support/oracles/index.js';

/** A case of the fixture; its `t` is t* for the double inputs (gradient-flow time). */
interface EdgeCase extends CriticalTimeCase {
  /** 1 − ε/target, rounded. */
  belowTarget: string;
  /** The doubles u0 = ε^{1/L} and u* the library forms (node's Math.pow). */
  u0: number;
  uStar: number;
  /** t* for the decimal inputs: differs from `t` only by the rounding of ε to a double. */
  tDecimal: string;
}

const cases = JSON.parse(readFileSync(new URL('../fixtures/flows-critical-time-edges.json', import.meta.url), 'utf8')) as EdgeCase[];

const label = (c: EdgeCase): string => `${c.objective} L=${c.depth} ρ=${c.rho} ε=${c.epsilon} (${c.belowTarget} below the target)`;

describe('critical times near the target and at large depth, against 40-digit quadrature', () => {
  it('the fixture was made from the doubles u0 and u* this engine forms', () => {
    for (const c of cases) {
      expect(Math.pow(c.epsilon, 1 / c.depth), label(c)).toBe(c.u0);
      const rhoRoot = c.objective === 'jepa' ? c.rho : Math.pow(c.rho, 1 / (c.depth + 1));
      expect(Math.pow(c.fraction, 1 / c.depth) * rhoRoot, label(c)).toBe(c.uStar);
    }
  });

  // exact: a closed form with every difference formed without cancellation, 1e-12 (measured ≤ 4e-14 here).
  // ode and inverse-ode at their default rtol 1e-12: 1e-10 leaves 100·rtol for error accumulated over
  // stages and steps (measured worst 9e-13 over 2000 random cases, L 1…50, ε down to 1e-6 below the target).
  for (const [method, tol] of [
    ['exact', 1e-12],
    ['ode', 1e-10],
    ['inverse-ode', 1e-10],
  ] as const) {
    it(`method '${method}' is within ${tol} relative of the quadrature in every case`, () => {
      for (const c of cases) {
        const r = criticalTime(
          { lambda: c.lambda, rho: c.rho },
          { objective: c.objective, depth: c.depth, epsilon: c.epsilon, fraction: c.fraction, method },
        );
        if (!r.exists) throw new Error(`expected a critical time for ${label(c)}`);
        expect(Math.abs(r.t - Number(c.t)) / Number(c.t), label(c)).toBeLessThan(tol);
      }
    });
  }

  it("issue 12's example: 'ode' and 'exact' give 3.4433326684e-12, the issue's exact value (ode gave 3.4777683857e-12, 1.0 % off)", () => {
    // The fixture's first case; its decimal-input value 3.44333266831e-12 rounds to the figure as well.
    const want = Number(cases[0].t);
    expect(cases[0].epsilon).toBe(1093.4989065);
    for (const method of ['ode', 'exact'] as const) {
      const r = criticalTime({ lambda: 1, rho: 3 }, { objective: 'jepa', depth: 7, epsilon: 1093.4989065, method });
      expect(r.exists && Math.abs(r.t - want) / want, method).toBeLessThan(1e-10);
      expect(r.exists && r.t.toPrecision(11), method).toBe('3.4433326684e-12');
    }
  });
});

// A test-only method: DOP853 with a budget of 5 steps per run, so that an integration fails
// ('max-steps') part way, deterministically. The registry's type gains the name (module augmentation).
declare module '../../src/solver/methodRegistry.js' {
  interface MethodRegistry {
    'dop853-5-steps': true;
  }
}
const dop853 = methodDefinition('dop853');
if (dop853 === undefined) throw new Error('dop853 is registered');
registerMethod({
  ...dop853,
  name: 'dop853-5-steps',
  summary: 'DOP853 limited to 5 steps per run (test only)',
  driver: { run: (setup, sink) => dop853.driver.run({ ...setup, maxSteps: Math.min(setup.maxSteps, 5) }, sink) },
});

describe("a failed integration is an IntegrationError with status and time reached, never 'no critical time'", () => {
  for (const method of ['ode', 'inverse-ode'] as const) {
    it(`method '${method}': the solver's status, a time reached in the caller's unit, and a sentence naming both`, () => {
      const options = { objective: 'jepa', depth: 30, epsilon: 1e-3, method, solver: 'dop853-5-steps' } as const;
      const caught: unknown[] = [];
      for (const timeUnit of ['gradient-flow', 'paper'] as const) {
        try {
          criticalTime({ lambda: 1, rho: 2 }, { ...options, timeUnit });
        } catch (error) {
          caught.push(error);
        }
      }
      const [flow, paper] = caught;
      if (!(flow instanceof IntegrationError && paper instanceof IntegrationError))
        throw new Error(`expected IntegrationErrors, got ${String(caught)}`);
      expect(flow.status).toBe('max-steps');
      // five DOP853 steps from u0 cover a positive part of t* = 22592.86…, not all of it
      expect(flow.tReached).toBeGreaterThan(0);
      expect(flow.tReached).toBeLessThan(22592.85910695773);
      expect(paper.tReached).toBeCloseTo(30 * flow.tReached, 6);
      expect(flow.message).toContain("'max-steps'");
      expect(flow.message.split('\n')).toHaveLength(1);
    });
  }
});

describe('rtol of the integrating methods', () => {
  it('is a number from 100 machine epsilons up to, not including, 1', () => {
    for (const rtol of [1, 0.5 + 0.5, 10, 1e-20, 0, -1e-8, Number.NaN]) {
      expect(() => criticalTime({ lambda: 1, rho: 2 }, { objective: 'jepa', depth: 2, epsilon: 1e-3, method: 'ode', rtol })).toThrow(
        InvalidArgumentError,
      );
    }
    for (const rtol of [MIN_RELATIVE_TOLERANCE, 1e-6]) {
      const r = criticalTime({ lambda: 1, rho: 2 }, { objective: 'jepa', depth: 2, epsilon: 1e-3, method: 'ode', rtol });
      expect(r.exists).toBe(true);
    }
  });
});
