/**
 * The matrix flow against training for result 7: the same covariances and start integrated
 * as an ODE (ode's `matrixFlow`, stiff method), read in the same modes.
 * @module
 */
import { generalizedModes, matrixFlow, solveIvp, type Objective } from '@jepa-dynamics/ode';
import { rotatedStaticCovariances } from '@jepa-dynamics/sim';
import { componentLearning } from '../../arrange/componentLearning.js';
import { modeTargets } from '../../arrange/simulateModes.js';

/** The flow's per-mode times at one grid point, beside training's. */
export interface FlowCheck {
  objective: Objective;
  depth: number;
  epsilon: number;
  theta: number;
  seed: number;
  /** solveIvp's status (`'success'` unless the integration failed) and the solver settings. */
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

/**
 * Integrates the matrix flow from the aligned start `ε^{1/L} I` to `tEnd` (BDF, rtol 1e-8,
 * atol 1e-12) with `outputs + 1` equally spaced output times, and times each mode as training is timed.
 * @param input - the grid point, its features, p and the training run's times.
 * @returns the comparison.
 */
export function flowCheck(input: {
  objective: Objective;
  depth: number;
  epsilon: number;
  theta: number;
  seed: number;
  features: readonly { lambda: number; rho: number }[];
  tEnd: number;
  outputs: number;
  /** p: a mode counts as learned when its amplitude reaches p·w̄∞ for good, as in training. */
  fraction: number;
  training: readonly (number | null)[];
}): FlowCheck {
  const { objective, depth, epsilon, theta, seed, tEnd, outputs } = input;
  const cov = rotatedStaticCovariances(input.features, theta);
  const d = cov.d;
  const modes = generalizedModes(cov.sigmaXX, cov.sigmaYX, d);
  const rows = (a: Float64Array): number[][] => Array.from({ length: d }, (_, i) => Array.from(a.subarray(i * d, (i + 1) * d)));
  const flow = matrixFlow({ objective, depth, sigmaXX: rows(cov.sigmaXX), sigmaYX: rows(cov.sigmaYX) });
  const f = epsilon ** (1 / depth);
  const start = (): number[][] => Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j ? f : 0)));
  const y0 = flow.pack({ V: start(), W: Array.from({ length: depth }, start) });
  const tEval = Array.from({ length: outputs + 1 }, (_, k) => (tEnd * k) / outputs);
  // BDF with matrix-free GMRES on the exact JVP and the flow's block preconditioner: with BDF's
  // dense finite-difference Jacobian (n = (L + 1)d² columns) d = 32 did not finish in 900 s
  const sol = solveIvp(flow.rhs, [0, tEnd], y0, { ...flow.stiffOptions(), rtol: RTOL, atol: ATOL, tEval });
  // W̄ once per output time, then every mode's amplitude ‖W̄u_k‖ from it
  const encoders = sol.y.map((y) => flow.encoder(y));
  const amplitude = modes.map((m) =>
    encoders.map((wbar) => Math.hypot(...wbar.map((row) => row.reduce((s, x, i) => s + x * m.dual[i], 0)))),
  );
  // a failed integration ends early: its records stop there, and a mode that had not crossed by then counts as not reached
  const times =
    sol.status === 'success'
      ? componentLearning(
          Array.from(sol.t),
          amplitude,
          modeTargets(modes, { objective, depth, epsilon, fraction: input.fraction }).map((x) => x ?? Number.POSITIVE_INFINITY),
          null,
        ).map((l) => l.learnedAt)
      : modes.map(() => null);
  // a mode whose amplitude starts at or above its target (a small ρ: p·w̄∞ below the start) is
  // "learned" at t = 0 by both and has no crossing time to compare (0/0)
  let worst = 0;
  times.forEach((t, k) => {
    const train = input.training[k];
    if (t !== null && train !== null && t > 0) worst = Math.max(worst, Math.abs(train - t) / t);
  });
  return {
    objective,
    depth,
    epsilon,
    theta,
    seed,
    status: sol.status,
    method: 'bdf',
    rtol: RTOL,
    atol: ATOL,
    flow: times,
    training: [...input.training],
    maxRelativeDifference: worst,
    resolution: tEnd / outputs,
  };
}
