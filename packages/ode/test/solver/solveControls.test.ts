/**
 * Watching and steering solveIvp: onStep, signal, params, and the result type with
 * dense: true. The truth for onStep is the result itself (every accepted step is in
 * result.t when there is no tEval); for params, the same problem written with a closure.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { solveIvp } from '../../src/index.js';
import type { DenseSolveResult, EventFunction, Method, RhsFunction, SolveResult, StepStats } from '../../src/index.js';
import { freeFall, GRAVITY, lotkaVolterra } from './problems.js';

const METHODS: Method[] = ['dopri5', 'dop853', 'odex', 'rodas4', 'bdf'];

describe('onStep', () => {
  for (const method of METHODS) {
    it(`${method}: is called once per accepted step with the recorded time and state, and the counters so far`, () => {
      const seen: { t: number; y: number[]; stats: StepStats }[] = [];
      const r = solveIvp(lotkaVolterra, [0, 5], [10, 5], {
        method,
        onStep: (t, y, stats) => {
          seen.push({ t, y: Array.from(y), stats });
        },
      });
      expect(r.status).toBe('success');
      expect(seen.map((s) => s.t)).toEqual(Array.from(r.t).slice(1));
      expect(seen.map((s) => s.y)).toEqual(r.y.slice(1).map((row) => Array.from(row)));
      expect(seen.map((s) => s.stats.naccepted)).toEqual(seen.map((_s, k) => k + 1));
      expect(seen[seen.length - 1].stats.nfev).toBe(r.stats.nfev);
      for (let k = 0; k < seen.length; k++) expect(seen[k].stats.h).toBeCloseTo(r.t[k + 1] - r.t[k], 12);
    });

    it(`${method}: returning false ends the run with status 'stopped' at that step, keeping the result`, () => {
      const r = solveIvp(lotkaVolterra, [0, 5], [10, 5], { method, dense: true, onStep: (t) => t < 1 });
      expect(r.status).toBe('stopped');
      const last = r.t[r.t.length - 1];
      expect(last).toBeGreaterThanOrEqual(1);
      expect(r.t[r.t.length - 2]).toBeLessThan(1);
      expect(r.message).toContain(`onStep returned false at t = ${last}`);
      // the dense output at the end of the last step is that step's state, up to rounding
      const atEnd = r.sol(last);
      r.y[r.y.length - 1].forEach((v, i) => expect(Math.abs(atEnd[i] - v)).toBeLessThanOrEqual(1e-13 * Math.abs(v)));
    });
  }

  it('sees a terminal event at the event time and state', () => {
    const calls: number[] = [];
    const r = solveIvp(freeFall, [0, 5], [10, 0], {
      events: [{ g: (_t, y) => y[0], terminal: true }],
      onStep: (t) => void calls.push(t),
    });
    expect(r.status).toBe('event');
    expect(calls[calls.length - 1]).toBe(r.events[0].t);
    expect(Math.abs(r.events[0].t - Math.sqrt(20 / GRAVITY))).toBeLessThan(1e-12);
  });

  it("that throws ends the run with status 'f-error'", () => {
    const r = solveIvp(lotkaVolterra, [0, 5], [10, 5], {
      onStep: (t) => {
        if (t > 2) throw new RangeError('plot failed');
      },
    });
    expect(r.status).toBe('f-error');
    expect(r.message).toMatch(/options\.onStep threw "plot failed" at t = /);
    expect(r.cause).toBeInstanceOf(RangeError);
  });
});

describe('signal', () => {
  it("already aborted: status 'aborted' at t0, the reason as cause, f never called", () => {
    const controller = new AbortController();
    controller.abort('not now');
    let calls = 0;
    const r = solveIvp(
      (_t, y, dy) => {
        calls++;
        dy[0] = -y[0];
      },
      [0, 1],
      [1],
      { signal: controller.signal },
    );
    expect(r.status).toBe('aborted');
    expect(r.cause).toBe('not now');
    expect(Array.from(r.t)).toEqual([0]);
    expect(calls).toBe(0);
  });

  for (const method of METHODS) {
    it(`${method}: aborted during the run (from onStep), checked after every step`, () => {
      const controller = new AbortController();
      const r = solveIvp(lotkaVolterra, [0, 5], [10, 5], {
        method,
        signal: controller.signal,
        onStep: (_t, _y, stats) => {
          if (stats.naccepted === 3) controller.abort();
        },
      });
      expect(r.status).toBe('aborted');
      expect(r.t.length).toBe(4);
      expect(r.cause).toBeInstanceOf(Error);
      expect(r.message).toMatch(/options\.signal was aborted; the integration stopped at t = /);
    });
  }

  it('rejects a value that is not an AbortSignal', () => {
    expect(() => solveIvp(lotkaVolterra, [0, 1], [1, 1], { signal: true as never })).toThrow(/options\.signal: must be an AbortSignal/);
  });
});

describe('params', () => {
  /** y' = −k y + c, event at y = level: all three read params. */
  interface Decay {
    k: number;
    c: number;
    level: number;
  }
  const f: RhsFunction<Decay> = (_t, y, dy, p) => {
    dy[0] = -p.k * y[0] + p.c;
  };
  const event: EventFunction<Decay> = { g: (_t, y, p) => y[0] - p.level };

  for (const method of METHODS) {
    it(`${method}: one f serves many parameter sets, exactly as closures do`, () => {
      for (const p of [
        { k: 1, c: 0, level: 0.5 },
        { k: 3, c: 1, level: 0.5 },
      ]) {
        const withParams = solveIvp(f, [0, 2], [1], {
          method,
          params: p,
          events: [event],
          jacobian: (_t, _y, jac, q) => void (jac[0] = -q.k),
        });
        const withClosure = solveIvp((_t, y, dy) => void (dy[0] = -p.k * y[0] + p.c), [0, 2], [1], {
          method,
          events: [{ g: (_t, y) => y[0] - p.level }],
          jacobian: (_t, _y, jac) => void (jac[0] = -p.k),
        });
        expect(Array.from(withParams.t)).toEqual(Array.from(withClosure.t));
        expect(withParams.y).toEqual(withClosure.y);
        expect(withParams.events).toEqual(withClosure.events);
        // the solution y = c/k + (1 − c/k) e^{−kt} at t = 2, to the default tolerances
        const exact = p.c / p.k + (1 - p.c / p.k) * Math.exp(-2 * p.k);
        expect(Math.abs(withParams.y[withParams.y.length - 1][0] - exact)).toBeLessThan(1e-5);
      }
    });
  }
});

describe('types', () => {
  it('sol is present in the type of the result with dense: true, optional otherwise', () => {
    const dense = solveIvp(lotkaVolterra, [0, 1], [1, 1], { dense: true });
    expectTypeOf(dense).toEqualTypeOf<DenseSolveResult>();
    expectTypeOf(dense.sol).toEqualTypeOf<(t: number) => Float64Array>();
    expect(dense.sol(0.5)).toHaveLength(2);
    const plain = solveIvp(lotkaVolterra, [0, 1], [1, 1]);
    expectTypeOf(plain).toEqualTypeOf<SolveResult>();
    // @ts-expect-error sol may be undefined without dense: true
    const use = (): Float64Array => plain.sol(0.5);
    expect(typeof use).toBe('function');
  });

  it('params are typed from f', () => {
    const f = (_t: number, y: Float64Array, dy: Float64Array, p: { k: number }): void => {
      dy[0] = -p.k * y[0];
    };
    // @ts-expect-error params must match f's fourth parameter
    const wrong = (): SolveResult => solveIvp(f, [0, 1], [1], { params: { k: 'fast' } });
    expect(typeof wrong).toBe('function');
    expect(solveIvp(f, [0, 1], [1], { params: { k: 2 } }).status).toBe('success');
  });
});
