/**
 * The output side of `solveIvp`, shared by every method and driver: records the
 * solution at every accepted step or at `tEval`, locates events (and the restarts
 * of the clock) on the dense output, stores the continuous solution for `sol(t)`,
 * and assembles the {@link SolveResult}. It is the {@link StepSink} of every run.
 *
 * Times: the drivers work in local time τ of the current clock segment; the
 * recorder maps it to absolute time `origin + τ` (origin 0 and τ = t without clock
 * restarts). Steps of different methods (after a switch under `method: 'auto'`)
 * are stored with their own interpolants.
 *
 * @module
 */

import { InvalidArgumentError } from '@jepa-dynamics/core';
import { brentRoot } from './brentRoot.js';
import { CallbackFailure, failureOf } from './callbackFailure.js';
import type { StepSink } from './driver.js';
import type { NormalizedProblem } from './normalizeProblem.js';
import type { DenseInterpolant } from './stepper.js';
import type { ClockSegment, EventRecord, MethodSwitch, SolveResult, SolveStats, SolveStatus } from './types.js';

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
  /** Index into `options.events`, or −1 for the clock restart. */
  index: number;
  t: number;
  terminal: boolean;
}

/** Index of the clock-restart crossing among the pending events (sorted before user events at the same time). */
const RESTART = -1;

/** A stored clock segment: its origin, where it ends, and its steps in the dense store. */
interface StoredSegment {
  origin: number;
  /** Absolute end (updated as the segment grows). */
  end: number;
  firstStep: number;
}

/** Records what a run produces; see the module comment. */
export class SolutionRecorder implements StepSink {
  /** Whether the runs must produce dense output (`dense`, `tEval`, events or clock restarts). */
  readonly needsDense: boolean;
  /** Last time reached (absolute): t0 until a step is accepted; the event or restart time after a stop. */
  tReached: number;
  /** Why the last `step` returned true: a terminal user event, or the end of a clock segment. */
  stopReason: 'event' | 'restart' | undefined;
  /** After a stop for a restart: its local time and the state there. */
  restartTime = 0;
  restartState: Float64Array;

  private readonly n: number;
  private readonly outT = new GrowableArray(64);
  /** Output states, row after row (n numbers each); split into rows at the end. */
  private readonly outY: GrowableArray;
  private readonly events: EventRecord[] = [];
  private tEvalIndex = 0;
  /** Local times of the remaining `tEval` entries in the current segment (indexed like tEval). */
  private readonly localEval: Float64Array;
  private readonly gOld: Float64Array;
  private readonly scratch: Float64Array;
  private readonly pending: PendingEvent[] = [];
  private origin = 0;
  /** Level of `|measure|` that ends the current segment; 0 when no restart is pending. */
  private restartLevel = 0;
  private restartOld = 0;
  private readonly stepT = new GrowableArray(64);
  private readonly stepH = new GrowableArray(64);
  private readonly stepOffset = new GrowableArray(64);
  private readonly stepInterpolant = new GrowableArray(64);
  private readonly stepCoef = new GrowableArray(64);
  private readonly interpolants: DenseInterpolant[] = [];
  private readonly segments: StoredSegment[] = [];
  private readonly durations: ClockSegment[] = [];

  /** @param problem - the validated problem. */
  constructor(private readonly problem: NormalizedProblem) {
    this.n = problem.n;
    this.needsDense = problem.dense || problem.tEval !== null || problem.events.length > 0 || problem.clockRestart !== undefined;
    this.tReached = problem.t0;
    this.gOld = new Float64Array(problem.events.length);
    this.scratch = new Float64Array(problem.n);
    this.outY = new GrowableArray(64 * problem.n);
    this.localEval = new Float64Array(problem.tEval?.length ?? 0);
    this.restartState = problem.y0;
    const measure = problem.clockRestart?.measure;
    this.measure = measure === undefined ? undefined : (_t, y) => measure(y);
  }

