/**
 * The output side of the driver, shared by every method (the Runge–Kutta driver
 * and the odex adapter): records the solution at every accepted step or at
 * `tEval`, locates events on the dense output, stores the continuous solution
 * for `sol(t)`, and assembles the {@link SolveResult}.
 *
 * @module
 */

import { InvalidArgumentError } from '@jepa-dynamics/core';
import { brentRoot } from './brentRoot.js';
import type { NormalizedProblem } from './normalizeProblem.js';
import type { EventRecord, SolveResult, SolveStats, SolveStatus } from './types.js';

/** Evaluates one step's stored dense output at `theta ∈ [0, 1]` into `out`. */
export type Interpolate = (coef: Float64Array, offset: number, theta: number, out: Float64Array) => void;

/** A growable Float64Array (amortised doubling), for the stored dense output. */
class GrowableArray {
  data: Float64Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Float64Array(Math.max(16, capacity));
  }
  reserve(extra: number): void {
    if (this.length + extra <= this.data.length) return;
    let cap = this.data.length * 2;
    while (cap < this.length + extra) cap *= 2;
    const next = new Float64Array(cap);
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }
  push(x: number): void {
    this.reserve(1);
    this.data[this.length++] = x;
  }
  append(values: Float64Array, count: number): void {
    this.reserve(count);
    const data = this.data;
    let j = this.length;
    for (let i = 0; i < count; i++) data[j++] = values[i];
    this.length = j;
  }
}

interface PendingEvent {
  index: number;
  t: number;
  terminal: boolean;
}

/** Records what a run produces; see the module comment. */
export class SolutionRecorder {
  /** Whether the steppers must produce dense output (`dense`, `tEval` or events). */
  readonly needsDense: boolean;
  /** Last time reached (t0 until a step is accepted; the event time after a terminal event). */
  tReached: number;

  private readonly n: number;
  private readonly outT = new GrowableArray(64);
  /** Output states, row after row (n numbers each); split into rows at the end. */
  private readonly outY: GrowableArray;
  private readonly events: EventRecord[] = [];
  private tEvalIndex = 0;
  private readonly gOld: Float64Array;
  private readonly scratch: Float64Array;
  private readonly stepT = new GrowableArray(64);
  private readonly stepH = new GrowableArray(64);
  private readonly stepCoef: GrowableArray;
  private readonly pending: PendingEvent[] = [];

  /**
   * @param problem - the validated problem.
   * @param denseSize - numbers per step of the method's dense output.
   * @param interpolate - evaluates a step's dense output (pure).
   */
  constructor(
    private readonly problem: NormalizedProblem,
    private readonly denseSize: number,
    private readonly interpolate: Interpolate,
  ) {
    this.n = problem.n;
    this.needsDense = problem.dense || problem.tEval !== null || problem.events.length > 0;
    this.tReached = problem.t0;
    this.gOld = new Float64Array(problem.events.length);
    this.scratch = new Float64Array(problem.n);
    this.stepCoef = new GrowableArray(problem.dense ? 64 * denseSize : 0);
    this.outY = new GrowableArray(64 * problem.n);
  }

  /** Appends one output point. */
  private output(t: number, y: Float64Array): void {
    this.outT.push(t);
    this.outY.append(y, this.n);
  }

  /** Records the initial point and the event functions' values there. */
  start(): void {
    const { t0, y0, tEval, events } = this.problem;
    if (tEval === null) {
      this.output(t0, y0);
    } else {
      while (this.tEvalIndex < tEval.length && tEval[this.tEvalIndex] === t0) {
        this.output(t0, y0);
        this.tEvalIndex++;
      }
    }
    for (let k = 0; k < events.length; k++) this.gOld[k] = this.callEvent(k, t0, y0);
  }

