import { IntegrationError, type Objective } from '@jepa-dynamics/core';
import { solveIvp } from '../solver/solveIvp.js';
import type { Method } from '../solver/types.js';
import { logGrowthOfGap } from './logGrowth.js';

/** What {@link timeDomainCriticalTime} integrates (validated by the caller). Internal. */
export interface TimeDomainProblem {
  /** The public function whose name the errors carry. */
  readonly where: string;
  readonly objective: Objective;
  readonly sigma2: number;
  readonly rho: number;
  readonly depth: number;
  /** Start `u0 = ε^{1/L}`. */
  readonly u0: number;
  /** Target `u*` > u0. */
  readonly uStar: number;
  /** `u* − u0`, possibly more accurate than the difference of the doubles (`criticalGap`). */
  readonly gap: number;
  readonly solver: Method;
  readonly rtol: number;
  /** Multiplies gradient-flow time into the caller's unit (1, or L for paper time): used for the time reached in errors. */
  readonly factor: number;
}

/**
 * A stage ends where the time scale `u/(du/dt)` of the flow has shrunk 256-fold: the
 * steps at a stage's end are then ~1/256 of those at its start (a few hundred steps per
 * stage at rtol 1e-12), far above the 10 ulps of stage time below which the solver stops.
 */
const STAGE_TIME_SCALE_RATIO = 256;

/** More stages than any representable t* needs (ε = 5e-324 at L = 1: 2·745/ln 256 ≈ 270). */
const MAX_STAGES = 100_000;

/**
 * docs/math.md §2's balanced per-layer flow integrated in time until u reaches u*
 * (the `'ode'` method of `criticalTime`), in stages whose variables make each as
 * well-conditioned as the closed form:
 *
 * - **Stages** from `u_k` to `u_{k+1} = min(u_k·256^{1/(2L−1)}, u*)` (JEPA; `256^{1/(L−1)}`
 *   MAE, one stage at L = 1), over which the flow's time scale `u/(du/dt) ∝ u^{1−2L}`
 *   shrinks 256-fold, each on its own clock from 0; t* is the compensated sum of the stage
 *   durations. Stages that ended at each doubling of u (the former scheme) span a 2^{2L−1}-fold
 *   change (5.8e17 at L = 30): the transition then needs steps below 10 ulps of t* and
 *   the run ended `'step-too-small'` at t*.
 * - **State** `ζ = (u − u_k)/(u_{k+1} − u_k)` from 0 to 1, not u. The solver controls the
 *   error relative to its state; with state u that is `rtol·u`, not small against
 *   `u* − u0` when ε is close to the target (ε 1e-6 below it: u* − u0 ≈ 1e-6·u/L), and t*
 *   came out 1 % off. Relative to ζ it is relative to the distance travelled, the quantity
 *   t* depends on. The event `ζ = 1` is the double `u_k + (u_{k+1} − u_k)`, exactly u* when
 *   u* ≤ 2u_k (Sterbenz).
 * - **Time** `s = t/T_k`, T_k a rigorous lower bound on the stage's duration
 *   (see `integrateStage`), so that the stage ends at s ≥ 1 and nothing depends on
 *   the scale of t: the solver locates events to `1e-12·max(1, |s|)` (absolute below 1) and
 *   its initial-step formula squares `f/(rtol·y)`, which overflows when f is 1e140 in the
 *   units of the whole run (L = 1, ε = 1e-150: `solveIvp`'s single-unit `clockRestart` stops
 *   with a step of 0 there, these stages do not).
 *
 * @returns t* in gradient-flow time (Infinity when it overflows, for the caller to report).
 * @throws {@link IntegrationError} with the solver's status (`'target-not-reached'` if a stage ended without reaching its end) and the time reached (in the caller's unit) when a stage fails.
 */
export function timeDomainCriticalTime(problem: TimeDomainProblem): number {
  const { objective, depth, u0, uStar } = problem;
  const power = objective === 'jepa' ? 2 * depth - 1 : depth - 1;
  const growth = power === 0 ? Number.POSITIVE_INFINITY : Math.pow(STAGE_TIME_SCALE_RATIO, 1 / power);
  // Durations in units of the first stage's unit e^{logFirst}: the last stages of a sharp
  // transition may be shorter than the smallest double in gradient-flow units (their share
  // of t* then rounds to 0, as it should) while the first may exceed the largest.
  let logFirst = Number.NaN;
  let total = 0;
  let compensation = 0; // Kahan summation of the stage durations
  const time = (relative: number): number => problem.factor * Math.exp(logFirst + Math.log(relative));
  let uStart = u0;
  for (let stage = 0; stage < MAX_STAGES; stage++) {
    const uEnd = Math.min(uStart * growth, uStar);
    // a first stage that ends at u* spans the caller's gap (near the target, more accurate than u* − u0)
    const gap = stage === 0 && uEnd === uStar ? problem.gap : uEnd - uStart;
    if (!(gap > 0)) return stage === 0 ? 0 : time(total) / problem.factor; // u0 rounds to u*: the closed form gives 0 as well
    const run = integrateStage(problem, uStart, gap);
    if (stage === 0) logFirst = run.logUnit;
    const duration = Math.exp(run.logUnit - logFirst) * run.s;
    if (run.failure !== undefined) {
      const tReached = time(total + duration);
      throw new IntegrationError(
        `${problem.where}: the time-domain integration (${problem.solver}, rtol ${problem.rtol}) stopped with status '${run.failure}' at t = ${tReached}, w̄ = ${run.wbar}, before reaching w̄ = ${Math.pow(uStar, depth)}.`,
        run.failure,
        tReached,
      );
    }
    const term = duration - compensation;
    const sum = total + term;
    compensation = sum - total - term;
    total = sum;
    if (uEnd === uStar) return time(total) / problem.factor;
    uStart = uStart + gap;
  }
  throw new IntegrationError(
    `${problem.where}: the time-domain integration needed more than ${MAX_STAGES} stages, at t = ${time(total)}.`,
    'max-steps',
    time(total),
  );
}