  /** The restart measure with the signature of an event function (for {@link finiteResult}). */
  private readonly measure: ((t: number, y: Float64Array) => number) | undefined;

  /** Appends one output point. */
  private output(t: number, y: Float64Array): void {
    this.outT.push(t);
    this.outY.append(y, this.n);
  }

  /**
   * Starts a segment of the clock at absolute time `origin + a` with state `y`; the
   * runs of the segment go from local `a` to local `b`. Without clock restarts there
   * is one segment: origin 0, `[a, b] = [t0, t1]`. Outputs the initial point (first
   * segment, no tEval) or the `tEval` entries at `a`, and evaluates the event
   * functions (and the restart measure) at the start.
   * @throws {CallbackFailure} when an event function or the measure throws or returns a non-finite value.
   */
  beginSegment(origin: number, a: number, b: number, y: Float64Array): void {
    const { tEval, events, direction, clockRestart } = this.problem;
    const first = this.segments.length === 0;
    this.origin = origin;
    this.stopReason = undefined;
    this.segments.push({ origin, end: origin + a, firstStep: this.stepT.length });
    if (clockRestart !== undefined) this.durations.push({ start: origin, duration: a });
    if (tEval === null) {
      if (first) this.output(origin + a, y);
    } else {
      for (let k = this.tEvalIndex; k < tEval.length; k++) {
        // With restarts, outputs at or past the end of the segment's interval are clamped
        // to it (they can only be there by rounding of the origin).
        const local = clockRestart === undefined ? tEval[k] : tEval[k] - origin;
        this.localEval[k] = direction > 0 ? Math.min(b, Math.max(a, local)) : Math.max(b, Math.min(a, local));
      }
      while (this.tEvalIndex < tEval.length && this.localEval[this.tEvalIndex] === a) {
        this.output(tEval[this.tEvalIndex], y);
        this.tEvalIndex++;
      }
    }
    for (let k = 0; k < events.length; k++) this.gOld[k] = this.callEvent(k, origin + a, y);
    if (clockRestart !== undefined) {
      const m = Math.abs(this.callMeasure(origin + a, y));
      this.restartLevel = clockRestart.factor * m;
      this.restartOld = m - this.restartLevel;
    }
  }

  /** Every remaining `tEval` output gets the state `y` (a segment too short to integrate, by rounding of its origin). */
  finishWith(y: Float64Array): void {
    const { tEval } = this.problem;
    if (tEval === null) return;
    for (; this.tEvalIndex < tEval.length; this.tEvalIndex++) this.output(tEval[this.tEvalIndex], y);
  }

