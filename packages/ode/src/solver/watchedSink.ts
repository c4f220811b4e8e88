/**
 * `options.onStep` and `options.signal` (see `solveControls.ts`): a {@link StepSink}
 * between the drivers and the {@link SolutionRecorder} that reports each accepted step
 * to the caller and stops the run when asked to. Only used when one of the two is set.
 *
 * @module
 */

import { failureOf } from './callbackFailure.js';
import type { CountedRhs } from './countedRhs.js';
import type { StepSink } from './driver.js';
import type { NormalizedControls } from './normalizeProblem.js';
import type { SolutionRecorder } from './solutionRecorder.js';
import type { DenseInterpolant } from './stepper.js';

/** Passes steps on to the recorder, then to `onStep`; stops on `false` or an aborted signal. */
export class WatchedSink implements StepSink {
  /** Why this sink stopped the run (undefined: it did not). */
  stopReason: 'stopped' | 'aborted' | undefined;
  /** Accepted steps of the runs before the current one (set by the orchestrator). */
  acceptedBefore = 0;
  private acceptedInRun = 0;

  constructor(
    private readonly recorder: SolutionRecorder,
    private readonly controls: NormalizedControls,
    private readonly rhs: CountedRhs,
  ) {}

  /** Starts counting the steps of a new run. */
  beginRun(acceptedBefore: number): void {
    this.acceptedBefore = acceptedBefore;
    this.acceptedInRun = 0;
  }

  /** Whether the signal is aborted now (records the reason). */
  aborted(): boolean {
    if (this.controls.signal?.aborted !== true) return false;
    this.stopReason = 'aborted';
    return true;
  }

  step(tOld: number, h: number, tNew: number, yNew: Float64Array, coef: Float64Array, dense: DenseInterpolant): boolean {
    this.acceptedInRun++;
    const recorderStops = this.recorder.step(tOld, h, tNew, yNew, coef, dense);
    const { onStep } = this.controls;
    if (onStep !== undefined) {
      // A step cut short by a terminal event or a clock restart ends where the recorder says.
      const t = this.recorder.tReached;
      const y = recorderStops ? this.recorder.restartState : yNew;
      let answer: unknown;
      try {
        answer = onStep(t, y, { nfev: this.rhs.count, naccepted: this.acceptedBefore + this.acceptedInRun, h });
      } catch (e) {
        throw failureOf('options.onStep', t, e);
      }
      if (answer === false) {
        this.stopReason = 'stopped';
        return true;
      }
    }
    return this.aborted() || recorderStops;
  }
}
