/**
 * The feature table's rows as features: each row's two given moments resolved to (σ², λ, ρ)
 * by `resolveFeature` of @jepa-dynamics/ode, or the sentence saying why the row is invalid.
 * @module
 */
import { resolveFeature, type Feature, type FeatureInput } from '@jepa-dynamics/ode';
import { GIVEN_MOMENTS, type ExplorerState, type Parametrization } from '../state/explorerState.js';

/** One row of the table, resolved. */
export type ResolvedRow = { ok: true; feature: Feature } | { ok: false; message: string };

/** The `FeatureInput` of a row: its two numbers under the names of the parametrization. */
export function featureInput(given: Parametrization, row: readonly [number, number]): FeatureInput {
  const [first, second] = GIVEN_MOMENTS[given];
  return { [first]: row[0], [second]: row[1] };
}

/**
 * Resolves every row of the table.
 * @param state - the explorer's state (its `given` and `features`).
 * @returns one result per row, in order.
 */
export function resolvedFeatures(state: Pick<ExplorerState, 'given' | 'features'>): ResolvedRow[] {
  return state.features.map((row, i) => {
    try {
      return { ok: true, feature: resolveFeature(featureInput(state.given, row), `feature ${i + 1}`) };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  });
}

/**
 * The rows of the table in another parametrization: each valid row's moments under the new
 * pair of names; an invalid row keeps its numbers.
 * @param state - the current parametrization and rows.
 * @param to - the new parametrization.
 * @returns the new rows.
 */
export function reparametrize(state: Pick<ExplorerState, 'given' | 'features'>, to: Parametrization): [number, number][] {
  const [first, second] = GIVEN_MOMENTS[to];
  return resolvedFeatures(state).map((r, i) =>
    r.ok ? [r.feature[first], r.feature[second]] : [state.features[i][0], state.features[i][1]],
  );
}