  /**
   * Records one accepted step from `tOld` to `tNew = tOld + h` (local times; `tNew`
   * exact at the end of a run's stretch) with new state `yNew` and dense output `coef`
   * evaluated by `dense` (ignored unless `needsDense`). Returns true when the run must
   * stop: a terminal event, or the end of the clock segment (`stopReason` says which).
   * @throws {CallbackFailure} when an event function or the measure throws or returns a non-finite value.
   */
  step(tOld: number, h: number, tNew: number, yNew: Float64Array, coef: Float64Array, dense: DenseInterpolant): boolean {
    const { events, direction, tEval, clockRestart } = this.problem;
    const origin = this.origin;
    let tEnd = tNew;
    let yEnd: Float64Array = yNew;
    let terminal = false;
    let userStop = false;

    if (events.length > 0 || this.restartLevel > 0) {
      const pending = this.pending;
      pending.length = 0;
      // |Δt| ≤ 1e-12·max(1, |t|): brentRoot returns within tol + 4ε|t| of a sign change.
      const tol = 0.5e-12 * Math.max(1, Math.abs(tOld), Math.abs(tNew));
      if (clockRestart !== undefined && this.restartLevel > 0) {
        const r0 = this.restartOld;
        const r1 = Math.abs(this.callMeasure(origin + tNew, yNew)) - this.restartLevel;
        this.restartOld = r1;
        if (r0 < 0 && r1 >= 0) {
          const level = this.restartLevel;
          const rDense = (t: number): number => {
            dense.interpolate(coef, 0, (t - tOld) / h, this.scratch);
            return Math.abs(this.callMeasure(origin + t, this.scratch)) - level;
          };
          pending.push({ index: RESTART, t: brentRoot(rDense, tOld, tNew, r0, r1, tol), terminal: true });
        }
      }
      for (let k = 0; k < events.length; k++) {
        const g0 = this.gOld[k];
        const g1 = this.callEvent(k, origin + tNew, yNew);
        this.gOld[k] = g1;
        // A crossing: strict sign change, or arrival at exactly 0 from a nonzero value.
        const up = g0 < 0 && g1 >= 0;
        const down = g0 > 0 && g1 <= 0;
        const ev = events[k];
        if (!((up && ev.direction >= 0) || (down && ev.direction <= 0))) continue;
        const gDense = (t: number): number => {
          dense.interpolate(coef, 0, (t - tOld) / h, this.scratch);
          return this.callEvent(k, origin + t, this.scratch);
        };
        pending.push({ index: k, t: brentRoot(gDense, tOld, tNew, g0, g1, tol), terminal: ev.terminal });
      }
      if (pending.length > 0) {
        pending.sort((a, b) => (a.t - b.t) * direction || a.index - b.index);
        for (const p of pending) {
          if (terminal && p.t !== tEnd) break;
          const y = this.stateAt(tOld, h, tNew, yNew, coef, dense, p.t);
          if (p.index !== RESTART) this.events.push({ index: p.index, t: origin + p.t, y });
          if (p.terminal && p.index !== RESTART) userStop = true;
          if (p.terminal && !terminal) {
            terminal = true;
            tEnd = p.t;
            yEnd = y;
          }
        }
      }
    }
    const restart = terminal && !userStop;

    if (tEval === null) {
      this.output(origin + tEnd, yEnd);
    } else {
      const local = this.localEval;
      // At a restart, outputs at its time are left to the next segment (they start it).
      while (
        this.tEvalIndex < tEval.length &&
        (restart ? (local[this.tEvalIndex] - tEnd) * direction < 0 : (local[this.tEvalIndex] - tEnd) * direction <= 0)
      ) {
        const te = local[this.tEvalIndex];
        if (te === tEnd) this.output(tEval[this.tEvalIndex], yEnd);
        else {
          dense.interpolate(coef, 0, (te - tOld) / h, this.scratch);
          this.output(tEval[this.tEvalIndex], this.scratch);
        }
        this.tEvalIndex++;
      }
    }

    if (this.problem.dense) this.store(tOld, h, coef, dense);
    this.segments[this.segments.length - 1].end = origin + tEnd;
    this.tReached = origin + tEnd;
    if (this.durations.length > 0) this.durations[this.durations.length - 1].duration = tEnd;
    if (!terminal) return false;
    this.stopReason = restart ? 'restart' : 'event';
    this.restartTime = tEnd;
    // A terminal crossing's state comes from stateAt: a fresh array.
    this.restartState = yEnd;
    return true;
  }

  /** Keeps one step's dense output for `sol(t)`. */
  private store(tOld: number, h: number, coef: Float64Array, dense: DenseInterpolant): void {
    let which = this.interpolants.length - 1;
    if (which < 0 || this.interpolants[which] !== dense) {
      which = this.interpolants.indexOf(dense);
      if (which < 0) which = this.interpolants.push(dense) - 1;
    }
    this.stepT.push(tOld);
    this.stepH.push(h);
    this.stepOffset.push(this.stepCoef.length);
    this.stepInterpolant.push(which);
    this.stepCoef.append(coef, dense.denseSize);
  }

