/**
 * createIntegrator: the steps of solveIvp, one at a time. The truth for "same steps"
 * is solveIvp itself over the same interval with the same options (bit-identical
 * times and states); for the values, closed-form solutions.
 */
import { describe, expect, it } from 'vitest';
import { createIntegrator, InvalidArgumentError, solveIvp } from '../../src/index.js';
import type { IntegratorState, Method } from '../../src/index.js';
import { expSin, lotkaVolterra } from './problems.js';
import { vdp, vdpJac } from './stiffProblems.js';

/** Steps an integrator to its end, collecting the times and states it reports. */
function drain(step: () => IntegratorState, first: IntegratorState): { t: number[]; y: number[][]; last: IntegratorState } {
  const t = [first.t];
  const y = [Array.from(first.y)];
  let s = first;
  while (s.status === 'running') {
    s = step();
    t.push(s.t);
    y.push(Array.from(s.y));
  }
  return { t, y, last: s };
}

describe('createIntegrator takes exactly the steps of solveIvp', () => {
  const cases: [Method, typeof lotkaVolterra, number[], number, object][] = [
    ['dopri5', lotkaVolterra, [10, 5], 15, { rtol: 1e-8, atol: 1e-8 }],
    ['dop853', lotkaVolterra, [10, 5], 15, { rtol: 1e-10, atol: 1e-10 }],
    ['rodas4', vdp, [2, 0], 2, { rtol: 1e-6, atol: 1e-6, jacobian: vdpJac }],
    ['rodas4', vdp, [2, 0], 2, { rtol: 1e-6, atol: 1e-6 }],
    // radau5 brings the one-step driver's hooks: its own first step and last-step rule, Jacobian/LU reuse (controller.retain)
    ['radau5', vdp, [2, 0], 2, { rtol: 1e-6, atol: 1e-6, jacobian: vdpJac }],
    ['radau5', vdp, [2, 0], 2, { rtol: 1e-8, atol: 1e-8 }],
  ];
  for (const [method, f, y0, tEnd, options] of cases) {
    it(`${method}${'jacobian' in options ? ' (analytic Jacobian)' : ''}: same times, states and counters`, () => {
      const batch = solveIvp(f, [0, tEnd], y0, { method, ...options });
      const integrator = createIntegrator(f, 0, y0, { method, tEnd, ...options });
      const { t, y, last } = drain(() => integrator.step(), integrator.state);
      expect(batch.status).toBe('success');
      expect(last.status).toBe('finished');
      expect(t).toEqual(Array.from(batch.t));
      expect(y).toEqual(batch.y.map((row) => Array.from(row)));
      expect(last.stats.naccepted).toBe(batch.stats.naccepted);
      expect(last.stats.nrejected).toBe(batch.stats.nrejected);
      expect(last.stats.njev).toBe(batch.stats.njev);
      expect(last.stats.nlu).toBe(batch.stats.nlu);
      expect(last.stats.nsol).toBe(batch.stats.nsol);
      expect(last.stats.nnewton).toBe(batch.stats.nnewton);
      // dop853 pays 3 more evaluations per step for the dense output advanceTo needs
      const extra = method === 'dop853' ? 3 * batch.stats.naccepted : 0;
      expect(last.stats.nfev).toBe(batch.stats.nfev + extra);
      expect(last.message).toMatch(/^createIntegrator \(\w+\): reached t1 = /);
    });
  }

  it('advanceTo(t) returns what solveIvp returns at tEval = t, bit for bit', () => {
    const tEval = [0, 0.3, 1.7, 2.5, 6, 6.5, 9.99, 10];
    const batch = solveIvp(lotkaVolterra, [0, 10], [10, 5], { tEval, rtol: 1e-9, atol: 1e-9 });
    const integrator = createIntegrator(lotkaVolterra, 0, [10, 5], { tEnd: 10, rtol: 1e-9, atol: 1e-9 });
    const streamed = tEval.map((t) => integrator.advanceTo(t));
    expect(streamed.map((s) => s.t)).toEqual(tEval);
    expect(streamed.map((s) => Array.from(s.y))).toEqual(batch.y.map((row) => Array.from(row)));
    expect(streamed[streamed.length - 1].status).toBe('finished');
  });
});