/**
 * `∫_{a}^{a e^ℓ} (a/u)^m du` for an integer m ≥ 1: the stage's integral of the rate's power
 * in units of its start, without forming `a^m`.
 */
function scaledPowerIntegral(a: number, logRatio: number, m: number): number {
  return m === 1 ? a * logRatio : (a * -Math.expm1((1 - m) * logRatio)) / (m - 1);
}

/** How a stage ended: its duration `e^{logUnit}·s`, or the solver's failure there. */
interface StageRun {
  /** ln of the stage's time unit (gradient-flow time). */
  readonly logUnit: number;
  /** Stage time reached, in units of e^{logUnit}: at the event, or where the run stopped. */
  readonly s: number;
  /** The solver's status if the run did not reach the stage's end (`'target-not-reached'` if it ended without the event). */
  readonly failure?: string;
  /** w̄ where it stopped. */
  readonly wbar: number;
}

/**
 * One stage, from `uStart` to `uStart + gap`, integrated in the stage's variables ζ, s.
 * The rate is written `σ² a^m·(u/a)^m·r(u)` with `a = uStart`, `m = 2L` and `r = ρ − u`
 * (JEPA) or `m = L` and `r = ρ − u^{L+1}` (MAE): bounding `r` by its values at the ends gives
 * rigorous bounds on the duration, `I/(σ² a^m r(a)) ≤ duration ≤ I/(σ² a^m r(u_end))` with
 * `I = ∫(a/u)^m du`; the lower one is the time unit, and in units of it the right-hand side
 * `dζ/ds = (I/(r(a)·gap))·(u/a)^m·r(u)` never forms `a^m` (1e360 at ρ = 1e3, L = 60), so it
 * stays finite wherever t* is.
 */
function integrateStage(problem: TimeDomainProblem, uStart: number, gap: number): StageRun {
  const { objective, sigma2, rho, depth } = problem;
  const uEnd = uStart + gap;
  const m = objective === 'jepa' ? 2 * depth : depth;
  const room = (u: number): number => (objective === 'jepa' ? rho - u : rho - Math.pow(u, depth + 1));
  const integral = scaledPowerIntegral(uStart, logGrowthOfGap(uStart, uEnd, gap), m);
  const roomStart = room(uStart);
  const logUnit = Math.log(integral) - Math.log(sigma2) - m * Math.log(uStart) - Math.log(roomStart);
  const speed = integral / (roomStart * gap);
  const rhs = (_s: number, y: Float64Array, dyds: Float64Array): void => {
    // A trial step far past the stage's end (ζ = 1) would meet u^m overflowing; the flow
    // there is never used, so u is held within [u_k, u_k + 2·gap] and stays finite.
    const u = uStart + gap * Math.min(Math.max(y[0], 0), 2);
    dyds[0] = speed * Math.pow(u / uStart, m) * room(u);
  };
  const rateChange = speed * gap * logRateSlope(objective, rho, depth, uStart);
  const result = solveIvp(rhs, [0, 1.01 * (roomStart / room(uEnd))], Float64Array.of(0), {
    method: problem.solver,
    rtol: problem.rtol,
    atol: 0,
    // ζ(0) = 0 gives Hairer's initial-step formula no scale (atol = 0): a first step of a
    // thousandth of the time over which the rate changes by a factor e; the controller adjusts.
    firstStep: 1e-3 * Math.min(1, 1 / rateChange),
    maxSteps: 1_000_000,
    events: [{ g: (_s, y) => y[0] - 1, direction: 1, terminal: true }],
  });
  const event = result.events[0];
  if (result.status === 'event' && event !== undefined) return { logUnit, s: event.t, wbar: Math.pow(uEnd, depth) };
  const k = result.t.length - 1;
  return {
    logUnit,
    s: k >= 0 ? result.t[k] : 0,
    failure: result.status === 'success' ? 'target-not-reached' : result.status,
    wbar: Math.pow(k >= 0 ? uStart + gap * result.y[k][0] : uStart, depth),
  };
}

/** `|d ln(du/dt)/du|` bounded above at u (docs/math.md §2 rates): sets the first step. */
function logRateSlope(objective: Objective, rho: number, depth: number, u: number): number {
  switch (objective) {
    case 'jepa':
      return (2 * depth) / u + 1 / (rho - u);
    case 'mae': {
      const uL1 = Math.pow(u, depth + 1);
      return depth / u + ((depth + 1) * uL1) / (u * (rho - uL1));
    }
    default: {
      const never: never = objective;
      return never;
    }
  }
}