  /** The state at local `t` within the current step: exact at the end, dense inside. */
  private stateAt(
    tOld: number,
    h: number,
    tNew: number,
    yNew: Float64Array,
    coef: Float64Array,
    dense: DenseInterpolant,
    t: number,
  ): Float64Array {
    if (t === tNew) return yNew.slice();
    const out = new Float64Array(this.n);
    dense.interpolate(coef, 0, (t - tOld) / h, out);
    return out;
  }

  private callEvent(k: number, t: number, y: Float64Array): number {
    const g = this.problem.events[k].g;
    return finiteResult(g, t, y, `options.events[${k}].g`, g);
  }

  private callMeasure(t: number, y: Float64Array): number {
    return this.measure === undefined
      ? 0
      : finiteResult(this.measure, t, y, 'options.clockRestart.measure', this.problem.clockRestart?.measure);
  }

  /** Assembles the result. */
  result(status: SolveStatus, message: string, stats: SolveStats, switches: MethodSwitch[] | undefined): SolveResult {
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
    if (switches !== undefined) res.switches = switches;
    if (this.problem.clockRestart !== undefined) res.segments = this.durations;
    return res;
  }

  private makeSol(): (t: number) => Float64Array {
    const { t0, y0, direction, n } = this.problem;
    const count = this.stepT.length;
    const ts = this.stepT.data.slice(0, count);
    const hs = this.stepH.data.slice(0, count);
    const offsets = this.stepOffset.data.slice(0, count);
    const which = this.stepInterpolant.data.slice(0, count);
    const coef = this.stepCoef.data.slice(0, this.stepCoef.length);
    const interpolants = this.interpolants.slice();
    const segments = this.segments.map((s) => ({ ...s }));
    const tEnd = this.tReached;
    const lo = Math.min(t0, tEnd);
    const hi = Math.max(t0, tEnd);
    const y0copy = y0.slice();
    return (t: number): Float64Array => {
      if (typeof t !== 'number' || !(t >= lo && t <= hi)) {
        throw new InvalidArgumentError('sol', 't', `must lie in the integrated interval [${lo}, ${hi}]`, t);
      }
      if (count === 0 || t === t0) return y0copy.slice();
      // The segment: the first whose end is after t (the last one otherwise).
      let s = 0;
      while (s < segments.length - 1 && (t - segments[s].end) * direction >= 0) s++;
      // A segment without steps (a run that failed at once) is covered by the one before.
      const stepsEnd = (k: number): number => (k + 1 < segments.length ? segments[k + 1].firstStep : count);
      while (s > 0 && stepsEnd(s) === segments[s].firstStep) s--;
      const seg = segments[s];
      const local = t - seg.origin;
      // Last step of the segment whose start is not after t (in the direction of integration).
      let a = seg.firstStep;
      let b = stepsEnd(s) - 1;
      while (a < b) {
        const m = (a + b + 1) >> 1;
        if ((local - ts[m]) * direction >= 0) a = m;
        else b = m - 1;
      }
      const theta = Math.min(1, Math.max(0, (local - ts[a]) / hs[a]));
      const out = new Float64Array(n);
      interpolants[which[a]].interpolate(coef, offsets[a], theta, out);
      return out;
    };
  }
}

/**
 * Calls a user callback `fn(t, y)` that must return a finite number, naming it (`name`):
 * a throw or a non-finite value ends the run with status `'f-error'` (a {@link CallbackFailure}
 * carrying the thrown error, or an `InvalidArgumentError` stating the rule).
 */
function finiteResult(fn: (t: number, y: Float64Array) => number, t: number, y: Float64Array, name: string, value: unknown): number {
  let v: number;
  try {
    v = fn(t, y);
  } catch (e) {
    throw failureOf(name, t, e);
  }
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    const rule = new InvalidArgumentError('solveIvp', name, `must return a finite number, but it returned ${String(v)} at t = ${t}`, value);
    throw new CallbackFailure(`${name}: ${rule.rule}`, rule);
  }
  return v;
}
