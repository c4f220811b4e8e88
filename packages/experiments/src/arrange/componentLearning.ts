/**
 * Which recorded components of a training run were learned, and when.
 * @module
 */
import { heldCrossing } from './heldCrossing.js';

/**
 * Whether one recorded component (feature i's w̄_i with aligned init; the i-th largest
 * singular value of W̄ with random init) was learned: it counts only if it reaches
 * `target` and stays at or above it, at every record, to the end of the run.
 */
export interface ComponentLearning {
  /** p·w̄∞ of the component: feature i's (aligned), or p times the i-th largest w̄∞ (random). */
  target: number;
  /** When it reached the target for good (gradient-flow time), or null: not learned in this run. */
  learnedAt: number | null;
  /** A first crossing that did not hold (the component fell back below the target), or null. */
  transientCrossing: number | null;
  /** Its value at the end of the run. */
  end: number;
}

/**
 * Whether, and when, each recorded component was learned: it counts only if it reaches its
 * target and stays at or above it at every record to the end ({@link heldCrossing}). The
 * time is the trainer's own first crossing (`stepExact[i]`, detected at every step) when
 * that crossing is the one that holds (it comes after the last record below the target);
 * otherwise it is interpolated linearly between the two records where the component passes
 * the target for good, and an earlier crossing is reported as transient.
 *
 * @param t - recorded times.
 * @param series - `series[i][k]`: component i at `t[k]`.
 * @param targets - the target of each component.
 * @param stepExact - the trainer's first crossings of each component (null: not available).
 * @returns one {@link ComponentLearning} per component.
 * @example
 * ```ts
 * componentLearning([0, 1, 2, 3], [[0, 0.6, 0.4, 0.8], [0, 0.1, 0.2, 0.3]], [0.5, 0.5], null)
 *   .map((c) => [c.learnedAt, c.transientCrossing]); // => [[2.25, 0.8333333333333334], [null, null]]
 * ```
 */
export function componentLearning(
  t: readonly number[],
  series: readonly (readonly number[])[],
  targets: readonly number[],
  stepExact: readonly (number | null)[] | null,
): ComponentLearning[] {
  return series.map((values, i) => {
    const target = targets[i];
    const { first, held } = heldCrossing(values, target);
    const at = (k: number): number => {
      if (k === 0) return t[0];
      // linear interpolation between the records k − 1 (below) and k (at or above)
      return t[k - 1] + ((target - values[k - 1]) / (values[k] - values[k - 1])) * (t[k] - t[k - 1]);
    };
    const exact = stepExact?.[i] ?? null;
    // the trainer's crossing is the held one only if it comes after the last record below the target
    const heldAt = held < 0 ? null : held === first && exact !== null && (held === 0 || exact > t[held - 1]) ? exact : at(held);
    // the first crossing: the trainer's (every step) if known, else the records'
    const firstAt = exact ?? (first < 0 ? null : at(first));
    return {
      target,
      learnedAt: heldAt,
      transientCrossing: firstAt !== null && (heldAt === null || firstAt < heldAt) ? firstAt : null,
      end: values[values.length - 1],
    };
  });
}