describe('createIntegrator without an end', () => {
  it('integrates forward as far as asked: y = exp(sin t), to 1e-8 at rtol 1e-10', () => {
    const integrator = createIntegrator(expSin, 0, [1], { rtol: 1e-10, atol: 1e-12 });
    for (const t of [1, 5, 20, 100]) {
      const s = integrator.advanceTo(t);
      expect(s.status).toBe('running');
      // global error of dopri5 at rtol 1e-10 over t ≤ 100 (about 300 steps): well below 1e-8
      expect(Math.abs(s.y[0] - Math.exp(Math.sin(t)))).toBeLessThan(1e-8);
    }
    expect(integrator.state.t).toBeGreaterThanOrEqual(100);
  });

  it('integrates backward with tEnd: -Infinity', () => {
    const integrator = createIntegrator(expSin, 0, [1], { tEnd: Number.NEGATIVE_INFINITY, rtol: 1e-10, atol: 1e-12 });
    const s = integrator.advanceTo(-7);
    expect(Math.abs(s.y[0] - Math.exp(Math.sin(-7)))).toBeLessThan(1e-8);
    expect(integrator.state.t).toBeLessThanOrEqual(-7);
  });

  it('streams cooperatively: an async loop that yields between steps, stopped by an AbortSignal', async () => {
    const controller = new AbortController();
    const integrator = createIntegrator(expSin, 0, [1], { signal: controller.signal });
    let steps = 0;
    for (;;) {
      const s = integrator.step();
      if (s.status !== 'running') break;
      steps++;
      if (steps === 5) setTimeout(() => controller.abort(new Error('enough')), 0);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    expect(integrator.state.status).toBe('aborted');
    expect((integrator.state.cause as Error).message).toBe('enough');
    expect(integrator.state.message).toMatch(/^createIntegrator \(dopri5\): options\.signal was aborted; the integration stopped at t = /);
    expect(steps).toBeGreaterThanOrEqual(5);
    // nothing happens after the end
    const t = integrator.state.t;
    expect(integrator.step().t).toBe(t);
  });
});

describe('createIntegrator failures are statuses, misuse is an error', () => {
  it("f that throws: status 'f-error', the error as cause, the state where it stopped", () => {
    const boom = new Error('boom');
    const integrator = createIntegrator(
      (t, y, dy) => {
        if (t > 1) throw boom;
        dy[0] = -y[0];
      },
      0,
      [1],
    );
    const s = integrator.advanceTo(2);
    expect(s.status).toBe('f-error');
    expect(s.cause).toBe(boom);
    expect(s.t).toBeLessThanOrEqual(1);
    expect(Math.abs(s.y[0] - Math.exp(-s.t))).toBeLessThan(1e-5);
  });

  it('the stiffness test of an explicit method ends it with status stiff', () => {
    const integrator = createIntegrator((t, y, dy) => void (dy[0] = -1e5 * (y[0] - Math.cos(t))), 0, [1], { stiffnessCheck: 1 });
    const s = integrator.advanceTo(10);
    expect(s.status).toBe('stiff');
    expect(s.message).toMatch(/appears stiff/);
  });

  it('rejects methods that own their loop, solveIvp-only options, unknown keys, and a misused f', () => {
    const f = (_t: number, y: Float64Array, dy: Float64Array): void => {
      dy[0] = -y[0];
    };
    expect(() => createIntegrator(f, 0, [1], { method: 'odex' })).toThrow(
      /options\.method: must be a one-step method, 'dopri5', 'dop853'.*'odex'/,
    );
    expect(() => createIntegrator(f, 0, [1], { method: 'auto' as Method })).toThrow(InvalidArgumentError);
    expect(() => createIntegrator(f, 0, [1], { events: [] } as object)).toThrow(/options\.events: applies to solveIvp only/);
    expect(() => createIntegrator(f, 0, [1], { tEnd: 0 })).toThrow(/options\.tEnd: must be a number/);
    expect(() => createIntegrator(f, 0, [1], { max_step: 1 } as object)).toThrow(
      /options\.max_step: is not an option of createIntegrator \(did you mean 'maxStep'\?\)/,
    );
    expect(() => createIntegrator(f, 0, [1], { rtol: 0 })).toThrow(/^createIntegrator: invalid argument options\.rtol/);
    expect(() => createIntegrator(f, 0, [1, 2])).toThrow(/^createIntegrator: invalid argument f: .*left dydt\[1\] unwritten/);
  });

  it('advanceTo rejects a time before the last step or past tEnd', () => {
    const integrator = createIntegrator(expSin, 0, [1], { tEnd: 5 });
    integrator.advanceTo(3);
    expect(() => integrator.advanceTo(0)).toThrow(
      /Integrator\.advanceTo: invalid argument t: must not come before the start of the last step/,
    );
    expect(() => integrator.advanceTo(6)).toThrow(/must not pass options\.tEnd = 5/);
  });

  it('params reach f and the Jacobian', () => {
    const decay = (_t: number, y: Float64Array, dy: Float64Array, p: { k: number }): void => {
      dy[0] = -p.k * y[0];
    };
    const s = createIntegrator(decay, 0, [1], {
      method: 'rodas4',
      params: { k: 3 },
      jacobian: (_t, _y, jac, p) => void (jac[0] = -p.k),
      rtol: 1e-8,
      atol: 1e-10,
    }).advanceTo(1);
    // rodas4 at rtol 1e-8: global error ≲ 1e-7 relative
    expect(Math.abs(s.y[0] / Math.exp(-3) - 1)).toBeLessThan(1e-6);
  });
});
