/**
 * Which computations a result belongs to: an ODE overlay or a training run is shown only
 * while the features and setting it was computed for are still those of the page.
 * @module
 */
import type { ExplorerState } from '../state/explorerState.js';

/**
 * A key of everything that determines w̄(t) in gradient-flow time: the features, L, ε
 * (and p, which the critical times depend on). The time unit and the objectives shown only
 * change how a result is drawn.
 * @param state - the explorer's state.
 * @returns a string equal for equal settings.
 */
export function settingSignature(state: ExplorerState): string {
  return JSON.stringify([state.given, state.features, state.depth, state.epsilon, state.fraction]);
}
