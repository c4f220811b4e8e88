/**
 * Empirical critical times: the first step at which each feature's strength reaches
 * a fraction of its fixed point.
 * @module
 */
import { InvalidArgumentError, validateChoice, validateFinite, validateUnitInterval } from '@jepa-dynamics/core';
import type { FeatureReadout } from './featureReadout.js';

/**
 * Empirical critical times: per feature, the first step k at which its strength
 * reaches `fraction · targets[i]`, reported as t = kη. Checked at every step.
 * `measure`: `'diagonal'` (default) the feature-basis entry `w̄_i = (RᵀW̄)_ii`;
 * `'columnNorm'` the rotation-invariant `‖W̄ e_i‖` (use it with random init).
 */
export interface CriticalTimeOptions {
  /** `w̄∞` per feature (e.g. `fixedPoint(feature, objective, depth).wbar` from `@jepa-dynamics/ode`). */
  targets: ArrayLike<number>;
  /** p in (0, 1]; default ½. */
  fraction?: number;
  measure?: 'diagonal' | 'columnNorm';
}

/** The strengths a crossing can be measured on, in the order of {@link CriticalTimeOptions.measure}'s documentation. */
const CRITICAL_TIME_MEASURES: readonly NonNullable<CriticalTimeOptions['measure']>[] = ['diagonal', 'columnNorm'];

/** Watches a run for first crossings; see {@link createCrossingDetector}. */
export interface CrossingDetector {
  /** Per feature: the step k ≥ 1 of the first crossing, or null (not yet, or the start was already at or above). */
  readonly steps: (number | null)[];
  /** Per feature: the time passed with that step, or null. */
  readonly times: (number | null)[];
  /**
   * Checks every feature not yet crossed against W̄ at step k, time t: a strength
   * `≥ fraction · target` at k ≥ 1 is its crossing; at k = 0 it marks a feature that
   * starts at or above its threshold, which is then never reported. O(d) per call for
   * `'diagonal'` with R = I, else O(d²).
   */
  check(k: number, t: number, wbar: Float64Array): void;
}

/**
 * Builds a detector for the features of `readout` (its width and basis).
 *
 * @param criticalTimes - targets, fraction and measure.
 * @param readout - how strengths are read from W̄ ({@link createFeatureReadout}).
 * @param where - the public function named in error messages (default `'createCrossingDetector'`; {@link train} passes its own name).
 * @throws InvalidArgumentError for targets of the wrong length or not finite, a fraction outside (0, 1], or an unknown measure.
 * @returns the detector (all null until crossings happen).
 * @example
 * ```ts
 * // one feature, target 1, p = ½, read in the identity basis
 * const detector = createCrossingDetector({ targets: [1] }, createFeatureReadout('mae', Float64Array.of(1), 1));
 * detector.check(0, 0, Float64Array.of(0.1));
 * detector.check(1, 0.25, Float64Array.of(0.4));
 * detector.check(2, 0.5, Float64Array.of(0.5));
 * detector.check(3, 0.75, Float64Array.of(0.9));
 * detector.steps; // => [2]
 * detector.times; // => [0.5]
 * ```
 */
export function createCrossingDetector(
  criticalTimes: CriticalTimeOptions,
  readout: FeatureReadout,
  where = 'createCrossingDetector',
): CrossingDetector {
  const d = readout.d;
  if (criticalTimes.targets.length !== d)
    throw new InvalidArgumentError(where, 'criticalTimes.targets', `must have one entry per feature (${d})`, criticalTimes.targets.length);
  const p = validateUnitInterval(where, 'criticalTimes.fraction', criticalTimes.fraction ?? 0.5, '(0, 1]');
  const thresholds = Float64Array.from(criticalTimes.targets, (x, i) => p * validateFinite(where, `criticalTimes.targets[${i}]`, x));
  const measure = validateChoice(where, 'criticalTimes.measure', criticalTimes.measure ?? 'diagonal', CRITICAL_TIME_MEASURES);
  const strength = measure === 'columnNorm' ? readout.modeStrength : readout.wbar;
  const steps: (number | null)[] = new Array<number | null>(d).fill(null);
  const times: (number | null)[] = new Array<number | null>(d).fill(null);
  const startedAbove = new Array<boolean>(d).fill(false);
  return {
    steps,
    times,
    check(k, t, wbar) {
      for (let i = 0; i < d; i++) {
        if (steps[i] !== null || startedAbove[i]) continue;
        if (strength(wbar, i) >= thresholds[i]) {
          if (k === 0) startedAbove[i] = true;
          else {
            steps[i] = k;
            times[i] = t;
          }
        }
      }
    },
  };
}