  /**
   * Records one accepted step from `tOld` to `tNew = tOld + h` (`tNew` exact at
   * the end of the interval) with new state `yNew` and dense coefficients `coef`
   * (ignored unless `needsDense`). Returns true when a terminal event ends the run.
   * @throws {InvalidArgumentError} when an event function throws or returns a non-finite value.
   */
  step(tOld: number, h: number, tNew: number, yNew: Float64Array, coef: Float64Array): boolean {
    const { events, direction, tEval } = this.problem;
    let tEnd = tNew;
    let yEnd: Float64Array = yNew;
    let terminal = false;

    if (events.length > 0) {
      const pending = this.pending;
      pending.length = 0;
      for (let k = 0; k < events.length; k++) {
        const g0 = this.gOld[k];
        const g1 = this.callEvent(k, tNew, yNew);
        this.gOld[k] = g1;
        // A crossing: strict sign change, or arrival at exactly 0 from a nonzero value.
        const up = g0 < 0 && g1 >= 0;
        const down = g0 > 0 && g1 <= 0;
        const ev = events[k];
        if (!((up && ev.direction >= 0) || (down && ev.direction <= 0))) continue;
        const gDense = (t: number): number => {
          this.interpolate(coef, 0, (t - tOld) / h, this.scratch);
          return this.callEvent(k, t, this.scratch);
        };
        // |Δt| ≤ 1e-12·max(1, |t|): brentRoot returns within tol + 4ε|t| of a sign change.
        const tol = 0.5e-12 * Math.max(1, Math.abs(tOld), Math.abs(tNew));
        const te = brentRoot(gDense, tOld, tNew, g0, g1, tol);
        pending.push({ index: k, t: te, terminal: ev.terminal });
      }
      if (pending.length > 0) {
        pending.sort((a, b) => (a.t - b.t) * direction || a.index - b.index);
        for (const p of pending) {
          if (terminal && p.t !== tEnd) break;
          const y = this.stateAt(tOld, h, tNew, yNew, coef, p.t);
          this.events.push({ index: p.index, t: p.t, y });
          if (p.terminal && !terminal) {
            terminal = true;
            tEnd = p.t;
            yEnd = y;
          }
        }
      }
    }

    if (tEval === null) {
      this.output(tEnd, yEnd);
    } else {
      while (this.tEvalIndex < tEval.length && (tEval[this.tEvalIndex] - tEnd) * direction <= 0) {
        const te = tEval[this.tEvalIndex++];
        if (te === tEnd) this.output(te, yEnd);
        else {
          this.interpolate(coef, 0, (te - tOld) / h, this.scratch);
          this.output(te, this.scratch);
        }
      }
    }

    if (this.problem.dense) {
      this.stepT.push(tOld);
      this.stepH.push(h);
      this.stepCoef.append(coef, this.denseSize);
    }
    this.tReached = tEnd;
    return terminal;
  }

  /** The state at `t` within the current step: exact at the ends, dense inside. */
  private stateAt(tOld: number, h: number, tNew: number, yNew: Float64Array, coef: Float64Array, t: number): Float64Array {
    if (t === tNew) return yNew.slice();
    const out = new Float64Array(this.n);
    this.interpolate(coef, 0, (t - tOld) / h, out);
    return out;
  }

  private callEvent(k: number, t: number, y: Float64Array): number {
    const ev = this.problem.events[k];
    let v: number;
    try {
      v = ev.g(t, y);
    } catch (e) {
      const what = e instanceof Error ? e.message : String(e);
      throw new InvalidArgumentError(
        'solveIvp',
        `options.events[${k}].g`,
        `must return a finite number without throwing, but it threw ${JSON.stringify(what)} at t = ${t}`,
        ev.g,
      );
    }
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new InvalidArgumentError(
        'solveIvp',
        `options.events[${k}].g`,
        `must return a finite number, but it returned ${String(v)} at t = ${t}`,
        ev.g,
      );
    }
    return v;
  }

  /** Assembles the result. */
  result(status: SolveStatus, message: string, stats: SolveStats): SolveResult {
    const count = this.outT.length;
    const n = this.n;
    // One buffer for all rows: each row is a view of its own n numbers.
    const buffer = this.outY.data.slice(0, count * n);
    const y: Float64Array[] = new Array<Float64Array>(count);
    for (let k = 0; k < count; k++) y[k] = buffer.subarray(k * n, (k + 1) * n);
    const res: SolveResult = {
      t: this.outT.data.slice(0, count),
      y,
      status,
      message,
      stats,
      events: this.events,
    };
    if (this.problem.dense) res.sol = this.makeSol();
    return res;
  }

  private makeSol(): (t: number) => Float64Array {
    const { t0, y0, direction, n } = this.problem;
    const count = this.stepT.length;
    const ts = this.stepT.data.slice(0, count);
    const hs = this.stepH.data.slice(0, count);
    const coef = this.stepCoef.data.slice(0, count * this.denseSize);
    const tEnd = this.tReached;
    const lo = Math.min(t0, tEnd);
    const hi = Math.max(t0, tEnd);
    const y0copy = y0.slice();
    const size = this.denseSize;
    const interpolate = this.interpolate;
    return (t: number): Float64Array => {
      if (typeof t !== 'number' || !(t >= lo && t <= hi)) {
        throw new InvalidArgumentError('sol', 't', `must lie in the integrated interval [${lo}, ${hi}]`, t);
      }
      if (count === 0 || t === t0) return y0copy.slice();
      // Last step whose start is not after t (in the direction of integration).
      let a = 0;
      let b = count - 1;
      while (a < b) {
        const m = (a + b + 1) >> 1;
        if ((t - ts[m]) * direction >= 0) a = m;
        else b = m - 1;
      }
      const theta = Math.min(1, Math.max(0, (t - ts[a]) / hs[a]));
      const out = new Float64Array(n);
      interpolate(coef, a * size, theta, out);
      return out;
    };
  }
}
