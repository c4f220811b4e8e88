/**
 * Distance between a simulated and a reference (ODE) trajectory.
 * @module
 */
import { InvalidArgumentError } from '@jepa-dynamics/core';

/** Result of {@link trajectoryDeviation}. */
export interface TrajectoryDeviation {
  /** `max_{i,k} |sim[i][k] − ref[i][k]|`. */
  max: number;
  /** Per feature i: `max_k |sim[i][k] − ref[i][k]|`. */
  perFeature: number[];
  /** Where the maximum is attained: feature index and record index. */
  feature: number;
  index: number;
}

/**
 * The largest absolute difference between two families of trajectories sampled
 * at the same times (`x[i][k]`: feature i at time k). A NaN anywhere makes the
 * result NaN, never a silently smaller number.
 *
 * @param simulated - e.g. {@link TrainResult.wbar}.
 * @param reference - e.g. `flowTrajectories(...).wbar` at the same times.
 * @throws InvalidArgumentError when the shapes differ.
 * @returns the deviation.
 * @example
 * ```ts
 * trajectoryDeviation([[0, 1, 2]], [[0, 1.5, 2]]).max; // => 0.5
 * ```
 */
export function trajectoryDeviation(simulated: readonly ArrayLike<number>[], reference: readonly ArrayLike<number>[]): TrajectoryDeviation {
  const where = 'trajectoryDeviation';
  if (simulated.length !== reference.length)
    throw new InvalidArgumentError(where, 'reference', `must have as many features as simulated (${simulated.length})`, reference.length);
  const out: TrajectoryDeviation = { max: 0, perFeature: [], feature: 0, index: 0 };
  simulated.forEach((s, i) => {
    const r = reference[i];
    if (s.length !== r.length)
      throw new InvalidArgumentError(where, `reference[${i}]`, `must have as many times as simulated[${i}] (${s.length})`, r.length);
    let m = 0;
    for (let k = 0; k < s.length; k++) {
      const e = Math.abs(s[k] - r[k]);
      if (Number.isNaN(e)) {
        m = Number.NaN;
        out.max = Number.NaN;
        out.feature = i;
        out.index = k;
        break;
      }
      if (e > m) m = e;
      if (e > out.max) {
        out.max = e;
        out.feature = i;
        out.index = k;
      }
    }
    out.perFeature.push(m);
  });
  return out;
}
