/**
 * Results computed on demand that the trajectory view draws over the closed form: the ODE
 * (per objective) and the last training run. Each remembers the setting it was computed for
 * ({@link settingSignature}) and is drawn only while that is the page's setting.
 * @module
 */
import type { Objective } from '@jepa-dynamics/core';
import type { OdeOverlay } from '../model/odeOverlay.js';
import type { TrainOutcome } from '../workers/trainingProtocol.js';

/** A training run's outcome with what it was run for. */
export interface TrainingOverlay {
  signature: string;
  objective: Objective;
  /** Table rows of the run's features, in the run's order. */
  rows: number[];
  /** w̄∞ of each of those features (to normalize). */
  wbarInfinity: number[];
  outcome: TrainOutcome;
}

/** The overlays. */
export interface Overlays {
  ode: { signature: string; panels: OdeOverlay[] } | null;
  training: TrainingOverlay | null;
}

/** The page's overlays (one page, one set). */
export const overlays: Overlays = { ode: null, training: null };
