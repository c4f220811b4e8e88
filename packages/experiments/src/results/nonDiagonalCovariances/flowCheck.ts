/**
 * The matrix flow against training for result 7: the same covariances and start integrated
 * as an ODE (a `matrix-flow` run: ode's `matrixFlow`, stiff method), read in the same modes.
 * @module
 */
import type { GeneralizedMode, Objective } from '@jepa-dynamics/ode';
import { readModes } from '../../arrange/simulateModes.js';
import type { MatrixFlowRunResult } from '../../ensemble/matrixFlowRun.js';
import type { RunSpec } from '../../ensemble/runSpec.js';

/** The flow's per-mode times at one grid point, beside training's. */
export interface FlowCheck {
  objective: Objective;
  depth: number;
  epsilon: number;
  theta: number;
  seed: number;
  /** `'success'`, or the message of the failed integration (with its status and the time reached); and the solver settings. */
  status: string;
  method: 'bdf';
  rtol: number;
  atol: number;
  /** Per mode: when the flow's amplitude ‖W̄u_k‖ reached p·w̄∞(ρ_k) for good (interpolated between the output times), null if not. */
  flow: (number | null)[];
  /** Per mode: training's time (the grid run's `measured`). */
  training: (number | null)[];
  /** max over modes with both times, the flow's after 0, of |t_training − t_flow| / t_flow (a mode at its target from the start has no crossing to compare). */
  maxRelativeDifference: number;
  /** The output times' spacing (the resolution of `flow`). */
  resolution: number;
}

/** Relative and absolute tolerances of the flow (tight: the comparison is with training's O(η)). */
const RTOL = 1e-8;
const ATOL = 1e-12;

/** A grid point whose matrix flow is compared with its training run. */
export interface FlowCheckInput {
  objective: Objective;
  depth: number;
  epsilon: number;
  theta: number;
  seed: number;
  /** The point's covariances as rows (those of its training run). */
  sigmaXX: number[][];
  sigmaYX: number[][];
  /** Their modes (`generalizedModes`), in which the flow is read as training is. */
  modes: readonly GeneralizedMode[];
  tEnd: number;
  outputs: number;
  /** p: a mode counts as learned when its amplitude reaches p·w̄∞ for good, as in training. */
  fraction: number;
}

/**
 * The `matrix-flow` run of a grid point: from the aligned start `ε^{1/L} I` to `tEnd` by BDF
 * with GMRES on the exact JVP and the flow's preconditioner (rtol 1e-8, atol 1e-12), `outputs + 1`
 * equally spaced output times, W̄ read along every mode's dual direction.
 * @param input - the grid point.
 * @returns the run specification.
 */
export function flowCheckRun(input: FlowCheckInput): RunSpec {
  return {
    kind: 'matrix-flow',
    settings: {
      objective: input.objective,
      depth: input.depth,
      sigmaXX: input.sigmaXX,
      sigmaYX: input.sigmaYX,
      epsilon: input.epsilon,
      init: 'aligned',
      tEnd: input.tEnd,
      points: input.outputs + 1,
      method: 'bdf',
      rtol: RTOL,
      atol: ATOL,
      directions: input.modes.map((m) => Array.from(m.dual)),
    },
  };
}

/**
 * Times each mode of a grid point's flow (its {@link flowCheckRun}) as training is timed, and
 * compares with training's times.
 * @param input - the grid point.
 * @param outcome - the flow run's result, or its error (then every flow time is null and
 *   `status` holds the error's message, which names the time the integration reached).
 * @param training - per mode, training's time (the grid run's `measured`).
 * @returns the comparison.
 */
export function readFlowCheck(
  input: FlowCheckInput,
  outcome: { ok: true; result: MatrixFlowRunResult } | { ok: false; error: { message: string } },
  training: readonly (number | null)[],
): FlowCheck {
  const { objective, depth, epsilon, theta, seed, tEnd, outputs, modes } = input;
  // a failed integration has no records: no mode has a flow time
  const times = outcome.ok
    ? readModes(
        modes,
        {
          t: outcome.result.t.map((t) => t ?? Number.NaN),
          amplitude: (outcome.result.amplitude ?? []).map((a) => a.map((x) => x ?? Number.NaN)),
        },
        modes.map(() => null),
        { objective, depth, epsilon, fraction: input.fraction },
      ).map((m) => m.learnedAt)
    : modes.map(() => null);
  // a mode whose amplitude starts at or above its target (a small ρ: p·w̄∞ below the start) is
  // "learned" at t = 0 by both and has no crossing time to compare (0/0)
  let worst = 0;
  times.forEach((t, k) => {
    const train = training[k];
    if (t !== null && train !== null && t > 0) worst = Math.max(worst, Math.abs(train - t) / t);
  });
  return {
    objective,
    depth,
    epsilon,
    theta,
    seed,
    status: outcome.ok ? 'success' : outcome.error.message,
    method: 'bdf',
    rtol: RTOL,
    atol: ATOL,
    flow: times,
    training: [...training],
    maxRelativeDifference: worst,
    resolution: tEnd / outputs,
  };
}
