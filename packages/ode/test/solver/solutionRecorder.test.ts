/**
 * Events: located on the dense output to |Δt| ≤ 1e-12·max(1, |t|), checked
 * against analytic crossing times, with direction, terminal and backward runs.
 */
import { describe, expect, it } from 'vitest';
import { solveIvp, InvalidArgumentError } from '../../src/index.js';
import type { Method } from '../../src/index.js';
import { GRAVITY, freeFall, rotation } from './problems.js';

const METHODS: Method[] = ['dopri5', 'dop853', 'odex'];

describe('solveIvp events', () => {
  for (const method of METHODS) {
    it(`${method}: a terminal event stops free fall at the analytic impact time √(2h/g)`, () => {
      // The exact solution is quadratic in t, which every method reproduces up to
      // rounding, so the located time must match the analytic one to the event
      // tolerance 1e-12·max(1, |t|) plus rounding.
      const h0 = 10;
      const r = solveIvp(freeFall, [0, 5], [h0, 0], {
        method,
        events: [{ g: (_t, y) => y[0], direction: -1, terminal: true }],
      });
      const tImpact = Math.sqrt((2 * h0) / GRAVITY);
      expect(r.status).toBe('event');
      expect(r.message).toContain(String(r.events[0].t));
      expect(r.events).toHaveLength(1);
      expect(r.events[0].index).toBe(0);
      expect(Math.abs(r.events[0].t - tImpact)).toBeLessThan(2e-12);
      expect(Math.abs(r.events[0].y[0])).toBeLessThan(1e-10);
      expect(r.t[r.t.length - 1]).toBe(r.events[0].t);
      expect(r.y[r.y.length - 1][0]).toBe(r.events[0].y[0]);
    });
  }

  it('locates every crossing of the rotation y1 = cos(t + t²/4) = 0, in order, to the stated tolerance on the dense output', () => {
    const T = 6;
    const r = solveIvp(rotation, [0, T], [1, 0], {
      method: 'dop853',
      rtol: 1e-12,
      atol: 1e-12,
      dense: true,
      events: [{ g: (_t, y) => y[0] }],
    });
    expect(r.status).toBe('success');
    // Exact crossings: t + t²/4 = π/2 + kπ, t = 2(√(1 + π/2 + kπ) − 1).
    const exact: number[] = [];
    for (let k = 0; ; k++) {
      const t = 2 * (Math.sqrt(1 + Math.PI / 2 + k * Math.PI) - 1);
      if (t > T) break;
      exact.push(t);
    }
    expect(r.events.map((e) => e.index)).toEqual(exact.map(() => 0));
    const sol = r.sol;
    if (sol === undefined) throw new Error('dense output missing');
    r.events.forEach((e, k) => {
      // Against the analytic time: global error ≈ 1e-11 at this tolerance, |y1'| ≥ 1.
      expect(Math.abs(e.t - exact[k])).toBeLessThan(1e-10);
      // On the dense output, g changes sign within the stated tolerance of e.t.
      const d = 1e-12 * Math.max(1, Math.abs(e.t));
      expect(Math.sign(sol(e.t - d)[0]) * Math.sign(sol(e.t + d)[0])).toBeLessThanOrEqual(0);
    });
  });

  it('direction +1 keeps only increasing crossings and −1 only decreasing ones', () => {
    const opts = { rtol: 1e-10, atol: 1e-10 };
    const g = (_t: number, y: Float64Array): number => y[0];
    const up = solveIvp(rotation, [0, 6], [1, 0], { ...opts, events: [{ g, direction: 1 }] });
    const down = solveIvp(rotation, [0, 6], [1, 0], { ...opts, events: [{ g, direction: -1 }] });
    const both = solveIvp(rotation, [0, 6], [1, 0], { ...opts, events: [{ g }] });
    // y1 = cos φ decreases through 0 at φ = π/2 + 2kπ, increases at 3π/2 + 2kπ.
    for (const e of up.events) expect(Math.sin(e.t + (e.t * e.t) / 4)).toBeLessThan(0);
    for (const e of down.events) expect(Math.sin(e.t + (e.t * e.t) / 4)).toBeGreaterThan(0);
    expect(up.events.length + down.events.length).toBe(both.events.length);
    expect(down.events.length).toBeGreaterThan(0);
    expect(up.events.length).toBeGreaterThan(0);
  });

  it('several event functions are reported in time order with their indices', () => {
    const r = solveIvp(freeFall, [0, 2], [10, 0], {
      events: [{ g: (_t, y) => y[0] - 5 }, { g: (t) => t - 0.5 }, { g: (_t, y) => y[0] - 8 }],
    });
    expect(r.status).toBe('success');
    expect(r.events.map((e) => e.index)).toEqual([1, 2, 0]);
    const ts = r.events.map((e) => e.t);
    expect(Math.abs(ts[0] - 0.5)).toBeLessThan(1e-12);
    expect(Math.abs(ts[1] - Math.sqrt((2 * 2) / GRAVITY))).toBeLessThan(2e-12);
    expect(Math.abs(ts[2] - Math.sqrt((2 * 5) / GRAVITY))).toBeLessThan(2e-12);
  });

  for (const method of METHODS) {
    it(`${method}: events are located when integrating backward in time`, () => {
      // Backward from t = 2 with the state of the fall started at t = 0 from 10 m:
      // height 10 − g t²/2 reaches 5 at t = √(10/g) on the way back.
      const t1 = 2;
      const r = solveIvp(freeFall, [t1, 0], [10 - (GRAVITY * t1 * t1) / 2, -GRAVITY * t1], {
        method,
        events: [{ g: (_t, y) => y[0] - 5, terminal: true }],
      });
      expect(r.status).toBe('event');
      expect(Math.abs(r.events[0].t - Math.sqrt(10 / GRAVITY))).toBeLessThan(2e-12);
    });
  }

  it("an event function that throws ends the run with status 'f-error', naming it and the time, the error as cause", () => {
    const boom = new Error('boom');
    const r = solveIvp(freeFall, [0, 1], [10, 0], {
      events: [
        { g: (_t, y) => y[0] },
        {
          g: (t) => {
            if (t > 0.3) throw boom;
            return 1;
          },
        },
      ],
    });
    expect(r.status).toBe('f-error');
    expect(r.cause).toBe(boom);
    expect(r.message).toMatch(/options\.events\[1\]\.g threw "boom" at t = /);
  });

  it("an event function that returns NaN ends the run with status 'f-error', the rule in the message and the cause", () => {
    const r = solveIvp(freeFall, [0, 1], [10, 0], { events: [{ g: () => Number.NaN }] });
    expect(r.status).toBe('f-error');
    expect(r.cause).toBeInstanceOf(InvalidArgumentError);
    expect(r.message).toMatch(/options\.events\[0\]\.g: must return a finite number, but it returned NaN at t = 0/);
    expect(Array.from(r.t)).toEqual([0]);
  });
});
